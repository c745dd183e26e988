"""A handful of crash trials (bench/bench_crash.py runs 100): SIGKILL mid-session loses nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "bench")]

import bench_crash  # noqa: E402


@pytest.mark.parametrize(("category", "seed"), [
    ("journal", 11), ("journal", 12), ("save", 21), ("rename", 31), ("rename", 32),
])
def test_a_killed_review_resumes_every_acknowledged_action(category: str, seed: int) -> None:
    outcome = bench_crash.trial(category, seed)
    assert outcome == bench_crash.Outcome(False, False, False), outcome.why


def test_the_check_notices_a_lost_action(tmp_path: Path) -> None:
    """The trial's judge is not blind: a journal cut short of an acknowledged action fails."""
    article = tmp_path / "article.txt"
    article.write_bytes(bench_crash.ARTICLE.read_bytes())
    output = tmp_path / "out.txt"
    seen = bench_crash.run_child("journal", str(article), str(output), 11)
    journal = Path(f"{output}.journal")
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    journal.write_text("".join(lines[:2]), encoding="utf-8")  # session line + one action
    assert seen.acked > 1
    assert bench_crash.check(str(article), str(output), seen).lost
