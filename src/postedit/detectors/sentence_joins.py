"""Lost full stops: two sentences run together with no stop between them.

``... into the weekend Insurers said it was too early``: a lower-case word, then a
capitalised common word that the article never capitalises inside a sentence, then a
verb: a new clause begins, and its full stop was lost. After a closing quote
(``«una primera parte muy floja» Sanz elogió``) any capitalised subject counts.
German capitalises nouns, so there a capitalised word that is no noun shows the join: an
adverb or particle (``teilte die Bahn mit Bereits gekaufte Tickets behalten``), then a verb
(a capitalised function word is mid-sentence-capital's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector, triggers
from postedit.detectors.case_words import AUXILIARIES, LETTER_LABELS, closed_words
from postedit.detectors.verbs import english_stem
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import REPORTING_VERBS, german_verb, verb_form, zipf

_LANGS = ("en", "es", "fr", "it", "pt", "de")
# A word, a space, a capitalised word (looked ahead at: overlapping pairs). The look-ahead
# that opens it is what the rest needs (the word's characters, maybe a closing quote, a
# space, a capital): one quick scan of a word that no capital follows instead of three
# alternatives tried on it. It scans only characters that fail the look-behind, so no
# position is scanned twice (linear even in a run of commas or quotes).
_JOIN = re.compile(
    r"(?<![\w’'@#/.-])(?=[\w’'@#/.-]*+[»”\"]? [A-ZÀ-ÖØ-Þ])"
    r"((?:[a-z]{1,4}[’'])?[^\W\d_][a-zà-öø-ÿ]{2,}|[A-Z]{2,5}|[^\W\d_]+[»”\"])"
    r"( )(?=([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]*(?![\w’'-])|L[’'](?=[^\W\d_])))"
)
_SPACE_CAPITAL = re.compile(r" [A-ZÀ-ÖØ-Þ]")  # what every _JOIN match holds: its trigger
# The word (and closing quote) that ends right before a space: where a _JOIN match must start.
_WORD_BEFORE = re.compile(r"[\w’'@#/.-]*+[»”\"]?\Z")
# Articles that, capitalised after a name and before a lower-case word, open a sentence
# (``estadio Benito Villamarín Los gallegos se adelantaron``).
_ROMANCE_ARTICLES = frozenset("el la los las le les il lo gli o a os as l’ l'".split())
# The next word, past an acronym in brackets ("(NWS)") or an aside between commas ("Cisl,
# invece, ha chiesto").
_WORDS_AFTER = re.compile(r"(?:,\s+[a-zà-öø-ÿ]+,)?\s+(?:\([A-Z]{2,6}\)\s+)?([^\W\d_][\w’'-]*)")
_ELIDED_NAME = re.compile(r"L[’'][A-ZÀ-ÖØ-Þ][\w-]*")
COMMON_WORD_ZIPF = 3.4  # "Insurers" (3.5), "Lawyers": words; most surnames are rarer
_PARTICLES = frozenset("de del da do dos das di della du des of y e et and".split())
# Words that open a sentence and never stand capitalised inside one.
_OPENERS = {
    "en": frozenset("however meanwhile according nevertheless".split()),
    "fr": frozenset("selon grâce malgré cependant toutefois pourtant néanmoins".split()),
    "es": frozenset("según además asimismo sin embargo".split()),
    "it": frozenset("secondo grazie tuttavia inoltre intanto rispetto".split()),
    "pt": frozenset("segundo apesar contudo entretanto".split()),
}
_NAME_RUN_MAX = 3
_PLURAL_ENDINGS = {"fr": ("s", "x"), "it": ("i",)}
# "told reporters Fischer had left": an object, then a clause without "that".
_TELLING = frozenset("told tell tells assured informed reminded warned convinced promised "
                     "persuaded showed".split())
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)


@detector(
    "lost-full-stop",
    category="fluency/punctuation",
    severity="minor",
    description="Two sentences run together without a full stop (into the weekend Insurers "
    "said ...); fix: a full stop before the second",
    languages=_LANGS,
    trigger=triggers.not_in_blocks("headline", then=triggers.matching(_SPACE_CAPITAL)),
)
def lost_full_stop(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind == "headline":
        return
    joined = _german_joined if ctx.lang == "de" else _joined
    for match in _joins(seg.text):
        if joined(ctx, seg.text, match):
            stop = seg.start + match.end(1)
            yield det.flag(
                seg.start + match.start(1),
                seg.start + match.end(3),
                f"a new sentence seems to start at “{match.group(3)}”: a full stop may be "
                "missing before it",
                ".",
                fix_span=(stop, stop),
            )


def _joins(text: str) -> Iterator[re.Match[str]]:
    """``_JOIN.finditer(text)``, at a third less cost: ``_JOIN`` opens with a look-behind,
    so a scan tries it at every offset; here the space before a capital is found at C speed
    (a literal first) and ``_JOIN`` tried once, at the start of the word before it (every
    match ends at such a space and starts where the word does, so none is missed)."""
    for candidate in _SPACE_CAPITAL.finditer(text):
        space = candidate.start()
        word = _WORD_BEFORE.search(text, text.rfind(" ", 0, space) + 1, space)
        match = _JOIN.match(text, word.start()) if word else None
        if match:
            yield match


def _joined(ctx: Context, text: str, match: re.Match[str]) -> bool:
    previous, word = match.group(1), match.group(3)
    lower = word.lower()
    closed = closed_words(ctx.lang)
    if lower in _CALENDAR:
        return False
    if previous[-1] in "»”\"":
        if not previous[-2].isalpha():
            return False  # the stop is inside the quote: «Vamos!» Ele disse
        return lower in _ROMANCE_ARTICLES and ctx.lang != "en" or _verb_follows(
            ctx, text, match.end(3)
        )
    if previous[:1].isupper():
        return _after_name(ctx, text, match)  # "Paolo Greco Secondo le previsioni"
    if previous in closed or lower in ("i", "a") and previous in LETTER_LABELS:
        return False
    following = _WORDS_AFTER.match(text, match.end(3))  # asked only where the rules below need it
    run = _capital_next(following)
    if lower in _OPENERS.get(ctx.lang, ()):  # "homicides involontaires Selon l'accusation"
        return not run and ctx.mid_sentence_counts[lower] <= 1
    if lower in ("l'", "l’"):
        if ctx.lang not in ("fr", "it"):
            return False
        name = _ELIDED_NAME.match(text, match.start(3))
        if name:  # "supermarchés L'Insee publiera"; "le groupe L'Oréal a" is apposition
            plural = previous.endswith(_PLURAL_ENDINGS[ctx.lang])
            return plural and _verb_follows(ctx, text, name.end())
        return True  # "trois semaines L'avocate des parties civiles"
    if lower in closed:
        # a lower-case next word is mid-sentence-capital's; "consecutivo La Confederación
        # de Empresarios advirtió" is a name, then its verb: a new sentence
        return run and _verb_follows(ctx, text, match.end(3))
    if ctx.lang == "en" and run and _english_title(lower, following) and _noun_before_title(
        previous, ctx
    ):
        # "fans Striker Lena Fischer scored", "last week Finance Minister Ana Ruiz said":
        # a title after a noun, a name, a verb
        return _verb_follows(ctx, text, match.end(3))
    if ctx.mid_sentence_counts[lower] > 1 or not _common_word(ctx, lower, run):
        return False
    return not _after_telling(text, match.start(1)) and _verb_follows(ctx, text, match.end(3))


_GERMAN_VERB_WINDOW = 4  # "Bereits gekaufte Tickets behalten": the verb a few words on


def _german_joined(ctx: Context, text: str, match: re.Match[str]) -> bool:
    """``mit Bereits gekaufte Tickets behalten``: a capitalised word whose dictionary form is
    lower case and uninflected (an adverb or particle, never a noun nor an adjective of a
    name such as ``Deutsche Bahn``), then a verb: a new sentence began."""
    word = match.group(3)
    lower = word.lower()
    if lower in closed_words("de") or lower in _CALENDAR or ctx.mid_sentence_counts[lower] > 1:
        return False
    if match.group(1)[-1] in "»”\"“" or zipf(lower, "de") < COMMON_WORD_ZIPF:
        return False
    from postedit import lemmas

    if lemmas.lemmatize(word, "de") != lower:
        return False
    following = text[match.end(3) :].split()[:_GERMAN_VERB_WINDOW]
    if not following or not following[0].islower():
        return False  # "Pro Bahn begrüßte": a name that starts with a preposition
    return any(w.islower() and german_verb(w.strip(".,;:")) == "finite" for w in following)


_ENGLISH_IRREGULAR_PAST = frozenset("""said told took made gave went came got saw knew found
    kept ran began wrote spoke broke chose drove flew fought stood struck threw built sent spent
    heard brought caught taught sought fled shot fell rose grew won lost met led held sold bought
    paid""".split())
_ENGLISH_TITLES = frozenset("""mayor minister president striker coach captain chairman chairwoman
    senator governor spokesman spokeswoman defender midfielder goalkeeper chief director
    secretary judge general colonel commissioner manager""".split())
# Verbs in -s that take a person as object: "says Mayor Carter", "thanks Coach Reilly".
_PERSON_VERBS = frozenset("says thanks tells warns urges asks joins meets calls praises".split())


# Words that stand before a title inside a sentence: "former Finance Minister".
_BEFORE_TITLES = frozenset("""former then late current acting outgoing incoming new interim
    deputy elected incumbent future fellow veteran longtime powerful popular ex""".split())


_PORTFOLIOS = frozenset("""finance foreign interior health defence defense economy justice
    education labour labor trade energy transport environment culture prime""".split())
# Time nouns open a sentence without a comma: "Last week Finance Minister Ruiz met ...".
_TIME_NOUNS = frozenset("""week year month day morning night weekend time evening afternoon
    decade season""".split())


def _english_title(lower: str, following: re.Match[str] | None) -> bool:
    """``Mayor``, or a portfolio before its title (``Finance Minister``)."""
    if lower in _ENGLISH_TITLES:
        return True
    return lower in _PORTFOLIOS and following is not None and following.group(1).lower() in _ENGLISH_TITLES


def _noun_before_title(word: str, ctx: Context) -> bool:
    """A plural noun, or a common singular noun that is no verb (``office``) nor a time."""
    if _plural_noun(word, ctx):
        return True
    if not word.islower() or word in _BEFORE_TITLES or word in _TIME_NOUNS:
        return False
    if word.endswith(("ed", "ing", "ly", "s")):
        return False
    return zipf(word, ctx.lang) >= COMMON_WORD_ZIPF and not english_stem(word)


def _plural_noun(word: str, ctx: Context) -> bool:
    if not word.islower() or not word.endswith("s") or word.endswith("ss"):
        return False
    return word not in _PERSON_VERBS and zipf(word, ctx.lang) >= COMMON_WORD_ZIPF


def _capital_next(following: re.Match[str] | None) -> bool:
    """A capitalised word follows (``_WORDS_AFTER``'s match): a run of names goes on."""
    return following is not None and following.group(1)[:1].isupper()


def _after_name(ctx: Context, text: str, match: re.Match[str]) -> bool:
    """``Benito Villamarín Los gallegos``: a Romance article after a name, then a lower-case
    word; not at a sentence start (``Según La``), not after a label (``Série A``)."""
    previous, lower = match.group(1), match.group(3).lower()
    if ctx.lang == "en" or match.start(1) == 0:
        return False
    run = _capital_next(_WORDS_AFTER.match(text, match.end(3)))  # asked once English is ruled out
    if lower in _OPENERS.get(ctx.lang, ()):
        return not run and ctx.mid_sentence_counts[lower] <= 1
    head = previous.lower()
    if lower not in _ROMANCE_ARTICLES or head in closed_words(ctx.lang) or head in LETTER_LABELS:
        return False
    if run:  # "Iago Prieto El Betis reaccionó": a full name ends, an article opens; never
        # "la Fundación La Caixa anunció", one name after a lower-case word
        return _after_full_name(ctx, text, match.start(1)) and _verb_follows(ctx, text, match.end(3))
    return True


def _after_full_name(ctx: Context, text: str, start: int) -> bool:
    """A first name before the surname (``Iago Prieto``, never ``Il Teatro``), or a
    reporting verb before the speaker (``ha detto Galli La Roma scivola``)."""
    before = text[:start].rsplit(None, 1)
    if not before:
        return False
    word = before[-1]
    if word in REPORTING_VERBS.get(ctx.lang, ()):
        return True
    return word[:1].isupper() and word.lower() not in closed_words(ctx.lang)


def _common_word(ctx: Context, lower: str, run: bool) -> bool:
    """A word, not a name: ``Insurers said``, never ``coach Ellen Marsh said`` (a title and
    a name) nor ``le constructeur Renault annonce`` (a name in apposition). Romance
    sentences open with an article, so there a bare capitalised word is left alone; an
    English one opens with a bare plural (``Insurers``, ``Officials``)."""
    if run:  # "fans Striker Lena Fischer scored": "striker" must be a plain word here
        return ctx.lowercase_counts[lower] >= 1
    if ctx.lang != "en":
        return False  # a Romance sentence opens with an article: "presidente Usa di" is a name
    if ctx.lowercase_counts[lower] >= 1 and ctx.mid_sentence_counts[lower] <= 1:
        return zipf(lower, ctx.lang) >= COMMON_WORD_ZIPF  # "had hoped Consumer prices rose",
        # where the article writes "consumer" in lower case elsewhere
    if not lower.endswith("s") or lower.endswith("ss"):
        return False  # a bare singular noun opens no sentence: "the new Executive has been"
    return zipf(lower, ctx.lang) >= COMMON_WORD_ZIPF and lower not in ctx.names_as_subject


def _after_telling(text: str, start: int) -> bool:
    words = text[:start].split()
    return bool(words) and words[-1].lower() in _TELLING


def _verb_follows(ctx: Context, text: str, pos: int) -> bool:
    """A verb within two words, after the rest of a name (``Striker Lena Fischer scored``)."""
    names = 0
    checked = 0
    window = 2
    while checked < window:
        following = _WORDS_AFTER.match(text, pos)
        if following is None:
            return False
        word = following.group(1)
        pos = following.end()
        if names and not checked and word in _PARTICLES:
            continue  # "La Confederación de Empresarios de Andalucía advirtió"
        if word[:1].isupper():
            names += 1
            if names > _NAME_RUN_MAX or checked:
                return False
            continue
        if _is_verb(word, ctx.lang):
            return True
        if not checked and not names and ctx.lang == "en" and word in _PHRASE_PREPOSITIONS:
            window = _PHRASE_WINDOW  # "Thousands of supporters gathered": past the phrase
        checked += 1
    return False


_PHRASE_PREPOSITIONS = frozenset("of for from".split())
_PHRASE_WINDOW = 5


def _is_verb(word: str, lang: str) -> bool:
    if word in AUXILIARIES.get(lang, ()):
        return True
    if lang == "en":
        return len(word) >= 5 and word.endswith("ed") or word in _ENGLISH_IRREGULAR_PAST
    return verb_form(word, lang) is True
