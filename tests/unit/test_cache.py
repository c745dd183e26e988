"""The SQLite translation cache: hits, keys, concurrency, info and clear; locations."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from postedit import locations
from postedit.engines import get_engine
from postedit.engines.base import ForcedScore, Hypothesis, TokenScore, Translation, UnknownWord
from postedit.engines.cache import CachedEngine, TranslationCache


class CountingEngine:
    """Uppercases; counts how many texts it was really asked to translate."""

    name = "counting"
    can_score = True

    def __init__(self, model_id: str = "m1", version: str = "1") -> None:
        self.model_id = model_id
        self.version = version
        self.seen: list[str] = []

    def translate(self, texts: Sequence[str], src: str, tgt: str, *, nbest: int = 1,
                  with_scores: bool = False) -> list[Translation]:  # fmt: skip
        self.seen += list(texts)
        return [
            Translation(t, t.upper(), (Hypothesis(t.upper(), -0.5),), (UnknownWord(0, 1, t[:1]),))
            for t in texts
        ]

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str
              ) -> list[ForcedScore]:  # fmt: skip
        self.seen += list(targets)
        return [
            ForcedScore(s, t, (TokenScore("x", -1.0, 0, 1),))
            for s, t in zip(sources, targets, strict=True)
        ]


def test_second_call_is_served_from_the_cache(tmp_path: Path) -> None:
    engine = CountingEngine()
    cached = CachedEngine(engine, TranslationCache(tmp_path / "c.sqlite3"))
    first = cached.translate(["a b", "c d", "a b"], "en", "es")
    second = cached.translate(["c d", "a b"], "en", "es")
    assert engine.seen == ["a b", "c d"]
    assert [t.text for t in first] == ["A B", "C D", "A B"]
    assert second == [first[1], first[0]]  # full results round-trip, unknown words included
    assert cached.cache.hits == 3 and cached.cache.misses == 2


def test_key_includes_model_version_pair_and_options(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "c.sqlite3")
    engines = [CountingEngine(), CountingEngine(model_id="m2"), CountingEngine(version="2")]
    for engine in engines:
        CachedEngine(engine, cache).translate(["hello"], "en", "es")
    CachedEngine(engines[0], cache).translate(["hello"], "es", "en")
    CachedEngine(engines[0], cache).translate(["hello"], "en", "es", nbest=2)
    assert [len(e.seen) for e in engines] == [3, 1, 1]


def test_scores_are_cached_too(tmp_path: Path) -> None:
    engine = CountingEngine()
    cached = CachedEngine(engine, TranslationCache(tmp_path / "c.sqlite3"))
    first = cached.score(["s"], ["t"], "es", "en")
    assert cached.score(["s"], ["t"], "es", "en") == first
    assert engine.seen == ["t"]


def _writer(path: str, worker: int) -> None:
    engine = CountingEngine()
    cached = CachedEngine(engine, TranslationCache(Path(path)))
    for round_ in range(20):
        texts = [f"shared {i}" for i in range(10)] + [f"w{worker} r{round_} {i}" for i in range(5)]
        cached.translate(texts, "en", "es")


def test_concurrent_processes_share_one_cache(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(path), n)) for n in range(3)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
    assert [p.exitcode for p in workers] == [0, 0, 0]
    assert TranslationCache(path).info().entries == 10 + 3 * 20 * 5


def test_info_and_clear(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "c.sqlite3")
    assert cache.info().entries == 0 and not cache.path.exists()
    CachedEngine(CountingEngine(), cache).translate(["a", "b"], "en", "es")
    info = cache.info()
    assert info.entries == 2 and info.size_bytes > 0
    assert info.engines == {"counting m1": 2}
    assert cache.clear() == 2
    assert cache.info().entries == 0


def test_no_cache_gives_the_bare_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from postedit.engines import is_available

    if not is_available("apertium", "es", "en"):
        pytest.skip("needs an installed engine")
    monkeypatch.setattr("postedit.engines.argos.available", lambda s, t: False)
    assert not isinstance(get_engine("auto", "es", "en", use_cache=False), CachedEngine)
    assert isinstance(get_engine("auto", "es", "en"), CachedEngine)


def test_postedit_home_moves_every_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path))
    assert locations.cache_dir() == tmp_path / "cache"
    assert locations.config_dir() == tmp_path / "config"
    assert locations.data_dir() == tmp_path / "data"
    assert TranslationCache().path.parent == tmp_path / "cache"
    assert list(tmp_path.iterdir()) == []  # asking for a path creates nothing


def test_importing_creates_nothing(tmp_path: Path) -> None:
    code = "import postedit.locations, postedit.engines.cache, postedit.engines, postedit.backtranslation"
    env = {"POSTEDIT_HOME": str(tmp_path / "home"), "HOME": str(tmp_path), "PATH": "/usr/bin"}
    env["PYTHONPATH"] = str(Path(locations.__file__).parents[1])
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert list(tmp_path.iterdir()) == []


def test_an_unusable_cache_only_slows_scoring_down(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = TranslationCache(blocker / "cache.sqlite3")
    assert cache.get_many(["k"]) == {}
    assert cache.unusable


def test_threads_share_one_cache(tmp_path: Path) -> None:
    """The review UI re-scores and suggests in worker threads: a cache opened in one
    thread must serve the others (SQLite refuses that by default)."""
    import threading

    engine = CountingEngine()
    cached = CachedEngine(engine, TranslationCache(tmp_path / "c.db"))
    cached.translate(["opened here"], "es", "en")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                texts = [f"thread {n} text {i}", "opened here"]
                assert [t.text for t in cached.translate(texts, "es", "en")] == [s.upper() for s in texts]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert engine.seen.count("opened here") == 1  # served from the cache in every thread
