"""Capitalisation: capitals in mid-sentence, lowercase names, lowercase sentence starts.

``claimed this on Wednesday Three missile attacks``: machine translation often
keeps the capital of a word that began a sentence in the source, which shows a
clause moved or merged. Only closed-class words (pronouns, numerals,
determiners, auxiliaries, the commonest verbs) are judged, because nouns with
capitals inside sentences are usually names (``the White House``). German
capitalises all nouns, so these checks do not run there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import closed_class, zipf

_LANGS = ("en", "es", "fr", "it", "pt")
_CAPITALISED = re.compile(r"(?<![\w’'-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)(?![\w’'-])")
_NEXT_WORD = re.compile(r"\s+[“\"‘(]?([^\W\d_][\w’'-]*)")
_SENTENCE_RESTART = ":;“\"‘(«—–-•*"
_LOWER_WORD = re.compile(r"(?<![\w’'@#/.-])([a-zà-öø-ÿ]{3,})(?=[A-ZÀ-ÖØ-Þ]|(?![\w’'@/-]))")
_NOT_A_NAME_SUFFIXES = ("s", "ing", "ed", "ly", "tion", "ment", "men", "ness", "ity", "ers", "ist")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


@detector(
    "mid-sentence-capital",
    category="fluency/spelling",
    severity="major",
    description="A capital in the middle of a sentence, often a sign of a merged or reordered "
    "clause (claimed this on Wednesday Three missile attacks)",
    languages=_LANGS,
)
def mid_sentence_capital(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind == "headline" and _title_case(seg.text):
        return
    closed = closed_class(ctx.lang)
    for match in _CAPITALISED.finditer(seg.text):
        word = match.group(1)
        if match.start() == 0 or word.lower() not in closed or word == "I":
            continue
        before = seg.text[: match.start()].rstrip()
        if not before or before[-1] in _SENTENCE_RESTART or before[-1] in ".!?…":
            continue
        following = _NEXT_WORD.match(seg.text, match.end())
        if following and following.group(1)[0].isupper():
            continue  # part of a title or name: "The New York Times", "Three Gorges Dam"
        start = seg.start + match.start()
        yield det.flag(
            start,
            start + len(word),
            f"“{word}” is capitalised in the middle of a sentence; a clause may have been "
            "merged or reordered here",
            word.lower(),
        )


@detector(
    "lowercase-name",
    category="fluency/spelling",
    severity="major",
    description="A name written in lower case (lloyd austin) although the article capitalises it",
    languages=_LANGS,
)
def lowercase_name(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    for match in _LOWER_WORD.finditer(seg.text):
        word = match.group(1)
        if not _is_known_name(word, ctx):
            continue
        start = seg.start + match.start()
        span_start, text = _with_lowercase_given_name(seg, match.start(), word, ctx)
        yield det.flag(
            seg.start + span_start,
            start + len(word),
            f"“{text}” looks like a name written in lower case",
            text.title(),
        )


def _is_known_name(word: str, ctx: Context) -> bool:
    if word in closed_class(ctx.lang):
        return False
    if word in ctx.names_mid_sentence:
        return zipf(word, ctx.lang) < 4.0 and ctx.lowercase_counts[word] <= 1
    if word in ctx.names_as_subject:
        return zipf(word, ctx.lang) < 4.5 and not word.endswith(_NOT_A_NAME_SUFFIXES)
    return False


def _with_lowercase_given_name(
    seg: Segment, pos: int, word: str, ctx: Context
) -> tuple[int, str]:
    """Extend ``austin`` to ``lloyd austin`` when a rare lower-case word precedes it."""
    before = re.search(r"([a-z]{3,})\s+$", seg.text[:pos])
    if before:
        given = before.group(1)
        if given not in closed_class(ctx.lang) and 0 < zipf(given, ctx.lang) < 4.5:
            if not given.endswith(_NOT_A_NAME_SUFFIXES):
                return before.start(1), seg.text[before.start(1) : pos + len(word)]
    return pos, word


@detector(
    "lowercase-start",
    category="fluency/spelling",
    severity="minor",
    description="A sentence that starts with a lower-case letter",
    languages=_LANGS,
)
def lowercase_start(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind in ("attribution", "boilerplate"):
        return
    first = _FIRST_LETTER.search(seg.text)
    if first is None or not first.group(0).islower():
        return
    token = seg.text[first.start() :].split(None, 1)[0]
    if any(char.isupper() for char in token) or "." in token.rstrip(".") or "@" in token:
        return  # iPhone, eBay, example.com, @handle
    pos = seg.start + first.start()
    yield det.flag(
        pos, pos + 1, "the sentence starts with a lower-case letter", first.group(0).upper()
    )


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.5
