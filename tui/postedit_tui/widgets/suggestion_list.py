"""Numbered suggestions for the current segment, each previewed as a word diff."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from postedit.editing.suggestions import Suggestion
from postedit_tui import render


class SuggestionList(Static):
    """Suggestions 1-9; the number key accepts one."""

    def show(self, suggestions: Sequence[Suggestion], current: str) -> None:
        title = Content.styled("Suggestions", "bold")
        self.update(Content("\n").join([title, render.suggestion_lines(suggestions, current)]))
