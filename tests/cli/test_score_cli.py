"""`postedit score` as pipelines and editors use it: formats, exit codes, bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from postedit import __version__
from postedit.cli import main

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
FLOODS = str(ARTICLES / "floods-valencia-en.txt")


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_version_and_help_with_examples() -> None:
    assert __version__ in run("--version").output
    for command in ("score", "rules", "review"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example" in result.output


def test_jsonl_has_one_object_per_segment_then_a_document_summary() -> None:
    result = run("score", FLOODS, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    segments, summary = records[:-1], records[-1]
    assert summary["type"] == "document" and summary["segments"] == len(segments)
    required = {"doc", "id", "block", "kind", "start", "end", "text", "lang", "verdict", "score",
                "flags"}
    text = (ARTICLES / "floods-valencia-en.txt").read_text("utf-8")
    for seg in segments:
        assert required <= seg.keys()
        assert text[seg["start"] : seg["end"]] == seg["text"]
        for flag in seg["flags"]:
            assert {"rule", "category", "severity", "start", "end", "message", "fix"} <= flag.keys()
            assert seg["start"] <= flag["start"] <= seg["end"]
    glued = [f for s in segments for f in s["flags"] if f["rule"] == "glued-words"]
    assert any(text[f["start"] : f["end"]] == "morningThe" for f in glued)


def test_csv_and_json_formats_carry_the_same_segments() -> None:
    as_csv = list(csv.DictReader(io.StringIO(run("score", FLOODS, "--format", "csv").output)))
    as_json = json.loads(run("score", FLOODS, "--format", "json").output)
    segments = as_json["documents"][0]["segments"]
    assert [row["id"] for row in as_csv] == [seg["id"] for seg in segments]
    assert [row["verdict"] for row in as_csv] == [seg["verdict"] for seg in segments]


def test_table_names_the_verdicts_without_colour() -> None:
    result = run("score", FLOODS, "--format", "table", "--no-color")
    assert result.exit_code == 0
    assert "✗ garbled" in result.output and "\x1b[" not in result.output
    assert "quality" in result.output


def test_fail_under_exits_1_only_below_the_threshold() -> None:
    assert run("score", FLOODS, "--format", "jsonl", "--fail-under", "99").exit_code == 1
    assert run("score", FLOODS, "--format", "jsonl", "--fail-under", "10").exit_code == 0


def test_stdin_and_jsonl_collections(tmp_path: Path) -> None:
    result = run("score", "-", "--format", "jsonl", input="Hello there.\n\nSource link\n")
    assert result.exit_code == 0
    assert jsonl(result.stdout)[1]["kind"] == "boilerplate"
    collection = tmp_path / "batch.jsonl"
    collection.write_text(
        json.dumps({"id": "a1", "text": "The town was bombed.Which is bad."}) + "\n"
        + json.dumps({"id": "a2", "text": "All is well here today.", "source": "x"}) + "\n",
        "utf-8",
    )
    docs = [r for r in jsonl(run("score", str(collection), "--format", "jsonl").output)
            if r["type"] == "document"]
    assert [d["doc"] for d in docs] == ["a1", "a2"]


def test_directory_of_articles_in_sorted_order() -> None:
    result = run("score", str(ARTICLES), "--format", "jsonl", "--lang", "en")
    docs = [r["doc"] for r in jsonl(result.stdout) if r["type"] == "document"]
    assert docs == sorted(docs) and len(docs) >= 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"caf\xe9 ok\n", "not valid UTF-8 text (byte offset 3)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not valid UTF-8"),
        (b"text\x00with nul", "binary data"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("score", str(path))
    assert result.exit_code == 2
    assert str(path) in result.output and message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_missing_file_directory_and_bad_jsonl(tmp_path: Path) -> None:
    assert "no such file" in run("score", str(tmp_path / "nope.txt")).output
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    assert run("score", str(empty_dir)).exit_code == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "fine"}\nnot json\n', "utf-8")
    result = run("score", str(bad))
    assert result.exit_code == 2 and "line 2" in result.output


@pytest.mark.parametrize(
    "encoded",
    [
        "\ufeffThe town was bombed.Which is bad.\r\n\r\nSource link\r\n".encode("utf-8"),
        "The town was bombed.Which is bad.\r\n\r\nSource link\r\n".encode("utf-16"),
    ],
    ids=["utf-8-bom-crlf", "utf-16-bom"],
)
def test_boms_and_crlf_are_read(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    records = jsonl(run("score", str(path), "--format", "jsonl", "--lang", "en").output)
    assert [r["text"] for r in records[:-1]] == ["The town was bombed.", "Which is bad.",
                                                  "Source link"]


def test_unknown_rule_is_a_usage_error() -> None:
    result = run("score", FLOODS, "--rules", "glued-words,nonsense")
    assert result.exit_code == 2 and "unknown rule nonsense" in result.output


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "postedit.cli", "score", str(tmp_path / "missing.txt")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"postedit: error: {tmp_path / 'missing.txt'}: no such file"
    assert proc.stdout == ""
