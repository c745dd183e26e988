"""Fixtures for the review UI tests: a small garbled article, apps without engines."""

from __future__ import annotations

import asyncio
import inspect
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from postedit_tui.app import ReviewApp
from postedit_tui.widgets.segment_editor import SegmentEditor

from postedit.config import resolve
from postedit.document import Document, Segment
from postedit.editing.review_context import ReviewContext, load_context
from postedit.editing.session import ReviewSession
from postedit.engine_scoring import ScoredBatch
from postedit.pipeline import analyse, make_document

DATA = Path(__file__).parent / "data"

# Flagged segments of data/article.txt, in reading order.
FLAGGED = ["b3.s1", "b5.s1", "b6.s1", "b9.s1"]


def new_session() -> ReviewSession:
    """A review session on data/article.txt, detectors run, nothing edited."""
    text = (DATA / "article.txt").read_text(encoding="utf-8")
    config = resolve()
    document = make_document("article.txt", text, path=str(DATA / "article.txt"), config=config)
    return ReviewSession(analyse(document, config), config, "tester")


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no asyncio plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def _steady_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """No cursor blink, no colour surprises: screens render the same every run."""
    monkeypatch.setattr(SegmentEditor, "BLINK", False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    target = tmp_path / "article.txt"
    shutil.copy(DATA / "article.txt", target)
    return target


@pytest.fixture
def make_app(article: Path) -> Callable[..., ReviewApp]:
    def build(scorer_factory: Callable[[], object] | None = None, **options: object) -> ReviewApp:
        context = load_context(str(article), config=resolve(), editor="tester", **options)
        context.scorer_factory = scorer_factory or (lambda: None)
        return ReviewApp(context)

    return build


@pytest.fixture
def app(make_app: Callable[..., ReviewApp]) -> ReviewApp:
    return make_app()


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the workers and the messages they posted."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_of(app: ReviewApp):  # type: ignore[no-untyped-def]
    from postedit_tui.screens.review import ReviewScreen

    for screen in app.screen_stack:
        if isinstance(screen, ReviewScreen):
            return screen
    raise AssertionError("no review screen")


def context_of(app: ReviewApp) -> ReviewContext:
    return app.context


class FakeScorer:
    """An engine stand-in: round trips that swap one word, two segments per batch."""

    name = "fake"

    def __init__(self, fail_after: int | None = None,
                 chrf: Callable[[str], float] = lambda text: 61.5) -> None:
        self.fail_after = fail_after
        self.chrf = chrf

    def describe(self) -> dict[str, str]:
        return {"name": "fake", "version": "1", "model": "m1"}

    def score(self, document: Document, segments: Sequence[Segment]) -> Iterator[ScoredBatch]:
        done = 0
        for start in range(0, len(segments), 2):
            if self.fail_after is not None and done >= self.fail_after:
                raise RuntimeError("fake engine crashed")
            batch = segments[start : start + 2]
            done += len(batch)
            results = {seg.id: {"backtranslation": _trip(seg.text, self.chrf(seg.text))}
                       for seg in batch}
            yield ScoredBatch(results, (), done, len(segments))
        yield ScoredBatch({}, (), done, len(segments), final=True)


def _trip(text: str, chrf: float) -> dict:
    round_trip = text.replace("Three", "three").replace("mayor", "town mayor")
    return {"engine": "fake", "model": "m1", "pivot_text": f"[es] {text}",
            "roundtrip_text": round_trip, "chrf": chrf, "bleu": 40.0, "evidence": []}
