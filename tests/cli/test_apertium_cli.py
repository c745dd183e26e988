"""``score --engine apertium`` when Apertium hangs: one line on stderr, exit 3, no hang.

Skips when Apertium is absent, unless ``CI`` is set (then it fails).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine_fixtures import needs_apertium  # noqa: E402

from postedit.cli import main  # noqa: E402
from postedit.engines import apertium_pipeline  # noqa: E402
from postedit.engines.apertium_pipeline import Part  # noqa: E402

ARTICLE = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "housing-law-en.txt"


@needs_apertium
def test_a_hung_apertium_is_one_line_and_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(apertium_pipeline, "_PIPELINES", {})
    monkeypatch.setattr(apertium_pipeline, "stage_parts", lambda mode: [Part("cat > /dev/null")])
    monkeypatch.setenv("POSTEDIT_APERTIUM_TIMEOUT", "0.2")
    result = CliRunner().invoke(main, ["score", str(ARTICLE), "--engine", "apertium",
                                       "--source-lang", "es", "--no-cache", "--format", "jsonl"],
                                obj={})
    apertium_pipeline.close_all()
    assert result.exit_code == 3, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert "apertium eng-spa gave no answer within" in result.stderr
    assert result.stdout == ""


@needs_apertium
def test_jobs_2_with_apertium_gives_the_bytes_of_jobs_1() -> None:
    """Forked workers start their own pipelines; no answer depends on another article."""
    articles = [str(ARTICLE.with_name(name)) for name in
                ("housing-law-en.txt", "floods-valencia-en.txt")]

    def score(jobs: str) -> str:
        result = CliRunner().invoke(main, ["score", *articles, "--engine", "apertium", "-j", jobs,
                                           "--source-lang", "es", "--no-cache", "--format",
                                           "jsonl"], obj={})
        assert result.exit_code == 0, result.output
        return result.stdout

    one = score("1")
    assert '"backtranslation"' in one and score("2") == one
