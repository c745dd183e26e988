"""In-place editing of one sentence: ctrl+s keeps the edit, escape cancels it."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TextArea

from postedit_tui.messages import EditFinished


class SegmentEditor(TextArea):
    """A TextArea for one segment's text."""

    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep edit", priority=True),
        Binding("escape", "cancel", "Cancel edit", priority=True),
        Binding("ctrl+home", "to_start", "Start of sentence", show=False),
        Binding("ctrl+end", "to_end", "End of sentence", show=False),
    ]

    segment_id: str = ""
    BLINK = True  # tests turn the cursor blink off so snapshots are stable

    def start(self, segment_id: str, text: str) -> None:
        self.segment_id = segment_id
        self.cursor_blink = self.BLINK
        self.load_text(text)
        self.display = True
        self.focus()
        self.move_cursor(self.document.end)

    def action_to_start(self) -> None:
        self.move_cursor((0, 0))

    def action_to_end(self) -> None:
        self.move_cursor(self.document.end)

    def action_keep(self) -> None:
        self._finish(self.text.replace("\n", " ").strip())

    def action_cancel(self) -> None:
        self._finish(None)

    def _finish(self, text: str | None) -> None:
        self.display = False
        self.post_message(EditFinished(self.segment_id, text))
