"""Suggestions from the edit memory: a fix saved in another article, offered first.

An exact match (same sentence, up to whitespace) offers the remembered fixed text;
a near-identical sentence offers it too, labelled ``near`` with its similarity, so
the editor sees that the sentence is not quite the one fixed before. Accepting one
is recorded as ``memory:ARTICLE`` in the provenance.
"""

from __future__ import annotations

from postedit.edit_memory import EditMemory, carried
from postedit_tui.session import Change
from postedit_tui.suggestions import Suggestion, protected_changes


def memory_suggestions(memory: EditMemory | None, segment_id: str, text: str) -> list[Suggestion]:
    """The remembered fix for ``text`` as a one-item list (empty when none)."""
    if memory is None or not len(memory):
        return []
    match = memory.lookup(text)
    if match is None or match.entry.fixed == text:
        return []
    entry = match.entry
    label = entry.label() if match.exact else f"{entry.label()} (near, {match.score:.0f}%)"
    fixed = entry.fixed if match.exact else carried(entry, text) or entry.fixed
    if fixed == text:
        return []
    change = Change(segment_id, text, fixed, "suggestion", entry.agent())
    note = "" if match.exact else f"remembered for: {entry.original}"
    return [Suggestion(label, fixed, change, note or protected_changes(text, fixed))]
