"""The Textual review UI of postedit (``postedit review``).

Only this package imports Textual; the core library never imports it.
"""

from __future__ import annotations

from typing import Any


def run_review(article: str, *, config: Any = None, source_path: str | None = None,
               engine: str = "auto", output: str | None = None,
               editor: str | None = None, record: str | None = None) -> None:
    """Open ``article`` in the review UI; input errors are raised before the screen opens."""
    from postedit.config import resolve
    from postedit_tui.app import ReviewApp
    from postedit_tui.context import load_context

    context = load_context(article, config=config or resolve(), source_path=source_path,
                           engine=engine, output=output, editor=editor, record=record)
    ReviewApp(context).run()


__all__ = ["run_review"]
