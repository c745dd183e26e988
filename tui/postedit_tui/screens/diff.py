"""The diff screen: every changed sentence of the document, as a word diff with who changed it."""

from __future__ import annotations

import os

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from postedit.editing.session import ReviewSession
from postedit_tui import render


class DiffScreen(Screen):
    """Original against edited, sentence by sentence."""

    BINDINGS = [
        Binding("escape,d,q", "app.pop_screen", "Back"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(diff_title(self.session), id="diff-title")
        with VerticalScroll(id="diff-body"):
            yield Static(document_diff(self.session), id="diff")
        yield Footer()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#diff-body", VerticalScroll).scroll_relative(y=lines, animate=False)


def changed_ids(session: ReviewSession) -> list[str]:
    return [i for i in session.ids if session.status(i) != "unchanged"]


def diff_title(session: ReviewSession) -> Content:
    count = len(changed_ids(session))
    name = os.path.basename(session.document.id)
    return Content.assemble((f"Changes in {name}", "bold"),
                            (f"  {count} changed · [-old-] struck · {{+new+}} underlined",
                             "$text-muted"))


def document_diff(session: ReviewSession) -> Content:
    ids = changed_ids(session)
    if not ids:
        return Content.styled("No changes yet.", "$text-muted")
    return Content("\n\n").join(_segment_diff(session, i) for i in ids)


def _segment_diff(session: ReviewSession, segment_id: str) -> Content:
    status = session.status(segment_id)
    who = next((c.by for c in reversed(session.done) if c.segment == segment_id), "")
    title = Content.assemble(render.mark(session.verdict(segment_id)), " ",
                             (segment_id, "bold"), (f"  {status} · {who}", "$text-muted"))
    before = session.original(segment_id).segment.text
    after = session.text(segment_id)
    body = render.preview(before, after, marks=True) if before != after else Content(after)
    return Content("\n").join([title, body])
