"""One editor action on one segment (:class:`Change`) and the rule for crediting fixes.

A change is what the review UI journals, undoes and redoes, and what ``postedit
apply`` makes of the detectors' fixes. :func:`fix_change` is the one rule for
crediting mechanical fixes in the provenance: every fix accepted is one step, and
each step becomes one ``rule:ID`` revision (its flags before and after, the fix as
data). Fixes are applied from the end of the sentence backwards, so each step's fix
keeps the offsets it has in the text before it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from postedit.flags import Fix, Flag, apply_fixes
from postedit.provenance import EDITOR_ACTIONS

ACTIONS = EDITOR_ACTIONS
BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class Change:
    """One editor action on one segment.

    Attributes:
        segment: segment id.
        before, after: the segment's text before and after (equal for ``accept``).
        action: one of ``ACTIONS``.
        by: who made the change: ``human:NAME``, ``rule:ID`` or ``engine:NAME/MODEL``
            (``rule:A+rule:B`` for several fixes accepted together).
        steps: for several fixes, ``(by, text after this step)`` per fix, in the order
            applied, so provenance can credit each rule; empty for a single step.
        fixes: the mechanical fixes applied (offsets local to ``before``); with
            ``steps``, ``fixes[i]`` is the fix of ``steps[i]``.
    """

    segment: str
    before: str
    after: str
    action: str
    by: str
    steps: tuple[tuple[str, str], ...] = ()
    fixes: tuple[Fix, ...] = ()

    def to_json(self) -> dict:
        return {
            "segment": self.segment,
            "before": self.before,
            "after": self.after,
            "action": self.action,
            "by": self.by,
            "steps": [list(step) for step in self.steps],
            "fixes": [fix.to_json() for fix in self.fixes],
        }

    @classmethod
    def from_json(cls, data: dict) -> Change:
        steps = tuple((str(by), str(after)) for by, after in data.get("steps", ()))
        fixes = tuple(Fix(**fix) for fix in data.get("fixes", ()))
        return cls(data["segment"], data["before"], data["after"], data["action"], data["by"],
                   steps, fixes)

    def revision_steps(self) -> Iterator[Step]:
        """The revisions this change records, oldest first (one per fix for fixes)."""
        steps = self.steps or ((self.by, self.after),)
        fixes = self.fixes if self.steps else self.fixes[:1]
        before = self.before
        for index, (by, after) in enumerate(steps):
            yield Step(by, before, after, fixes[index : index + 1])
            before = after


@dataclass(frozen=True)
class Step:
    """One revision of a change: who, the text before and after, the fix applied (if any)."""

    by: str
    before: str
    after: str
    fixes: tuple[Fix, ...] = ()


def fix_change(segment_id: str, text: str, fixes: Sequence[Fix]) -> Change | None:
    """The change applying ``fixes`` (offsets local to ``text``), one step per fix.

    Overlapping fixes are dropped as :func:`~postedit.flags.apply_fixes` drops them;
    None when no fix applies.
    """
    new_text, applied = apply_fixes(text, fixes)
    if not applied:
        return None
    by = "+".join(dict.fromkeys(f"rule:{fix.rule}" for fix in applied))
    if len(applied) == 1:
        return Change(segment_id, text, new_text, fix_action(applied), by, fixes=tuple(applied))
    backwards = tuple(sorted(applied, key=lambda f: f.start, reverse=True))
    return Change(segment_id, text, new_text, fix_action(applied), by,
                  _steps(text, backwards), backwards)


def fix_action(fixes: Sequence[Fix]) -> str:
    """``remove`` for boilerplate fixes only, else ``fix``."""
    return "remove" if all(f.rule == BOILERPLATE for f in fixes) else "fix"


def _steps(text: str, applied: Sequence[Fix]) -> tuple[tuple[str, str], ...]:
    """``(rule:ID, text after)`` applying the fixes one at a time, in the given order."""
    steps = []
    current = text
    for fix in applied:
        current = current[: fix.start] + fix.replacement + current[fix.end :]
        steps.append((f"rule:{fix.rule}", current))
    return tuple(steps)


def shift_flag(flag: Flag, delta: int) -> Flag:
    """The flag (and its fix) moved by ``delta`` characters."""
    fix = flag.fix
    if fix is not None:
        fix = replace(fix, start=fix.start + delta, end=fix.end + delta)
    return replace(flag, start=flag.start + delta, end=flag.end + delta, fix=fix)
