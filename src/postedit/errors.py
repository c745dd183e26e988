"""The one error family and the process exit codes of postedit."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the ``postedit`` command, documented in the README."""

    OK = 0
    QUALITY_BELOW_THRESHOLD = 1  # --fail-under tripped, or `verify` found a broken record
    USAGE_OR_INPUT = 2  # bad arguments, unreadable or invalid input
    ENGINE = 3  # a requested engine or model is unavailable
    INTERRUPTED = 130


class PosteditError(Exception):
    """An error the user can act on; printed as one line, never as a traceback."""

    exit_code: ExitCode = ExitCode.USAGE_OR_INPUT

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(PosteditError):
    """The input cannot be read or is not text postedit can work on."""


class EngineError(PosteditError):
    """A translation engine or model is missing or failed."""

    exit_code = ExitCode.ENGINE


class EnginePairError(EngineError):
    """The engine is there but cannot translate this language pair.

    A batch skips the engine for such a document (with a notice) and scores the rest.
    """


class OutputError(PosteditError):
    """An output cannot be written without losing the user's data."""
