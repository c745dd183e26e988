"""Issue 10's speed table, measured side by side in one run through the installed CLI.

Each row runs ``postedit`` as a user would (a fresh process, medians of ``--runs``) and
prints the figure, the target beside it and the ratio (>= 1.00 meets the target); nothing
is asserted. Single-process rows give the figure twice: by wall time, and by the CPU time
of the ``postedit`` process, which moves far less when other work shares the machine (the
header shows the load average). ``--jobs`` rows can only be timed by the wall clock.

1. detectors end to end, 10k sentences, after start-up: (time of 10k - time of 1) / 10k;
2. per-sentence cost at 50k and 100k sentences against 1k;
3. ``score one.txt --engine none`` against ``postedit --help`` (start-up);
4. 40 articles of about 700 words, ``--jobs 2`` against ``--jobs 1``, detectors only, and
   whether both give the same bytes (with the CPU time of all processes beside it: the
   workers' overhead, which the wall-clock ratio hides when the machine is busy).

The Apertium and review-UI rows are in ``bench_engines.py`` and ``bench_tui.py``.

    .venv/bin/python bench/bench_speed.py [--runs 3] [--skip-large]
"""

from __future__ import annotations

import argparse
import os
import resource
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
    wall, _cpu, out = timed_both(args, runs)
    return wall, out


def timed_both(args: Sequence[str], runs: int) -> tuple[float, float, bytes]:
    """Median wall time and median CPU time (user + system) of ``postedit ARGS``, and its stdout."""
    walls, cpus, out = [], [], b""
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([*POSTEDIT, *args], capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):  # 1: garbled segments found
            raise SystemExit(f"postedit {' '.join(args)} failed: {done.stderr.decode()[-300:]}")
        out = done.stdout
    return statistics.median(walls), statistics.median(cpus), out


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, "utf-8")
    return str(path)


def row(label: str, figure: str, target: str, ratio: float) -> None:
    print(f"{label:<62} {figure:>16}   target {target:<12} ratio {ratio:5.2f}")


def detectors_rows(folder: Path, runs: int, skip_large: bool) -> None:
    base = ["score", "--engine", "none", "--lang", "en", "--format", "jsonl"]
    one = timed_both([*base, write(folder, "one.txt", corpus(1))], runs)
    ten_k = timed_both([*base, write(folder, "10k.txt", corpus(10_000))], runs)
    for clock, index in (("wall", 0), ("CPU", 1)):
        rate = 10_000 / max(ten_k[index] - one[index], 1e-9)
        row(f"detectors, CLI end to end, 10k sentences, after start-up ({clock})",
            f"{rate:,.0f}/s", ">= 5,000/s", rate / 5000)
    if skip_large:
        return
    small = timed_both([*base, write(folder, "1k.txt", corpus(1_000))], runs)
    per_small = (small[1] - one[1]) / 1_000
    for size in (50_000, 100_000):
        took = timed_both([*base, write(folder, f"{size}.txt", corpus(size))], 1)
        growth = ((took[1] - one[1]) / size) / per_small
        row(f"per-sentence cost, {size // 1000}k sentences vs 1k (CPU)", f"{growth:.2f}x",
            "<= 1.3x", 1.3 / growth)


def startup_row(folder: Path, runs: int) -> None:
    helped = timed_both(["--help"], runs)
    scored = timed_both(["score", "--engine", "none", write(folder, "short.txt", corpus(20))],
                        runs)
    for clock, index in (("wall", 0), ("CPU", 1)):
        ratio = scored[index] / helped[index]
        row(f"score one.txt --engine none vs postedit --help ({clock})", f"{ratio:.2f}x",
            "<= 3x", 3 / ratio)


def jobs_row(folder: Path, runs: int) -> None:
    articles = [write(folder, f"article-{n:02}.txt", corpus(35 + n % 5)) for n in range(40)]
    base = ["score", "--engine", "none", "--format", "jsonl", *articles]
    one, cpu_one, out_one = timed_both([*base, "--jobs", "1"], runs)
    two, cpu_two, out_two = timed_both([*base, "--jobs", "2"], runs)
    same = "identical output" if out_one == out_two else "OUTPUT DIFFERS"
    row(f"40 articles, --jobs 2 vs --jobs 1 ({same}, wall)", f"{one / two:.2f}x", ">= 1.6x",
        (one / two) / 1.6)
    # Not a target: what the workers cost beyond the work itself (all processes' CPU).
    print(f"{'  same, CPU of all processes, --jobs 2 / --jobs 1':<62} {cpu_two / cpu_one:>15.2f}x"
          f"   ({cpu_one:.2f} s / {cpu_two:.2f} s)")
    # Start-up (interpreter, imports, word tables) is paid once before any work can be shared
    # out, so two cores cannot halve the whole run: the ceiling is (S + W) / (S + W / 2).
    startup, _ = timed(["score", "--engine", "none", "--format", "jsonl", articles[0]], runs)
    work = max(one - startup, 1e-9)
    ceiling = one / (startup + work / 2)
    print(f"{'  start-up (one article) S, work W = jobs 1 - S':<62} {'':>16}"
          f"   (S {startup:.2f} s, W {work:.2f} s)")
    print(f"{'  ceiling on 2 cores with that start-up, (S + W) / (S + W/2)':<62} {ceiling:>15.2f}x")
    print(f"{'  work alone, W / (jobs 2 - S)':<62} {work / max(two - startup, 1e-9):>15.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-large", action="store_true", help="no 50k/100k rows")
    args = parser.parse_args()
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    print(f"postedit speed table: medians of {args.runs} runs, {os.cpu_count()} CPUs, "
          f"load average {load}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        timed(["score", "--engine", "none", write(folder, "warm.txt", corpus(50))], 1)
        startup_row(folder, args.runs)
        detectors_rows(folder, args.runs, args.skip_large)
        jobs_row(folder, args.runs)


if __name__ == "__main__":
    main()
