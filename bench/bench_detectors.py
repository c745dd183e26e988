"""Detector throughput: segments per second on a generated 10,000-sentence article.

Run: .venv/bin/python bench/bench_detectors.py [--sentences 10000]
Target: at least 5,000 segments/s on one core (parsing included, language fixed
with --lang so the one-off langdetect call does not count). Prints the figure
and its ratio to the target; no assertion.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from postedit import frequencies
from postedit.config import resolve
from postedit.languages import SUPPORTED
from postedit.pipeline import analyse, make_document

ROOT = Path(__file__).resolve().parents[1]
TARGET = 5000


def corpus(sentences: int) -> str:
    """Sentences drawn from the bundled English fixtures (each made unique), in paragraphs of 1-4."""
    from postedit.languages import foreign_language
    from postedit.segmenter import split_sentences

    pool = []
    for path in sorted((ROOT / "fixtures" / "articles").glob("*-en.txt")):
        text = path.read_text("utf-8")
        pool += [text[a:b] for a, b in split_sentences(text)]
    # An English article: the fixtures' one Spanish leftover would otherwise make up 1% of it.
    pool = [sentence for sentence in pool if foreign_language(sentence, "en") is None]
    rng = random.Random(7)
    paragraphs, count = [], 0
    while count < sentences:
        size = min(rng.randint(1, 4), sentences - count)
        paragraphs.append(" ".join(_unique(rng.choice(pool), count + n) for n in range(size)))
        count += size
    return "\n\n".join(paragraphs)


def _unique(sentence: str, number: int) -> str:
    """A real article does not repeat itself: tag each sentence so no two are the same."""
    if sentence[-1:] in ".!?":
        return f"{sentence[:-1]} (#{number}){sentence[-1]}"
    return f"{sentence} (#{number})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=10_000)
    args = parser.parse_args()
    text = corpus(args.sentences)
    config = resolve(lang="en")
    # One-off loads (word lists of every language, lemma tables) are not throughput.
    for lang in SUPPORTED:
        frequencies.table(lang).load_all()
    analyse(make_document("warm-up", text[:5000], config=config), config)
    # CPU time of this process: one core's work, whatever else the machine is doing.
    start, wall = time.process_time(), time.perf_counter()
    document = make_document("bench", text, config=config)
    parsed = time.process_time()
    report = analyse(document, config)
    done, wall = time.process_time(), time.perf_counter() - wall
    segments = len(report.segments)
    rate = segments / (done - start)
    print(f"segments: {segments}  parse: {parsed - start:.2f}s  detect: {done - parsed:.2f}s "
          f"(CPU; wall {wall:.2f}s)")
    print(f"throughput: {rate:,.0f} segments/s  (target {TARGET:,}: {rate / TARGET:.2f}x)")


if __name__ == "__main__":
    main()
