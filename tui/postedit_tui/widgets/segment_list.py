"""The segment list: every sentence in reading order with its verdict mark, kind and score."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class SegmentList(OptionList):
    """An OptionList whose option ids are segment ids (only the shown ones are present)."""

    def fill(self, rows: Iterable[tuple[str, Content]], keep: str | None = None) -> None:
        """Replace the options with ``(segment id, prompt)`` rows, keeping ``keep`` highlighted."""
        self.set_options(Option(prompt, id=segment_id) for segment_id, prompt in rows)
        self.select(keep)

    def select(self, segment_id: str | None) -> None:
        if not self.option_count:
            return
        try:
            index = self.get_option_index(segment_id) if segment_id else 0
        except Exception:  # an id that is not shown: go to the first one shown
            index = 0
        self.highlighted = index

    @property
    def current(self) -> str | None:
        option = self.highlighted_option
        return option.id if option else None

    @property
    def shown(self) -> list[str]:
        return [option.id for option in self.options if option.id]

    def refresh_row(self, segment_id: str, prompt: Content) -> None:
        try:
            self.replace_option_prompt(segment_id, prompt)
        except Exception:  # filtered out: nothing to redraw
            pass
