"""What each key of the review screen does, in full words.

The footer's labels are short so that save, quit, diff and help fit in 80
columns; the help screen and the command palette say it in full.
"""

from __future__ import annotations

from textual.binding import Binding

IN_FULL = {
    "next_flagged": "Next flagged sentence",
    "previous_flagged": "Previous flagged sentence",
    "mark_fine": "Mark the sentence as fine",
    "edit": "Edit the sentence in place",
    "remove": "Remove the sentence (boilerplate)",
    "save": "Save the article and its provenance",
    "save_elsewhere": "Save elsewhere (another folder or name)",
    "quit_review": "Quit (asks when there are unsaved changes)",
    "diff": "Diff of the whole document",
    "help": "This help",
    "scroll_detail(4)": "Scroll the right pane down (flags, round trip): J or ctrl+↓",
    "scroll_detail(-4)": "Scroll the right pane up: K or ctrl+↑",
}


def in_full(binding: Binding) -> str:
    return IN_FULL.get(binding.action, binding.description)
