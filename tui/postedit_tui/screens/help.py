"""The help screen: every key of the review screen and what it does."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from postedit_tui.keys import in_full

INTRO = (
    "Review a machine-translated article sentence by sentence. Marks: ✓ fine, ? check, "
    "✗ garbled, ✎ edited. Edits re-run the detectors at once; every action is journalled."
)


class HelpScreen(ModalScreen[None]):
    """Keys and what they do (escape, q or ? closes)."""

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close help")]

    def __init__(self, bindings: Sequence[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_content(self.bindings))


# Listed first, so the first screen of help shows how to save and leave.
FIRST = ("save", "save_elsewhere", "quit_review", "diff", "help")
def help_content(bindings: Sequence[Binding]) -> Content:
    lines = [Content.styled("postedit review: keys", "bold"), Content(INTRO), Content("")]
    seen: set[str] = set()
    ordered = sorted(bindings, key=lambda b: FIRST.index(b.action) if b.action in FIRST else len(FIRST))
    for binding in ordered:
        if binding.description in seen or binding.action.startswith("accept(") and seen & {
                "accept"}:
            continue
        seen.add(binding.description)
        keys = binding.key_display or ", ".join(_key_name(k) for k in binding.key.split(","))
        description = in_full(binding)
        if binding.action.startswith("accept("):
            seen.add("accept")
            keys, description = "1-9", "Accept suggestion 1-9 (word diff shown under each)"
        lines.append(Content.assemble((f"{keys:>10}", "bold $text-accent"), "  ", description))
    lines += [Content(""), Content.styled("While editing: ctrl+s keeps the edit, escape cancels. "
                                          "ctrl+p opens the command palette.", "$text-muted")]
    return Content("\n").join(lines)


def _key_name(key: str) -> str:
    return {"question_mark": "?", "down": "↓", "up": "↑"}.get(key, key)
