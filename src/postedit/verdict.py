"""From flags to verdicts: the one documented place for weights and thresholds.

MQM-style scoring. Each flag costs its severity weight in penalty points.
A segment is ``ok`` with no penalty, ``check`` below ``GARBLED_AT`` points and
``garbled`` at or above it. Quality scores are ``100 - penalty per 100 words``
(clamped at 0), for a segment (with at least ``MIN_WORDS`` words assumed, so a
two-word fragment is not scored as a catastrophe) and for a whole document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from postedit.flags import Flag

SEVERITY_WEIGHTS = {"minor": 1.0, "major": 5.0, "critical": 25.0}
GARBLED_AT = 5.0  # one major flag makes a segment garbled; minor flags only ask for a check
MIN_WORDS = 10
VERDICTS = ("ok", "check", "garbled")

_WORD = re.compile(r"\w+")


def penalty(flags: Iterable[Flag]) -> float:
    return sum(SEVERITY_WEIGHTS[flag.severity] for flag in flags)


def verdict(flags: Iterable[Flag]) -> str:
    points = penalty(flags)
    if points == 0:
        return "ok"
    return "garbled" if points >= GARBLED_AT else "check"


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def quality(points: float, words: int, *, min_words: int = MIN_WORDS) -> float:
    """Quality score 0..100: ``100 - points * 100 / words``."""
    return round(max(0.0, 100.0 - points * 100.0 / max(words, min_words)), 2)
