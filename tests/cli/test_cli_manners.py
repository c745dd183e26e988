"""CLI manners: NO_COLOR, engines skipped per document, progress, help examples, rules, extras."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import click
import pytest
from click.testing import CliRunner

from postedit import notices
from postedit.batch import _with_progress, count_articles
from postedit.cli import main
from postedit.engines import apertium

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "fixtures" / "articles"
GOLDEN = Path(__file__).resolve().parent / "golden"
HARBOUR, BAHN, MUSEE = (str(ARTICLES / f"{name}.txt")
                        for name in ("clean-harbour-en", "clean-bahn-de", "clean-musee-fr"))
ANSI_COLOUR = ("\x1b[31", "\x1b[32", "\x1b[33", "\x1b[1;31", "38;", "\x1b[91")


def run(*args: str, env: dict | None = None, input: str | None = None):
    return CliRunner().invoke(main, list(args), env=env, input=input, obj={})


@pytest.fixture(autouse=True)
def fresh_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notices, "_SAID", set())


def test_no_color_env_turns_the_table_colourless_even_on_a_forced_terminal() -> None:
    env = {"FORCE_COLOR": "1", "NO_COLOR": "1"}
    plain = run("score", HARBOUR, "--format", "table", env=env).output
    assert "quality" in plain and not any(code in plain for code in ANSI_COLOUR)
    forced = run("score", str(ARTICLES / "floods-valencia-en.txt"), "--format", "table",
                 "--color", env=env).output
    assert any(code in forced for code in ANSI_COLOUR)  # an explicit --color still wins


@pytest.fixture
def apertium_without_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Apertium present with no language pair at all, whatever this machine has."""
    monkeypatch.setattr(apertium, "installed_modes", lambda: ())
    monkeypatch.setattr(apertium, "apertium_binary", lambda: "/usr/bin/apertium")


def test_a_batch_skips_the_engine_per_language_and_scores_everything(
    apertium_without_pairs: None,
) -> None:
    result = run("score", HARBOUR, BAHN, MUSEE, "--engine", "apertium", "--source-lang", "es",
                 "--format", "jsonl")
    assert result.exit_code == 0, result.output
    summaries = [json.loads(line) for line in result.stdout.splitlines() if '"document"' in line]
    assert [s["doc"] for s in summaries] == [HARBOUR, BAHN, MUSEE]
    assert all(len(s["notices"]) == 1 and "apertium skipped" in s["notices"][0] for s in summaries)
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all("scored with detectors only" in line for line in lines)
    de_line = next(line for line in lines if "es<->de" in line)
    assert "Debian has no Apertium pair for es-de" in de_line and "apt-get" not in de_line
    assert "apt-get install apertium-fr-es" in next(line for line in lines if "es<->fr" in line)
    assert "apertium-eng-spa" in next(line for line in lines if "es<->en" in line)


def test_the_table_says_the_engine_was_skipped(apertium_without_pairs: None) -> None:
    result = run("score", BAHN, MUSEE, "--engine", "apertium", "--format", "table", "--no-color")
    assert result.exit_code == 0
    assert "apertium skipped: Apertium cannot translate es<->de" in result.stdout


def test_a_single_article_still_fails_with_exit_3(apertium_without_pairs: None) -> None:
    result = run("score", BAHN, "--engine", "apertium", "--source-lang", "es", "--format", "jsonl")
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "apertium-spa-deu" not in result.stderr


def test_hints_name_only_debian_packages_that_exist() -> None:
    assert apertium.debian_package("es", "en") == apertium.debian_package("en", "es")
    assert apertium.debian_package("es", "de") is None
    assert all(package.startswith("apertium-") for package in apertium.DEBIAN_PAIRS.values())


def test_notices_from_workers_are_said_once_under_jobs(tmp_path: Path) -> None:
    paths = []
    for n in range(3):
        path = tmp_path / f"harbour-{n}.txt"
        shutil.copy(HARBOUR, path)
        paths.append(str(path))
    result = run("score", *paths, "-j", "2", "--engine", "apertium", "--source-lang", "en",
                 "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("the same as --source-lang") == 1, result.stderr


def test_progress_shows_total_and_percent(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    collection = tmp_path / "news.jsonl"
    collection.write_text('{"text": "One."}\n\n{"text": "Two."}\n', encoding="utf-8")
    assert count_articles([HARBOUR, str(collection)]) == 3
    assert count_articles(["-"]) is None
    list(_with_progress(iter(range(3)), True, 3))  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert "0/3" in err and "0%|" in err and "<?" in err  # count, percent, ETA


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


def test_every_help_ends_with_an_example() -> None:
    for command in _commands(main):
        result = run(*command, "--help")
        assert result.exit_code == 0, (command, result.output)
        last = [line for line in result.output.splitlines() if line.strip()][-1]
        assert last.strip().startswith("postedit "), (command, last)


def test_rules_lists_the_engine_rules_with_their_scope() -> None:
    rows = json.loads(run("rules", "--format", "json").output)
    engine_rows = {row["id"]: row for row in rows if row["origin"] == "engine"}
    assert engine_rows["engine-roundtrip"]["scope"] == "engine"
    assert engine_rows["engine-omission"]["scope"] == "source"
    assert {row["scope"] for row in rows if row["origin"] == "detector"} <= {"segment", "block"}


def test_rules_table_is_stable() -> None:
    """The listing is read by people and scripts alike: its bytes are the contract. The engine
    rules' lines are golden; the detectors' (their catalogue changes often) keep the columns."""
    lines = run("rules").output.splitlines(keepends=True)
    engine_lines = [line for line in lines if line.startswith("engine-")]
    assert "".join(engine_lines) == (GOLDEN / "rules-engine.txt").read_text("utf-8")
    assert lines[-len(engine_lines):] == engine_lines  # after every detector
    for line in lines:
        assert line[22] == " " and line[51] == " " and line[58] == " " and line[77] == " ", line


def test_skip_rules_accepts_engine_rules() -> None:
    result = run("score", HARBOUR, "--skip-rules", "engine-roundtrip,glued-words",
                 "--format", "jsonl")
    assert result.exit_code == 0, result.output
    bad = run("score", HARBOUR, "--skip-rules", "engine-nonsense", "--format", "jsonl")
    assert bad.exit_code == 2 and "engine-roundtrip" in bad.stderr


def test_skipped_engine_rules_drop_engine_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    from postedit import pipeline
    from postedit.flags import Flag

    document = pipeline.make_document("doc", "The harbour stays closed until Friday morning.")
    seg = document.segments[0]
    flag = Flag("engine-roundtrip", "fluency/unintelligible", "minor", seg.start, seg.end, "low",
                origin="engine:fake", segment=seg.id)
    monkeypatch.setattr(pipeline, "score_document", lambda *a, **k: ({}, [flag]))
    engine = SimpleNamespace(name="fake")  # an engine's name is all analyse reads of it here
    kept = pipeline.analyse(document, engine=engine)  # type: ignore[arg-type]
    dropped = pipeline.analyse(document, engine=engine, skip_rules=("engine-roundtrip",))  # type: ignore[arg-type]
    assert [f.rule for f in kept.segments[0].flags] == ["engine-roundtrip"]
    assert dropped.segments[0].flags == ()


def test_review_without_the_tui_extra_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "postedit_tui", None)
    result = run("review", HARBOUR)
    assert result.exit_code == 2
    assert result.stderr == ("postedit: error: the review UI needs the [tui] extra (postedit_tui "
                             "is missing): pip install 'postedit[tui]'\n")


def test_argos_without_its_extra_is_one_line_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    from postedit.engines import argos

    def no_ctranslate2(*args: object, **kwargs: object) -> None:
        raise ModuleNotFoundError("No module named 'ctranslate2'", name="ctranslate2")

    monkeypatch.setattr(argos, "ArgosEngine", no_ctranslate2)
    result = run("score", HARBOUR, "--engine", "argos", "--source-lang", "es", "--format", "jsonl")
    assert result.exit_code == 2  # a missing optional extra, like review without [tui]
    assert result.stderr == (f"postedit: error: {HARBOUR}: --engine argos needs the [argos] extra "
                             "(ctranslate2 is missing): pip install 'postedit[argos]'\n")


def test_export_reads_stdin_without_asking_for_options(tmp_path: Path) -> None:
    result = run("export", "-", input="The minister spoke on Monday. Reporters asked again.\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<?xml") and "--input" not in result.stderr


def test_verify_takes_many_files(tmp_path: Path) -> None:
    outputs = []
    for name in ("floods-valencia-en.txt", "clean-harbour-en.txt"):
        shutil.copy(ARTICLES / name, tmp_path / name)
        assert run("apply", str(tmp_path / name), "--editor", "Ann").exit_code == 0
        outputs.append(str(tmp_path / name.replace(".txt", ".edited.txt")))
    ok = run("verify", *outputs)
    assert ok.exit_code == 0, ok.output
    assert [line.split(": ", 1)[0] for line in ok.stdout.splitlines()] == outputs
    Path(outputs[1]).write_text("changed\n", encoding="utf-8")
    broken = run("verify", *outputs, "--format", "json")
    assert broken.exit_code == 1
    assert [json.loads(line)["ok"] for line in broken.stdout.splitlines()] == [True, False]
