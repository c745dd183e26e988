"""Inputs that are not regular files: a silent named pipe, a device, a socket. None may hang."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

from click.testing import CliRunner

from postedit import readers
from postedit.cli import main


def score(path: Path | str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["score", str(path), "--engine", "none", "--format", "jsonl"])


def test_named_pipe_without_writer_is_an_error_not_a_hang(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(readers, "PIPE_WAIT_SECONDS", 0.2)
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    result = score(fifo)
    assert result.exit_code == 2
    assert "feed.txt" in result.output and "named pipe sent nothing" in result.output


def test_named_pipe_with_a_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as handle:
            handle.write("The river rose overnight. Schools stayed closed.\n")

    writer = threading.Thread(target=write)
    writer.start()
    result = score(fifo)
    writer.join()
    assert result.exit_code == 0, result.output
    assert '"type": "document"' in result.output


def test_device_is_refused(tmp_path: Path) -> None:
    result = score("/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero" in result.output and "is a device" in result.output


def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    with server:
        result = score(path)
    assert result.exit_code == 2
    assert "is a socket" in result.output


def test_an_input_over_the_size_limit_is_refused_with_how_to_raise_it(
    tmp_path: Path, monkeypatch
) -> None:
    big = tmp_path / "archive.txt"
    big.write_text("The river rose overnight. " * 8_000, encoding="utf-8")  # 0.2 MB
    monkeypatch.setenv("POSTEDIT_MAX_INPUT_MB", "0.1")
    result = score(big)
    assert result.exit_code == 2
    assert "archive.txt: is 0.2 MB, over the 0.1 MB limit; to read it, raise the limit with " \
        "postedit --max-input-mb N (or POSTEDIT_MAX_INPUT_MB)" in result.output
    piped = CliRunner().invoke(main, ["score", "-", "--engine", "none"], input=big.read_bytes())
    assert piped.exit_code == 2 and "stdin: is over the 0.1 MB limit" in piped.output
    monkeypatch.setenv("POSTEDIT_MAX_INPUT_MB", "1")
    assert score(big).exit_code in (0, 1)
    monkeypatch.delenv("POSTEDIT_MAX_INPUT_MB")
    lifted = CliRunner().invoke(main, ["--max-input-mb", "0.1", "score", str(big), "--engine", "none"])
    assert lifted.exit_code == 2 and "over the 0.1 MB limit" in lifted.output
    lifted = CliRunner().invoke(main, ["--max-input-mb", "1", "score", str(big), "--engine", "none"])
    assert lifted.exit_code in (0, 1), lifted.output


def test_review_without_a_terminal_is_one_line_exit_2(tmp_path: Path) -> None:
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("The river rose overnight. Schools stayed closed.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "postedit", "review", str(article), "--engine", "none"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "needs a terminal" in done.stderr
