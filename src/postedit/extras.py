"""Optional extras (``pip install 'postedit[NAME]'``): import their code, or say in one line
which extra to install.

A missing extra is an installation matter, not a bug, so it never shows a
traceback. A ``ModuleNotFoundError`` for a module that is not part of the extra
is a real bug and is raised as it is.
"""

from __future__ import annotations

import importlib
from typing import Any

from postedit.errors import ExitCode, PosteditError

# The top-level modules each extra brings (pyproject's optional-dependencies).
EXTRA_MODULES = {
    "tui": ("textual", "postedit_tui"),
    "argos": ("argostranslate", "ctranslate2", "sentencepiece"),
    "cluster": ("dask", "distributed"),
    "sign": ("cryptography",),
}


class MissingExtraError(PosteditError):
    """An optional extra is not installed; the message names the pip command."""

    exit_code = ExitCode.USAGE_OR_INPUT


def missing_extra_message(extra: str, what: str, module: str) -> str:
    return f"{what} needs the [{extra}] extra ({module} is missing): pip install 'postedit[{extra}]'"


def require_extra(
    extra: str, what: str, module: str, attr: str | None = None,
    error: type[PosteditError] = MissingExtraError,
) -> Any:  # fmt: skip
    """``module`` (or its ``attr``), or ``error`` naming ``pip install 'postedit[EXTRA]'``."""
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        missing = (exc.name or module).split(".", 1)[0]
        if missing not in EXTRA_MODULES[extra]:
            raise
        raise error(missing_extra_message(extra, what, missing)) from None
    return getattr(loaded, attr) if attr else loaded
