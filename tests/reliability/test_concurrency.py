"""Processes sharing one translation cache agree with a sequential run; one journal, one session."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from postedit.editing.journal import Journal, JournalBusy, find_resumable, journal_holder
from postedit.engines.cache import CachedEngine, TranslationCache

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = {"a": [f"sentence {i} of a" for i in range(40)],
            "b": [f"sentence {i} of b" for i in range(40)] + ["sentence 1 of a"]}


class ReversingEngine:
    """A deterministic stand-in engine: reverses the text."""

    name, model_id, version, can_score = "reversing", "r1", "1", False

    def translate(self, texts, src, tgt, *, nbest=1, with_scores=False):  # type: ignore[no-untyped-def]
        from postedit.engines.base import Hypothesis, Translation

        return [Translation(t, t[::-1], (Hypothesis(t[::-1], -1.0),)) for t in texts]


def _score(cache: str, article: str, out: str, start) -> None:  # type: ignore[no-untyped-def]
    start.wait(30)  # every process opens the fresh cache at the same moment
    cached = CachedEngine(ReversingEngine(), TranslationCache(Path(cache)))
    results = []
    for text in ARTICLES[article]:  # one request per sentence: many small transactions
        results += [t.to_json() for t in cached.translate([text], "en", "es")]
    Path(out).write_text(json.dumps(results), encoding="utf-8")


def test_processes_on_one_fresh_cache_match_a_sequential_run(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    jobs = ["a", "a", "b", "b", "a", "b"]
    workers = [context.Process(target=_score, args=(str(tmp_path / "shared.sqlite3"), article,
                                                    str(tmp_path / f"par{n}.json"), start))
               for n, article in enumerate(jobs)]
    for process in workers:
        process.start()
    start.set()
    for process in workers:
        process.join(60)
    assert [p.exitcode for p in workers] == [0] * len(jobs)  # no "database is locked"
    alone = context.Event()
    alone.set()
    for article in "ab":
        _score(str(tmp_path / f"seq-{article}.sqlite3"), article, str(tmp_path / f"seq-{article}"),
               alone)
    for n, article in enumerate(jobs):
        assert (tmp_path / f"par{n}.json").read_text() == (tmp_path / f"seq-{article}").read_text()
    assert TranslationCache(tmp_path / "shared.sqlite3").info().entries == 80


HOLDER = """
import sys, time
from postedit.editing.journal import Journal
journal = Journal.start(sys.argv[1], "article.txt", "abc", "out.txt", "first")
journal.write({"type": "do", "change": {}})
print("held", flush=True)
time.sleep(60)
"""


def test_a_second_session_is_refused_until_the_first_dies(tmp_path: Path) -> None:
    path = str(tmp_path / "out.txt.journal")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tui")])}
    first = subprocess.Popen([sys.executable, "-c", HOLDER, path], stdout=subprocess.PIPE,
                             text=True, env=env)
    try:
        assert first.stdout is not None and first.stdout.readline() == "held\n"
        before = Path(path).read_bytes()
        assert journal_holder(path) == first.pid
        with pytest.raises(JournalBusy, match=f"being reviewed by process {first.pid}"):
            Journal.start(path, "article.txt", "abc", "out.txt", "second")
        with pytest.raises(JournalBusy):
            Journal.reopen(path)
        assert Path(path).read_bytes() == before and not Path(f"{path}.old").exists()
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert Path(f"{path}.lock").exists()  # left by the kill, but no longer held
    assert journal_holder(path) is None
    assert find_resumable(path, "abc") is not None  # the first session's work can be resumed
    Journal.reopen(path).remove()
    assert not Path(f"{path}.lock").exists()


