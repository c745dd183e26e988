"""Document-wide facts the detectors share, computed once per document."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from postedit.config import Config
from postedit.document import Document

_CAPITALISED = re.compile(r"(?<![\w’'-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)")
_SUBJECT_VERB = re.compile(r"\s+(?:said|says|say|told|added|asked|stated|noted|explained|[a-z]{3,}ed)\b")
_WORDS = re.compile(r"[^\W\d_]+")
REPEAT_MIN_WORDS = 6  # shorter sentences ("No.", "He declined.") may well come twice
_OPENERS = "“\"‘'([«¿¡—–-•* "
_CLAUSE_OPENERS = ":;“\"‘([«—–"
_LOWERCASE = re.compile(r"(?<![\w’'-])[a-zà-öø-ÿ]+(?![\w’'-])")


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
        repeats: sentence id -> id of an earlier sentence with the same words (six or more).
    """

    document: Document
    lang: str
    config: Config
    names_mid_sentence: frozenset[str]
    mid_sentence_counts: Counter[str]
    names_as_subject: frozenset[str]
    lowercase_counts: Counter[str]
    name_evidence: frozenset[str]
    repeats: dict[str, str]


def build_context(document: Document, config: Config) -> Context:
    mid: Counter[str] = Counter()
    subjects: set[str] = set()
    for block, seg in document.iter_segments():
        if block.kind == "headline" and title_case(seg.text):
            continue  # Title Case capitalises every noun: no evidence of a name
        for match in _CAPITALISED.finditer(seg.text):
            word = match.group(1).lower()
            if match.start() > 0 and not _after_opening(seg.text, match.start()):
                mid[word] += 1
            elif _SUBJECT_VERB.match(seg.text, match.end()):
                subjects.add(word)
    lowercase = Counter(_LOWERCASE.findall(document.text))
    names = frozenset(mid)
    return Context(
        document, document.lang, config, names, mid, frozenset(subjects), lowercase,
        names | frozenset(subjects), _repeats(document),
    )


def sentence_words(text: str) -> tuple[str, ...]:
    """The lower-cased words of a sentence: what two sentences must share to be repeats."""
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
    before = text[:pos].rstrip()
    return not before.strip(_OPENERS) or before[-1] in _CLAUSE_OPENERS


def title_case(text: str) -> bool:
    """More than half the words start with a capital: a Title Case headline."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.5
