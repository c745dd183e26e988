"""Repeated words and n-gram loops (``the the``, ``in the city in the city``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag

_LOOP = re.compile(r"(?<!\w)((?:[^\W\d_]+[ ,]+){0,5}?[^\W\d_]+)(?:[ ,]+\1(?!\w))+", re.I)
# Doubling that grammar allows: "had had", "that that", "is is" in quotes is still wrong.
_ALLOWED_DOUBLES = frozenset("had that very bye no yes so ha".split())


@detector(
    "repeated-words",
    category="fluency/grammar",
    severity="minor",
    description="A word or phrase repeated back to back (the the; in the city in the city)",
)
def repeated_words(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    for match in _LOOP.finditer(seg.text):
        unit = match.group(1)
        if " " not in unit and unit.lower() in _ALLOWED_DOUBLES:
            continue
        repeats = len(re.findall(re.escape(unit), match.group(0), re.I))
        start = seg.start + match.start()
        severity = "major" if repeats > 2 or " " in unit else "minor"
        yield det.flag(
            start,
            seg.start + match.end(),
            f"“{unit}” is repeated {repeats} times in a row",
            unit,
            severity=severity,
        )
