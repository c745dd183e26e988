"""Flags (what is wrong, where) and Fixes (the mechanical repair, as data).

Offsets are document offsets. A Fix can be replayed on the document text with
:func:`apply_fixes`, which is what ``postedit apply``, the review UI and the
provenance replay all use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SEVERITIES = ("minor", "major", "critical")  # every Flag has one; verdict weighs them


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement`` (document offsets).

    ``replacement == ""`` deletes; ``start == end`` inserts. ``rule`` names the
    detector that proposed it.
    """

    start: int
    end: int
    replacement: str
    rule: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "replacement": self.replacement,
                "rule": self.rule}


@dataclass(frozen=True)
class Flag:
    """One problem found in a segment.

    Attributes:
        rule: registry id of the detector (``glued-words``) or engine evidence
            (``engine-unknown-word``).
        category: MQM category and subcategory, ``fluency/spelling``.
        severity: ``minor``, ``major`` or ``critical``.
        start, end: document offsets of the offending span.
        message: what is wrong, in words a journalist understands.
        fix: the mechanical repair, when one exists.
        origin: ``detector`` or ``engine:<name>``: where the evidence came from.
        segment: id of the segment the flag belongs to.
        lang: the language the span reads as, when the detector found one (``untranslated``):
            data for the code, so nothing parses ``message``. Not part of :meth:`to_json`
            (the message says it to readers).
    """

    rule: str
    category: str
    severity: str
    start: int
    end: int
    message: str
    fix: Fix | None = None
    origin: str = "detector"
    segment: str = ""
    lang: str | None = None

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.rule}: severity {self.severity!r} is not one of {SEVERITIES}")

    def for_segment(self, segment: str) -> Flag:
        """This flag, owned by ``segment``: a copy of its fields with ``segment`` changed.

        Every detector flag passes here once. The frozen ``__init__`` sets each field with
        ``object.__setattr__`` and checks the severity again (2.3 µs a flag); copying the
        checked instance's ``__dict__`` costs a fifth of that.
        """
        copy = object.__new__(type(self))
        fields = copy.__dict__
        fields.update(self.__dict__)
        fields["segment"] = segment
        return copy

    def to_json(self) -> dict:
        """The flag as a JSON object, keys in field order (``dataclasses.asdict`` deep-copies:
        a third of writing a long article's JSONL)."""
        return {"rule": self.rule, "category": self.category, "severity": self.severity,
                "start": self.start, "end": self.end, "message": self.message,
                "fix": self.fix.to_json() if self.fix else None, "origin": self.origin,
                "segment": self.segment}


def apply_fixes(text: str, fixes: Iterable[Fix], *, offset: int = 0) -> tuple[str, list[Fix]]:
    """Apply non-overlapping fixes to ``text`` (whose first char is at ``offset``).

    Returns the new text and the fixes actually applied, in document order; a fix
    that overlaps one already taken is skipped (the earlier, longer one wins).
    """
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.start, -(f.end - f.start))):
        if chosen and fix.start < chosen[-1].end:
            continue
        if chosen and fix.start == chosen[-1].end == fix.end == chosen[-1].start:
            continue  # two insertions at one point: keep the first
        chosen.append(fix)
    pieces = []
    pos = 0
    for fix in chosen:
        pieces.append(text[pos : fix.start - offset])
        pieces.append(fix.replacement)
        pos = fix.end - offset
    pieces.append(text[pos:])
    return "".join(pieces), chosen


def fixes_of(flags: Sequence[Flag], rules: Iterable[str] | None = None) -> list[Fix]:
    wanted = set(rules) if rules is not None else None
    return [f.fix for f in flags if f.fix and (wanted is None or f.rule in wanted)]
