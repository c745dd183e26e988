"""Running Apertium: one long-lived null-flush pipeline per direction, with deadlines.

Starting ``apertium`` costs 0.3-0.45 s of CPU per process (every stage loads its
dictionaries); a batch of articles scored one by one paid that twice per article, and
the review UI twice per few sentences. So each direction's stages start once per
process and stay up in null-flush mode: every stage reads up to a ``\\0``, answers, and
flushes.

Why ``apertium -z -f txt`` hung in an earlier trial: the ``apertium`` script pipes
``apertium-destxt | <stages> | apertium-retxt``, and ``-z`` reaches only the stages. The
txt deformatter ``apertium-destxt`` is not null-flush aware: it drops the ``\\0`` and
keeps its output buffered until end of input, so a request never reaches the stages
and the reader waits forever (``tests/unit/test_apertium_pipeline.py`` shows it). So
the deformatter and reformatter, small programs that start in milliseconds, run once
per request, and the stages are those of ``apertium-wblank-mode -z`` (what
``apertium`` runs, with ``-z``).

Null-flush mode alone is not enough for the same output, though: ``apertium-tagger``
(3.8) keeps state across flushes, so a sentence could be tagged differently after some
earlier request (``said`` as a participle instead of a past tense) and a report would
depend on which articles came before it. (The same holds within one stream, which is
why articles are not batched together into one ``apertium`` process.) The tagger starts in about 10 ms, so it runs
afresh for every request (:data:`FRESH_STAGES`), between two long-lived groups of
stages; with that, every answer is byte for byte what ``apertium -f txt`` gives for the
same batch (a test compares them). Every request has a deadline: stages that hang or
die are killed (their whole process group) and the request fails with a one-line
:class:`EngineError`; the next request starts them again.

``POSTEDIT_APERTIUM_PIPELINE=0`` runs one ``apertium`` process per request instead (also
the fallback where the helper programs are missing); ``POSTEDIT_APERTIUM_TIMEOUT`` sets
the deadline's base in seconds.
"""

from __future__ import annotations

import atexit
import os
import selectors
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from postedit.errors import EngineError

MODES_DIRS = (Path("/usr/share/apertium/modes"), Path("/usr/local/share/apertium/modes"))
HELPERS = ("apertium-wblank-mode", "apertium-destxt", "apertium-retxt")
BASE_TIMEOUT = 60.0
# Apertium translates about 60,000 characters a second here; the deadline allows 60x less.
CHARS_PER_SECOND = 1000.0
# Stages that keep state across \0 flushes: started afresh for every request.
FRESH_STAGES = ("apertium-tagger",)
UNKNOWN_WORD_MARKS = "-g"  # the stages' $1 as ``apertium`` passes it without -u
_LOCK = threading.Lock()
_PIPELINES: dict[str, NullFlushPipeline | None] = {}


def apertium_env() -> dict[str, str]:
    return dict(os.environ, LC_ALL="C.UTF-8")


def deadline_for(text: str) -> float:
    """Seconds a request of ``text`` may take before the engine counts as hung."""
    base = float(os.environ.get("POSTEDIT_APERTIUM_TIMEOUT") or BASE_TIMEOUT)
    return base + len(text) / CHARS_PER_SECOND


def _decode(data: bytes) -> str:
    """As ``subprocess`` with ``text=True`` reads it (universal newlines)."""
    return data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")


def _failure(mode: str, stderr: bytes, code: int | None) -> str:
    lines = [line for line in _decode(stderr).splitlines() if line.strip()]
    return lines[-1].strip() if lines else f"exit {code}"


def run_once(binary: str, mode: str, text: str) -> str:
    """One ``apertium`` process over ``text`` (markers on); its output."""
    try:
        proc = subprocess.run([binary, "-f", "txt", mode], input=text.encode("utf-8"),
                              capture_output=True, env=apertium_env(), timeout=deadline_for(text))
    except subprocess.TimeoutExpired:
        raise EngineError(_hung(mode, deadline_for(text))) from None
    except OSError as exc:
        raise EngineError(f"apertium {mode} could not start: {exc}") from exc
    if proc.returncode != 0:
        raise EngineError(f"apertium {mode} failed: {_failure(mode, proc.stderr, proc.returncode)}")
    return _decode(proc.stdout)


def _hung(mode: str, limit: float) -> str:
    return (f"apertium {mode} gave no answer within {limit:.0f} s and was stopped "
            "(POSTEDIT_APERTIUM_TIMEOUT sets the limit)")


def _filter(command: list[str], mode: str, data: bytes, limit: float) -> bytes:
    """Run a program that reads all of ``data`` (deformatter, reformatter, a fresh stage)."""
    try:
        proc = subprocess.run(command, input=data, capture_output=True, env=apertium_env(),
                              timeout=limit)
    except subprocess.TimeoutExpired:
        raise EngineError(_hung(mode, limit)) from None
    except OSError as exc:
        raise EngineError(f"apertium {mode} could not start {command[0]}: {exc}") from exc
    if proc.returncode != 0:
        raise EngineError(f"apertium {mode} failed: {_failure(mode, proc.stderr, proc.returncode)}")
    return proc.stdout


def mode_file(mode: str) -> Path | None:
    return next((d / f"{mode}.mode" for d in MODES_DIRS if (d / f"{mode}.mode").is_file()), None)


def stage_parts(mode: str) -> list[Part] | None:
    """``mode``'s stages in null-flush mode, grouped: runs of long-lived stages, and the
    stages that must start afresh for every request; None where that cannot be done."""
    path = mode_file(mode)
    if path is None or any(shutil.which(helper) is None for helper in HELPERS):
        return None
    try:
        script = subprocess.run(["apertium-wblank-mode", "-z", str(path)], capture_output=True,
                                text=True, timeout=30, env=apertium_env()).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    stages = [stage.strip() for stage in script.split(" | ")]
    if not all(stages):
        return None
    parts: list[Part] = []
    for stage in stages:
        fresh = stage.split(maxsplit=1)[0] in FRESH_STAGES
        if fresh or not parts or parts[-1].fresh:
            parts.append(Part(stage, fresh))
        else:
            parts[-1] = Part(f"{parts[-1].script} | {stage}", False)
    return parts


@dataclass(frozen=True)
class Part:
    """Some consecutive stages of a mode.

    Attributes:
        script: the stages as a bash pipeline (``$1``/``$2`` as in the mode file).
        fresh: started for every request (it keeps state across requests), else long-lived.
    """

    script: str
    fresh: bool = False

    @property
    def command(self) -> list[str]:
        return ["bash", "-c", self.script, "bash", UNKNOWN_WORD_MARKS, ""]


class NullFlushPipeline:
    """One direction: deformatter, its stages' parts in order, reformatter.

    Requests are serialised (a lock): the review UI may ask from two threads.
    """

    def __init__(self, mode: str, parts: list[Part]) -> None:
        self.mode = mode
        self.parts = parts
        self._running = [None if part.fresh else _LongLived(mode, part.command) for part in parts]
        self._lock = threading.Lock()

    def translate(self, text: str) -> str:
        """What ``apertium -f txt MODE`` prints for ``text``."""
        limit = deadline_for(text)
        # destxt drops NUL bytes anyway; here one would end the request early.
        data = _filter(["apertium-destxt"], self.mode, text.replace("\0", "").encode(), limit)
        with self._lock:
            for part, process in zip(self.parts, self._running, strict=True):
                if process is None:
                    data = _filter(part.command, self.mode, data + b"\0", limit).split(b"\0")[0]
                else:
                    data = process.exchange(data, limit)
        return _decode(_filter(["apertium-retxt"], self.mode, data, limit))

    def close(self) -> None:
        for process in self._running:
            if process is not None:
                process.close()


class _LongLived:
    """Stages that stay up between requests; each request ends with ``\\0``, so does its answer."""

    def __init__(self, mode: str, command: list[str]) -> None:
        self.mode = mode
        self.command = command
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._owner = 0

    def _started(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and (self._owner != os.getpid() or self._proc.poll() is not None):
            self._forget()
        if self._proc is None:
            self._stderr = tempfile.TemporaryFile()
            try:
                self._proc = subprocess.Popen(self.command, stdin=subprocess.PIPE,
                                              stdout=subprocess.PIPE, stderr=self._stderr,
                                              env=apertium_env(), start_new_session=True)
            except OSError as exc:
                raise EngineError(f"apertium {self.mode} could not start: {exc}") from exc
            self._owner = os.getpid()
        return self._proc

    def exchange(self, data: bytes, limit: float) -> bytes:
        """Send one request; its answer, or a one-line EngineError after ``limit`` seconds."""
        proc = self._started()
        writer = threading.Thread(target=_write, args=(proc.stdin, data + b"\0"), daemon=True)
        writer.start()
        try:
            answer = _read_answer(proc, time.monotonic() + limit)
        except _Hung:
            self.close()
            raise EngineError(_hung(self.mode, limit)) from None
        except _Stopped:
            message = f"apertium {self.mode} stopped: {self._stderr_tail()}"
            self.close()
            raise EngineError(message) from None
        writer.join()
        return answer

    def _stderr_tail(self) -> str:
        if self._stderr is None or self._proc is None:
            return "no output"
        self._stderr.seek(0)
        return _failure(self.mode, self._stderr.read()[-4000:], self._proc.poll())

    def _forget(self) -> None:
        """Drop stages that died, or that belong to the parent of a fork (not ours to stop)."""
        if self._owner == os.getpid():
            self.close()
        self._proc = None

    def close(self) -> None:
        """Stop the stages (their whole process group) and wait for them."""
        proc, self._proc = self._proc, None
        if proc is None or self._owner != os.getpid():
            return
        for stream in (proc.stdin, proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()
        if self._stderr is not None:
            self._stderr.close()


class _Hung(Exception):
    """No answer before the deadline."""


class _Stopped(Exception):
    """The stages closed their output (they died)."""


def _write(stream: IO[bytes] | None, data: bytes) -> None:
    """Feed a request (in a thread: the stages answer while it is still being written)."""
    try:
        assert stream is not None
        stream.write(data)
        stream.flush()
    except (OSError, ValueError):
        pass  # the stages died or were stopped: the reader reports it


def _read_answer(proc: subprocess.Popen[bytes], deadline: float) -> bytes:
    """Everything the stages print up to the ``\\0`` that ends an answer."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    chunks: list[bytes] = []
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                raise _Hung
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise _Stopped
            chunks.append(chunk)
            if b"\0" in chunk:
                answer = b"".join(chunks)
                return answer[: answer.index(b"\0")]


def pipeline_for(mode: str) -> NullFlushPipeline | None:
    """This process's pipeline for ``mode``; None when one process per request is wanted."""
    if os.environ.get("POSTEDIT_APERTIUM_PIPELINE", "1") == "0":
        return None
    with _LOCK:
        if mode not in _PIPELINES:
            parts = stage_parts(mode)
            _PIPELINES[mode] = None if parts is None else NullFlushPipeline(mode, parts)
        return _PIPELINES[mode]


@atexit.register
def close_all() -> None:
    """Stop every pipeline this process started."""
    with _LOCK:
        pipelines = list(_PIPELINES.values())
        _PIPELINES.clear()
    for pipeline in pipelines:
        if pipeline is not None:
            pipeline.close()
