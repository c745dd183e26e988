"""One model for words run together: is ``token`` one word, or two with the space lost?

Both readings get a log10 probability and the better one wins by a margin:

* a word wordfreq knows scores its frequency (Zipf - 9);
* an unknown capitalised part is a plausible name whose probability falls with its
  length (a per-letter cost), so ``Garbatella`` beats ``Garbat`` + ``ella`` and
  ``Liberatrice`` beats ``Liberat`` + ``rice``, while ``Romanovskydelivered`` does not
  beat ``Romanovsky`` + ``delivered``;
* when the right part is a function word (``Elyséethe``, ``Portuguesebut``) the whole
  reading is priced by how often words of the language end that way (names end in
  ``-on`` and ``-her`` all the time, in ``-that`` and ``-but`` almost never);
* an unknown lower-case word is rarer still, so ``channelthe`` and ``policeofficers``
  split;
* a case change (``SyriaAfter``, ``austinThe``) or an acronym before a lower-case
  function word (``PISthat``) is evidence of a lost space; so is a short function word
  of the language before a capitalised word or an acronym (``onWednesday``, ``deEspaña``,
  ``laCGT``), since a name that starts in lower case is rarer still;
* a short function word run into the next word (``thecity``, ``aunanimous``, ``ypor``)
  is weighed against the whole: a form simplemma's dictionary lists (``abridge``) is a
  word, a rare one only wordfreq knows is priced by its frequency (``anew`` stays whole,
  ``dela`` in French splits), and an English word in another language is a loanword;
* a frequent capitalised word before a short function word (``Tuesdayto``,
  ``Gobiernoy``, ``Parlamentoe``) needs no context; an unknown name does.

The article helps where it is cheap: a left part that stands alone elsewhere as a
name (``Elysée`` ... ``Elyséethe``) favours the split; a token written the same way
twice is deliberate. Compounding languages (German) get no dictionary joins, and
words wordfreq knows (``YouTube``, ``Lakehead``, ``Mattarella``) stay whole unless
they are two function words (``ofthe``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from postedit.lexicon import commonest_words, verb_form, zipf
from postedit.segmentation_words import (
    ENCLITICS,
    GERMAN_PREPOSITION_OBJECTS,
    NAME_PREFIXES,
    PLACE_NAME_ENDS,
    VERB_PREFIXES,
    WORD_PREFIXES,
    dictionary_word,
    function_words,
    german_function_cut,
    german_never_ending,
    german_no_join,
    joining_words,
    one_letter_words,
)

NAME_BASE = -4.0  # log10 probability of "some name" before its letters are paid for
LOWER_BASE = -6.0  # an unknown lower-case word is rarer than an unknown name
LETTER = 1.0  # log10 cost of each letter of an unknown word
GLUE = -2.0  # log10 probability that a space was lost
CAMEL_CASE_COST = 1.0  # a name starting in lower case (eBay, deGrasse) is rarer than others
SHAPE_BONUS = 1.5  # a case change or acronym boundary at the cut
DOC_NAME_BONUS = 3.0  # the left part stands alone elsewhere in the article
DOC_WORDS_BONUS = 1.0  # both parts occur alone elsewhere in the article
REPEAT_BONUS = 2.0  # the whole token occurs twice: written that way on purpose
MARGIN = 0.5  # the split must win by this much (log10)
MIN_PART_ZIPF = 3.0  # a lower-case part must be at least this frequent
MIN_RIGHT_ZIPF = 3.5  # and the second word of a dictionary join more (not ``verde`` in English)
LOANWORD_ZIPF = 3.0  # a token this common in English is a loanword elsewhere, not a join
BRAND_ZIPF = 2.6  # a camelCase token starting in lower case is a brand above this (iMac)
FREQUENT_PART_ZIPF = 3.5  # a capitalised part this common vouches for itself (``Tuesday``)
KNOWN_NAME_ZIPF = 2.5  # a name this common vouches for itself before a one-letter word (``Sarzanae``)
GLUE_NOISE_ZIPF = 2.5  # below this a token may be a glue error wordfreq picked up
FREQUENT_NAME_ZIPF = 4.5  # ... when the name without its last letter is this common
SUFFIX_VOCABULARY = 60000  # most frequent words used to price word endings

# Languages whose compounds are written as one word get no dictionary joins.
DICTIONARY_JOIN_LANGS = frozenset(("en", "es", "fr", "it", "pt"))
_CASE_JOIN = re.compile(r"(?<=[a-zà-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")
_LOWER_ACRONYM = re.compile(r"^([a-zà-öø-ÿ]+)([A-ZÀ-ÖØ-Þ]{2,})$")
_ACRONYM_JOIN = re.compile(r"^[A-ZÀ-ÖØ-Þ]{2,}(?=[a-zà-öø-ÿ]{2,}$)")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Split:
    """Where a token breaks into two words run together.

    Attributes:
        cut: index in the token where the space belongs.
        left: the text before the cut.
        right: the text after it.
        kind: ``case`` (SyriaAfter), ``acronym`` (PISthat), ``function`` (Elyséethe),
            ``dictionary`` (policeofficers) or ``short`` (ofthe).
        margin: log10 odds of the split over the whole word.
    """

    cut: int
    left: str
    right: str
    kind: str
    margin: float


@dataclass(frozen=True)
class DocumentWords:
    """The article's words as written, with counts: the context a split may lean on."""

    counts: Counter[str]

    def alone(self, word: str) -> bool:
        return self.counts.get(word, 0) > 0

    def repeated(self, word: str) -> bool:
        return self.counts.get(word, 0) > 1


NO_DOCUMENT = DocumentWords(Counter())


@lru_cache(maxsize=8)
def document_words(text: str) -> DocumentWords:
    return DocumentWords(Counter(_WORD.findall(text)))


MIN_TOKEN = 4
MAX_TOKEN = 40  # two of the longest everyday words glued together


def split_glued(token: str, lang: str, doc: DocumentWords = NO_DOCUMENT) -> Split | None:
    """The best split of ``token`` into two words run together, or None when it is one word."""
    if not MIN_TOKEN <= len(token) <= MAX_TOKEN or not token.isalpha():
        return None  # past MAX_TOKEN letters it is no pair of words, and every cut costs
    known = zipf(token, lang)
    if token[1:].islower() or token.islower():
        if known >= 3.5:
            cut = german_function_cut(token, lang)  # the fast path, but for "inder"
            return None if cut is None else Split(cut, token[:cut], token[cut:], "short", MARGIN)
        candidates = _plain_splits(token, lang, doc, known)
        if token.islower():
            candidates += _article_splits(token, lang, doc, known)
        else:
            candidates += _letter_splits(token, lang, doc, known)
    elif token.isupper():
        return None
    elif _known_camel_case(token, lang, known):
        return None  # YouTube, iPhone, McDonald, NewsOne: camelCase brands wordfreq knows
    else:
        shapes = (_case_split, _acronym_split, _lower_acronym_split)
        candidates = [c for c in (shape(token, lang, doc) for shape in shapes) if c]
    best = max(candidates, key=lambda c: c.margin, default=None)
    return best if best is not None and best.margin >= MARGIN else None


def _known_camel_case(token: str, lang: str, known: float) -> bool:
    """A camelCase brand wordfreq knows; ``deTrabajo`` at zipf 1 is a glue error it picked up."""
    floor = BRAND_ZIPF if token[0].islower() else 0.0
    return known > floor or (lang != "en" and zipf(token, "en") > floor)


def _plain_splits(token: str, lang: str, doc: DocumentWords, known: float) -> list[Split]:
    """Splits of an all-lower-case or capitalised token (no case change inside)."""
    found = []
    for cut in range(2, len(token) - 1):
        left, right = token[:cut], token[cut:]
        split = _plain_split(token, left, right, lang, doc, known)
        if split is not None:
            found.append(split)
    return found


def _plain_split(
    token: str, left: str, right: str, lang: str, doc: DocumentWords, known: float
) -> Split | None:
    if known > 0:
        return None  # a word wordfreq knows is one word
    if right in function_words(lang):
        return _function_split(token, left, right, lang, doc)
    if lang not in DICTIONARY_JOIN_LANGS or len(right) < 4 or zipf(right, lang) < MIN_RIGHT_ZIPF:
        return None
    if not _content_word(right, lang):
        return None
    if token[0].isupper():
        if right in PLACE_NAME_ENDS or zipf(left, lang) >= MIN_PART_ZIPF:
            return None  # Kingsbridge, Redwater: compound names of two words
        left_ok = len(left) >= 5 and not left.lower().startswith(WORD_PREFIXES)
    else:
        left_ok = _content_word(left, lang) and not left.startswith(WORD_PREFIXES)
    if not left_ok or right in ENCLITICS.get(lang, ()):
        return None
    return _scored(left, right, "dictionary", lang, doc, _whole_logp(token, lang, doc, 0.0))


def _function_split(token: str, left: str, right: str, lang: str, doc: DocumentWords) -> Split | None:
    """A word or name with a function word stuck to it: ``Elyséethe``, ``channelthe``."""
    if len(left) < 3 or _enclitic(token, left, right, lang):
        return None
    vouched = doc.alone(left) or _frequent_capitalised(left, lang)
    if len(right) < 3 and not (vouched or lang == "de" and german_never_ending(left, right)):
        return None  # Ministerin, Stetsenkoin, advertit: words and names end this way
    if token[0].isupper():
        compounding = lang not in DICTIONARY_JOIN_LANGS
        if compounding and german_no_join(left, right, lang, doc.alone(left), MIN_PART_ZIPF):
            return None  # German nouns end in -in, -der, -den: only a name seen alone
        whole = NAME_BASE - LETTER * len(left) + _suffix_logp(right, lang)
    else:
        if lang not in DICTIONARY_JOIN_LANGS or not _content_word(left, lang):
            return None
        whole = LOWER_BASE - LETTER * len(token)
    if doc.repeated(token):
        whole += REPEAT_BONUS
    return _scored(left, right, "function", lang, doc, whole)


def _enclitic(token: str, left: str, right: str, lang: str) -> bool:
    """``hacerlo``, ``Dicelo``: a pronoun on a verb; ``Ejecutivose`` is a noun and a pronoun."""
    if right not in ENCLITICS.get(lang, ()):
        return False
    return token.islower() or verb_form(left.lower(), lang) is True


def _frequent_capitalised(left: str, lang: str) -> bool:
    """``Tuesday``, ``Herald``, ``Gobierno``: a capitalised part common enough to vouch alone."""
    return left[:1].isupper() and len(left) >= 5 and zipf(left, lang) >= FREQUENT_PART_ZIPF


def _letter_splits(token: str, lang: str, doc: DocumentWords, known: float) -> list[Split]:
    """A name or noun with a one-letter word stuck to it: ``Lazioe``, ``Gobiernoy``."""
    left, right = token[:-1], token[-1]
    if known > 0 and not _glue_in_the_table(left, known, lang):
        return []
    if right not in one_letter_words(lang) or len(left) < 4:
        return []
    known_name = zipf(left, lang) >= KNOWN_NAME_ZIPF
    if not (doc.alone(left) or known_name) or dictionary_word(token, lang):
        return []  # Gabriele, Manuela: names end in -e and -a all the time
    whole = NAME_BASE - LETTER * len(left) + _suffix_logp(right, lang)
    if doc.repeated(token):
        whole += REPEAT_BONUS
    return [_scored(left, right, "function", lang, doc, whole)]


def _glue_in_the_table(left: str, known: float, lang: str) -> bool:
    """``Siciliae`` (Zipf 2.1) beside ``Sicilia`` (4.9): wordfreq's crawl has the same
    lost spaces, so a rare form of a common name and one letter is that error, not a word."""
    return known < GLUE_NOISE_ZIPF and zipf(left, lang) >= FREQUENT_NAME_ZIPF


def _article_splits(token: str, lang: str, doc: DocumentWords, known: float) -> list[Split]:
    """A short function word run into the next word: ``thecity``, ``aunanimous``, ``ypor``.

    A form simplemma's dictionary lists (``abridge``, ``aport``) is a word; a rare one only
    wordfreq knows is priced by its frequency, so ``anew`` stays whole and ``thecity`` splits.
    """
    if dictionary_word(token, lang) or (lang != "en" and zipf(token, "en") >= LOANWORD_ZIPF):
        return []  # else, seen, node in Spanish or Italian text: English words
    whole = _whole_logp(token, lang, doc, known)
    functions = function_words(lang)
    found = []
    for cut in range(1, len(token)):
        left, right = token[:cut], token[cut:]
        if left != right and _joins(left, right, lang):
            # "ofthe" twice is the same lost space twice, never a spelling of choice
            twice = REPEAT_BONUS if doc.repeated(token) and left in functions and right in functions else 0.0
            found.append(_scored(left, right, "short", lang, doc, whole - twice))
    return found


def _joins(left: str, right: str, lang: str) -> bool:
    """Two function words (``ofthe``, ``aufder``), or a short one before a word (``thecity``)."""
    functions = function_words(lang)
    if left in functions and (right in functions or len(left) >= 3 and right in one_letter_words(lang)):
        return True  # ofthe, aufder, quea
    if lang == "de" and left in functions and right in GERMAN_PREPOSITION_OBJECTS:
        return True  # auffünf, mitsein: no verb prefix takes a number or a possessive
    if left not in joining_words(lang) or left in VERB_PREFIXES.get(lang, ()):
        return False  # aufstehen, mitmachen: German verbs take these as prefixes
    return len(right) >= 3 and zipf(right, lang) >= MIN_PART_ZIPF


def _case_split(token: str, lang: str, doc: DocumentWords) -> Split | None:
    """``SyriaAfter``, ``austinThe``, ``onWednesday``: one lower-to-upper change."""
    matches = list(_CASE_JOIN.finditer(token))
    if len(matches) != 1 or any(c.isupper() for c in token[1 : matches[0].start()]):
        return None
    cut = matches[0].start()
    left, right = token[:cut], token[cut:]
    if left in joining_words(lang):
        return _function_case_split(token, left, right, lang, doc)
    if left.lower() in NAME_PREFIXES or (left.islower() and len(left) <= 2) or len(right) < 2:
        return None  # McCain, DeSantis, iPhone, eBay
    if right.lower() not in function_words(lang) and zipf(right, lang) < 4.0:
        seen = doc.alone(right) or _word_before_name(token, left, lang)
        if not (_content_word(left, lang) and seen and not doc.repeated(token)):
            return None  # TotalEnergies, AstraZeneca: brands end in rarer words
    return _scored(left, right, "case", lang, doc, _whole_logp(token, lang, doc, 0.0), SHAPE_BONUS)


def _word_before_name(token: str, left: str, lang: str) -> bool:
    """``sondageIfop``: outside English a common lower-case word before a name is no brand
    (those start in capitals or are words wordfreq knows: ``easyJet``)."""
    if lang == "en" or len(left) < 4 or zipf(left, lang) < FREQUENT_PART_ZIPF:
        return False
    return zipf(token, lang) == 0 and zipf(token, "en") == 0


def _function_case_split(token: str, left: str, right: str, lang: str, doc: DocumentWords) -> Split | None:
    """``onWednesday``, ``deEspaña``, ``ySant``: a function word run into a capitalised word."""
    short_right = len(right) < 3 and not (lang != "en" and right.lower() in function_words(lang))
    if short_right or doc.repeated(token):
        return None  # iPhone, eBay, deGrasse: brands and names written so on purpose
    plain = _plain_preposition(left, right) or _romance_particle(token, left, right, lang)
    if zipf(right, lang) < MIN_PART_ZIPF and not doc.alone(right) and not plain:
        return None  # deGrasse, eDreams: a name particle or one letter needs the name seen alone
    whole = _whole_logp(token, lang, doc, 0.0) - CAMEL_CASE_COST
    return _scored(left, right, "case", lang, doc, whole, SHAPE_BONUS)


def _plain_preposition(left: str, right: str) -> bool:
    """``inWellmouth``, ``noIRC``: a function word that is no name particle (de, la, van)."""
    return len(left) >= 2 and left not in NAME_PREFIXES and len(right) >= 3


def _romance_particle(token: str, left: str, right: str, lang: str) -> bool:
    """``deIago``, ``laRàpita``, ``eFosdinovo``: outside English a particle or a one-letter
    word is written apart from the name (``de Gaulle``); brands that glue one (``eDreams``)
    are words wordfreq knows in the language or in English."""
    if lang == "en" or len(right) < 4 and right.lower() not in function_words(lang):
        return False
    return zipf(token, lang) == 0 and zipf(token, "en") == 0


def _lower_acronym_split(token: str, lang: str, doc: DocumentWords) -> Split | None:
    """``laCGT``, ``sindicatosCCOO``: a lower-case word run into an acronym."""
    match = _LOWER_ACRONYM.match(token)
    if match is None or doc.repeated(token):
        return None
    left, right = match.group(1), match.group(2)
    if left not in joining_words(lang) and not _content_word(left, lang):
        return None  # mRNA, kWh: units and symbols
    known_right = doc.alone(right) or zipf(right, lang) >= MIN_PART_ZIPF and len(left) >= 2
    plain = left in joining_words(lang) and _plain_preposition(left, right)
    conjunction = lang != "en" and left in one_letter_words(lang) and len(right) >= 3  # yUGT
    if not (known_right or plain or conjunction):
        return None
    whole = _whole_logp(token, lang, doc, 0.0) - CAMEL_CASE_COST
    return _scored(left, right, "acronym", lang, doc, whole, SHAPE_BONUS)


def _acronym_split(token: str, lang: str, doc: DocumentWords) -> Split | None:
    """``PISthat``: an acronym with a lower-case function word stuck to it."""
    match = _ACRONYM_JOIN.match(token)
    if match is None or token[match.end() :] not in function_words(lang):
        return None
    left, right = token[: match.end()], token[match.end() :]
    whole = _whole_logp(token, lang, doc, 0.0) - CAMEL_CASE_COST
    return _scored(left, right, "acronym", lang, doc, whole, SHAPE_BONUS)


def _scored(
    left: str, right: str, kind: str, lang: str, doc: DocumentWords, whole: float, bonus: float = 0.0
) -> Split:
    split = _part_logp(left, lang) + _part_logp(right, lang) + GLUE + bonus
    if left[:1].isupper() and doc.alone(left) or right[:1].isupper() and doc.alone(right):
        split += DOC_NAME_BONUS
    elif doc.alone(left) and doc.alone(right):
        split += DOC_WORDS_BONUS
    return Split(len(left), left, right, kind, round(split - whole, 3))


def _whole_logp(token: str, lang: str, doc: DocumentWords, known: float) -> float:
    if known > 0:
        whole = known - 9.0
    elif token.islower():
        whole = LOWER_BASE - LETTER * len(token)
    else:
        whole = NAME_BASE - LETTER * len(token)
    return whole + (REPEAT_BONUS if doc.repeated(token) else 0.0)


def _part_logp(part: str, lang: str) -> float:
    known = zipf(part, lang)
    word = known - 9.0 if known > 0 else LOWER_BASE - LETTER * len(part)
    if part[:1].isupper():
        return max(word, NAME_BASE - LETTER * len(part))
    return word


def _content_word(part: str, lang: str) -> bool:
    return part.islower() and len(part) >= 3 and zipf(part, lang) >= MIN_PART_ZIPF


@lru_cache(maxsize=512)
def _suffix_logp(suffix: str, lang: str) -> float:
    """log10 share of the language's frequent words that end in ``suffix``."""
    import math

    words = [w for w in islice(commonest_words(lang), SUFFIX_VOCABULARY) if len(w) >= len(suffix) + 3]
    ending = sum(1 for w in words if w.endswith(suffix))
    return math.log10(max(ending, 1) / max(len(words), 1))
