"""Notices: one-line messages on stderr, each said once per run.

A notice tells the user what postedit assumed or skipped (an engine it could not use, a
cache it could not open) without stopping the run. Inside ``--jobs`` workers notices are
captured instead and handed to the main process, which says each once, so a batch never
repeats one per worker nor loses one said in a worker.
"""

from __future__ import annotations

import sys

_SAID: set[str] = set()
_CAPTURED: list[list[str]] = []  # in --jobs workers: notices kept for the main process


def notice_once(message: str) -> None:
    """Say ``message`` on stderr once per process (``--jobs`` workers pass it on instead)."""
    if message in _SAID:
        return
    _SAID.add(message)
    if _CAPTURED:
        _CAPTURED[-1].append(message)
    else:
        print(f"postedit: {message}", file=sys.stderr)


def capture_notices() -> None:
    """Worker processes keep their notices for the main process, which says each once."""
    _CAPTURED.append([])


def drain_notices() -> list[str]:
    """The notices captured since the last call (see :func:`capture_notices`)."""
    if not _CAPTURED:
        return []
    notices, _CAPTURED[-1] = _CAPTURED[-1], []
    return notices


def forget_notices() -> None:
    """Say every notice again (tests that run several commands in one process)."""
    _SAID.clear()
