"""With Apertium, the hand-labelled articles score at least as well as without an engine."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine_fixtures import needs_apertium  # noqa: E402
from labels import Evaluation, evaluate, records_from_jsonl  # noqa: E402
from shared_data import SEED

from postedit.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "fixtures" / "articles").glob("*-en.txt"))
ARTICLES = [*FIXTURES, *([SEED] if SEED.exists() else [])]


def _labels(article: Path) -> dict:
    import json

    own = article.with_name(article.stem + ".labels.json")
    return json.loads((own if own.exists() else article.with_name("seed-labels.json")).read_text("utf-8"))


def _evaluate(article: Path, engine: str) -> Evaluation:
    args = ["score", str(article), "--engine", engine, "--source-lang", "es", "--format", "jsonl"]
    result = CliRunner().invoke(main, args, obj={})
    assert result.exit_code in (0, 1), result.output
    return evaluate(article.read_text("utf-8"), records_from_jsonl(result.stdout), _labels(article))


@needs_apertium
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.stem)
def test_apertium_does_not_make_labels_worse(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path / "home"))
    without = _evaluate(article, "none")
    with_engine = _evaluate(article, "apertium")
    assert len(with_engine.missed) <= len(without.missed)
    assert len(with_engine.false_flags) <= len(without.false_flags)
    assert with_engine.captions_missed == without.captions_missed
    assert with_engine.attributions_flagged == without.attributions_flagged
