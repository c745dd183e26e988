"""Numbered suggestions for a segment: mechanical fixes first, then engine alternatives.

Suggestion 1 applies every mechanical fix together (when there are several), then
each fix is offered on its own; engine alternatives follow (the engine's fresh
translation of the source sentence, the round trip). Each suggestion is the full
new text of the segment plus the :class:`~postedit_tui.session.Change` to apply it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
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
        note: a warning for the preview (``changes names: Trump``), empty when none.
    """

    label: str
    text: str
    change: Change
    note: str = ""


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


TripScore = Callable[[str], float | None]


def engine_suggestions(segment_id: str, text: str, alternatives: Sequence[tuple[str, str, str]],
                       trip_score: TripScore | None = None) -> list[Suggestion]:
    """Suggestions from engines (``(label, by, new text)``) that round-trip better than ``text``.

    ``trip_score(text)`` is the engine's own round-trip score (chrF++) of a text, None
    until scored; an alternative not yet scored, or not scoring above the current text,
    is not offered: a rewrite that the engine itself understands no better is noise.
    """
    current = trip_score(text) if trip_score is not None else None
    out = []
    for label, by, alt in alternatives:
        score = trip_score(alt) if trip_score is not None else None
        if not alt.strip() or current is None or score is None or score <= current:
            continue
        change = Change(segment_id, text, alt, "suggestion", by)
        out.append(Suggestion(f"{label} (round trip {current:.0f} → {score:.0f})", alt, change,
                              protected_changes(text, alt)))
    return out


_NUMBER = re.compile(r"\d[\d.,:]*\d|\d")
_QUOTED = re.compile(r"[\"“«‘]([^\"”»’]{1,80})[\"”»’]")
_CAPITAL = re.compile(r"(?<=[^\s.!?:;\"“«]\s)[A-ZÀ-Þ][\w'’-]+")


def protected_changes(before: str, after: str) -> str:
    """What a rewrite changes among names, numbers and quoted words, in words ('' if none)."""
    parts = []
    for kind, pattern in (("names", _CAPITAL), ("numbers", _NUMBER), ("quoted words", _QUOTED)):
        lost = Counter(pattern.findall(before)) - Counter(pattern.findall(after))
        if lost:
            parts.append(f"{kind}: {', '.join(sorted(lost))}")
    return "changes " + "; ".join(parts) if parts else ""


def _unique(suggestions: list[Suggestion], text: str) -> list[Suggestion]:
    seen = {text}
    out = []
    for suggestion in suggestions:
        if suggestion.text not in seen:
            seen.add(suggestion.text)
            out.append(suggestion)
    return out


def all_suggestions(segment_id: str, text: str, flags: Sequence[Flag],
                    alternatives: Sequence[tuple[str, str, str]] = (),
                    trip_score: TripScore | None = None,
                    first: Sequence[Suggestion] = ()) -> list[Suggestion]:
    """``first`` (remembered fixes), fix suggestions, then engine alternatives; at most nine.

    Engine alternatives are offered for flagged sentences only: on a clean sentence a
    round trip is a rewrite nobody asked for (it drops pronouns, renames people). They
    always come after the mechanical fixes, so ``1`` is never an engine rewrite when a
    mechanical fix exists.
    """
    found = list(first) + fix_suggestions(segment_id, text, flags)
    if flags:
        found += engine_suggestions(segment_id, text, alternatives, trip_score)
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
