"""Inputs nobody tries until a user does: unreadable files, control characters, RTL and emoji
text, mixed line endings, JSONL records without ``text``. Each is either read and written back
faithfully or refused with one line naming the file, exit 2, and nothing written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from postedit import notices
from postedit.cli import main


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_refused(result: Result, path: Path, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    (line,) = result.output.strip().splitlines()
    assert str(path) in line and message in line


def written_besides(folder: Path, *inputs: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p not in inputs)


@pytest.fixture
def quiet_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notices are said once per process: start from none said, so this test sees its own."""
    monkeypatch.setattr(notices, "_SAID", set())


def test_unreadable_file_is_one_line_and_nothing_written(tmp_path: Path, monkeypatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("The river rose overnight. Schools stayed closed the the next day.\n")
    real_read_bytes = Path.read_bytes

    def denied(self: Path) -> bytes:  # tests may run as root, who can read a chmod 000 file
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert_refused(run("score", str(locked), "--engine", "none"), locked, "permission denied")
    assert_refused(run("apply", str(locked)), locked, "permission denied")
    assert written_besides(tmp_path, locked) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file: covered by the test above")
def test_chmod_000_file_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("The river rose overnight.\n")
    locked.chmod(0)
    assert_refused(run("apply", str(locked)), locked, "permission denied")
    assert written_besides(tmp_path, locked) == []


def test_control_characters_are_scored_and_written_back_unchanged(tmp_path: Path) -> None:
    text = "The river rose.\x07 Boats \x1b[1mstayed\x1b[0m home.\x0c\n\nThe the mayor spoke\x01 today.\n"
    article = tmp_path / "ctl.txt"
    article.write_bytes(text.encode("utf-8"))
    scored = run("score", str(article), "--engine", "none", "--format", "jsonl", "--lang", "en")
    assert scored.exit_code in (0, 1), scored.output
    for record in map(json.loads, scored.stdout.splitlines()):
        if record["type"] == "segment":
            assert text[record["start"] : record["end"]] == record["text"]
    applied = run("apply", str(article))
    assert applied.exit_code == 0, applied.output
    edited = (tmp_path / "ctl.edited.txt").read_bytes().decode("utf-8")
    assert edited == text.replace("The the mayor", "The mayor")


@pytest.mark.parametrize(
    "text",
    [
        "الحكومة تعلن إغلاق المدارس بسبب الفيضانات. 🌧️🌊\n\nقال الوزير إن المياه ارتفعت في الليل.\n",
        "הנהר עלה בלילה והכבישים נסגרו. 😀\n\nראש העיר ביקש מהתושבים להישאר בבית.\n",
        "ok 😀 lol 😀 haha 🎉 yes 👍 wow 🔥\n",
        "🌧️🌊🌧️🌊 👍👍\n",
    ],
    ids=["arabic", "hebrew", "emoji-words", "emoji-only"],
)
def test_rtl_and_emoji_score_quietly(tmp_path: Path, text: str, quiet_notices: None) -> None:
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    result = run("score", str(article), "--engine", "none", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert "".join(r["text"] for r in records if r["type"] == "segment") == text.replace("\n", "")
    # Nothing but postedit's own one-line notice on stderr: no wordfreq or langdetect chatter.
    assert all(line.startswith("postedit: text in “") for line in result.stderr.splitlines())
    lang = records[-1]["lang"]
    assert result.stderr.count("\n") == (0 if lang in ("en", "es", "de", "fr", "it", "pt") else 1)


MIXED = (
    "Storm hits the coast\r\n\r\n"
    "Rain fell all night.\rRoads were closed.\nSchools stayed shut the the next day.\r\n\r\n"
    "Officials met on Monday.\r\rBoats stayed home.\n\nSource link\r"
)


def test_mixed_line_endings_keep_offsets_and_bytes(tmp_path: Path) -> None:
    article = tmp_path / "mixed.txt"
    article.write_bytes(MIXED.encode("utf-8"))
    scored = run("score", str(article), "--engine", "none", "--format", "jsonl", "--lang", "en")
    assert scored.exit_code in (0, 1), scored.output
    segments = [r for r in map(json.loads, scored.stdout.splitlines()) if r["type"] == "segment"]
    assert [r["text"] for r in segments][-2:] == ["Boats stayed home.", "Source link"]
    assert all(MIXED[r["start"] : r["end"]] == r["text"] for r in segments)
    assert all("\r" not in r["text"] and "\n" not in r["text"] for r in segments)
    assert run("apply", str(article)).exit_code == 0
    edited = (tmp_path / "mixed.edited.txt").read_bytes()
    assert edited == MIXED.replace("shut the the next", "shut the next").encode("utf-8")


def test_jsonl_record_without_text_is_refused(tmp_path: Path) -> None:
    records = tmp_path / "news.jsonl"
    records.write_text(
        '{"id": "a1", "text": "The river rose overnight."}\n{"id": "a2", "body": "Roads closed."}\n',
        encoding="utf-8",
    )
    expected = 'line 2: expected an object with a "text" string'
    scored = run("score", str(records), "--engine", "none", "--format", "jsonl")
    assert_refused(scored, records, expected)
    assert scored.stdout == ""  # the good first record is not scored either
    assert_refused(run("apply", str(records)), records, expected)
    assert written_besides(tmp_path, records) == []
