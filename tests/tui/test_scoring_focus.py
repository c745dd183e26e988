"""The review UI scores the sentence the reader is on first (real scorer, stand-in engine)."""

from __future__ import annotations

import threading

from conftest import FLAGGED, screen_of, settle

from postedit.engine_scoring import RoundTripScorer
from postedit.engines.base import Translation

SIZE = (80, 24)


class HeldEngine:
    """Echoes its input; the first call waits until the test lets it go."""

    name = "held"
    version = "1"
    model_id = "held-1"
    can_score = False

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.release = threading.Event()

    def translate(self, texts, src, tgt, *, nbest=1, with_scores=False):  # type: ignore[no-untyped-def]
        self.calls.append(list(texts))
        if len(self.calls) == 1:
            self.release.wait(timeout=30)
        return [Translation(source=text, text=text) for text in texts]


async def test_the_next_batch_starts_at_the_sentence_the_cursor_moved_to(make_app) -> None:
    engine = HeldEngine()
    app = make_app(scorer_factory=lambda: RoundTripScorer(engine, "es"))
    async with app.run_test(size=SIZE) as pilot:
        while not engine.calls:  # the first batch is under way, from the top
            await pilot.pause(0.01)
        screen = screen_of(app)
        while screen.session is None:
            await pilot.pause(0.01)
        await pilot.press("N", "N")  # back round to the last flagged sentence but one
        last = screen.current
        assert last == FLAGGED[-2] and screen.cursor_segment == last
        engine.release.set()
        await settle(pilot)
        assert engine.calls[2][0] == screen.session.text(last)  # the second batch's first
        assert screen.progress == "held: scored 10"
