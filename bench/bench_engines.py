"""Engine benchmarks, side by side in one run; prints ratios against their targets.

1. Batched CTranslate2 (postedit's Argos engine) vs Argos' own per-sentence path
   (``argostranslate.translate.apply_packaged_translation``, one call per sentence,
   which is what ``argostranslate.translate.translate`` runs after sentence
   splitting) on the same synthetic package. Target >= 5x.
2. Apertium: one process per batch vs one process per sentence. Target >= 10x.
3. Round-trip scoring of a document: cached re-score vs cold. Target >= 20x.
   (The whole ``analyse``, detectors included, is printed too.)
4. ``postedit score --jobs 2`` vs ``--jobs 1`` on 8 articles (the issue sets no target;
   on a 2-CPU machine Apertium's multi-process pipeline already uses both cores).

Usage: PYTHONPATH=src:tests python bench/bench_engines.py [--sentences N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.mkdtemp(prefix="postedit-bench-"))
os.environ["ARGOS_PACKAGES_DIR"] = str(WORK / "argos-packages")  # before Argos is imported
os.environ["POSTEDIT_HOME"] = str(WORK / "home")
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]


def timed(func) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def report(name: str, slow: float, fast: float, target: float, unit: str) -> None:
    ratio = slow / fast if fast else float("inf")
    verdict = "ok" if ratio >= target else "BELOW TARGET"
    print(f"{name:44} {slow:8.3f}s vs {fast:8.3f}s  {ratio:7.1f}x  (target {target:g}x, {verdict})")
    print(f"{'':44} {unit}")


def sentences(count: int) -> list[str]:
    lines = (ROOT / "tests" / "data" / "spm-corpus.txt").read_text(encoding="utf-8").splitlines()
    english = [line for line in lines if line.isascii()]
    return [english[i % len(english)] for i in range(count)]


def bench_argos(texts: list[str]) -> None:
    from argos_factory import build_package, train_sentencepiece

    from postedit.engines.argos import ArgosEngine
    from postedit.engines.argos_packages import install_from_file

    sp_model = train_sentencepiece(WORK / "spm")
    for seed, pair in enumerate((("en", "es"), ("es", "en")), 1):
        install_from_file(build_package(WORK / "build", *pair, sp_model=sp_model, seed=seed))
    engine = ArgosEngine("es", "en")
    engine.translate(texts[:2], "en", "es")  # load the model outside the timing
    batched = timed(lambda: engine.translate(texts, "en", "es"))
    per_sentence = timed(lambda: _argos_per_sentence(texts))
    report("argos: per sentence (Argos) vs batched", per_sentence, batched, 5,
           f"{len(texts)} sentences, same synthetic en->es package")  # fmt: skip


class CappedTranslator:
    """Argos' translator with postedit's output-length cap, so both sides decode alike.

    (A random model rarely emits </s>; uncapped, Argos would decode 256 tokens a sentence.)
    """

    def __init__(self, translator) -> None:  # type: ignore[no-untyped-def]
        self.translator = translator

    def translate_batch(self, tokens, **options):  # type: ignore[no-untyped-def]
        longest = max(len(t) for t in tokens)
        options.setdefault("max_decoding_length", int(longest * 1.5) + 10)
        return self.translator.translate_batch(tokens, **options)


def _argos_per_sentence(texts: list[str]) -> None:
    import ctranslate2
    from argostranslate import package, settings
    from argostranslate.translate import apply_packaged_translation

    pkg = next(p for p in package.get_installed_packages() if p.from_code == "en")
    translator = CappedTranslator(
        ctranslate2.Translator(
            str(pkg.package_path / "model"),
            device=settings.device,
            inter_threads=settings.inter_threads,
            intra_threads=settings.intra_threads,
            compute_type=settings.compute_type,
        )
    )

    class OneSentence:  # Argos would split with MiniSBD (a download); our input is one sentence
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    for text in texts:
        apply_packaged_translation(pkg, text, translator, OneSentence(), 1)


def bench_apertium(texts: list[str]) -> None:
    from postedit.engines import is_available
    from postedit.engines.apertium import ApertiumEngine

    if not is_available("apertium", "en", "es"):
        print("apertium: not installed, skipped")
        return
    engine = ApertiumEngine("en", "es")
    batch = timed(lambda: engine.translate(texts, "en", "es"))
    single = timed(lambda: [engine.translate([t], "en", "es") for t in texts])
    report("apertium: process per sentence vs per batch", single, batch, 10,
           f"{len(texts)} sentences en->es")  # fmt: skip


def bench_cache(texts: list[str]) -> None:
    from engine_docs import document_from_text

    from postedit.engines import is_available

    paragraphs = [" ".join(texts[i : i + 4]) for i in range(0, len(texts), 4)]
    document = document_from_text("\n\n".join(paragraphs), "en")
    _bench_cache_for("argos", document)
    if is_available("apertium", "es", "en"):
        _bench_cache_for("apertium", document)


def _bench_cache_for(name: str, document) -> None:  # type: ignore[no-untyped-def]
    from postedit.engine_scoring import score_document
    from postedit.engines import get_engine
    from postedit.pipeline import analyse

    cold_engine = get_engine(name, "es", "en", use_cache=False)
    cached_engine = get_engine(name, "es", "en")
    score_document(cached_engine, document, "es")  # fill the cache
    cold = timed(lambda: score_document(cold_engine, document, "es"))
    warm = timed(lambda: score_document(cached_engine, document, "es"))
    report(f"{name}: cold vs cached round-trip re-score", cold, warm, 20,
           f"{len(document.segments)} segments")  # fmt: skip
    cold = timed(lambda: analyse(document, engine=cold_engine))
    warm = timed(lambda: analyse(document, engine=cached_engine))
    print(f"{'':44} whole analyse (detectors too): {cold:.3f}s vs {warm:.3f}s, "
          f"{cold / warm:.1f}x")  # fmt: skip


def bench_jobs(texts: list[str]) -> None:
    import subprocess

    from postedit.engines import is_available

    engine = "apertium" if is_available("apertium", "es", "en") else "none"
    folder = WORK / "articles"
    folder.mkdir(exist_ok=True)
    for n in range(8):
        chunk = [texts[(n * 7 + i) % len(texts)] for i in range(24)]
        body = "\n\n".join(" ".join(chunk[i : i + 3]) for i in range(0, len(chunk), 3))
        (folder / f"article-{n}.txt").write_text(f"Headline {n}\n\n{body}\n", encoding="utf-8")
    base = [sys.executable, "-m", "postedit.cli", "score", str(folder), "--engine", engine,
            "--no-cache", "--format", "jsonl"]  # fmt: skip
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))

    def run(jobs: int) -> None:
        subprocess.run([*base, "--jobs", str(jobs)], env=env, check=True, capture_output=True)

    one, two = timed(lambda: run(1)), timed(lambda: run(2))
    print(
        f"{'score --jobs 1 vs --jobs 2':44} {one:8.3f}s vs {two:8.3f}s  {one / two:7.1f}x  "
        f"(no target: Apertium's own pipeline already keeps {os.cpu_count()} CPUs busy)"
    )
    print(f"{'':44} 8 articles, engine {engine}, worker start-up included")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100)
    args = parser.parse_args()
    texts = sentences(args.sentences)
    print(f"postedit engine benchmarks ({os.cpu_count()} CPUs), work dir {WORK}")
    bench_argos(texts)
    bench_apertium(texts)
    bench_cache(texts)
    bench_jobs(texts)


if __name__ == "__main__":
    main()
