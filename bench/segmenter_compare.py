"""Compare postedit's sentence splitter with pysbd on the golden set and on speed.

Run: .venv/bin/python bench/segmenter_compare.py
Prints golden-set accuracy of both and sentences per second, side by side.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from postedit.segmenter import split_sentences

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = json.loads((ROOT / "fixtures" / "segmentation-golden.json").read_text("utf-8"))


def ours(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def make_pysbd():
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    return lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]


def accuracy(split) -> int:
    return sum(split(case["text"]) == case["sentences"] for case in GOLDEN)


def speed(split, text: str) -> float:
    start = time.perf_counter()
    count = len(split(text))
    return count / (time.perf_counter() - start)


def main() -> None:
    pysbd_split = make_pysbd()
    corpus = " ".join(case["text"] for case in GOLDEN) * 20
    print(f"golden cases: {len(GOLDEN)}")
    print(f"{'splitter':10} {'correct':>8} {'sentences/s':>12}")
    ours_speed, theirs_speed = speed(ours, corpus), speed(pysbd_split, corpus)
    print(f"{'postedit':10} {accuracy(ours):>8} {ours_speed:>12.0f}")
    print(f"{'pysbd':10} {accuracy(pysbd_split):>8} {theirs_speed:>12.0f}")
    print(f"speed ratio postedit/pysbd: {ours_speed / theirs_speed:.1f}x")


if __name__ == "__main__":
    main()
