"""``postedit lexicon``: a word marked fine everywhere is not flagged in a later article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from postedit.cli import main

FIRST = "The mayor Ana Castellsaid the port would reopen on Monday.\n"
SECOND = "Residents applauded when Ana Castellsaid the market hall was safe again.\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path / "home"))
    return tmp_path


def _flagged_spans(runner: CliRunner, path: Path, *options: str) -> list[dict]:
    result = runner.invoke(main, ["score", str(path), "--format", "jsonl", "--engine", "none",
                                  *options])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return [row for row in rows if "Castellsaid" in json.dumps(row.get("flags", []))
            or row.get("lexicon")]


def test_a_word_marked_fine_is_not_flagged_in_a_second_article(home: Path) -> None:
    runner = CliRunner()
    first, second = home / "a.txt", home / "b.txt"
    first.write_text(FIRST, "utf-8")
    second.write_text(SECOND, "utf-8")
    before = _flagged_spans(runner, second)
    assert before and not before[0].get("lexicon")  # flagged while nobody has decided
    added = runner.invoke(main, ["lexicon", "add", "Castellsaid", "--why", "a name here"])
    assert added.exit_code == 0, added.output
    after = _flagged_spans(runner, second)
    assert "Castellsaid" not in json.dumps(after[0].get("flags", []))
    assert after[0]["lexicon"] == ["fine:Castellsaid"]  # which entry changed the verdict


def test_a_team_file_is_read_with_lexicon(home: Path) -> None:
    runner = CliRunner()
    article, team = home / "a.txt", home / "team.jsonl"
    article.write_text(FIRST, "utf-8")
    team.write_text(json.dumps({"kind": "fine", "text": "Castellsaid", "who": "desk"}) + "\n",
                    "utf-8")
    after = _flagged_spans(runner, article, "--lexicon", str(team))
    assert after and after[0]["lexicon"] == ["fine:Castellsaid"]
    exported = runner.invoke(main, ["lexicon", "export"])
    assert exported.stdout == ""  # the team file is read, not copied into the user's own


PROMO = "Follow the Harbour Gazette on every channel for the latest updates"
ARTICLE = (f"Port reopens\n\nThe port reopened on Monday after a week of storms, the harbour "
           f"authority said.\n\n{PROMO}\n")


def _boilerplate_rows(runner: CliRunner, path: Path, *options: str) -> list[dict]:
    result = runner.invoke(main, ["score", str(path), "--format", "jsonl", "--engine", "none",
                                  *options])
    assert result.exit_code in (0, 1), result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return [row for row in rows if PROMO in row.get("text", "")
            and any(f["rule"] == "boilerplate" for f in row.get("flags", []))]


def test_a_boilerplate_line_learnt_for_a_site_is_flagged_and_removed_there(home: Path) -> None:
    runner = CliRunner()
    article = home / "story.txt"
    article.write_text(ARTICLE, "utf-8")
    assert _boilerplate_rows(runner, article, "--site", "gazette") == []  # not known yet
    added = runner.invoke(main, ["lexicon", "add", PROMO, "--kind", "boilerplate",
                                 "--site", "gazette", "--who", "desk"])
    assert added.exit_code == 0, added.output
    found = _boilerplate_rows(runner, article, "--site", "gazette")
    assert found and "desk" in found[0]["flags"][0]["message"]
    assert _boilerplate_rows(runner, article, "--site", "other-site") == []
    applied = runner.invoke(main, ["apply", str(article), "--site", "gazette",
                                   "--remove-boilerplate"])
    assert applied.exit_code == 0, applied.output
    edited = (home / "story.edited.txt").read_text("utf-8")
    assert PROMO not in edited and "The port reopened on Monday" in edited
