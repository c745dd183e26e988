"""JSONL records may hold U+2028, U+2029 and U+0085 inside strings: read them, write them safely."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from postedit.cli import main
from postedit.formats.jsonl import dumps, split_lines

ODD = "\u2028\u2029\u0085"


def test_split_lines_breaks_at_newline_only() -> None:
    text = '{"a": "x\u2028y"}\r\n{"b": "\u0085"}\n'
    assert split_lines(text) == ['{"a": "x\u2028y"}', '{"b": "\u0085"}']
    assert "".join(split_lines(text, keepends=True)) == text


def test_dumps_output_survives_any_line_splitter() -> None:
    line = dumps({"text": f"one{ODD}two"}, ensure_ascii=False)
    assert len(line.splitlines()) == 1
    assert json.loads(line)["text"] == f"one{ODD}two"


def test_score_and_apply_accept_records_with_line_separators(tmp_path: Path) -> None:
    article = tmp_path / "news.jsonl"
    text = f"The minister spoke on Monday.{ODD} Reporters asked about the the budget again."
    record = json.dumps({"id": "a1", "text": text}, ensure_ascii=False)
    article.write_text(record + "\n", encoding="utf-8")
    scored = CliRunner().invoke(main, ["score", str(article), "--engine", "none", "--format", "jsonl"])
    assert scored.exit_code == 0, scored.output
    rows = [json.loads(line) for line in scored.output.splitlines()]
    assert rows[-1]["type"] == "document" and rows[-1]["doc"] == "a1"

    applied = CliRunner().invoke(main, ["apply", str(article)])
    assert applied.exit_code == 0, applied.output
    edited = tmp_path / "news.edited.jsonl"
    assert len(edited.read_text("utf-8").splitlines()) == 1
    rescored = CliRunner().invoke(main, ["score", str(edited), "--engine", "none", "--format", "jsonl"])
    assert rescored.exit_code == 0, rescored.output
    assert "the the" not in json.loads(edited.read_text("utf-8"))["text"]


def test_deeply_nested_record_is_one_line_exit_2(tmp_path: Path) -> None:
    article = tmp_path / "deep.jsonl"
    article.write_text('{"text": "Hello there.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    result = CliRunner().invoke(main, ["score", str(article), "--engine", "none"])
    assert result.exit_code == 2
    assert "deep.jsonl" in result.output and "nested too deeply" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_deeply_nested_sidecar_is_reported_broken(tmp_path: Path) -> None:
    article = tmp_path / "a.edited.txt"
    article.write_text("Hello there.\n", encoding="utf-8")
    (tmp_path / "a.edited.txt.prov.json").write_text("[" * 100_000 + "]" * 100_000)
    result = CliRunner().invoke(main, ["verify", str(article)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("BROKEN")
    assert "prov.json" in result.output and "nested too deeply" in result.output
