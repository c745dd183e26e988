"""Adversarial inputs: every detector must stay linear in the length of its input.

Run: .venv/bin/python bench/bench_adversarial.py [--size 20000] [--only comma,space]

For each run of one character class (punctuation, spaces, brackets, quotes,
entities, glued capitals...) inside one sentence, the whole analysis (parsing
plus every detector, no engine) is timed at SIZE and at 4 x SIZE characters, in
the same process. Linear work gives a ratio near 4; quadratic work gives 16.
Target: at most 6x. Prints figures only; no assertion.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src")]

from postedit.config import resolve  # noqa: E402
from postedit.pipeline import analyse, make_document  # noqa: E402

TARGET_RATIO = 6.0
# name -> the unit repeated to build the run (None: nested brackets)
RUNS: dict[str, str | None] = {
    "dashes": "-", "full stops": ".", "commas": ",", "spaced commas": ", ",
    "spaced stops": ". ", "spaces": " ", "tabs": "\t", "no-break spaces": "\u00a0",
    "zero-width spaces": "\u200b", "open brackets": "(", "close brackets": ")",
    "nested brackets": None, "opening quotes": "“", "closing quotes": "”",
    "straight quotes": '"', "apostrophes": "'", "exclamations": "!",
    "entities": "&amp;", "angle brackets": "<", "words": "ab ", "capitals": "AB",
    "title words": "Ab", "case joins": "aB", "one long word": "a",
    "sentences": "The river rose again. ",
}


def article(unit: str | None, size: int) -> str:
    body = "(" * (size // 2) + ")" * (size // 2) if unit is None else unit * (size // len(unit))
    return f"Flood warning\n\nThe mayor said {body} on Monday.\n\nRoads stayed closed."


def seconds(text: str) -> float:
    config = resolve(lang="en")
    start = time.process_time()
    analyse(make_document("bench", text, config=config), config)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20000, help="characters in the small run")
    parser.add_argument("--only", help="comma-separated run names")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(RUNS)
    seconds(article("x", 10))  # load word tables once, outside the timings
    print(f"{'run':20} {args.size:>9,} ch  {4 * args.size:>9,} ch   "
          f"ratio (linear ~4, target <= {TARGET_RATIO:.0f})")
    worst = 0.0
    for name in names:
        small = seconds(article(RUNS[name], args.size))
        large = seconds(article(RUNS[name], 4 * args.size))
        ratio = large / max(small, 1e-3)
        worst = max(worst, ratio)
        mark = "" if ratio <= TARGET_RATIO else "  <"
        print(f"{name:20} {small:10.2f} s  {large:10.2f} s   {ratio:5.1f}x{mark}")
    print(f"worst ratio: {worst:.1f}x (target <= {TARGET_RATIO:.0f}x)")


if __name__ == "__main__":
    main()
