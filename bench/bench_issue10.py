"""Every row of the speed table in one run: the CLI rows, the Apertium rows, the review UI rows.

Runs ``bench_speed.py``, ``bench_engines.py --only apertium`` and ``bench_tui.py`` one after
the other on this machine, so their figures come from the same state of it, and prints each
one's rows as it finishes (each row with its target and ratio beside it). Nothing is
asserted. The Apertium and UI-with-Apertium rows need ``apertium`` on PATH; without it
those scripts say they skipped them.

    .venv/bin/python bench/bench_issue10.py [--runs 3] [--skip-large]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="medians of this many runs (CLI rows)")
    parser.add_argument("--skip-large", action="store_true", help="no 50k/100k rows")
    args = parser.parse_args()
    speed = ["bench_speed.py", "--runs", str(args.runs)] + (["--skip-large"] if args.skip_large else [])
    parts = (
        ("CLI: start-up, detectors, scaling, --jobs", speed),
        ("Apertium: round trip, cache, --jobs", ["bench_engines.py", "--only", "apertium",
                                                 "--repeat", str(args.runs)]),
        ("review UI", ["bench_tui.py"]),
    )
    paths = [str(ROOT / "src"), str(ROOT / "tui"), str(ROOT / "tests"), str(BENCH)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    failed = 0
    for title, command in parts:
        print(f"\n== {title}", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(BENCH / command[0]), *command[1:]], env=env,
                              check=False)
        failed += done.returncode != 0
        print(f"   ({time.perf_counter() - start:.0f} s)", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
