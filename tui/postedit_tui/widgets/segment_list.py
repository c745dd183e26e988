"""The segment list: every sentence in reading order with its verdict mark, kind and score.

A line-API scroll view (one line per segment, drawn on demand), so a
2,000-sentence article paints at once and redrawing one row costs one row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual


class SegmentList(ScrollView, can_focus=True):
    """Rows of ``(segment id, prompt)``; ``highlighted`` is the cursor row."""

    COMPONENT_CLASSES = {"segment-list--cursor"}
    BINDINGS = [
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
    ]
    DEFAULT_CSS = """
    SegmentList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    SegmentList > .segment-list--cursor {
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    SegmentList:focus > .segment-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    highlighted: reactive[int | None] = reactive(None, always_update=True, repaint=False)

    class Highlighted(Message):
        """The cursor moved to another segment."""

        def __init__(self, segment_list: SegmentList, segment_id: str) -> None:
            self.segment_list = segment_list
            self.segment_id = segment_id
            super().__init__()

        @property
        def control(self) -> SegmentList:
            return self.segment_list

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._ids: list[str] = []
        self._prompts: list[Content] = []
        self._index: dict[str, int] = {}
        self._strips: dict[int, tuple[bool, int, Strip]] = {}  # row: its last drawing
        self._scrollbars_for = Size(-1, -1)  # the virtual size the scrollbar was drawn for
        self._stale: set[int] = set()  # rows whose prompt comes from _source when next drawn
        self._source: Callable[[str], Content] | None = None

    # --- rows ------------------------------------------------------------------------------

    def fill(self, rows: Iterable[tuple[str, Content]], keep: str | None = None) -> None:
        """Replace every row, keeping ``keep`` highlighted when it is still shown."""
        pairs = list(rows)
        self._ids = [segment_id for segment_id, _ in pairs]
        self._prompts = [prompt for _, prompt in pairs]
        self._index = {segment_id: n for n, segment_id in enumerate(self._ids)}
        self._strips.clear()
        self._stale.clear()
        self.virtual_size = Size(0, len(self._ids))
        self.select(keep)
        self.refresh()

    def fill_from(self, segment_ids: Iterable[str], source: Callable[[str], Content],
                  keep: str | None = None) -> None:
        """Replace every row, each drawn from ``source`` when first shown."""
        ids = list(segment_ids)
        self.fill(((segment_id, Content()) for segment_id in ids), keep=keep)
        self._source = source
        self._stale = set(range(len(ids)))

    def refresh_row(self, segment_id: str, prompt: Content) -> None:
        index = self._index.get(segment_id)
        if index is None:
            return
        self._prompts[index] = prompt
        self._stale.discard(index)
        self._forget(index)
        self.refresh_line(index)  # a virtual line: ScrollView takes off the scroll

    def stale(self, segment_ids: Iterable[str], source: Callable[[str], Content]) -> None:
        """Rows to redraw from ``source`` when next shown: a batch of a thousand engine
        results costs only the rows on screen."""
        self._source = source
        for segment_id in segment_ids:
            index = self._index.get(segment_id)
            if index is not None:
                self._stale.add(index)
                self._forget(index)
                self.refresh_line(index)

    def select(self, segment_id: str | None) -> None:
        if not self._ids:
            self.highlighted = None
            return
        self.highlighted = self._index.get(segment_id, 0) if segment_id else 0

    @property
    def option_count(self) -> int:
        return len(self._ids)

    @property
    def current(self) -> str | None:
        index = self.highlighted
        return self._ids[index] if index is not None and index < len(self._ids) else None

    @property
    def shown(self) -> list[str]:
        return list(self._ids)

    # --- cursor ----------------------------------------------------------------------------

    def validate_highlighted(self, index: int | None) -> int | None:
        if index is None or not self._ids:
            return None
        return max(0, min(len(self._ids) - 1, index))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self._forget(index)
                self.refresh_line(index)  # a virtual line: ScrollView takes off the scroll
        if new is not None:
            height = self.scrollable_content_region.height
            self.scroll_to(y=_scroll_target(new, self.scroll_offset.y, height),
                           animate=False, immediate=True)
            self.post_message(self.Highlighted(self, self._ids[new]))

    def jump(self, wanted: Callable[[str], bool], step: int) -> bool:
        """Move to the next row (``step`` 1) or previous (-1) whose id is ``wanted``, wrapping."""
        if self.highlighted is None:
            return False
        index = self.highlighted
        for _ in range(len(self._ids)):
            index = (index + step) % len(self._ids)
            if wanted(self._ids[index]):
                self.highlighted = index
                return True
        return False

    def action_cursor(self, step: int) -> None:
        if self.highlighted is not None:
            self.highlighted += step

    def action_page(self, direction: int) -> None:
        if self.highlighted is not None:
            self.highlighted += direction * max(1, self.size.height - 1)

    def action_edge(self, last: int) -> None:
        if self._ids:
            self.highlighted = len(self._ids) - 1 if last else 0

    # --- drawing ---------------------------------------------------------------------------

    def _forget(self, index: int) -> None:
        self._strips.pop(index, None)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        # The compositor hands a line-API view its arranged size, never the virtual size
        # it keeps itself, so ScrollView would redraw the scrollbar at every layout of
        # the screen (each key, as the detail pane changes height): only when ours changed.
        stale = self.virtual_size != self._scrollbars_for
        self._scrollbars_for = self.virtual_size
        return super()._size_updated(size, virtual_size if stale else self.virtual_size,
                                     container_size, layout)

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(0, len(self._ids))

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= len(self._ids):
            return Strip.blank(width, self.rich_style)
        cursor = index == self.highlighted
        drawn = self._strips.get(index)
        if drawn is not None and drawn[:2] == (cursor, width):
            return drawn[2]
        strip = self._render_row(index, cursor, width)
        self._strips[index] = (cursor, width, strip)
        return strip

    def _render_row(self, index: int, cursor: bool, width: int) -> Strip:
        if index in self._stale and self._source is not None:
            self._stale.discard(index)
            self._prompts[index] = self._source(self._ids[index])
        style = self.get_visual_style("segment-list--cursor") if cursor else self.get_visual_style()
        gutter = "▶" if cursor else " "  # the cursor shows without colour too (NO_COLOR)
        prompt = (gutter + self._prompts[index]).truncate(width, ellipsis=True)
        strips = Visual.to_strips(self, prompt, width, 1, style, pad=True)
        return strips[0] if strips else Strip.blank(width, self.rich_style)


def _scroll_target(index: int, top: int, height: int) -> int:
    """The scroll offset that shows row ``index`` with the least movement."""
    if height <= 0 or top <= index < top + height:
        return top
    return index if index < top else index - height + 1
