"""A save onto a full or read-only file system keeps what was there and leaves no debris.

The disk filling up is injected under the writer (the OS call fails half-way
through a file, as ENOSPC does), so the real temp-write-rename path runs.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from postedit import writers
from postedit.cli import main
from postedit.config import resolve
from postedit.editing.save import save_review
from postedit.editing.session import ReviewSession
from postedit.errors import OutputError
from postedit.pipeline import analyse, make_document

FLOODS = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "floods-valencia-en.txt"


class FillsUp(io.RawIOBase):
    """A file that takes half of the first write, then reports the disk full."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[no-untyped-def,override]
        os.write(self._fd, bytes(data)[: max(1, len(data) // 2)])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fileno(self) -> int:
        return self._fd

    def close(self) -> None:
        os.close(self._fd)
        super().close()


def full_disk(monkeypatch: pytest.MonkeyPatch, when: Callable[[str], bool]) -> None:
    """Writes of temporaries whose name ``when`` accepts fill the disk."""
    real_mkstemp = tempfile.mkstemp
    doomed: set[int] = set()

    def mkstemp(*args, **kwargs):  # type: ignore[no-untyped-def]
        fd, name = real_mkstemp(*args, **kwargs)
        if when(Path(name).name):
            doomed.add(fd)
        return fd, name

    real_fdopen = os.fdopen
    monkeypatch.setattr(writers.tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(writers.os, "fdopen", lambda fd, *a, **k: (
        FillsUp(fd) if fd in doomed else real_fdopen(fd, *a, **k)))


def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))
    monkeypatch.setattr(writers.tempfile, "mkstemp", refuse)


@pytest.fixture
def earlier(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """An article and an earlier output + sidecar in ``out/``, with their bytes."""
    article = tmp_path / "floods.txt"
    shutil.copy(FLOODS, article)
    output = tmp_path / "out" / "floods.txt"
    output.parent.mkdir()
    result = CliRunner().invoke(main, ["apply", str(article), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return article, output, snapshot(tmp_path)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("which", ["output", "sidecar", "commit"])
def test_apply_onto_a_full_disk_keeps_the_earlier_pair(
    earlier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    article, output, before = earlier
    pick = {"output": lambda n: ".prov." not in n, "sidecar": lambda n: n.endswith(".json.tmp")
            or ".prov.json." in n and ".commit" not in n, "commit": lambda n: ".commit." in n}
    full_disk(monkeypatch, pick[which])
    result = CliRunner().invoke(main, ["apply", str(article), "--remove-boilerplate", "--force",
                                       "-o", str(output)])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1].endswith("cannot write: No space left on device")
    assert len([line for line in result.output.splitlines() if "error" in line]) == 1
    assert snapshot(tmp_path) == before  # original, earlier output and sidecar; no temporaries


def test_apply_into_a_read_only_folder_is_one_line_and_writes_nothing(
    earlier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, output, before = earlier
    read_only(monkeypatch)
    result = CliRunner().invoke(main, ["apply", str(article), "--force", "-o", str(output)])
    assert result.exit_code == 2
    assert result.output.strip().endswith("cannot write here: Read-only file system")
    assert snapshot(tmp_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a 0555 folder anyway; "
                    "the read-only case is covered by the injected EROFS test above")
def test_a_folder_without_write_permission_is_refused(earlier, tmp_path: Path) -> None:
    article, output, before = earlier
    output.parent.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["apply", str(article), "--force", "-o", str(output)])
    finally:
        output.parent.chmod(0o755)
    assert result.exit_code == 2 and "Permission denied" in result.output
    assert snapshot(tmp_path) == before


def review(article: Path) -> ReviewSession:
    config = resolve()
    document = make_document(article.name, article.read_text(encoding="utf-8"),
                             path=str(article), config=config)
    session = ReviewSession(analyse(document, config), config, "tester")
    session.edit(session.ids[0], "A new first line.")
    return session


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_the_review_save_fails_in_one_line_and_keeps_the_earlier_pair(
    earlier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    article, output, before = earlier
    session = review(article)
    if fault == "full":
        full_disk(monkeypatch, lambda name: True)
    else:
        read_only(monkeypatch)
    with pytest.raises(OutputError) as caught:
        save_review(session, str(article), str(output), force=True)
    assert "\n" not in str(caught.value)
    assert snapshot(tmp_path) == before
    assert session.dirty  # the UI keeps the edits unsaved, to be saved elsewhere
