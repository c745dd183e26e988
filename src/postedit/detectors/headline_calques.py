"""Headlines translated word for word: ``Prime Minister about the sanctions``.

Russian, Polish, Ukrainian and Czech headlines name a speaker and a topic with the
preposition "about" and no verb (``Premier o donosach``, ``Путин о санкциях``). Machine
translation keeps the shape, and English does not have it: an English headline says
``Prime Minister on the sanctions`` or gives the speaker a verb. The check is narrow on
purpose: the words before ``about`` must all be a person (a title, or a name the article
capitalises inside a sentence), and no verb may come between them and ``about``, so
``Questions about the budget`` or ``Putin talks about sanctions`` are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag

_SPEAKER_ABOUT = re.compile(r"\s*[“\"«]?((?:[A-Z][\w’'.-]*\s+){1,4})(about)\s+[“\"«]?[\w“]")
_TITLES = frozenset(
    """president prime minister chancellor premier mayor governor senator secretary
    spokesman spokeswoman spokesperson general colonel ambassador king queen pope patriarch
    head chief leader deputy foreign defence defense finance interior health vice speaker
    commissioner marshal""".split()
)


@detector(
    "headline-calque",
    category="fluency/grammar",
    severity="minor",
    description="A speaker and a topic joined by about with no verb (Prime Minister about "
    "the sanctions), the headline shape of Slavic languages",
    languages=("en",),
)
def headline_calque(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    match = _SPEAKER_ABOUT.match(seg.text)
    if match is None or not _all_person(match.group(1).split(), ctx):
        return
    start, end = seg.start + match.start(2), seg.start + match.end(2)
    yield det.flag(
        seg.start + match.start(1),
        end,
        f"“{match.group(1).strip()} about …” has no verb: a word-for-word headline from a "
        "Slavic language; English says “… on …” or gives the speaker a verb",
        "on",
        fix_span=(start, end),
    )


def _all_person(words: list[str], ctx: Context) -> bool:
    """Every word is a title (``Prime Minister``) or a name the article capitalises inside
    a sentence (``Morawiecki``)."""
    return all(_title(word) or _name(word, ctx) for word in words)


def _title(word: str) -> bool:
    return word.lower().rstrip(".") in _TITLES


def _name(word: str, ctx: Context) -> bool:
    lower = word.lower()
    return lower in ctx.names_mid_sentence and ctx.lowercase_counts[lower] == 0
