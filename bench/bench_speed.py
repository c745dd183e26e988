"""Issue 10's speed table, measured side by side in one run through the installed CLI.

Each row runs ``postedit`` as a user would (a fresh process, medians of ``--runs``) and
prints the figure, the target and the ratio; nothing is asserted.

1. detectors end to end, 10k sentences, after start-up: (time of 10k - time of 1) / 10k;
2. per-sentence cost at 50k and 100k sentences against 1k;
3. ``score one.txt --engine none`` against ``postedit --help`` (start-up);
4. 40 articles of about 700 words, ``--jobs 2`` against ``--jobs 1``, detectors only, and
   whether both give the same bytes.

The Apertium and review-UI rows are in ``bench_engines.py`` and ``bench_tui.py``.

    .venv/bin/python bench/bench_speed.py [--runs 3] [--skip-large]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench_detectors import corpus

ROOT = Path(__file__).resolve().parents[1]
POSTEDIT = [sys.executable, "-m", "postedit"]


def timed(args: Sequence[str], runs: int) -> tuple[float, bytes]:
    """Median wall time of ``postedit ARGS`` and its stdout (the same every run)."""
    times, out = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([*POSTEDIT, *args], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):  # 1: garbled segments found
            raise SystemExit(f"postedit {' '.join(args)} failed: {done.stderr.decode()[-300:]}")
        out = done.stdout
    return statistics.median(times), out


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, "utf-8")
    return str(path)


def row(label: str, figure: str, target: str, ratio: float) -> None:
    print(f"{label:<58} {figure:>16}   target {target:<14} ratio {ratio:5.2f}")


def detectors_rows(folder: Path, runs: int, skip_large: bool) -> None:
    base = ["score", "--engine", "none", "--lang", "en", "--format", "jsonl"]
    one, _ = timed([*base, write(folder, "one.txt", corpus(1))], runs)
    ten_k, _ = timed([*base, write(folder, "10k.txt", corpus(10_000))], runs)
    rate = 10_000 / max(ten_k - one, 1e-9)
    row("detectors, CLI end to end, 10k sentences, after start-up", f"{rate:,.0f}/s",
        ">= 5,000/s", rate / 5000)
    if skip_large:
        return
    small, _ = timed([*base, write(folder, "1k.txt", corpus(1_000))], runs)
    per_small = (small - one) / 1_000
    for size in (50_000, 100_000):
        took, _ = timed([*base, write(folder, f"{size}.txt", corpus(size))], 1)
        growth = ((took - one) / size) / per_small
        row(f"per-sentence cost, {size // 1000}k sentences vs 1k", f"{growth:.2f}x",
            "<= 1.3x", 1.3 / growth)


def startup_row(folder: Path, runs: int) -> None:
    helped, _ = timed(["--help"], runs)
    scored, _ = timed(["score", "--engine", "none", write(folder, "short.txt", corpus(20))],
                      runs)
    row("score one.txt --engine none vs postedit --help", f"{scored / helped:.2f}x",
        "<= 3x", 3 / (scored / helped))


def jobs_row(folder: Path, runs: int) -> None:
    articles = [write(folder, f"article-{n:02}.txt", corpus(35 + n % 5)) for n in range(40)]
    base = ["score", "--engine", "none", "--format", "jsonl", *articles]
    one, out_one = timed([*base, "--jobs", "1"], runs)
    two, out_two = timed([*base, "--jobs", "2"], runs)
    same = "identical output" if out_one == out_two else "OUTPUT DIFFERS"
    row(f"40 articles, --jobs 2 vs --jobs 1 ({same})", f"{one / two:.2f}x", ">= 1.6x",
        (one / two) / 1.6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-large", action="store_true", help="no 50k/100k rows")
    args = parser.parse_args()
    print(f"postedit speed table: medians of {args.runs} runs, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        timed(["score", "--engine", "none", write(folder, "warm.txt", corpus(50))], 1)
        startup_row(folder, args.runs)
        detectors_rows(folder, args.runs, args.skip_large)
        jobs_row(folder, args.runs)


if __name__ == "__main__":
    main()
