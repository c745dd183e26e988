"""``postedit review`` reports input and output problems as one line before any screen opens."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from postedit.cli import main


def test_a_missing_article_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", str(tmp_path / "missing.txt")], obj={})
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "missing.txt" in result.output


def test_an_output_in_a_missing_folder_is_refused_before_opening(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A short article. It is fine.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["review", str(article), "-o", str(tmp_path / "nowhere" / "out.txt")], obj={})
    assert result.exit_code == 2
    assert "does not exist" in result.output
