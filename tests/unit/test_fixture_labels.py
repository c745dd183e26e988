"""The bundled articles against their labels (detectors only), scored as eval-labels does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from labels import evaluate, labels_for, records_from_jsonl  # noqa: E402

from postedit.cli import main  # noqa: E402

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
LABELLED = sorted(p.with_name(p.name.replace(".labels.json", ".txt"))
                  for p in ARTICLES.glob("*.labels.json"))


@pytest.mark.parametrize("article", LABELLED, ids=[p.stem for p in LABELLED])
def test_fixture_article_meets_its_labels(article: Path) -> None:
    result = CliRunner().invoke(main, ["score", str(article), "--engine", "none",
                                       "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    found = evaluate(article.read_text("utf-8"), records_from_jsonl(result.stdout),
                     labels_for(article))
    assert found.missed == []
    assert len(found.false_flags) <= found.clean // 6, found.false_flags
    assert found.captions_missed == [] and found.attributions_flagged == []
