"""The Textual review UI of postedit (``postedit review``).

Only this package imports Textual; the core library never imports it.
"""

from __future__ import annotations

from typing import Any


def run_review(article: str, *, config: Any = None, source_path: str | None = None,
               engine: str = "auto", output: str | None = None,
               editor: str | None = None, record: str | None = None,
               memory: str | None = None, site: str = "") -> None:
    """Open ``article`` in the review UI; input errors are raised before the screen opens."""
    from postedit.config import resolve
    from postedit.editing.review_context import load_context
    from postedit_tui.app import ReviewApp

    context = load_context(article, config=config or resolve(), source_path=source_path,
                           engine=engine, output=output, editor=editor, record=record,
                           memory=memory, site=site)
    _require_terminal()
    ReviewApp(context).run()


def _require_terminal() -> None:
    """A full-screen app drawn into a pipe spins for minutes: refuse it in one line."""
    import sys

    from postedit.errors import InputError

    for name, stream in (("standard input", sys.stdin), ("standard output", sys.stdout)):
        if stream is None or not stream.isatty():
            raise InputError(f"the review UI needs a terminal, and {name} is not one; "
                             "in a pipeline use postedit score or postedit apply")


__all__ = ["run_review"]
