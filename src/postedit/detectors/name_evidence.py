"""Evidence that a lower-case word is a name or a German noun, from its neighbours.

``Elena marín`` (a capitalised first name right before a word the article capitalises
elsewhere), ``La audiencia nacional`` and ``Instituto nacional de Estadística`` (parts of
a multiword name the article writes in Title Case), ``die bahn`` (a German noun the
article capitalises elsewhere).
"""

from __future__ import annotations

import re

from postedit.context import Context, fold_accents
from postedit.detectors import article_facts
from postedit.detectors.case_words import closed_words
from postedit.lexicon import verb_form, zipf

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NEXT = re.compile(r" (?:(?:de|di|do|da|del|du|des|der|von) )?([^\W\d_][\w’'-]*|\([A-Z]{2,})")
_GERMAN_DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines im am zum zur vom beim".split()
)
# Nouns with a lower-case twin in set phrases ("mir ist angst", "von seiten").
_GERMAN_LOWER_TOO = frozenset("angst seiten".split())
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
_OPENING_MARKS = "“\"‘'([«¿¡—–-•* „"
GIVEN_NAME_MAX_ZIPF = {"en": 4.0}  # English capitalises many common nouns (Cabinet, Ministers)
GIVEN_NAME_DEFAULT_MAX_ZIPF = 5.0
RARE_FIRST_NAME_ZIPF = 4.0
SENTENCE_START_ONLY_MAX_ZIPF = 4.5  # "fuentes" 4.9, "fonti" 4.9; "ibarrola", "marín" rare


def lowercased_name(ctx: Context, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a lower-case word, should be capitalised."""
    word = text[start:end]
    if word not in ctx.capitalised_forms or word in closed_words(ctx.lang):
        return False  # every rule below needs the word capitalised somewhere
    previous = _previous_word(text, start)
    if _part_of_title_name(ctx, word, previous, text, end):
        return True
    if ctx.lang == "de" and _german_noun(ctx, word, previous, text, end):
        return True
    if ctx.lowercase_counts[word] > 1:
        return False
    return previous[:1].isupper() and _given_name(ctx, word, previous, text, start)


def _previous_word(text: str, start: int) -> str:
    """The word right before ``start`` with one space between, else ``""``."""
    if start < 2 or text[start - 1] != " ":
        return ""
    begin = text.rfind(" ", 0, start - 1) + 1
    found = _WORD.search(text, begin, start - 1)  # "(Instituto", "«Elena"
    return found.group(0) if found and found.end() == start - 1 else ""


def _part_of_title_name(ctx: Context, word: str, previous: str, text: str, end: int) -> bool:
    """``Audiencia nacional``/``audiencia nacional`` where the article writes ``Audiencia
    Nacional``; ``Instituto nacional de Estadística`` where ``nacional`` ends another name."""
    head = previous.lower()
    rare = ctx.lowercase_counts[word] <= 2  # "nacional" is also a plain adjective
    if (head, word) in ctx.title_bigrams and (rare or previous[:1].isupper()):
        return _name_ends_there(ctx, head, word)
    following = _NEXT.match(text, end)
    after = following.group(1) if following else ""
    if rare and after.islower() and (word, after) in ctx.title_bigrams:
        return _name_ends_there(ctx, word, after)  # not "Prime Minister Ana Ruiz" only
    closed = closed_words(ctx.lang)
    if not previous[:1].isupper() or head in closed or word not in ctx.name_tails:
        return False
    return after.startswith("(") or (after[:1].isupper() and after.lower() not in closed)


def _name_ends_there(ctx: Context, head: str, word: str) -> bool:
    """The article writes ``Head Word`` as a name of its own somewhere (``the Supreme Court
    ruled``), not only inside a longer title (``Pentagon Press Secretary Mark Doyle``,
    whose ``press`` is the plain word of ``the Pentagon press briefing``)."""
    pair = f"{head.capitalize()} {word.capitalize()}"
    return article_facts.search(ctx.document.text, rf"{re.escape(pair)}(?! [A-ZÀ-ÖØ-Þ])")


def _given_name(ctx: Context, word: str, previous: str, text: str, start: int) -> bool:
    """``Elena marín``: a capitalised word inside the sentence, then a word the article
    capitalises elsewhere (accents aside) and never writes in lower case again."""
    before = text[: start - len(previous) - 1]
    if not before.strip(_OPENING_MARKS) or before.rstrip()[-1:] in ":;.!?":
        return False  # "Gestrichen werden": a sentence start is no first name
    if previous.lower() in closed_words(ctx.lang) or fold_accents(word) not in ctx.capitalised_forms:
        return False
    if previous.endswith(("’s", "'s")) or previous.lower() in _CALENDAR:
        return False  # "Thursday’s cabinet reshuffle": no first name
    if ctx.lang == "de":  # "Familien leben": a noun and its verb, not a first name
        return word in ctx.names_mid_sentence and not _german_infinitive(word)
    limit = GIVEN_NAME_MAX_ZIPF.get(ctx.lang, GIVEN_NAME_DEFAULT_MAX_ZIPF)
    if zipf(previous.lower(), ctx.lang) < RARE_FIRST_NAME_ZIPF:
        limit = GIVEN_NAME_DEFAULT_MAX_ZIPF  # "Denise carter": a rare word before is a name
    if not ctx.mid_sentence_counts[word]:
        # capitalised only where a sentence starts ("Fuentes de la Policía …"): a common
        # word there proves no surname ("contaron a Europa Press fuentes del caso")
        limit = min(limit, SENTENCE_START_ONLY_MAX_ZIPF)
    return zipf(word, ctx.lang) < limit and verb_form(word, ctx.lang) is not True


def _german_noun(ctx: Context, word: str, previous: str, text: str, end: int) -> bool:
    """``die bahn mit``: German writes every noun with a capital; this one the article
    capitalises inside a sentence elsewhere, and it is a noun here (its lemma is
    capitalised, or an article precedes it and no capitalised noun follows)."""
    if word not in ctx.names_mid_sentence or word in _GERMAN_LOWER_TOO:
        return False
    from postedit import lemmas

    if lemmas.lemmatize(word, "de")[:1].isupper():
        return True  # a noun: German never writes it in lower case
    if ctx.lowercase_counts[word] > ctx.mid_sentence_counts[word]:
        return False  # as often in lower case as capitalised: a word of its own
    following = _NEXT.match(text, end)
    after = following.group(1) if following else ""
    return previous.lower() in _GERMAN_DETERMINERS and not after[:1].isupper()



def _german_infinitive(word: str) -> bool:
    """``leben``, ``wissen``: a verb whose noun (``Leben``) the article capitalises."""
    from postedit import lemmas

    return lemmas.is_known(word, "de") and lemmas.lemmatize(word, "de") == word
