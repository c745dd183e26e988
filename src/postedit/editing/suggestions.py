"""Numbered suggestions for a segment: remembered fixes, mechanical fixes, engine rewrites.

A fix remembered in the edit memory comes first, when there is one. Then every
mechanical fix together (when there are several), then each fix on its own; engine
alternatives follow (the engine's fresh translation of the source sentence, the
round trip). Each suggestion is the full new text of the segment plus the
:class:`~postedit.editing.changes.Change` to apply it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from postedit.edit_memory import EditMemory, carried
from postedit.editing.changes import Change, fix_change
from postedit.flags import Fix, Flag

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
    combined = fix_change(segment_id, text, fixes)
    if combined is not None and combined.steps:
        rules = ", ".join(dict.fromkeys(fix.rule for fix in combined.fixes[::-1]))
        out.append(Suggestion(f"all fixes ({rules})", combined.after, combined))
    for fix in fixes:
        change = fix_change(segment_id, text, [fix])
        if change is not None:
            out.append(Suggestion(f"fix {fix.rule}", change.after, change))
    return _unique(out, text)


def _inside(fix: Fix, text: str) -> bool:
    return 0 <= fix.start <= fix.end <= len(text)


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


def memory_suggestions(memory: EditMemory | None, segment_id: str, text: str) -> list[Suggestion]:
    """The remembered fix for ``text`` as a one-item list (empty when none).

    An exact match (same sentence, up to whitespace) offers the remembered fixed text;
    a near-identical sentence offers it too, labelled ``near`` with its similarity.
    Accepting one is recorded as ``memory:ARTICLE`` in the provenance.
    """
    if memory is None or not len(memory):
        return []
    match = memory.lookup(text)
    if match is None or match.entry.fixed == text:
        return []
    entry = match.entry
    label = entry.label() if match.exact else f"{entry.label()} (near, {match.score:.0f}%)"
    fixed = entry.fixed if match.exact else carried(entry, text) or entry.fixed
    if fixed == text:
        return []
    change = Change(segment_id, text, fixed, "suggestion", entry.agent())
    note = "" if match.exact else f"remembered for: {entry.original}"
    return [Suggestion(label, fixed, change, note or protected_changes(text, fixed))]
