"""`postedit score --jobs N`: same output, same order, as one process."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from postedit.cli import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

ARTICLE = """Storm {n} closes the harbour

The harbour authority said on Monday that the port will stay closed until Friday. Fishermen complained about the delay SyriaAfter the storm.

Officials promised more checks. The minister visited the bay on Tuesday.
"""  # noqa: E501


def test_jobs_keep_output_and_order(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path / "home"))
    paths = []
    for n in range(6):
        path = tmp_path / f"article-{n}.txt"
        path.write_text(ARTICLE.format(n=n), encoding="utf-8")
        paths.append(str(path))
    args = ["score", *paths, "--engine", "none", "--format", "jsonl"]
    one = CliRunner().invoke(main, [*args, "--jobs", "1"], obj={})
    two = CliRunner().invoke(main, [*args, "--jobs", "2"], obj={})
    assert one.exit_code == two.exit_code == 0, two.output
    assert two.stdout_bytes == one.stdout_bytes
    docs = [json.loads(line)["doc"] for line in two.stdout.splitlines() if '"document"' in line]
    assert docs == paths


def test_jobs_give_the_same_bytes_on_every_fixture_article() -> None:
    """Real articles in six languages with flags of many kinds: forked workers must score
    them exactly as one process does (the session's home: its word tables are built once)."""
    paths = sorted(str(path) for path in FIXTURES.glob("**/*.txt"))
    args = ["score", *paths, "--engine", "none", "--format", "jsonl"]
    one = CliRunner().invoke(main, [*args, "--jobs", "1"], obj={})
    two = CliRunner().invoke(main, [*args, "--jobs", "2"], obj={})
    assert one.exit_code == two.exit_code == 0, two.output
    assert b'"flags": [{' in one.stdout_bytes
    assert two.stdout_bytes == one.stdout_bytes


def test_jobs_must_be_positive() -> None:
    result = CliRunner().invoke(main, ["score", "x.txt", "--jobs", "0"], obj={})
    assert result.exit_code == 2
