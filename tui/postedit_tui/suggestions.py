"""Numbered suggestions for a segment: mechanical fixes first, then engine alternatives.

Suggestion 1 applies every mechanical fix together (when there are several), then
each fix is offered on its own; engine alternatives follow (the engine's fresh
translation of the source sentence, the round trip). Each suggestion is the full
new text of the segment plus the :class:`~postedit_tui.session.Change` to apply it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from postedit.flags import Fix, Flag, apply_fixes
from postedit_tui.session import Change

MAX_SUGGESTIONS = 9


@dataclass(frozen=True)
class Suggestion:
    """One alternative for the current text.

    Attributes:
        label: what it is, in words (``fix glued-words``, ``engine translation``).
        text: the segment's text if accepted.
        change: the change that accepting records.
    """

    label: str
    text: str
    change: Change


def fix_suggestions(segment_id: str, text: str, flags: Sequence[Flag]) -> list[Suggestion]:
    """Suggestions from the fixes of ``flags`` (offsets local to ``text``).

    Detector fixes come before engine fixes, so when both propose the same repair the
    detector's rule is the one credited.
    """
    ordered = sorted(flags, key=lambda f: f.origin != "detector")
    fixes = [f.fix for f in ordered if f.fix is not None and _inside(f.fix, text)]
    if not fixes:
        return []
    out = []
    combined, applied = apply_fixes(text, fixes)
    if len(applied) > 1:
        backwards = tuple(sorted(applied, key=lambda f: f.start, reverse=True))
        steps = _steps(text, backwards)
        rules = ", ".join(dict.fromkeys(fix.rule for fix in applied))
        by = "+".join(dict.fromkeys(f"rule:{fix.rule}" for fix in applied))
        change = Change(segment_id, text, combined, _action(applied), by, steps, backwards)
        out.append(Suggestion(f"all fixes ({rules})", combined, change))
    for fix in fixes:
        new_text, _ = apply_fixes(text, [fix])
        change = Change(segment_id, text, new_text, _action([fix]), f"rule:{fix.rule}",
                        fixes=(fix,))
        out.append(Suggestion(f"fix {fix.rule}", new_text, change))
    return _unique(out, text)


def _inside(fix: Fix, text: str) -> bool:
    return 0 <= fix.start <= fix.end <= len(text)


def _action(fixes: Sequence[Fix]) -> str:
    return "remove" if all(f.rule == "boilerplate" for f in fixes) else "fix"


def _steps(text: str, applied: Sequence[Fix]) -> tuple[tuple[str, str], ...]:
    """``(rule:ID, text after)`` applying the fixes one at a time, in the given order.

    Fixes go from the end of the text backwards, so each keeps its offsets.
    """
    steps = []
    current = text
    for fix in applied:
        current = current[: fix.start] + fix.replacement + current[fix.end :]
        steps.append((f"rule:{fix.rule}", current))
    return tuple(steps)


def engine_suggestions(segment_id: str, text: str, alternatives: Sequence[tuple[str, str, str]]
                       ) -> list[Suggestion]:
    """Suggestions from engines: ``(label, by, new text)`` triples."""
    return [
        Suggestion(label, alt, Change(segment_id, text, alt, "suggestion", by))
        for label, by, alt in alternatives
        if alt.strip()
    ]


def _unique(suggestions: list[Suggestion], text: str) -> list[Suggestion]:
    seen = {text}
    out = []
    for suggestion in suggestions:
        if suggestion.text not in seen:
            seen.add(suggestion.text)
            out.append(suggestion)
    return out


def all_suggestions(segment_id: str, text: str, flags: Sequence[Flag],
                    alternatives: Sequence[tuple[str, str, str]] = ()) -> list[Suggestion]:
    """Fix suggestions then engine alternatives, without duplicates, at most nine.

    Engine alternatives are offered for flagged sentences only: on a clean sentence a
    round trip is a rewrite nobody asked for (it drops pronouns, renames people).
    """
    found = fix_suggestions(segment_id, text, flags)
    if flags:
        found += engine_suggestions(segment_id, text, alternatives)
    return _unique(found, text)[:MAX_SUGGESTIONS]


def engine_alternatives(result: dict) -> list[tuple[str, str, str]]:
    """``(label, by, text)`` alternatives in an engine result: fresh translation, round trip."""
    trip = result.get("backtranslation") or {}
    if not trip:
        return []
    by = f"engine:{trip.get('engine', 'engine')}/{trip.get('model', '')}".rstrip("/")
    out = []
    source = trip.get("source") or {}
    if source.get("forward_text"):
        out.append(("engine translation of the source", by, source["forward_text"]))
    if trip.get("roundtrip_text"):
        out.append(("round trip", by, trip["roundtrip_text"]))
    return out
