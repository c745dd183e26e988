"""apply and the review UI recheck one sentence at a time: the article's facts are built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from postedit import pipeline
from postedit.applying import apply_file


def test_rechecks_build_the_document_context_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paragraphs = [f"The council met on day {n} and and approved the the plan number {n}." for n in range(60)]
    article = tmp_path / "long.txt"
    article.write_text("\n\n".join(paragraphs), encoding="utf-8")
    built = []
    real = pipeline.build_context

    def counting(document, config, *rest):  # type: ignore[no-untyped-def]
        built.append(document.id)
        return real(document, config, *rest)

    monkeypatch.setattr(pipeline, "build_context", counting)
    result = apply_file(str(article))
    assert result.revisions >= 60  # every sentence was fixed and rechecked
    assert len(built) <= 2  # once for the analysis, once for all the rechecks
