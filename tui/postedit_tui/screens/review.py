"""The main review screen: segment list, focus pane, suggestions, in-place editor.

Workers (detectors, engine scoring) post messages; only ``@on`` handlers and
actions touch widgets. Every editing action goes through the
:class:`~postedit.editing.session.ReviewSession`, whose changes the journal records.
"""

from __future__ import annotations

import os

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from postedit.editing.changes import Change
from postedit.editing.journal import Journal, find_resumable, journal_holder
from postedit.editing.review_context import ReviewContext
from postedit.editing.session import ReviewSession
from postedit.editing.suggestions import Suggestion, all_suggestions, engine_alternatives, memory_suggestions
from postedit.engine_scoring import Scorer, progress_text
from postedit.pairing import pair_by_paragraph, source_for
from postedit_tui import render
from postedit_tui.commands import BindingCommands
from postedit_tui.mark_fine import FineScreen, fine_everywhere, flagged_word
from postedit_tui.messages import (
    DetectorsDone,
    DetectorsFailed,
    EditFinished,
    EngineBatch,
    EngineFailed,
)
from postedit_tui.screens.review_saving import ReviewSaving
from postedit_tui.screens.review_workers import ReviewWorkers
from postedit_tui.widgets import (
    EvidencePane,
    FocusPane,
    SegmentEditor,
    SegmentList,
    StatusHeader,
    SuggestionList,
)
from postedit_tui.widgets.status_header import Status

ACCEPT_KEYS = [
    Binding(str(n), f"accept({n})", f"Accept suggestion {n}" if n > 1 else "Accept",
            show=n == 1, key_display="1-9")
    for n in range(1, 10)
]


class ReviewScreen(ReviewWorkers, ReviewSaving, Screen):
    """Review an article sentence by sentence."""

    COMMANDS = {BindingCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("j,down", "move(1)", "Next sentence", show=False),
        Binding("k,up", "move(-1)", "Previous sentence", show=False),
        Binding("n", "next_flagged", "Next"),
        Binding("N", "previous_flagged", "Previous flag", key_display="N", show=False),
        Binding("f", "toggle_flagged", "Only flagged", show=False),
        Binding("J,ctrl+down", "scroll_detail(4)", "Scroll details down", key_display="J",
                show=False),
        Binding("K,ctrl+up", "scroll_detail(-4)", "Scroll details up", key_display="K",
                show=False),
        *ACCEPT_KEYS,
        Binding("e", "edit", "Edit"),
        Binding("a", "mark_fine", "Fine"),
        Binding("x", "remove", "Remove", show=False),
        Binding("u", "undo", "Undo"),
        Binding("ctrl+r", "redo", "Redo", show=False),
        Binding("r", "rescore", "Re-score", show=False),
        Binding("d", "diff", "Diff"),
        Binding("ctrl+s", "save", "Save"),
        Binding("w", "save_elsewhere", "Save elsewhere", show=False),
        Binding("q", "quit_review", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, context: ReviewContext) -> None:
        super().__init__()
        self.context = context
        self.session: ReviewSession | None = None
        self.journal: Journal | None = None
        self.only_flagged = False
        self.progress = ""
        self.force_save = False
        self.scorer: Scorer | None = None
        self.asked: set[tuple[str, str]] = set()  # candidates sent to the engine
        self.cursor_segment: str | None = None  # the cursor's segment, for the scoring thread
        self.aligned = pair_by_paragraph(context.document, context.source_text or "")

    def compose(self) -> ComposeResult:
        yield StatusHeader(id="status")
        with Horizontal(id="body"):
            yield SegmentList(id="segments")
            with VerticalScroll(id="detail"):
                yield FocusPane(id="focus")
                yield SegmentEditor(id="editor", soft_wrap=True, show_line_numbers=False)
                yield SuggestionList(id="suggestions")
                yield EvidencePane(id="evidence")
        yield Footer(show_command_palette=False)  # ctrl+p still opens it; help lists it

    def on_mount(self) -> None:
        self.query_one(SegmentEditor).display = False
        pending = {seg.id: (block.kind, seg.text)
                   for block, seg in self.context.document.iter_segments()}
        self.query_one(SegmentList).fill_from(
            pending, lambda i: render.segment_prompt(i, *pending[i], "pending", None))
        self.show_status()
        self.query_one(SegmentList).focus()
        self.run_detectors()

    # --- worker results --------------------------------------------------------------------

    @on(DetectorsDone)
    def detectors_done(self, message: DetectorsDone) -> None:
        self.session = ReviewSession(message.report, self.context.config, self.context.editor)
        self.refill()
        self.show_current()
        holder = journal_holder(self.context.journal)
        if holder is not None:
            self.journal_busy(holder)
            return
        resumable = find_resumable(self.context.journal, self.context.sha256)
        if resumable is None:
            self.open_journal(None)
            return
        from postedit_tui.screens.modals import ResumeScreen

        self.app.push_screen(ResumeScreen(resumable), self.open_journal)

    @on(EngineBatch)
    def engine_batch(self, message: EngineBatch) -> None:
        if self.session is None:
            return
        batch = message.batch
        self.session.add_engine_results(batch.results, message.texts)
        if batch.final and not message.rescore:
            self.session.add_engine_flags(batch.flags)
        if message.candidate:
            if self.current in batch.results:
                self.show_detail()
            return
        self.progress = progress_text(batch, self.scorer, message.rescore)
        touched = set(batch.results) | {f.segment for f in batch.flags}
        self.query_one(SegmentList).stale(touched, self.row_of)
        self.show_status()
        if self.current in touched:
            self.show_detail()

    @on(DetectorsFailed)
    def detectors_failed(self, message: DetectorsFailed) -> None:
        self.notify(message.error, title="Detectors failed", severity="error", timeout=15)

    @on(EngineFailed)
    def engine_failed(self, message: EngineFailed) -> None:
        self.progress = "engine failed"
        self.show_status()
        self.notify(message.error, title="Engine error", severity="error", timeout=8)

    # --- drawing ---------------------------------------------------------------------------

    def refill(self) -> None:
        if self.session is None:
            return
        segments = self.query_one(SegmentList)
        ids = self.session.ids
        if self.only_flagged:
            ids = [i for i in ids if self.session.is_flagged(i) or i == segments.current]
        segments.fill_from(ids, self.row_of, keep=segments.current)

    def row_of(self, segment_id: str) -> Content:
        """The list row of a segment as the session has it now."""
        assert self.session is not None  # rows go stale only once the detectors are done
        return render.session_row(self.session, segment_id)

    def refresh_row(self, segment_id: str) -> None:
        if self.session is not None:
            prompt = render.session_row(self.session, segment_id)
            self.query_one(SegmentList).refresh_row(segment_id, prompt)

    def show_status(self) -> None:
        session = self.session
        name = os.path.basename(self.context.document.id)
        status = Status(name)
        if session is not None:
            progress = self.progress
            if self.journal is not None and self.journal.failure:
                progress = f"{progress} · journal off".lstrip(" ·")
            status = Status(name, session.score(), session.counts(), progress, session.dirty)
        self.query_one(StatusHeader).show(status)

    def show_current(self) -> None:
        self.show_status()
        self.show_detail()

    def show_detail(self) -> None:
        """Redraw the focus, suggestion and evidence panes for the current segment."""
        segment_id = self.current
        if self.session is None or segment_id is None:
            return
        engine = self.session.engine_for(segment_id)
        source = source_for(segment_id, self.aligned, engine)
        self.query_one(FocusPane).show(self.session, segment_id)
        self.query_one(SuggestionList).show(self.suggestions(), self.session.text(segment_id))
        self.query_one(EvidencePane).show(self.session, segment_id, source)
        self.score_candidates()

    @property
    def current(self) -> str | None:
        return self.query_one(SegmentList).current

    def suggestions(self) -> list[Suggestion]:
        segment_id = self.current
        if self.session is None or segment_id is None:
            return []
        session = self.session
        text = session.text(segment_id)
        alternatives = engine_alternatives(session.engine_for(segment_id))
        remembered = memory_suggestions(self.context.memory, segment_id, text)
        return all_suggestions(segment_id, text, session.local_flags(segment_id), alternatives,
                               lambda candidate: session.trip_chrf(segment_id, candidate),
                               first=remembered)

    def score_candidates(self) -> None:
        """Start round-tripping the current flagged sentence's unscored engine alternatives."""
        segment_id, session = self.current, self.session
        if session is None or segment_id is None or self.scorer is None:
            return
        if not session.is_flagged(segment_id):
            return
        wanted = [alt for _, _, alt in engine_alternatives(session.engine_for(segment_id))
                  if alt.strip() and (segment_id, alt) not in self.asked]
        if wanted:
            self.asked.update((segment_id, alt) for alt in wanted)
            self.run_candidates(segment_id, wanted)

    @on(SegmentList.Highlighted)
    def highlighted(self, message: SegmentList.Highlighted) -> None:
        if message.segment_id != self.cursor_segment:
            self.follow(message.segment_id)

    def follow(self, segment_id: str | None) -> None:
        """Show the segment the cursor is on (the scoring thread reads ``cursor_segment``)."""
        if segment_id is None or segment_id == self.cursor_segment:
            return
        self.cursor_segment = segment_id
        self.show_detail()
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)

    # --- moving ----------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        # the detail follows at once, so the row and the detail change in one frame
        segments = self.query_one(SegmentList)
        segments.action_cursor(step)
        self.follow(segments.current)

    def action_scroll_detail(self, lines: int) -> None:
        """Scroll the focus pane (sentence, suggestions, flags) without leaving the list."""
        self.query_one("#detail", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_next_flagged(self) -> None:
        self._jump(1)

    def action_previous_flagged(self) -> None:
        self._jump(-1)

    def _jump(self, step: int) -> None:
        if self.session is not None and not self.query_one(SegmentList).jump(
                self.session.is_flagged, step):
            self.notify("No flagged sentence left.")

    def action_toggle_flagged(self) -> None:
        if self.session is None:
            return
        self.only_flagged = not self.only_flagged
        current = self.current
        if self.only_flagged and current and not self.session.is_flagged(current):
            self._jump(1)
        self.refill()
        self.notify("Showing flagged sentences only" if self.only_flagged
                    else "Showing every sentence")

    # --- editing ---------------------------------------------------------------------------

    def action_accept(self, number: int) -> None:
        found = self.suggestions()
        if number > len(found):
            self.notify(f"No suggestion {number}.", severity="warning")
            return
        self._apply(found[number - 1].change)

    def action_edit(self) -> None:
        if self.session is not None and self.current is not None:
            self.query_one(SegmentEditor).start(self.current, self.session.text(self.current))

    @on(EditFinished)
    def edit_finished(self, message: EditFinished) -> None:
        self.query_one(SegmentList).focus()
        if message.text is not None and self.session is not None:
            self._changed(self.session.edit(message.segment_id, message.text))

    def action_mark_fine(self) -> None:
        if self.session is None or self.current is None:
            return
        word = flagged_word(self.session, self.current)
        if word is None:
            self._changed(self.session.mark_fine(self.current))
            return
        segment_id = self.current
        self.app.push_screen(FineScreen(word), lambda answer: self._fine(segment_id, word, answer))

    def _fine(self, segment_id: str, word: str, answer: str | None) -> None:
        if self.session is None or answer is None:
            return
        if answer == "word":
            fine_everywhere(self.session, word, os.path.basename(self.context.article))
            self.refill()
            self.notify(f"“{word}” is fine everywhere (added to your lexicon).")
        self._changed(self.session.mark_fine(segment_id))

    def action_remove(self) -> None:
        if self.session is not None and self.current is not None:
            self._changed(self.session.remove(self.current))

    def action_undo(self) -> None:
        if self.session is not None:
            self._changed(self.session.undo(), "Nothing to undo.")

    def action_redo(self) -> None:
        if self.session is not None:
            self._changed(self.session.redo(), "Nothing to redo.")

    def _apply(self, change: Change) -> None:
        if self.session is not None:
            self._changed(self.session.apply(change))

    def _changed(self, change: Change | None, nothing: str = "") -> None:
        if change is None:
            if nothing:
                self.notify(nothing)
            return
        self.refresh_row(change.segment)
        self.query_one(SegmentList).select(change.segment)
        self.show_current()
        self._refresh_trip(change.segment)

    def _refresh_trip(self, segment_id: str) -> None:
        """A changed sentence gets its new round trip without waiting for ``r``."""
        session = self.session
        if session is None or self.scorer is None or not session.text(segment_id):
            return
        if not session.engine_for(segment_id):
            self.run_rescore(segment_id, session.text(segment_id))

    def action_rescore(self) -> None:
        segment_id = self.current
        if self.session is None or segment_id is None:
            return
        self.refresh_row(segment_id)
        self.show_current()
        if self.scorer is None:
            self.notify("Detectors re-run; no engine to score with.")
            return
        self.progress = f"re-scoring {segment_id}…"
        self.show_status()
        self.run_rescore(segment_id, self.session.text(segment_id))

    # --- screens (journal, saving and quitting: ReviewSaving) -------------------------------

    def action_diff(self) -> None:
        if self.session is not None:
            from postedit_tui.screens.diff import DiffScreen

            self.app.push_screen(DiffScreen(self.session))

    def action_help(self) -> None:
        from postedit_tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen([b for b in self.BINDINGS if isinstance(b, Binding)]))

