"""Review UI speed, every row of issue 10 side by side with its target.

- all detectors shown on a 2,000-sentence article (target < 1 s, one core);
- key-to-render latency while an engine scores in its thread (target < 50 ms median,
  < 150 ms max), through the UI's real batching (time-sized batches, focused first)
  with a simulated engine that holds the CPU as a Python engine would;
- with Apertium (when ``apertium`` is on PATH; ``--no-apertium`` skips it): the UI's
  time to score the whole article against ``postedit score --engine apertium`` on the
  same file (target within 2x), both without the translation cache.

Prints numbers and ratios to the targets; asserts nothing.

    PYTHONPATH=src:tui python bench/bench_tui.py [--segments 2000] [--keys 60]
        [--no-apertium] [--apertium-batch N  (fixed batches, the old policy was 4)]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from postedit_tui.app import ReviewApp

from postedit.config import resolve
from postedit.document import Document, Segment
from postedit.editing.review_context import load_context
from postedit.engine_scoring import RoundTripScorer, ScoredBatch
from postedit.engines.base import Translation
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


class SimulatedEngine:
    """Stands in for an engine: CPU work per sentence (half each way), holding the GIL."""

    name = "simulated"
    version = "0"
    model_id = "none"
    can_score = False

    def __init__(self, seconds_per_segment: float = 0.004) -> None:
        self.seconds = seconds_per_segment

    def translate(self, texts, src, tgt, *, nbest=1, with_scores=False):  # type: ignore[no-untyped-def]
        _busy(self.seconds / 2 * len(texts))
        return [Translation(source=text, text=text) for text in texts]


def simulated_scorer() -> RoundTripScorer:
    """The UI's own scorer (time-sized batches, focused sentence first) over the stand-in."""
    return RoundTripScorer(SimulatedEngine(), "es")


class SimulatedScorer:
    """Fixed batches of 8 with CPU work per batch (the stand-in before the UI sized batches)."""

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
    context.scorer_factory = simulated_scorer
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


class CountingScorer(RoundTripScorer):
    """The UI's scorer, counting the batches it sends (the final one aside)."""

    batches = 0

    def score_from(self, document, segments, focus, clock=time.perf_counter):  # type: ignore[no-untyped-def]
        for batch in super().score_from(document, segments, focus, clock):
            CountingScorer.batches += not batch.final
            yield batch


async def ui_full_scoring(path: str, batch_size: int | None) -> tuple[float, int]:
    """Seconds from opening the UI until Apertium has scored every sentence; batches used."""
    from postedit.engines import get_engine

    CountingScorer.batches = 0
    started = time.perf_counter()
    context = load_context(path, config=resolve(), editor="bench", output=path + ".out3")
    engine = get_engine("apertium", "es", context.document.lang, use_cache=False)
    context.scorer_factory = lambda: CountingScorer(engine, "es", batch_size=batch_size)
    app = ReviewApp(context)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        while not getattr(screen, "progress", "").startswith("apertium: scored"):
            if "failed" in getattr(screen, "progress", ""):
                raise SystemExit(f"apertium failed: {screen.progress}")
            await pilot.pause(0.05)
        app.exit()
    return time.perf_counter() - started, CountingScorer.batches


def cli_full_scoring(path: str) -> float:
    """Seconds for ``postedit score --engine apertium --no-cache`` on the same file."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    command = [sys.executable, "-m", "postedit", "score", "--engine", "apertium", "--no-cache",
               "--source-lang", "es", "--format", "jsonl", path]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env)
    return time.perf_counter() - started


def print_paint(times: dict[str, float], segments: int) -> None:
    print(f"article: {segments} segments; first two rows on one core")
    print(f"reading + segmenting + language detection (core): {times['load']:6.3f} s")
    print(f"first paint (UI, after loading):  {times['paint']:6.3f} s")
    print(f"review UI, all detectors shown:   {times['shown']:6.3f} s   target < 1 s "
          f"({times['shown']:.2f}x)")
    print(f"  of which the detectors in their worker (first run, loads word lists): "
          f"{times['worker']:.3f} s; the same analysis warm: {times['analyse']:.3f} s")


def print_latency(size: tuple[int, int], latencies: list[float], progress: str) -> None:
    median, worst = statistics.median(latencies), max(latencies)
    print(f"review UI, key to render while scoring, {size[0]}x{size[1]}: "
          f"median {median * 1000:5.1f} ms, max {worst * 1000:5.1f} ms   "
          f"target < 50 ms median ({median / 0.05:.2f}x), < 150 ms max ({worst / 0.15:.2f}x)")
    print(f"  {len(latencies)} keys; {progress}")


def apertium_row(path: str, batch_size: int | None) -> None:
    cli = cli_full_scoring(path)
    ui, batches = asyncio.run(ui_full_scoring(path, batch_size))
    policy = f"fixed batches of {batch_size}" if batch_size else "batches sized by time"
    print(f"review UI with Apertium, fully scored ({policy}, {batches} batches): {ui:6.1f} s; "
          f"postedit score --engine apertium: {cli:6.1f} s   target within 2x "
          f"({ui / cli:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--no-apertium", action="store_true", help="skip the Apertium row")
    parser.add_argument("--apertium-batch", type=int, default=None,
                        help="fixed Apertium batches of N (the old policy: 4)")
    args = parser.parse_args()
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "long-article.txt")
        Path(path).write_text(article(args.segments), encoding="utf-8")
        if cores:
            os.sched_setaffinity(0, {sorted(cores)[0]})
        print_paint(asyncio.run(first_paint(path, args.segments)), args.segments)
        for size in ((80, 24), (160, 50)):
            print_latency(size, *asyncio.run(key_latency(path, args.keys, size)))
        if cores:
            os.sched_setaffinity(0, cores)
        if args.no_apertium or shutil.which("apertium") is None:
            print("review UI with Apertium: skipped (no apertium on PATH, or --no-apertium)")
        else:
            apertium_row(path, args.apertium_batch)


if __name__ == "__main__":
    main()
