"""Detector throughput: segments per second on a generated 10,000-sentence article.

Run: .venv/bin/python bench/bench_detectors.py [--sentences 10000]
Target: at least 5,000 segments/s on one core, end to end through the CLI's code path
(``postedit score --engine none --lang en --format jsonl`` run in this process after a
warm-up, so start-up and the one-off table loads do not count), in CPU time. Prints the
figure with the target beside it, then where the time goes (parsing, document facts,
detectors, verdicts, JSONL); no assertion.
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

from postedit import frequencies, reporting
from postedit.cli import main as cli_main
from postedit.config import resolve
from postedit.context import build_context
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


def cli_seconds(path: Path) -> float:
    """CPU seconds of ``postedit score`` on ``path``, run through the CLI in this process."""
    args = ["score", "--engine", "none", "--lang", "en", "--format", "jsonl", str(path)]
    start = time.process_time()
    with redirect_stdout(io.StringIO()):
        cli_main(args, standalone_mode=False, obj={})
    return time.process_time() - start


def stages(text: str) -> dict[str, float]:
    """CPU seconds of each step of scoring ``text`` (the library calls the CLI makes)."""
    config = resolve(lang="en")
    clock = [time.process_time()]

    def lap() -> float:
        clock.append(time.process_time())
        return clock[-1] - clock[-2]

    document = make_document("bench", text, config=config)
    out = {"parse": lap()}
    build_context(document, config)
    out["document facts"] = lap()
    report = analyse(document, config)  # builds the facts again: subtracted below
    out["detectors and verdicts"] = lap() - out["document facts"]
    reporting.write_jsonl([report], io.StringIO())
    out["JSONL"] = lap()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=10_000)
    args = parser.parse_args()
    text = corpus(args.sentences)
    # One-off loads (word lists of every language, lemma tables) are not throughput.
    for lang in SUPPORTED:
        frequencies.table(lang).load_all()
    with tempfile.TemporaryDirectory() as tmp:
        warm, article = Path(tmp) / "warm.txt", Path(tmp) / "article.txt"
        warm.write_text(text[:5000], "utf-8")
        article.write_text(text, "utf-8")
        cli_seconds(warm)
        seconds = cli_seconds(article)
    rate = args.sentences / seconds
    print(f"detectors, CLI end to end, {args.sentences:,} sentences: {rate:,.0f} segments/s "
          f"(CPU {seconds:.2f}s)   target >= {TARGET:,}/s   ratio {rate / TARGET:.2f}")
    for name, took in stages(text).items():
        print(f"  {name:<24} {took:6.2f}s CPU  {args.sentences / took:9,.0f} segments/s")


if __name__ == "__main__":
    main()
