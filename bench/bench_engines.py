"""Engine benchmarks, side by side in one run; prints ratios against their targets.

1. Batched CTranslate2 (postedit's Argos engine) vs Argos' own per-sentence path
   (``argostranslate.translate.apply_packaged_translation``, one call per sentence,
   which is what ``argostranslate.translate.translate`` runs after sentence
   splitting) on the same synthetic package. Target >= 5x.
2. Apertium: one process per sentence (``POSTEDIT_APERTIUM_PIPELINE=0``) vs one batch
   through the long-lived pipeline. Target >= 10x.
3. Apertium round trip of a 25,000-word article: postedit's round-trip scoring
   (``score_document``, uncached) vs the raw two-process pipe
   ``apertium eng-spa | apertium spa-eng`` on the same text. Target <= 1.5x. The same
   article's cached re-score vs cold: target >= 20x.
4. Round-trip scoring of a document: cached re-score vs cold. Target >= 20x.
   (The whole ``analyse``, detectors included, is printed too.)
5. ``postedit score --engine apertium`` on 40 articles of 700 words: ``--jobs 2`` vs
   one article at a time (``--jobs 1`` with one Apertium process per article and
   direction, as before the pipeline), target >= 1.5x; and ``--jobs 2`` vs ``--jobs 1``.

The machine may be shared: ``--repeat N`` runs the Apertium rows N times and prints
each ratio's median and range.

Usage: PYTHONPATH=src:tests python bench/bench_engines.py [--sentences N] [--repeat N]
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


def report_runs(name: str, runs: list[tuple[float, float]], target: float, unit: str,
                at_most: bool = False) -> None:
    """The median run of ``(first, second)`` timings; the ratio is first / second.

    ``at_most``: the ratio is an overhead that must stay at or below ``target``.
    """
    ratios = sorted(first / second for first, second in runs)
    first, second = sorted(runs, key=lambda run: run[0] / run[1])[len(runs) // 2]
    ratio = ratios[len(ratios) // 2]
    good = ratio <= target if at_most else ratio >= target
    bound = "<=" if at_most else ">="
    spread = f", runs {ratios[0]:.2f}-{ratios[-1]:.2f}x" if len(runs) > 1 else ""
    print(f"{name:44} {first:8.3f}s vs {second:8.3f}s  {ratio:7.2f}x  "
          f"(target {bound} {target:g}x, {'ok' if good else 'MISSES TARGET'}{spread})")
    print(f"{'':44} {unit}")


def synthetic_sentences(count: int) -> list[str]:
    """``count`` English sentences, distinct up to about 1,700: heads and tails of the
    corpus' ``X that Y`` sentences recombined (no text of the dev corpus)."""
    pairs = [line.split(" that ", 1) for line in sentences(200) if " that " in line]
    heads = sorted({head for head, _ in pairs})
    tails = sorted({tail.rstrip(".") for _, tail in pairs})
    combos = [(h, t, u) for h in heads for t in tails for u in tails if t != u]
    step = 7919  # a prime: neighbouring sentences share little
    return [f"{h} that {t} and {u}." for h, t, u in
            (combos[(k * step) % len(combos)] for k in range(count))]


def article(sentences_: list[str], title: str, per_paragraph: int = 4) -> str:
    body = [" ".join(sentences_[i : i + per_paragraph])
            for i in range(0, len(sentences_), per_paragraph)]
    return "\n\n".join([title, *body]) + "\n"


def article_of_words(words: int, offset: int = 0, title: str = "A long article") -> str:
    pool = synthetic_sentences(offset + words // 5)[offset:]
    chosen, total = [], 0
    for sentence in pool:
        if total >= words:
            break
        chosen.append(sentence)
        total += len(sentence.split())
    return article(chosen, title)


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
    engine.translate(texts[:1], "en", "es")  # the pipeline starts once per process
    batch = timed(lambda: engine.translate(texts, "en", "es"))
    piped = timed(lambda: [engine.translate([t], "en", "es") for t in texts])
    os.environ["POSTEDIT_APERTIUM_PIPELINE"] = "0"
    try:
        single = timed(lambda: [engine.translate([t], "en", "es") for t in texts])
    finally:
        del os.environ["POSTEDIT_APERTIUM_PIPELINE"]
    report("apertium: process per sentence vs per batch", single, batch, 10,
           f"{len(texts)} sentences en->es; per sentence through the pipeline: {piped:.3f}s")


def bench_long_round_trip(repeat: int) -> None:
    import subprocess

    from engine_docs import document_from_text

    from postedit.engine_scoring import score_document
    from postedit.engines import get_engine, is_available

    if not is_available("apertium", "es", "en"):
        print("apertium round trip: not installed, skipped")
        return
    text = article_of_words(25_000)
    path = WORK / "long-article.txt"
    path.write_text(text, encoding="utf-8")
    document = document_from_text(text, "en")
    cold_engine = get_engine("apertium", "es", "en", use_cache=False)
    cached_engine = get_engine("apertium", "es", "en")
    pipe = f"apertium eng-spa < '{path}' | apertium spa-eng > /dev/null"
    runs, cache_runs = [], []
    for _ in range(repeat):
        raw = timed(lambda: subprocess.run(["bash", "-c", pipe], check=True))
        ours = timed(lambda: score_document(cold_engine, document, "es"))
        runs.append((ours, raw))
        score_document(cached_engine, document, "es")  # fill the cache
        warm = timed(lambda: score_document(cached_engine, document, "es"))
        cache_runs.append((ours, warm))
    words = len(text.split())
    report_runs("apertium round trip: postedit vs raw pipe", runs, 1.5,
                f"{words} words, {len(document.segments)} segments; raw: {pipe.split('<')[0]}| "
                "apertium spa-eng", at_most=True)
    report_runs("same article: cold vs cached re-score", cache_runs, 20,
                f"{words} words, translation cache on")


def bench_cache(texts: list[str], only: str | None = None) -> None:
    from engine_docs import document_from_text

    from postedit.engines import is_available

    paragraphs = [" ".join(texts[i : i + 4]) for i in range(0, len(texts), 4)]
    document = document_from_text("\n\n".join(paragraphs), "en")
    if only != "apertium":
        _bench_cache_for("argos", document)
    if only != "argos" and is_available("apertium", "es", "en"):
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
    analyse(document)  # the detectors' one-off loads, outside the timing
    cold = timed(lambda: analyse(document, engine=cold_engine))
    warm = timed(lambda: analyse(document, engine=cached_engine))
    print(f"{'':44} whole analyse (detectors too): {cold:.3f}s vs {warm:.3f}s, "
          f"{cold / warm:.1f}x")  # fmt: skip


def bench_jobs(repeat: int) -> None:
    import subprocess

    from postedit.engines import is_available

    if not is_available("apertium", "es", "en"):
        print("score --jobs with apertium: not installed, skipped")
        return
    folder = WORK / "articles"
    folder.mkdir(exist_ok=True)
    for n in range(40):
        text = article_of_words(700, offset=n * 40, title=f"Headline {n}")
        (folder / f"article-{n:02}.txt").write_text(text, encoding="utf-8")
    base = [sys.executable, "-m", "postedit.cli", "score", str(folder), "--engine", "apertium",
            "--source-lang", "es", "--no-cache", "--format", "jsonl"]  # fmt: skip
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))

    def run(jobs: int, pipeline: str = "1") -> bytes:
        return subprocess.run([*base, "--jobs", str(jobs)], check=True, capture_output=True,
                              env=dict(env, POSTEDIT_APERTIUM_PIPELINE=pipeline)).stdout

    outputs: dict[str, bytes] = {}
    one_at_a_time, serial = [], []
    for _ in range(repeat):
        old = timed(lambda: outputs.__setitem__("old", run(1, "0")))
        one = timed(lambda: outputs.__setitem__("one", run(1)))
        two = timed(lambda: outputs.__setitem__("two", run(2)))
        one_at_a_time.append((old, two))
        serial.append((one, two))
    same = "identical" if len(set(outputs.values())) == 1 else "OUTPUTS DIFFER"
    report_runs("score --jobs 2 vs one article at a time", one_at_a_time, 1.5,
                f"40 articles of 700 words, apertium, worker start-up included; output {same}; "
                "one at a time = --jobs 1, one Apertium process per article and direction")
    report_runs("score --jobs 2 vs --jobs 1", serial, 1.5,
                "the same 40 articles, both with the long-lived Apertium pipelines")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1, help="runs of the Apertium rows")
    parser.add_argument("--only", choices=("argos", "apertium"), help="one engine's rows")
    args = parser.parse_args()
    texts = sentences(args.sentences)
    print(f"postedit engine benchmarks ({os.cpu_count()} CPUs), work dir {WORK}")
    if args.only != "apertium":
        bench_argos(texts)
    if args.only != "argos":
        bench_apertium(texts)
        bench_long_round_trip(args.repeat)
    bench_cache(texts, args.only)
    if args.only != "argos":
        bench_jobs(args.repeat)


if __name__ == "__main__":
    main()
