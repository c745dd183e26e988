"""Cluster overhead: articles per second of ``postedit score`` with ``--jobs 1``, ``--jobs 2``
and ``--cluster local:2`` on the same generated archive, side by side in one run.

Run: .venv/bin/python bench/bench_cluster.py [--articles 2000] [--engine none]
Target: on two cores, ``--cluster local:2`` reaches at least 0.8x the rate of ``--jobs 2``
(each command is timed whole: start-up, the local cluster's start and stop included).
Prints the figures, the ratios and whether the three outputs are the same; no assertion.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.8
SHARD_ARTICLES = 100


def write_archive(folder: Path, articles: int) -> list[str]:
    """Short articles cut from the bundled fixtures (wire-copy repeats included), in shards."""
    fixtures = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    sources = [path.read_text("utf-8").split("\n\n") for path in fixtures]
    paths = []
    for first in range(0, articles, SHARD_ARTICLES):
        lines = []
        for n in range(first, min(first + SHARD_ARTICLES, articles)):
            paragraphs = sources[n % len(sources)]
            start = 1 + n % max(1, len(paragraphs) - 2)
            text = "\n\n".join([paragraphs[0], *paragraphs[start:start + 2]])
            lines.append(json.dumps({"id": f"a{n}", "text": text}, ensure_ascii=False))
        path = folder / f"shard-{first // SHARD_ARTICLES:04d}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def timed(paths: list[str], engine: str, extra: list[str]) -> tuple[float, str]:
    """Seconds of one whole ``postedit score`` run, and a digest of its output."""
    command = [sys.executable, "-m", "postedit", "score", *paths, "--engine", engine,
               "--format", "jsonl", *extra]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=True, env={**os.environ})
    return time.perf_counter() - start, hashlib.sha256(done.stdout).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--engine", default="none")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as folder:
        paths = write_archive(Path(folder), args.articles)
        timed(paths[:1], args.engine, [])  # builds the word tables once, outside the timings
        runs = {name: timed(paths, args.engine, extra) for name, extra in (
            ("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
            ("--cluster local:2", ["--cluster", "local:2"]))}
    rates = {name: args.articles / seconds for name, (seconds, _) in runs.items()}
    print(f"{args.articles} articles, engine {args.engine}, {os.cpu_count()} cores")
    for name, (seconds, _) in runs.items():
        print(f"  {name:18} {seconds:6.1f} s  {rates[name]:7.1f} articles/s  "
              f"{rates[name] / rates['--jobs 1']:.2f}x --jobs 1")
    ratio = rates["--cluster local:2"] / rates["--jobs 2"]
    print(f"cluster / --jobs 2: {ratio:.2f} (target >= {TARGET}: {'met' if ratio >= TARGET else 'NOT met'})")
    print(f"same output in all three: {len({digest for _, digest in runs.values()}) == 1}")


if __name__ == "__main__":
    main()
