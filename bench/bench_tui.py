"""Review UI speed: first paint and all detectors shown on a 2,000-segment article, and
key-to-render latency while an engine scoring worker runs.

Targets (issue 4): first paint and detectors under 1 s on one core; median
key-to-render latency under 50 ms while scoring. Prints numbers and ratios to the
targets; asserts nothing.

    PYTHONPATH=src:tui python bench/bench_tui.py [--segments 2000] [--keys 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from postedit_tui.app import ReviewApp

from postedit.config import resolve
from postedit.document import Document, Segment
from postedit.editing.review_context import load_context
from postedit.engine_scoring import ScoredBatch
from postedit.pipeline import analyse

SENTENCES = [
    "The council approved the new budget for the harbour district on Monday.",
    "Officials said the works would begin in the spring and last two years.",
    "The mayor Carla Romerosaid the plan would protect the old market hall.",
    "Residents were asked to leave their homes.According to the police, nobody was hurt.",
    "Critics argued that the cost had doubled since the project was first announced.",
    "the minister claimed on Tuesday Three new bridges would be built.",
]


def article(segments: int) -> str:
    paragraphs = []
    for start in range(0, segments, 4):
        paragraphs.append(" ".join(SENTENCES[(start + i) % len(SENTENCES)] for i in range(4)))
    return "Harbour works to start in spring\n\n" + "\n\n".join(paragraphs) + "\n"


class SimulatedScorer:
    """Stands in for an engine: CPU work per batch, as a real engine would do in its thread."""

    name = "simulated"

    def __init__(self, seconds_per_segment: float = 0.004) -> None:
        self.seconds = seconds_per_segment

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "version": "0", "model": "none"}

    def score(self, document: Document, segments: Sequence[Segment]) -> Iterator[ScoredBatch]:
        done = 0
        for start in range(0, len(segments), 8):
            batch = segments[start : start + 8]
            _busy(self.seconds * len(batch))
            done += len(batch)
            results = {s.id: {"backtranslation": {"engine": "simulated", "model": "x",
                                                  "pivot_text": s.text,
                                                  "roundtrip_text": s.text,
                                                  "chrf": 80.0, "bleu": 60.0}} for s in batch}
            yield ScoredBatch(results, (), done, len(segments))
        yield ScoredBatch({}, (), done, len(segments), final=True)


def _busy(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        sum(range(200))


async def first_paint(path: str, segments: int) -> dict[str, float]:
    import postedit_tui.screens.review_workers as review_screen

    timed: dict[str, float] = {}
    analyse_in_worker = review_screen.analyse

    def timed_analyse(*args, **kwargs):  # type: ignore[no-untyped-def]
        begun = time.perf_counter()
        report = analyse_in_worker(*args, **kwargs)
        timed["worker"] = time.perf_counter() - begun
        return report

    review_screen.analyse = timed_analyse  # type: ignore[assignment]
    started = time.perf_counter()
    context = load_context(path, config=resolve(), editor="bench", output=path + ".out")
    loaded = time.perf_counter()
    context.scorer_factory = lambda: None
    app = ReviewApp(context)
    async with app.run_test(size=(120, 40)) as pilot:
        painted = time.perf_counter()
        screen = app.screen
        while getattr(screen, "session", None) is None:
            await pilot.pause(0.005)
        await pilot.pause()
        shown = time.perf_counter()
        assert len(screen.session.ids) >= segments
    review_screen.analyse = analyse_in_worker  # type: ignore[assignment]
    analyse_started = time.perf_counter()
    analyse(context.document, context.config)
    return {"load": loaded - started, "paint": painted - loaded, "shown": shown - loaded,
            "analyse": time.perf_counter() - analyse_started, "worker": timed["worker"]}


class LatencyProbe:
    """Times each key from its action to the first screen refresh after the panes redraw."""

    def __init__(self) -> None:
        self.pressed: float | None = None
        self.redrawn = False
        self.latencies: list[float] = []

    def install(self) -> None:
        from postedit_tui.screens.review import ReviewScreen
        from textual.screen import Screen

        move, detail, refresh = (ReviewScreen.action_move, ReviewScreen.show_detail,
                                 Screen._compositor_refresh)
        probe = self

        def timed_move(screen, step):  # type: ignore[no-untyped-def]
            probe.pressed = time.perf_counter()
            move(screen, step)

        def timed_detail(screen):  # type: ignore[no-untyped-def]
            detail(screen)
            probe.redrawn = probe.pressed is not None

        def timed_refresh(screen):  # type: ignore[no-untyped-def]
            refresh(screen)
            if probe.pressed is not None and probe.redrawn:
                probe.latencies.append(time.perf_counter() - probe.pressed)
                probe.pressed, probe.redrawn = None, False

        ReviewScreen.action_move = timed_move  # type: ignore[method-assign]
        ReviewScreen.show_detail = timed_detail  # type: ignore[method-assign]
        Screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]


async def key_latency(path: str, keys: int, size: tuple[int, int]) -> tuple[list[float], str]:
    context = load_context(path, config=resolve(), editor="bench", output=path + ".out2")
    context.scorer_factory = SimulatedScorer
    app = ReviewApp(context)
    probe = LatencyProbe()
    probe.install()
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        while getattr(screen, "session", None) is None:
            await pilot.pause(0.01)
        scoring = screen.progress
        for _ in range(keys):
            await pilot.press("j")
            await pilot.pause()
        progress = f"{scoring} at the first key, {screen.progress} at the last"
        app.exit()
    return probe.latencies, progress


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--keys", type=int, default=60)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "long-article.txt")
        Path(path).write_text(article(args.segments), encoding="utf-8")
        times = asyncio.run(first_paint(path, args.segments))
        results = [(size, *asyncio.run(key_latency(path, args.keys, size)))
                   for size in ((80, 24), (160, 50))]
    print(f"article: {args.segments} segments, one core")
    print(f"reading + segmenting + language detection (core): {times['load']:6.3f} s")
    print(f"first paint (UI, after loading):  {times['paint']:6.3f} s "
          f"({times['paint']:.2f}x the 1 s target)")
    print(f"all detectors shown:              {times['shown']:6.3f} s "
          f"({times['shown']:.2f}x the 1 s target)")
    print(f"  of which the detectors in their worker (first run, loads word lists): "
          f"{times['worker']:.3f} s ({times['worker'] / times['shown']:.0%}); "
          f"the same analysis warm: {times['analyse']:.3f} s")
    for size, latencies, progress in results:
        median = statistics.median(latencies)
        p90 = statistics.quantiles(latencies, n=10)[-1]
        print(f"key-to-render at {size[0]}x{size[1]} while scoring: median {median * 1000:5.1f} ms "
              f"({median / 0.05:.2f}x the 50 ms target), p90 {p90 * 1000:.1f} ms; {progress}")


if __name__ == "__main__":
    main()
