"""The review application: wires the screens together (the logic lives in screens/)."""

from __future__ import annotations

from textual.app import App

from postedit.editing.review_context import ReviewContext
from postedit_tui.screens.review import ReviewScreen


class ReviewApp(App[None]):
    """``postedit review``: repair a machine-translated article without the mouse."""

    TITLE = "postedit review"
    CSS_PATH = ["app.tcss", "screens/review.tcss", "screens/dialogs.tcss"]
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, context: ReviewContext) -> None:
        super().__init__()
        self.context = context

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.context))
