"""Document-wide facts the detectors share, computed once per document."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from postedit.config import Config
from postedit.document import Document, Segment
from postedit.tagging import DocumentTags
from postedit.tokens import ASCII_NON_LETTERS

# The capital comes first and the look-behind (two characters: the one before and the capital)
# after it: a pattern that starts with a character class is scanned at C speed, one that
# starts with a look-behind is tried at every offset.
_CAPITALISED = re.compile(r"([A-ZÀ-ÖØ-Þ](?<![\w’'-].)[a-zà-öø-ÿ]+)")
_SUBJECT_VERB = re.compile(r"\s+(?:said|says|say|told|added|asked|stated|noted|explained|[a-z]{3,}ed)\b")
_WORDS = re.compile(r"[^\W\d_]+")
REPEAT_MIN_WORDS = 6  # shorter sentences ("No.", "He declined.") may well come twice
_OPENERS = "“\"‘'([«¿¡—–-•* „‚»"  # „Aktuell …“ and »Aktuell …« open German quotations
_CLAUSE_OPENERS = ":;“\"‘([«—–„‚"
_LOWERCASE = re.compile(r"[a-zà-öø-ÿ](?<![\w’'-].)[a-zà-öø-ÿ]*(?![\w’'-])")  # class first


@dataclass(frozen=True)
class Context:
    """What a detector may know beyond its own sentence.

    Attributes:
        document: the article.
        lang: language of its text (detectors declare which they support).
        config: the analysis settings.
        names_mid_sentence: lower-cased words seen capitalised inside a sentence
            somewhere in the document (evidence that they are names).
        mid_sentence_counts: how often each of those was seen capitalised inside a sentence.
        names_as_subject: lower-cased capitalised words that open a sentence and are
            followed by a reporting verb or a past tense (``Austin warned``): weaker
            evidence of a name than a capital inside a sentence.
        lowercase_counts: how often each all-lower-case word occurs in the document.
        name_evidence: both name sets together, for a fast first test.
        capitalised_forms: every capitalised word of the article, lower-cased, with and
            without accents (``marín``, ``marin``), sentence starts included.
        title_bigrams: two capitalised words in a row (``audiencia``, ``nacional``), lower-cased:
            the parts of multiword names such as ``Audiencia Nacional``.
        name_tails: the second words of those pairs (``nacional``).
        repeats: sentence id -> id of an earlier sentence with the same words (six or more).
        consistency: names, genders and numbers across the article (see Consistency).
        tags: Apertium's lemmas and parts of speech (:mod:`postedit.tagging`), only when
            Apertium is the engine in use: optional evidence, None otherwise.
    """

    document: Document
    lang: str
    config: Config
    names_mid_sentence: frozenset[str]
    mid_sentence_counts: Counter[str]
    names_as_subject: frozenset[str]
    lowercase_counts: Counter[str]
    name_evidence: frozenset[str]
    capitalised_forms: frozenset[str]
    title_bigrams: frozenset[tuple[str, str]]
    name_tails: frozenset[str]
    repeats: dict[str, str]
    consistency: Consistency
    tags: DocumentTags | None = None


def build_context(document: Document, config: Config, tags: DocumentTags | None = None) -> Context:
    mid, subjects, forms, bigrams = _capitalised_words(document)
    lowercase = Counter(_LOWERCASE.findall(document.text))
    names = frozenset(mid)
    return Context(
        document, document.lang, config, names, mid, frozenset(subjects), lowercase,
        names | frozenset(subjects), frozenset(forms | set(map(fold_accents, forms))),
        frozenset(bigrams),
        frozenset(tail for _head, tail in bigrams), _repeats(document),
        build_consistency(document, document.lang), tags,
    )


def _capitalised_words(
    document: Document,
) -> tuple[Counter[str], set[str], set[str], set[tuple[str, str]]]:
    """The capitalised words of the article, lower-cased: how often each is seen inside a
    sentence, those that open one as a subject, all of them, and the pairs in a row.

    One pass over the 30,000 words of a long article: each match's offsets are read once."""
    mid: Counter[str] = Counter()
    subjects: set[str] = set()
    forms: set[str] = set()
    bigrams: set[tuple[str, str]] = set()
    for block, seg in document.iter_segments():
        text = seg.text
        if block.kind == "headline" and title_case(text):
            continue  # Title Case capitalises every noun: no evidence of a name
        last, last_end = "", -1
        for match in _CAPITALISED.finditer(text):
            word = match[1].lower()
            start = match.start()
            forms.add(word)
            if start == last_end + 1 and len(last) > 3 and text[last_end] == " ":
                bigrams.add((last, word))  # "Audiencia Nacional"; not "La Audiencia"
            last, last_end = word, match.end()
            if start > 0 and not _after_opening(text, start):
                mid[word] += 1
            elif _SUBJECT_VERB.match(text, last_end):
                subjects.add(word)
    return mid, subjects, forms, bigrams


def fold_accents(word: str) -> str:
    """Lower case without accents: ``Marín`` and ``marin`` are one name."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def sentence_words(text: str) -> tuple[str, ...]:
    """The lower-cased words of a sentence: what two sentences must share to be repeats.

    ASCII text (most sentences) is split by ``translate`` and ``split``, both in C: the
    same runs of letters as ``_WORDS`` (see ``tokens.ASCII_NON_LETTERS``)."""
    if text.isascii():
        return tuple(text.lower().translate(ASCII_NON_LETTERS).split())
    return tuple(_WORDS.findall(text.lower()))


def _repeats(document: Document) -> dict[str, str]:
    first: dict[tuple[str, ...], str] = {}
    repeats: dict[str, str] = {}
    for _block, seg in document.iter_segments():
        words = sentence_words(seg.text)
        if len(words) < REPEAT_MIN_WORDS:
            continue
        earlier = first.setdefault(words, seg.id)
        if earlier != seg.id:
            repeats[seg.id] = earlier
    return repeats


def _after_opening(text: str, pos: int) -> bool:
    """True at a sentence start: only quotes, brackets or dashes before ``pos``, or a
    colon, semicolon or opening quote right before it (``he said: “We will``)."""
    if pos >= 2 and text[pos - 1] == " " and text[pos - 2].isalnum():
        return False  # the usual case, a word and a space before: no copy of the text so far
    before = text[:pos].rstrip()
    return not before.strip(_OPENERS) or before[-1] in _CLAUSE_OPENERS


def title_case(text: str) -> bool:
    """More than half the words start with a capital: a Title Case headline."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.5


# --- Consistency facts: names spelt two ways, a person's gender, numbers that change ---
# Each pattern runs once over the whole text; offsets are then mapped to segments.

_NAME_TOKEN = re.compile(
    r"([A-ZÀ-ÖØ-Þ](?<![\w’'-].)[a-zà-öø-ÿ]{3,}(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?)(?![\w-])"
)
NAME_MIN_LENGTH = 5
NAME_MAX_ZIPF = 3.0  # both spellings rare in wordfreq: names or misspellings, not words
_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f"}
# No leading \b or look-behind: such patterns scan the text far slower; boundaries are
# checked by _starts_word on the few matches.
_PERSON_TITLE = re.compile(r"(Mr|Mrs|Ms|Miss|Madam|Dr|President|Minister|Senator|Chancellor"
                           r"|Premier|Governor|Secretary|Sen|Rep)\.? ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])")
_FULL_NAME = re.compile(r"([A-Z][a-z]{2,}) ([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?![\w-]| [A-Z])")
_NEXT_NAME = re.compile(r" ([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?![\w-])")
_TITLE_WORDS = frozenset(
    "Mr Mrs Ms Miss Madam Dr President Minister Senator Chancellor Premier Governor Secretary "
    "Prime Foreign Deputy General Vice North South East West New San Saint United".split()
)
_PRONOUN_TEXTS = 1024  # sentences whose pronouns are remembered: a few paragraphs' worth
_PRONOUN = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
# The same words for ASCII text lower-cased, each opening with its letter and checking the
# one before it after that: a pattern that opens with letters (no \b, no IGNORECASE) is
# scanned at C speed. _PRONOUN then matches at each hit, for the words as written.
_PRONOUN_LOWER = re.compile(r"(h(?<![a-z0-9_]h)(?:e|is|im|imself|er|ers|erself)|s(?<![a-z0-9_]s)he)\b")
PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
_NUMBER_UNIT = re.compile(r"([0-9][0-9]+(?:[.,]\d+)*) ([a-zà-ÿ]{3,})\b")  # [0-9]{2,}, scanned fast
_WORD_BEFORE = re.compile(r"([^\W\d_]+) $")
_MONTHS = frozenset("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())
_DATE = re.compile(r"([JFMASOND][a-z]{2})[a-z]*\.? ([0-9]{1,2}),? "
                   r"((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Variant:
    """The form an article mostly uses, where one mention differs.

    Attributes:
        majority: the spelling or value the article uses most.
        count: how often the majority form occurs.
        segment: id of the first segment with the majority form.
    """

    majority: str
    count: int
    segment: str


@dataclass(frozen=True)
class Mention:
    """A person named in a sentence: surname and offsets within the segment text."""

    surname: str
    start: int
    end: int


@dataclass(frozen=True)
class Consistency:
    """Document-wide facts for the consistency checks.

    Attributes:
        name_variants: minority spelling -> the majority spelling it should be.
        named: segment id -> the persons it names (``Giorgia Meloni``, ``Mr Tusk``), English only.
        genders: surname -> ``f`` or ``m`` where the article settles it clearly.
        by_title: surnames whose gender a title (``Mrs``, ``Mr``) settles.
        number_variants: segment id -> (start in the segment text, the differing value,
            the majority mention) for numbers and dates with the same context word.
    """

    name_variants: dict[str, Variant]
    named: dict[str, tuple[Mention, ...]]
    genders: dict[str, str]
    by_title: frozenset[str]
    number_variants: dict[str, tuple[tuple[int, str, Variant], ...]]


def build_consistency(document: Document, lang: str) -> Consistency:
    segments = [seg for _block, seg in document.iter_segments()]
    starts = [seg.start for seg in segments]
    tokens = [(m.start(1), m.group(1)) for m in _NAME_TOKEN.finditer(document.text)]
    named: dict[str, tuple[Mention, ...]] = {}
    genders: dict[str, str] = {}
    titled: dict[str, str] = {}
    if lang == "en":
        persons, titled = _persons(document.text)
        named = _named(tokens, persons, segments, starts)
        genders = _genders(named, segments, titled)
    return Consistency(
        _name_variants(document.text, tokens, lang, segments, starts), named, genders,
        frozenset(name for name in titled if genders.get(name) == titled[name]),
        _number_variants(document.text, segments, starts),
    )


def _starts_word(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "’'-_")


def _segment_at(pos: int, segments: list[Segment], starts: list[int]) -> Segment | None:
    index = bisect_right(starts, pos) - 1
    if index < 0 or pos >= segments[index].end:
        return None
    return segments[index]


def _name_variants(
    text: str, tokens: list[tuple[int, str]], lang: str, segments: list[Segment],
    starts: list[int],
) -> dict[str, Variant]:
    from postedit.lexicon import zipf

    counts = Counter(word for _pos, word in tokens)
    # The edit must be inside the name, so variants share the first letter and the last two.
    groups: dict[tuple[str, str], list[str]] = {}
    for word in counts:
        if len(word) >= NAME_MIN_LENGTH and zipf(word.lower(), lang) < NAME_MAX_ZIPF:
            groups.setdefault((word[0], word[-2:]), []).append(word)
    pairs = [(a, b) for group in groups.values() if len(group) > 1 for a in group for b in group
             if counts[b] >= max(2, counts[a] + 1) and _inner_edit(a, b)]
    variants: dict[str, Variant] = {}
    for minority, majority in pairs:
        if not _different_people(_neighbours(text, tokens, minority, lang),
                                 _neighbours(text, tokens, majority, lang)):
            first = next(pos for pos, word in tokens if word == majority)
            seg = _segment_at(first, segments, starts)
            variants[minority] = Variant(majority, counts[majority], seg.id if seg else "")
    return variants


def _inner_edit(a: str, b: str) -> bool:
    """One edit away from both ends: ``Barbock``/``Baerbock``, not ``Merkel``/``Merkels``."""
    from rapidfuzz.distance import Levenshtein

    if abs(len(a) - len(b)) > 1 or Levenshtein.distance(a, b, score_cutoff=1) != 1:
        return False
    ops = list(Levenshtein.editops(a, b))
    return len(ops) == 1 and 1 <= ops[0].src_pos <= min(len(a), len(b)) - 3


def _neighbours(text: str, tokens: list[tuple[int, str]], word: str, lang: str) -> set[str]:
    """``<Annalena`` and ``>Habeck``: the names right before and after a name (rare
    capitalised words: ``Later`` or ``Minister`` say nothing about who is meant)."""
    from postedit.lexicon import zipf

    out = set()
    for pos, found in tokens:
        if found != word:
            continue
        before = re.search(r"([A-ZÀ-ÖØ-Þ][\w-]+) $", text[max(0, pos - 30) : pos])
        after = re.match(r" ([A-ZÀ-ÖØ-Þ][\w-]+)", text[pos + len(word) : pos + len(word) + 30])
        if before and zipf(before.group(1).lower(), lang) < NAME_MAX_ZIPF:
            out.add("<" + before.group(1))
        if after and zipf(after.group(1).lower(), lang) < NAME_MAX_ZIPF:
            out.add(">" + after.group(1))
    return out


def _different_people(a: set[str], b: set[str]) -> bool:
    """Both have a first name (or a following surname) and they differ: two people."""
    for side in "<>":
        left = {n for n in a if n[0] == side}
        right = {n for n in b if n[0] == side}
        if left and right and not left & right:
            return True
    return False


def _persons(text: str) -> tuple[frozenset[str], dict[str, str]]:
    """Surnames that follow a title or a first name, and the gender a title gives."""
    from postedit.lexicon import closed_class

    closed = closed_class("en")
    persons: set[str] = set()
    titled: dict[str, str] = {}
    for match in _PERSON_TITLE.finditer(text):
        if not _starts_word(text, match.start()):
            continue
        name, gender = match.group(2), _TITLES.get(match.group(1).lower())
        full = _NEXT_NAME.match(text, match.end())
        if full:  # "Mrs Elena Varkonyi": the title goes with the surname
            name = full.group(1)
        persons.add(name)
        if gender:
            titled[name] = gender if titled.get(name, gender) == gender else "?"
    for match in _FULL_NAME.finditer(text):
        if not _starts_word(text, match.start()):
            continue
        if match.group(1).lower() not in closed and match.group(1) not in _TITLE_WORDS:
            persons.add(match.group(2))
    return frozenset(persons), {name: g for name, g in titled.items() if g != "?"}


def _named(
    tokens: list[tuple[int, str]], persons: frozenset[str], segments: list[Segment],
    starts: list[int],
) -> dict[str, tuple[Mention, ...]]:
    found: dict[str, list[Mention]] = {}
    for pos, word in tokens:
        seg = _segment_at(pos, segments, starts) if word in persons else None
        if seg is not None:
            offset = pos - seg.start
            found.setdefault(seg.id, []).append(Mention(word, offset, offset + len(word)))
    return {seg_id: tuple(mentions) for seg_id, mentions in found.items()}


@lru_cache(maxsize=_PRONOUN_TEXTS)
def pronouns_outside_quotes(text: str) -> tuple[re.Match[str], ...]:
    """Gendered pronouns of the narration: those inside quotation marks speak of others.

    Remembered for the last sentences asked about: the gender rules and the context ask
    about the same sentence (and the one before it) in turn."""
    return tuple(match for match in _pronouns(text) if not _inside_quotes(text, match.start()))


def _inside_quotes(text: str, pos: int) -> bool:
    """More “ than ” before ``pos``, or an odd number of straight quotes (counted in place)."""
    return text.count("“", 0, pos) > text.count("”", 0, pos) or text.count('"', 0, pos) % 2 == 1


def _pronouns(text: str) -> Iterator[re.Match[str]]:
    """``_PRONOUN.finditer(text)``; for ASCII text, found in lower case at C speed first."""
    if not text.isascii():
        yield from _PRONOUN.finditer(text)
        return
    for hit in _PRONOUN_LOWER.finditer(text.lower()):
        match = _PRONOUN.match(text, hit.start())
        if match is not None:
            yield match


def _genders(
    named: dict[str, tuple[Mention, ...]], segments: list[Segment], titled: dict[str, str]
) -> dict[str, str]:
    """A gender per surname: its title, or a clear majority of the sentences naming only
    that person whose later pronouns are all one gender."""
    votes: dict[str, Counter[str]] = {}
    for seg in segments:
        mentions = named.get(seg.id)
        if not mentions or len({m.surname for m in mentions}) != 1:
            continue
        said = {PRONOUN_GENDER[p.group(1).lower()] for p in pronouns_outside_quotes(seg.text)
                if p.start() > mentions[0].end}
        if len(said) == 1:
            votes.setdefault(mentions[0].surname, Counter())[said.pop()] += 1
    genders = {}
    for name in set(votes) | set(titled):
        tally = votes.get(name, Counter())
        (top, most), *rest = tally.most_common() or [("", 0)]
        other = rest[0][1] if rest else 0
        if name in titled and tally[titled[name]] >= other:
            genders[name] = titled[name]
        elif most >= 2 and most >= 2 * other:
            genders[name] = top
    return genders


def _edit_distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein  # imported for the few articles that need it

    return int(Levenshtein.distance(a, b))


def _number_variants(
    text: str, segments: list[Segment], starts: list[int]
) -> dict[str, tuple[tuple[int, str, Variant], ...]]:
    """``for 800 days`` twice and ``for 80 days`` once; ``Nov. 25, 2018`` and ``Nov. 25, 2019``."""
    seen: dict[tuple[str, str, str], list[tuple[str, int]]] = {}
    for match in _NUMBER_UNIT.finditer(text):
        if match.start() and text[match.start() - 1] in "0123456789.,":
            continue
        before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before:
            key = ("n", before.group(1).lower(), match.group(2))
            seen.setdefault(key, []).append((match.group(1), match.start(1)))
    for match in _DATE.finditer(text):
        if match.group(1) not in _MONTHS or not _starts_word(text, match.start()):
            continue
        seen.setdefault(("d", match.group(1), match.group(2)), []).append(
            (match.group(3), match.start(3)))
    found: dict[str, list[tuple[int, str, Variant]]] = {}
    for key, mentions in seen.items():
        values = Counter(value for value, _pos in mentions)
        if len(values) != 2:
            continue
        (majority, count), (minority, once) = values.most_common()
        if count < 2 or once != 1:
            continue
        if key[0] == "n" and _edit_distance(majority, minority) != 1:
            continue
        first = _segment_at(next(p for v, p in mentions if v == majority), segments, starts)
        pos = next(p for v, p in mentions if v == minority)
        seg = _segment_at(pos, segments, starts)
        if seg is not None and first is not None:
            found.setdefault(seg.id, []).append(
                (pos - seg.start, minority, Variant(majority, count, first.id)))
    return {seg_id: tuple(items) for seg_id, items in found.items()}
