"""The config file: TOML under the user config directory, --config, POSTEDIT_CONFIG, config show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from postedit import notices
from postedit.cli import main

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
HARBOUR = str(ARTICLES / "clean-harbour-en.txt")
GOLDEN = Path(__file__).resolve().parent / "golden"
TEAM = """source_lang = "fr"
engine = "none"
editor = "Ann Editor"
skip_rules = ["whitespace"]

[weights]
major = 4
"""


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, obj={})


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("POSTEDIT_CONFIG", raising=False)
    monkeypatch.setattr(notices, "_SAID", set())
    return tmp_path / "home"


def _settings(*args: str, env: dict | None = None) -> dict:
    result = run(*args, "config", "show", "--format", "json", env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["settings"]


def test_defaults_come_from_nowhere(home: Path) -> None:
    settings = _settings()
    assert settings["source_lang"] == {"value": "es", "origin": "default", "applied": True}
    assert settings["engine"]["value"] == "auto"


def test_the_user_config_directory_file_is_read(home: Path) -> None:
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text(TEAM, encoding="utf-8")
    settings = _settings()
    assert settings["source_lang"] == {"value": "fr", "origin": str(home / "config" / "config.toml"),
                                       "applied": True}
    assert settings["weights"]["value"] == {"minor": 1.0, "major": 4, "critical": 25.0}


def test_config_option_beats_the_environment(tmp_path: Path) -> None:
    team = tmp_path / "team.toml"
    team.write_text(TEAM, encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text('engine = "apertium"\n', encoding="utf-8")
    assert _settings(env={"POSTEDIT_CONFIG": str(other)})["engine"]["value"] == "apertium"
    chosen = _settings("--config", str(team), env={"POSTEDIT_CONFIG": str(other)})
    assert chosen["engine"] == {"value": "none", "origin": str(team), "applied": True}


def test_show_prints_each_setting_and_its_origin(tmp_path: Path) -> None:
    team = tmp_path / "team.toml"
    team.write_text(TEAM, encoding="utf-8")
    result = run("--config", str(team), "config", "show")
    expected = (GOLDEN / "config-show.txt").read_text("utf-8").replace("TEAM", str(team))
    assert result.stdout == expected


@pytest.mark.parametrize("content, message", [
    ("engine = 3\n", "engine: expected one of auto, argos, apertium, none"),
    ("colour = true\n", "unknown setting 'colour'"),
    ("skip_rules = ['no-such-rule']\n", "unknown rule no-such-rule"),
    ("[weights]\nhuge = 1\n", "weights: unknown keys huge"),
    ("engine = \n", "not valid TOML"),
])
def test_a_bad_file_is_one_line_naming_it(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    result = run("--config", str(bad), "score", HARBOUR, "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"postedit: error: {bad}: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_named_file_must_exist(tmp_path: Path) -> None:
    result = run("--config", str(tmp_path / "missing.toml"), "config", "show")
    assert result.exit_code == 2 and "config file not found" in result.stderr


def test_score_uses_the_file_and_options_override_it(tmp_path: Path) -> None:
    team = tmp_path / "team.toml"
    team.write_text('engine = "none"\nskip_rules = ["glued-words"]\n', encoding="utf-8")
    floods = str(ARTICLES / "floods-valencia-en.txt")
    quiet = run("--config", str(team), "score", floods, "--format", "jsonl")
    assert quiet.exit_code == 0 and quiet.stderr == ""  # engine none: nothing assumed
    assert '"glued-words"' not in quiet.stdout
    flagged = run("--config", str(team), "score", floods, "--format", "jsonl",
                  "--skip-rules", "whitespace")
    assert '"glued-words"' in flagged.stdout


def test_the_assumed_source_language_is_said_with_how_to_change_it() -> None:
    result = run("score", HARBOUR, "--format", "jsonl")
    assert result.exit_code == 0
    assert "assuming the articles were translated from “es” (the default)" in result.stderr
    assert "--source-lang" in result.stderr and "config" in result.stderr
    named = run("score", HARBOUR, "--format", "jsonl", "--source-lang", "es")
    assert "assuming" not in named.stderr


def test_the_editor_comes_from_the_file(tmp_path: Path) -> None:
    team = tmp_path / "team.toml"
    team.write_text('editor = "Ann Editor"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The boats stayedhome. Officials spoke on Monday.\n", encoding="utf-8")
    assert run("--config", str(team), "apply", str(article)).exit_code == 0
    record = json.loads((tmp_path / "a.edited.txt.prov.json").read_text("utf-8"))
    assert record["editor"] == "Ann Editor"


def _verdicts(*args: str) -> tuple[list[str], dict]:
    result = run(*args, "score", str(ARTICLES / "floods-valencia-en.txt"), "--engine", "none",
                 "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return [r["verdict"] for r in records if "verdict" in r], records[-1]


def test_weights_and_thresholds_decide_the_verdicts(tmp_path: Path) -> None:
    default, document = _verdicts()
    assert "garbled" in default and document["weights"]["major"] == 5.0
    lenient = tmp_path / "lenient.toml"
    lenient.write_text("[weights]\nmajor = 1\ncritical = 1\n[thresholds]\ngarbled = 50\n",
                       encoding="utf-8")
    relaxed, document = _verdicts("--config", str(lenient))
    assert "garbled" not in relaxed
    assert [v == "ok" for v in relaxed] == [v == "ok" for v in default]  # same flags, other weight
    assert document["weights"] == {"minor": 1.0, "major": 1, "critical": 1}


def test_jobs_workers_score_with_the_same_weights(tmp_path: Path) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text("[thresholds]\ngarbled = 1\n", encoding="utf-8")
    common = ["--config", str(strict), "score", str(ARTICLES / "floods-valencia-en.txt"),
              str(ARTICLES / "clean-harbour-en.txt"), "--engine", "none", "--format", "jsonl"]
    one, two = run(*common, "--jobs", "1"), run(*common, "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, two.output
    assert one.stdout == two.stdout
    assert '"verdict": "check"' not in one.stdout  # a minor flag alone now makes garbled
