"""Untranslated leftovers: a sentence in another language than the article's."""

from __future__ import annotations

from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.languages import SUPPORTED, foreign_language

_JUDGED_KINDS = ("body", "headline", "caption")


@detector(
    "untranslated",
    category="accuracy/untranslated",
    severity="major",
    description="A sentence left in another language than the article's (langdetect, with a "
    "prior towards the article's language and a minimum length)",
    languages=SUPPORTED,
)
def untranslated(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind not in _JUDGED_KINDS:
        return
    found = foreign_language(seg.text, ctx.lang, min_words=ctx.config.untranslated_min_words)
    if found:
        lang, probability = found
        yield det.flag(
            seg.start,
            seg.end,
            f"this sentence looks untranslated: it reads as “{lang}” "
            f"({probability:.0%} sure), not “{ctx.lang}”",
        )
