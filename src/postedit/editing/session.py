"""The editing model: current texts, verdicts, and unlimited undo/redo.

The review UI edits through it, and :func:`postedit.editing.save.save_review` turns
its history into provenance. A :class:`~postedit.editing.changes.Change` is one
editor action on one segment (an edit, accepted fixes or suggestion, a removal, a
"this is fine"); the session keeps the changes applied (undo stack) and undone
(redo stack). Each segment's current report comes from
the detectors: the original analysis while its text is the original, else
:func:`postedit.pipeline.recheck` on the new text (offsets local to the text).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from postedit.config import Config
from postedit.document import Document, rebuild
from postedit.editing.changes import Change, shift_flag
from postedit.flags import Flag
from postedit.pipeline import DocumentReport, SegmentReport, recheck, segment_report
from postedit.provenance import segment_status, utc_now
from postedit.verdict import quality, word_count


@dataclass
class ReviewSession:
    """An article under review.

    Attributes:
        report: the detectors' analysis of the original article.
        config: settings used for rechecks.
        editor: the human's name, recorded as ``human:NAME``.
        done: changes applied, oldest first (the undo stack).
        undone: changes undone, most recent last (the redo stack).
        log: every ``("do" | "undo" | "redo", change, at)`` in order, for provenance;
            ``at`` is the UTC ISO 8601 time of the action.
        clock: gives ``at`` (the journal's times when a session is replayed).
        engine_results: engine results (``{"backtranslation": {...}}``) keyed by
            ``(segment id, text scored)``, so results never describe another text.
    """

    report: DocumentReport
    config: Config
    editor: str = "editor"
    done: list[Change] = field(default_factory=list)
    undone: list[Change] = field(default_factory=list)
    log: list[tuple[str, Change, str]] = field(default_factory=list)
    clock: Callable[[], str] = field(default=lambda: utc_now())
    engine_results: dict[tuple[str, str], dict] = field(default_factory=dict)
    on_change: Callable[[str, Change, str], None] | None = None
    _texts: dict[str, str] = field(default_factory=dict)
    _accepted: Counter = field(default_factory=Counter)
    _rechecked: dict[tuple[str, str], SegmentReport] = field(default_factory=dict)
    _saved_at: int = 0
    _index: dict[str, int] = field(default_factory=dict)
    _with_engine: dict[str, SegmentReport] = field(default_factory=dict)
    _summaries: dict[str, tuple[str, str, float, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index = {r.segment.id: i for i, r in enumerate(self.report.segments)}
        self._saved_at = self._history_mark()

    @property
    def document(self) -> Document:
        return self.report.document

    @property
    def by_human(self) -> str:
        return f"human:{self.editor}"

    @property
    def ids(self) -> list[str]:
        return list(self._index)

    def original(self, segment_id: str) -> SegmentReport:
        """The report on the original text: the detectors', plus engine flags once scored."""
        found = self._with_engine.get(segment_id)
        return found or self.report.segments[self._index[segment_id]]

    def add_engine_results(self, results: dict[str, dict], text_of: dict[str, str]) -> None:
        """Store engine results for the texts they scored (``text_of``: id -> text)."""
        for segment_id, result in results.items():
            key = (segment_id, text_of[segment_id])
            self.engine_results[key] = {**self.engine_results.get(key, {}), **result}

    def add_engine_flags(self, flags: Sequence[Flag]) -> None:
        """Engine flags on the original texts (document offsets) join the detectors' flags."""
        by_segment: dict[str, list[Flag]] = {}
        for flag in flags:
            by_segment.setdefault(flag.segment, []).append(flag)
        for segment_id, found in by_segment.items():
            if segment_id not in self._index:
                continue
            base = self.report.segments[self._index[segment_id]]
            merged = segment_report(base.block, base.segment, base.flags + tuple(found), base.lang)
            self._with_engine[segment_id] = replace(merged, extra=base.extra)
            self._summaries.pop(segment_id, None)

    def engine_for(self, segment_id: str) -> dict:
        """Engine results for the segment's current text (empty until scored)."""
        return self.engine_results.get((segment_id, self.text(segment_id)), {})

    def trip_chrf(self, segment_id: str, text: str) -> float | None:
        """The engine's round-trip chrF++ of ``text`` for the segment (None until scored)."""
        trip = self.engine_results.get((segment_id, text), {}).get("backtranslation") or {}
        chrf = trip.get("chrf")
        return float(chrf) if chrf is not None else None

    def text(self, segment_id: str) -> str:
        return self._texts.get(segment_id, self.original(segment_id).segment.text)

    def current(self, segment_id: str) -> SegmentReport:
        """The report for the segment's current text."""
        return self.report_for(segment_id, self.text(segment_id))

    def report_for(self, segment_id: str, text: str) -> SegmentReport:
        """The detectors' report on the segment with ``text`` (recomputed after edits, cached)."""
        original = self.original(segment_id)
        if text == original.segment.text:
            return original
        key = (segment_id, text)
        if key not in self._rechecked:
            self._rechecked[key] = recheck(self.document, segment_id, text, self.config)
        return self._rechecked[key]

    def local_flags(self, segment_id: str) -> list[Flag]:
        """Current flags with offsets relative to the segment's current text."""
        return self.flags_for(segment_id, self.text(segment_id))

    def flags_for(self, segment_id: str, text: str) -> list[Flag]:
        """Flags of the segment with ``text``, offsets relative to ``text``."""
        report = self.report_for(segment_id, text)
        offset = report.segment.start
        return [shift_flag(f, -offset) for f in report.flags]

    def scores_for(self, segment_id: str, text: str) -> dict[str, float]:
        report = self.report_for(segment_id, text)
        return {"quality": report.score, "penalty": report.penalty}

    def status(self, segment_id: str) -> str:
        """``unchanged``, ``edited``, ``removed`` or ``accepted`` (marked fine, text unchanged)."""
        return segment_status(self.original(segment_id).segment.text, self.text(segment_id),
                              accepted=bool(self._accepted[segment_id]))

    def verdict(self, segment_id: str) -> str:
        """The verdict to show: ``removed``, ``fine`` (marked by the editor) or the detectors'."""
        if self.text(segment_id) == "":
            return "removed"
        if self._accepted[segment_id]:
            return "fine"
        return self.current(segment_id).verdict

    def shown_score(self, segment_id: str) -> float:
        """The quality to show: 100 for a sentence the editor marked fine, else the detectors'."""
        if self._accepted[segment_id] and self.text(segment_id):
            return 100.0
        return self.current(segment_id).score

    # --- editing -------------------------------------------------------------------------

    def apply(self, change: Change) -> Change | None:
        """Apply a change (clears the redo stack); None when it would change nothing."""
        if change.before != self.text(change.segment):
            raise ValueError(f"{change.segment}: change does not start from the current text")
        if change.after == change.before and change.action != "accept":
            return None
        self._do(change)
        self.done.append(change)
        self.undone.clear()
        self._notify("do", change)
        return change

    def undo(self) -> Change | None:
        if not self.done:
            return None
        change = self.done.pop()
        self._undo(change)
        self.undone.append(change)
        self._notify("undo", change)
        return change

    def redo(self) -> Change | None:
        if not self.undone:
            return None
        change = self.undone.pop()
        self._do(change)
        self.done.append(change)
        self._notify("redo", change)
        return change

    def _do(self, change: Change) -> None:
        self._summaries.pop(change.segment, None)
        self._set_text(change.segment, change.after)
        if change.action == "accept":
            self._accepted[change.segment] += 1
        elif change.after != change.before:
            self._accepted[change.segment] = 0

    def _undo(self, change: Change) -> None:
        self._summaries.pop(change.segment, None)
        self._set_text(change.segment, change.before)
        if change.action == "accept":
            self._accepted[change.segment] -= 1
        else:
            self._accepted[change.segment] = self._accepts_since_last_edit(change.segment)

    def _accepts_since_last_edit(self, segment_id: str) -> int:
        count = 0
        for change in reversed(self.done):
            if change.segment != segment_id:
                continue
            if change.action != "accept":
                break
            count += 1
        return count

    def _set_text(self, segment_id: str, text: str) -> None:
        if text == self.original(segment_id).segment.text:
            self._texts.pop(segment_id, None)
        else:
            self._texts[segment_id] = text

    def _notify(self, kind: str, change: Change) -> None:
        at = self.clock()
        self.log.append((kind, change, at))
        if self.on_change is not None:
            self.on_change(kind, change, at)

    def edit(self, segment_id: str, new_text: str) -> Change | None:
        """The editor typed ``new_text`` for the segment."""
        return self.apply(Change(segment_id, self.text(segment_id), new_text, "edit",
                                 self.by_human))

    def mark_fine(self, segment_id: str) -> Change | None:
        text = self.text(segment_id)
        return self.apply(Change(segment_id, text, text, "accept", self.by_human))

    def use_config(self, config: Config) -> None:
        """Recheck under ``config`` (a lexicon entry added): segments it changes lose their flags."""
        self.config = config
        self._rechecked.clear()
        segments = tuple(self._rechecked_original(r) for r in self.report.segments)
        self.report = replace(self.report, segments=segments)
        self._with_engine = {k: r for k, r in self._with_engine.items()
                             if self._rechecked_original(r) is r}

    def _rechecked_original(self, report: SegmentReport) -> SegmentReport:
        fresh = recheck(self.document, report.segment.id, report.segment.text, self.config)
        return report if len(fresh.flags) == len(report.flags) else fresh

    def remove(self, segment_id: str) -> Change | None:
        return self.apply(Change(segment_id, self.text(segment_id), "", "remove", self.by_human))

    # --- state -----------------------------------------------------------------------------

    def replacements(self) -> dict[str, str]:
        return dict(self._texts)

    def output_text(self) -> str:
        return rebuild(self.document, self._texts)

    @property
    def dirty(self) -> bool:
        """Unsaved changes: the history moved since the last save."""
        return self._history_mark() != self._saved_at

    def _history_mark(self) -> int:
        return hash(tuple(self.done))

    def mark_saved(self) -> None:
        self._saved_at = self._history_mark()

    def counts(self) -> dict[str, int]:
        """How many segments are garbled, to check, edited (changed or removed), marked fine."""
        out = {"garbled": 0, "check": 0, "edited": 0, "fine": 0}
        for segment_id in self._index:
            verdict, status, _, _ = self._summary(segment_id)
            if verdict in out:
                out[verdict] += 1
            if status in ("edited", "removed"):
                out["edited"] += 1
        return out

    def score(self) -> float:
        """Document quality score of the current texts (MQM points per 100 words)."""
        points = words = 0.0
        for segment_id in self._index:
            _, _, segment_points, segment_words = self._summary(segment_id)
            points += segment_points
            words += segment_words
        return quality(points, int(words), min_words=1)

    def _summary(self, segment_id: str) -> tuple[str, str, float, int]:
        """Verdict, status, penalty points and words of a segment (cached until it changes)."""
        found = self._summaries.get(segment_id)
        if found is None:
            text = self.text(segment_id)
            fine = bool(self._accepted[segment_id])
            points = 0.0 if fine or not text else self.current(segment_id).penalty
            found = (self.verdict(segment_id), self.status(segment_id), points, word_count(text))
            self._summaries[segment_id] = found
        return found

    def is_flagged(self, segment_id: str) -> bool:
        return self.verdict(segment_id) in ("check", "garbled")
