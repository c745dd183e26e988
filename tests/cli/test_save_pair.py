"""An edited article and its provenance sidecar are one unit: both appear, or neither."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from postedit import writers
from postedit.cli import main
from postedit.writers import FAULT_ENV, FAULT_EXIT_CODE

FLOODS = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "floods-valencia-en.txt"
CLI = "from postedit.cli import main\nmain(obj={})"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    target = tmp_path / "floods.txt"
    shutil.copy(FLOODS, target)
    return target


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".commit")))


def test_sidecar_may_not_be_the_input_or_the_output(article: Path, tmp_path: Path) -> None:
    original = article.read_bytes()
    result = run("apply", str(article), "--prov", str(article), "--force")
    assert result.exit_code == 2 and "sidecar cannot be the input" in result.output
    same = tmp_path / "same.txt"
    result = run("apply", str(article), "-o", str(same), "--prov", str(same))
    assert result.exit_code == 2 and "sidecar cannot be the output" in result.output
    assert article.read_bytes() == original and not same.exists()


def crash_apply(article: Path, stage: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CLI, "apply", str(article), "--remove-boilerplate", "--force"],
        env={**os.environ, FAULT_ENV: stage}, capture_output=True, text=True, check=False,
    )
    assert done.returncode == FAULT_EXIT_CODE, done.stderr


def test_kill_between_the_renames_is_finished_on_the_next_run(article: Path) -> None:
    crash_apply(article, "between-renames")
    output = article.with_name("floods.edited.txt")
    assert temps(article.parent)  # the commit note and the temporaries wait
    assert run("verify", str(output)).exit_code == 0  # verify completes the commit first
    assert temps(article.parent) == []
    assert Path(f"{output}.prov.json").exists()


def test_kill_before_the_commit_keeps_the_old_pair_and_cleans_up(article: Path) -> None:
    assert run("apply", str(article), "--rules", "missing-space").exit_code == 0
    output = article.with_name("floods.edited.txt")
    sidecar = Path(f"{output}.prov.json")
    before = (output.read_bytes(), sidecar.read_bytes())
    crash_apply(article, "before-commit")
    assert (output.read_bytes(), sidecar.read_bytes()) == before
    assert run("verify", str(output)).exit_code == 0
    assert temps(article.parent) == []


def test_full_disk_while_writing_the_sidecar_writes_nothing(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write_temp = writers._write_temp

    def full_disk(folder: Path, name: str, data: bytes) -> Path:
        if name.endswith(".prov.json"):
            raise writers.OutputError(f"cannot write: {os.strerror(errno.ENOSPC)}", path=name)
        return real_write_temp(folder, name, data)

    monkeypatch.setattr(writers, "_write_temp", full_disk)
    result = run("apply", str(article), "--remove-boilerplate")
    assert result.exit_code == 2
    assert "No space left on device" in result.output and len(result.output.splitlines()) == 1
    assert sorted(p.name for p in article.parent.iterdir()) == ["floods.txt"]
