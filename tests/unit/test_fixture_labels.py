"""The bundled articles against their labels, scored as `eval-labels` scores them.

A labelled span counts as flagged when a segment overlapping it has a verdict
other than ``ok`` or is boilerplate; captions must be recognised as captions,
attributions must not be flagged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postedit.pipeline import analyse, load_documents

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
LABELLED = sorted(ARTICLES.glob("*.labels.json"))


def overlapping(reports, text: str, quote: str):  # type: ignore[no-untyped-def]
    start = text.index(quote)
    end = start + len(quote)
    return [r for r in reports if r.segment.start < end and r.segment.end > start]


def flagged(report) -> bool:  # type: ignore[no-untyped-def]
    return report.verdict != "ok" or report.block.kind == "boilerplate"


@pytest.mark.parametrize("labels_path", LABELLED, ids=[p.stem for p in LABELLED])
def test_fixture_article_meets_its_labels(labels_path: Path) -> None:
    labels = json.loads(labels_path.read_text("utf-8"))
    (document,) = load_documents([str(ARTICLES / labels["article"])])
    reports = analyse(document).segments
    text = document.text
    missed = [lab["quote"] for lab in labels["segments"] if lab["garbled"]
              and not any(flagged(r) for r in overlapping(reports, text, lab["quote"]))]
    false_flags = [lab["quote"] for lab in labels["segments"] if not lab["garbled"]
                   and any(flagged(r) for r in overlapping(reports, text, lab["quote"]))]
    clean = sum(not lab["garbled"] for lab in labels["segments"])
    assert missed == []
    assert len(false_flags) <= clean // 6, false_flags
    for quote in labels["captions"]:
        assert any(r.block.kind == "caption" for r in overlapping(reports, text, quote)), quote
    for quote in labels["attribution"]:
        assert not any(flagged(r) for r in overlapping(reports, text, quote)), quote
