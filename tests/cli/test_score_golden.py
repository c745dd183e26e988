"""``postedit score``'s bytes on every bundled article are the contract: a golden file each.

Speed work must not change what a user gets, so every fixture article's full
``--engine none --format jsonl`` output is kept under ``golden/score/``. A deliberate
detection change regenerates them, and the diff of the golden files is then the review of
what the change does to real output:

    POSTEDIT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/cli/test_score_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from postedit.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden" / "score"
ARTICLES = sorted(
    path.relative_to(ROOT).as_posix()
    for folder in ("fixtures/articles", "fixtures/clean")
    for path in (ROOT / folder).glob("*.txt")
)


def golden_path(article: str) -> Path:
    return GOLDEN / (article.replace("/", "--").removesuffix(".txt") + ".jsonl")


def test_every_article_has_its_golden_file() -> None:
    assert len(ARTICLES) >= 10
    kept = {path.name for path in GOLDEN.glob("*.jsonl")}
    assert kept == {golden_path(article).name for article in ARTICLES}, (
        "golden files and fixture articles differ: regenerate with POSTEDIT_UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("article", ARTICLES)
def test_score_output_is_byte_identical(article: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the "doc" field holds the path as given: keep it relative
    result = CliRunner().invoke(
        main, ["score", "--engine", "none", "--format", "jsonl", article], obj={}
    )
    assert result.exit_code in (0, 1), result.output  # 1: garbled segments found
    golden = golden_path(article)
    if os.environ.get("POSTEDIT_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, "utf-8")
    assert golden.exists(), f"no golden file for {article}: run with POSTEDIT_UPDATE_GOLDEN=1"
    assert result.stdout == golden.read_text("utf-8"), (
        f"score output of {article} changed: if deliberate, regenerate with "
        "POSTEDIT_UPDATE_GOLDEN=1 and review the diff"
    )
