"""With Apertium, the hand-labelled articles score at least as well as without an engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine_fixtures import needs_apertium  # noqa: E402

from postedit.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "tools" / "eval-labels"
ARTICLES = [SHARED / "dev" / "seed-article.txt", *sorted((ROOT / "fixtures" / "articles").glob("*-en.txt"))]


def _labels(article: Path) -> Path:
    own = article.with_name(article.stem + ".labels.json")
    return own if own.exists() else article.with_name("seed-labels.json")


def _summary(article: Path, engine: str, tmp_path: Path) -> str:
    args = ["score", str(article), "--engine", engine, "--source-lang", "es", "--format", "jsonl"]
    result = CliRunner().invoke(main, args, obj={})
    jsonl = tmp_path / f"{article.stem}-{engine}.jsonl"
    jsonl.write_text(result.stdout, encoding="utf-8")
    command = [sys.executable, str(EVAL), str(article), str(_labels(article)), "--jsonl", str(jsonl)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()[-1]


def _numbers(summary: str) -> dict[str, int]:
    return {key: int(value.split("/")[0]) for key, value in (f.split("=") for f in summary.split())}


@needs_apertium
@pytest.mark.skipif(not EVAL.exists(), reason="the shared eval-labels tool is not available")
@pytest.mark.parametrize("article", [a for a in ARTICLES if a.exists()], ids=lambda a: a.stem)
def test_apertium_does_not_make_labels_worse(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path / "home"))
    without = _numbers(_summary(article, "none", tmp_path))
    with_engine = _numbers(_summary(article, "apertium", tmp_path))
    assert with_engine["recall"] >= without["recall"]
    assert with_engine["false_flags"] <= without["false_flags"]
    assert with_engine["captions"] == without["captions"]
    assert with_engine["attribution_ok"] == without["attribution_ok"]
