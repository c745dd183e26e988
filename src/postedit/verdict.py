"""From flags to verdicts: the one documented place for weights and thresholds.

MQM-style scoring. Each flag costs its severity weight in penalty points.
A segment is ``ok`` with no penalty, ``check`` below ``GARBLED_AT`` points and
``garbled`` at or above it. Quality scores are ``100 - penalty per 100 words``
(clamped at 0), for a segment (with at least ``MIN_WORDS`` words assumed, so a
two-word fragment is not scored as a catastrophe) and for a whole document.

The weights and the ``garbled`` threshold can be changed for a whole run (the
config file's ``weights`` and ``thresholds``): :func:`use_scoring` sets them for
the process, and ``--jobs`` workers set the same from their ``Config``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from postedit.flags import SEVERITIES, Flag

SEVERITY_WEIGHTS = dict(zip(SEVERITIES, (1.0, 5.0, 25.0), strict=True))  # minor, major, critical
GARBLED_AT = 5.0  # one major flag makes a segment garbled; minor flags only ask for a check
MIN_WORDS = 10
VERDICTS = ("ok", "check", "garbled")  # the order of the JSONL ``verdicts`` counts

_WORD = re.compile(r"\w+")
# The ASCII characters, each one that ``\w`` does not match turned into a space: for an ASCII
# text, ``text.translate(...).split()`` gives the matches of ``_WORD`` in C, in half the time of
# findall (as ``tokens.ASCII_NON_LETTERS`` does for letters).
_ASCII_NON_WORDS = "".join(chr(c) if chr(c).isalnum() or chr(c) == "_" else " " for c in range(128))


@dataclass(frozen=True)
class Scoring:
    """Penalty points per severity, and the points from which a segment is garbled."""

    weights: tuple[tuple[str, float], ...] = tuple(SEVERITY_WEIGHTS.items())
    garbled_at: float = GARBLED_AT

    @classmethod
    def from_settings(cls, weights: Mapping[str, float], thresholds: Mapping[str, float]) -> Scoring:
        """From the config file's ``weights`` and ``thresholds`` tables (missing keys: defaults)."""
        chosen = {**SEVERITY_WEIGHTS, **weights}
        return cls(tuple(chosen.items()), float(thresholds.get("garbled", GARBLED_AT)))

    def __post_init__(self) -> None:
        # Asked once per flag: a dict, not a walk of the weights (the first of a name wins).
        by_name = {**SEVERITY_WEIGHTS, **dict(reversed(self.weights))}
        object.__setattr__(self, "_by_name", by_name)

    def points(self, severity: str) -> float:
        return self._by_name.get(severity, 0.0)  # type: ignore[attr-defined,no-any-return]

    def table(self) -> dict[str, float]:
        return dict(self.weights)

    def verdict_of(self, points: float) -> str:
        if points == 0:
            return "ok"
        return "garbled" if points >= self.garbled_at else "check"


_SCORING = [Scoring()]


def scoring() -> Scoring:
    """The weights and threshold of this run."""
    return _SCORING[0]


def use_scoring(chosen: Scoring) -> None:
    """Score the rest of this run with ``chosen`` (from the config file)."""
    _SCORING[0] = chosen


def penalty(flags: Iterable[Flag]) -> float:
    current = scoring()
    return sum(current.points(flag.severity) for flag in flags)


def verdict(flags: Iterable[Flag]) -> str:
    return scoring().verdict_of(penalty(flags))


def word_count(text: str) -> int:
    """How many runs of word characters (what ``re`` calls ``\\w``) ``text`` has."""
    if text.isascii():
        return len(text.translate(_ASCII_NON_WORDS).split())
    return len(_WORD.findall(text))


def quality(points: float, words: int, *, min_words: int = MIN_WORDS) -> float:
    """Quality score 0..100: ``100 - points * 100 / words``."""
    return round(max(0.0, 100.0 - points * 100.0 / max(words, min_words)), 2)
