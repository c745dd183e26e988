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
depend on which articles came before it. (The same holds within one stream, which is why
articles are not batched together into one ``apertium`` process.) The tagger starts in
about 10 ms, so it runs afresh for every request (:data:`FRESH_STAGES`), between two
long-lived groups of stages; with that, every answer is byte for byte what
``apertium -f txt`` gives for the same batch (a test compares them). Every request has a deadline:
stages that hang or die are killed (their whole process group) and the request fails
with a one-line :class:`EngineError`; the next request starts them again.

``POSTEDIT_APERTIUM_PIPELINE=0`` runs one ``apertium`` process per request instead (also
the fallback where the helper programs are missing); ``POSTEDIT_APERTIUM_TIMEOUT`` sets
the deadline's base in seconds.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from postedit.engines.apertium_stages import Fresh, Hung, LongLived, Stopped, stream
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
    try:
        base = float(os.environ.get("POSTEDIT_APERTIUM_TIMEOUT") or BASE_TIMEOUT)
    except ValueError:
        base = BASE_TIMEOUT
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
    """The mode's file where ``apertium`` looks (``APERTIUM_DATADIR`` first, as it does)."""
    custom = os.environ.get("APERTIUM_DATADIR")
    folders = (Path(custom) / "modes",) if custom else MODES_DIRS
    return next((d / f"{mode}.mode" for d in folders if (d / f"{mode}.mode").is_file()), None)


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
        self._long = [None if p.fresh else LongLived(p.command, apertium_env()) for p in parts]
        self._lock = threading.Lock()

    def translate(self, text: str) -> str:
        """What ``apertium -f txt MODE`` prints for ``text``."""
        limit = deadline_for(text)
        # destxt drops NUL bytes anyway; here one would end the request early.
        data = _filter(["apertium-destxt"], self.mode, text.replace("\0", "").encode(), limit)
        with self._lock:
            data = self._through_stages(data, limit)
        return _decode(_filter(["apertium-retxt"], self.mode, data, limit))

    def _through_stages(self, data: bytes, limit: float) -> bytes:
        stages = [stage or Fresh(part.command, apertium_env())
                  for part, stage in zip(self.parts, self._long, strict=True)]
        try:
            return stream(stages, data, time.monotonic() + limit)
        except OSError as exc:
            self._stop(stages)
            raise EngineError(f"apertium {self.mode} could not start: {exc}") from exc
        except Hung:
            self._stop(stages)
            raise EngineError(_hung(self.mode, limit)) from None
        except Stopped:
            why = next((tail for tail in (s.stderr_tail() for s in stages) if tail), "no reason given")
            self._stop(stages)
            raise EngineError(f"apertium {self.mode} stopped: {why}") from None

    @staticmethod
    def _stop(stages: Sequence[LongLived | Fresh]) -> None:
        for stage in stages:
            stage.stop()

    def close(self) -> None:
        self._stop([stage for stage in self._long if stage is not None])

    def disown(self) -> None:
        """In a forked child: close this copy's pipe ends, leave the stages running."""
        for stage in self._long:
            if stage is not None:
                stage.disown()


def pipeline_for(mode: str) -> NullFlushPipeline | None:
    """This process's pipeline for ``mode``; None when one process per request is wanted."""
    if os.environ.get("POSTEDIT_APERTIUM_PIPELINE", "1") == "0":
        return None
    with _LOCK:
        if mode not in _PIPELINES:
            parts = stage_parts(mode)
            _PIPELINES[mode] = None if parts is None else NullFlushPipeline(mode, parts)
        return _PIPELINES[mode]


def _after_fork_in_child() -> None:
    """A forked worker starts its own stages: the parent's stay the parent's."""
    global _LOCK
    _LOCK = threading.Lock()  # another thread of the parent may have held it at fork time
    for pipeline in _PIPELINES.values():
        if pipeline is not None:
            pipeline.disown()
    _PIPELINES.clear()


os.register_at_fork(after_in_child=_after_fork_in_child)


@atexit.register
def close_all() -> None:
    """Stop every pipeline this process started."""
    with _LOCK:
        pipelines = list(_PIPELINES.values())
        _PIPELINES.clear()
    for pipeline in pipelines:
        if pipeline is not None:
            pipeline.close()
