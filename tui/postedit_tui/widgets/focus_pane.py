"""The focus pane (the sentence in its paragraph) and the evidence pane (flags, source, trip)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from postedit.editing.session import ReviewSession
from postedit_tui import render


class FocusPane(Static):
    """The current sentence, highlighted inside its paragraph, with its verdict."""

    def show(self, session: ReviewSession, segment_id: str) -> None:
        self.update(focus_content(session, segment_id))


class EvidencePane(Static):
    """Why the sentence is flagged: the flags in words, the source, the engine's round trip."""

    def show(self, session: ReviewSession, segment_id: str, source: str | None) -> None:
        self.update(evidence_content(session, segment_id, source))


def focus_content(session: ReviewSession, segment_id: str) -> Content:
    verdict = session.verdict(segment_id)
    block = session.document.block_of(segment_id)
    title = Content.assemble(
        render.mark(verdict), " ", (f"{segment_id}", "bold"), "  ",
        (f"{block.kind} · {verdict} · quality {session.shown_score(segment_id):.0f}"
         f" · {session.status(segment_id)}",
         "$text-muted"),
    )
    return Content("\n").join([title, render.paragraph(block, session, segment_id)])


def evidence_content(session: ReviewSession, segment_id: str, source: str | None) -> Content:
    parts = [render.flag_lines(session.local_flags(segment_id))]
    for extra in (render.source_lines(source),
                  render.round_trip_lines(session.engine_for(segment_id),
                                          session.text(segment_id))):
        if extra is not None:
            parts.append(extra)
    return Content("\n\n").join(parts)
