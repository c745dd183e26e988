"""Fragments told by clause shape, for the fragment detector.

A sentence that opens with a relative pronoun or a subordinating conjunction and never
reaches a main clause (``Cuando la borrasca se desplace hacia el este.``); the tail of a
sentence cut at a comma, which opens with a finite verb and has no subject (``Said they
would now seek damages.``) or with a participle and has no finite verb at all (``Heading
in a corner from the captain.``); and in German, where verbless news sentences are common,
only shapes that are sure: a relative or conjunction clause with its verb at the end, a
participle or ``zu`` infinitive as the only verb, a past tense first (``Sagte er.``).
Each function returns the reason for the flag, or None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from postedit.detectors.verbs import NOUN_MARKERS, english_stem, finite_verb_groups, has_verb
from postedit.lexicon import (
    GERMAN_RELATIVES,
    GERMAN_SUBORDINATORS,
    RELATIVE_OPENERS,
    REPORTING_AUXILIARIES,
    REPORTING_VERBS,
    SUBORDINATE_OPENERS,
    german_past,
    german_verb,
    german_zu_infinitive,
    relative_opener,
    subordinate_opener,
    verb_form,
    zipf,
)

_WORD = re.compile(r"[^\W\d_][\w-]*")  # no apostrophe inside: "Lorsqu’il" is two words
_OPENER_CHARS = 60
_CLAUSE_BREAK = re.compile(r"[,;:–—]")
# After an article-form German relative pronoun: the words a noun phrase cannot start with.
_GERMAN_NOT_NOUN_PHRASE = frozenset("""seit zum zur unter in im am an auf aus bei beim mit nach
    von vom vor für über um durch gegen ohne bis zu wegen trotz sich er sie es wir ihr ihn ihm
    ihnen man nicht nur noch schon bereits jetzt damit dort hier als auch kaum sehr oft""".split())
_GERMAN_OPENING_PREPOSITIONS = frozenset("""im am in mit nach vor bei beim seit von vom zum zur
    für auf aus unter über um durch gegen ohne""".split())
# English finite verbs that open a cut tail: "Said they would ...", "Was fined ...".
_ENGLISH_FINITE_OPENERS = frozenset("""said says was were is are has had told added did does
    noted warned stressed insisted argued claimed admitted explained""".split())
_CUT_TAIL_MAX_WORDS = 15
_ATTRIBUTION_MAX_WORDS = 7
_PARTICIPLE_ENDINGS = {
    "es": ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"),
    "fr": ("é", "ée", "és", "ées"),
    "it": ("ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute"),
    "pt": ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"),
}
_COMPLEMENTISERS = frozenset("that que che dass qu".split())


def opener_words(text: str) -> list[str]:
    """The first words with elisions split off: ``Lorsqu’il`` -> ``Lorsqu``, ``il``."""
    return _WORD.findall(text, 0, _OPENER_CHARS)


def _all_words(text: str) -> list[str]:
    """Every word of ``text``, elisions split off as in ``opener_words``."""
    return _WORD.findall(text)


def clause_fragment(
    text: str, words: list[str], lang: str, first_in_block: bool, after_quote: bool
) -> str | None:
    """Why ``text`` (a sentence, ``words`` its words) is a fragment by its clause shape.
    ``after_quote``: the sentence before it in the paragraph ends with a quotation."""
    if after_quote and _cut_attribution(words, lang):
        return (f"“{' '.join(words)}” is the attribution of the quotation before it, cut off "
                "into a sentence of its own")
    if lang == "de":
        return _german_fragment(text, words, first_in_block)
    if lang == "en" and _adjective_because(words):
        return (f"“{' '.join(words[:3])} …”: an adjective and “because” with no main clause; "
                f"probably “{words[0]}ly”")
    reason = _opener_fragment(text, lang)
    if reason:
        return reason
    if first_in_block or _CLAUSE_BREAK.search(text):
        return None
    if lang == "en":
        return _english_cut_tail(words)
    if _participle_phrase(words, lang):
        return f"“{words[0]} …” has no finite verb: a piece of another sentence"
    if lang == "fr" and _french_subjectless(words):
        return f"starts with the verb “{words[0]}” and has no subject: a piece of another sentence"
    return None


def _opener_fragment(text: str, lang: str) -> str | None:
    """A relative pronoun or a subordinating conjunction first, with no main clause after
    it. Most sentences start with neither: their first word alone settles it."""
    first = _WORD.search(text, 0, _OPENER_CHARS)
    if first is None or first.group().lower() not in _opening_words(lang):
        return None
    heads = opener_words(text)
    opener = relative_opener(heads, lang)
    if opener:
        return f"starts with “{opener}” and has no main clause: it belongs to the sentence before"
    opener = subordinate_opener(heads, lang)
    # the whole sentence, not only the opener's 60 characters: a long subordinate clause
    # reaches its main clause later ("Quando ... peggiorano contemporaneamente abbiamo")
    if opener and _no_main_clause(text, _all_words(text)[len(opener.split()) :], lang):
        return f"starts with “{opener}” and has no main clause after it"
    return None


@lru_cache(maxsize=16)
def _opening_words(lang: str) -> frozenset[str]:
    """The first words of ``RELATIVE_OPENERS`` and ``SUBORDINATE_OPENERS``: what
    ``relative_opener`` and ``subordinate_opener`` need the sentence's first word to be."""
    phrases = (*RELATIVE_OPENERS.get(lang, ()), *SUBORDINATE_OPENERS.get(lang, ()))
    return frozenset(phrase.split()[0] for phrase in phrases)


_FRENCH_AUXILIARIES = frozenset("a ont avait avaient est sont était étaient".split())
_FRENCH_INVERSION = re.compile(r"\w+-(?:t-)?(?:il|elle|on|ils|elles)$")
_FRENCH_PARTICIPLES = (*_PARTICIPLE_ENDINGS["fr"], "i", "is", "it", "u", "us")
_INVERSION_MAX_WORDS = 4  # "A-t-il prévenu.", "Ont-ils ajouté dimanche."


def _french_subjectless(words: list[str]) -> bool:
    """``A rappelé que l'audience ...``: French drops no subject, so an auxiliary and a
    participle first are the tail of a sentence cut off; so is an inverted attribution
    (``A-t-il prévenu.``) without its quotation. ``A Paris`` is the preposition."""
    if _FRENCH_INVERSION.match(words[0]):
        return len(words) <= _INVERSION_MAX_WORDS
    if len(words) < 2 or words[0].lower() not in _FRENCH_AUXILIARIES or not words[1].islower():
        return False
    return words[1].endswith(_FRENCH_PARTICIPLES) and bool(verb_form(words[1], "fr"))


def _adjective_because(words: list[str]) -> bool:
    """``Particular also because it is ...``: an adjective whose adverb (``particularly``)
    is the common word, then ``because``: the translation lost the adverb's ending."""
    if len(words) < 3 or not words[0][1:].islower():
        return False
    because = 2 if words[1].lower() in ("also", "above", "mainly", "partly") else 1
    if words[because].lower() != "because":
        return False
    first = words[0].lower()
    return not first.endswith("ly") and zipf(first + "ly", "en") >= _ADVERB_ZIPF


_ADVERB_ZIPF = 3.5  # "particularly" 4.6, "especially" 4.9; "sadly" 3.6, "simply" 5.0


def _participle_phrase(words: list[str], lang: str) -> bool:
    """``Imputato per disastro colposo.``: a past participle first and no verb after it."""
    first = words[0].lower()
    if len(words) < 3 or not first.endswith(_PARTICIPLE_ENDINGS.get(lang, ())):
        return False
    return bool(verb_form(first, lang)) and not has_verb(words[1:], lang)


def _cut_attribution(words: list[str], lang: str) -> bool:
    """``Contó una vecina de Amposta.``, ``Ha detto Galli.``: a reporting verb and its
    speaker, nothing said."""
    if not 2 <= len(words) <= _ATTRIBUTION_MAX_WORDS:
        return False
    lowered = [word.lower() for word in words]
    verb = 1 if lowered[0] in REPORTING_AUXILIARIES else 0
    if lowered[verb] not in REPORTING_VERBS.get(lang, ()):
        return False
    return not _COMPLEMENTISERS.intersection(lowered)


def _no_main_clause(text: str, rest: list[str], lang: str) -> bool:
    """No comma to end the subordinate clause, and at most one verb group after its subject
    (a ``that`` clause inside it has verbs of its own: ``When a bidder complained that
    officials had shared ...``)."""
    if _CLAUSE_BREAK.search(text):
        return False
    # English finite forms need their subject; elsewhere the clause's first word goes, or
    # an article and its noun ("Mentre i contratti ...": "contratti" is no verb there)
    skip = 0 if lang == "en" else 2 if rest and rest[0].lower() in NOUN_MARKERS.get(lang, ()) else 1
    words = rest[skip:]
    cut = next((i for i, word in enumerate(words) if word.lower() in _COMPLEMENTISERS), None)
    if cut is not None and finite_verb_groups(words[:cut], lang) == 1:
        words = words[:cut]
    return finite_verb_groups(words, lang) <= 1


def _english_cut_tail(words: list[str]) -> str | None:
    if not words or len(words) > _CUT_TAIL_MAX_WORDS or not words[0][1:].islower():
        return None
    first = words[0].lower()
    if first in _ENGLISH_FINITE_OPENERS or _english_past(first):
        return f"starts with the verb “{words[0]}” and has no subject: a piece of another sentence"
    if first.endswith("ing") and english_stem(first[:-3]) and not finite_verb_groups(words, "en"):
        return f"“{words[0]} …” has no finite verb: a piece of another sentence"
    return None


def _english_past(lower: str) -> bool:
    """``Cancelled``, ``Added``: a past tense from a common verb (not ``Indeed``, ``Hundred``)."""
    if not lower.endswith("ed") or len(lower) < 6:
        return False
    return zipf(lower, "en") >= 3.5 and (english_stem(lower[:-2]) or english_stem(lower[:-1]))


def _german_fragment(text: str, words: list[str], first_in_block: bool) -> str | None:
    if len(words) < 2:
        return None
    lowered = [word.lower() for word in words]
    if not first_in_block and german_past(lowered[0]) and _subjectless(text, words[0]):
        return f"starts with the verb “{words[0]}” and has no subject: a piece of another sentence"
    if _CLAUSE_BREAK.search(text):
        return None
    # nouns are capitalised: only the first word, and lower-case ones, may be verbs
    kinds = [german_verb(low) if i == 0 or word[:1].islower() else None
             for i, (word, low) in enumerate(zip(words, lowered, strict=True))]
    if _german_dependent_clause(words, lowered, kinds):
        return (f"“{words[0]} …” is a dependent clause with no main clause: it belongs to "
                "the sentence before")
    if len(words) >= 3 and _german_nonfinite_only(lowered, kinds):
        return f"its only verb, “{words[-1]}”, is not finite here: a piece of another sentence"
    return None


def _subjectless(text: str, verb: str) -> bool:
    """``Teilte die Bahn mit.``, ``Sagte, der Entwurf ...``: no clause after a comma later
    (``Hätte er das gewusst, wäre ...``) unless the comma follows the verb itself."""
    after = text.lstrip()[len(verb) :]
    return after.startswith(",") or _CLAUSE_BREAK.search(after) is None


def _has_noun(words: list[str]) -> bool:
    return any(word[:1].isupper() for word in words)


def _german_dependent_clause(
    words: list[str], lowered: list[str], kinds: list[str | None]
) -> bool:
    """``Die seit Jahren dort lebte``, ``Wenn der Bedarf nur vorgeschoben ist``: a relative
    pronoun or conjunction first, every verb at the end."""
    first = lowered[0]
    if first in GERMAN_RELATIVES:
        if lowered[1] not in _GERMAN_NOT_NOUN_PHRASE and _has_noun(words[1:]):
            return False  # "Die Preise steigen": an article before its noun
    elif first not in GERMAN_SUBORDINATORS:
        return False
    return _verbs_only_at_end(kinds[1:])


def _verbs_only_at_end(kinds: list[str | None]) -> bool:
    """A verb last, and no verb before the closing run of verbs."""
    end = len(kinds)
    while end and kinds[end - 1] is not None:
        end -= 1
    return end < len(kinds) and not any(kinds[:end])


def _german_nonfinite_only(lowered: list[str], kinds: list[str | None]) -> bool:
    """``Im Oktober erneut weniger produziert``, ``Die Probleme nur zu vertagen``,
    ``In der Wohnung lebte``: a phrase first and the only verb last leaves no room for a
    subject (a main clause puts its verb second)."""
    if any(kinds[:-1]) or kinds[-1] is None:
        return False
    if lowered[0] in _GERMAN_OPENING_PREPOSITIONS:
        return True
    return kinds[-1] == "infinitive" and (lowered[-2] == "zu" or german_zu_infinitive(lowered[-1]))
