"""The processes of an Apertium pipeline, and one request streamed through them.

A :class:`LongLived` stage stays up between requests (null-flush mode: a request and
its answer each end with ``\\0``); a :class:`Fresh` stage starts for one request, reads
it to end of input and exits. :func:`stream` sends a request through stages in order,
with a thread copying each stage's answer into the next as it comes, so the stages work
at the same time as they do in one shell pipeline. Only the last answer is read with a
deadline: whatever hangs upstream, the last stage then gives nothing, and the caller
stops every stage.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import IO

CHUNK = 1 << 16


class Hung(Exception):
    """No answer before the deadline."""


class Stopped(Exception):
    """A stage closed its output before the end of an answer, or failed."""


class _Stage:
    """A process of the pipeline, with its standard error kept in a file."""

    ends_with_nul = False

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.command = command
        self.env = env
        self.proc: subprocess.Popen[bytes] | None = None
        self.owner = 0
        self._stderr: IO[bytes] | None = None

    def _spawn(self) -> subprocess.Popen[bytes]:
        self._stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self._stderr, env=self.env, start_new_session=True)
        self.owner = os.getpid()
        return self.proc

    def begin(self) -> None:
        """Make sure the process runs (raises OSError when it cannot start)."""
        raise NotImplementedError

    def write(self, data: bytes) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def end_request(self) -> None:
        raise NotImplementedError

    def answer(self, deadline: float | None = None) -> Iterator[bytes]:
        """The answer's bytes as they come, without the ``\\0`` marks."""
        assert self.proc is not None and self.proc.stdout is not None
        for chunk in _chunks(self.proc.stdout.fileno(), deadline):
            if self.ends_with_nul and b"\0" in chunk:
                yield chunk[: chunk.index(b"\0")]
                return
            yield chunk.replace(b"\0", b"")
        if self.ends_with_nul:
            raise Stopped
        self.finish()

    def finish(self) -> None:
        """After a fresh stage's answer: it must have exited cleanly."""

    def stderr_tail(self) -> str:
        if self._stderr is None or self._stderr.closed:
            return ""
        self._stderr.seek(0)
        text = self._stderr.read()[-4000:].decode("utf-8", "replace")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return lines[-1] if lines else ""

    def stop(self) -> None:
        """Stop the process (its whole process group) and wait for it."""
        proc, self.proc = self.proc, None
        if proc is None or self.owner != os.getpid():
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()  # its pipes' far ends are closed now: a copier blocked on them returns
        _close(proc)
        if self._stderr is not None:
            self._stderr.close()

    def disown(self) -> None:
        """In a forked child: close this copy's pipe ends, leave the process to its parent."""
        proc, self.proc = self.proc, None
        if proc is not None:
            _close(proc)


class LongLived(_Stage):
    """Stages that stay up between requests; started again after they died or a fork."""

    ends_with_nul = True

    def begin(self) -> None:
        if self.proc is not None and self.owner != os.getpid():
            self.disown()
        if self.proc is not None and self.proc.poll() is not None:
            self.stop()
        if self.proc is None:
            self._spawn()

    def end_request(self) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(b"\0")
        self.proc.stdin.flush()


class Fresh(_Stage):
    """A stage started for one request (it would keep state from one to the next)."""

    def begin(self) -> None:
        self._spawn()

    def end_request(self) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.close()

    def finish(self) -> None:
        assert self.proc is not None
        if self.proc.wait() != 0:
            raise Stopped
        self.stop()


def stream(stages: Sequence[_Stage], data: bytes, deadline: float) -> bytes:
    """``data`` through every stage in order; the last stage's answer.

    Raises :class:`Hung` or :class:`Stopped`; the stages are then left to the caller to stop.
    """
    for stage in stages:
        stage.begin()
    failures: list[BaseException] = []
    copiers = [threading.Thread(target=_guarded, args=(_feed, failures, stages[0], data),
                                daemon=True)]
    copiers += [threading.Thread(target=_guarded, args=(_relay, failures, source, target),
                                 daemon=True) for source, target in pairwise(stages)]
    for copier in copiers:
        copier.start()
    answer = b"".join(stages[-1].answer(deadline))
    for copier in copiers:
        copier.join(max(0.0, deadline - time.monotonic()))
    if failures or any(copier.is_alive() for copier in copiers):
        raise Stopped
    return answer


def _guarded(work, failures: list[BaseException], *args) -> None:  # type: ignore[no-untyped-def]
    try:
        work(*args)
    except (OSError, ValueError, Stopped, Hung) as exc:  # a stage died or was stopped
        failures.append(exc)


def _feed(stage: _Stage, data: bytes) -> None:
    stage.write(data)
    stage.end_request()


def _relay(source: _Stage, target: _Stage) -> None:
    try:
        for chunk in source.answer():
            target.write(chunk)
    finally:  # even after a failure, so that the last stage answers and the caller learns it
        with contextlib.suppress(OSError, ValueError):
            target.end_request()


def _chunks(fd: int, deadline: float | None) -> Iterator[bytes]:
    """What ``fd`` gives until end of file; :class:`Hung` once ``deadline`` passes."""
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and (left <= 0 or not selector.select(left)):
                raise Hung
            chunk = os.read(fd, CHUNK)
            if not chunk:
                return
            yield chunk


def _close(proc: subprocess.Popen[bytes]) -> None:
    for pipe in (proc.stdin, proc.stdout):
        with contextlib.suppress(OSError):
            if pipe is not None:
                pipe.close()
