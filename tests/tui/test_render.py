"""What the panes say, as plain text: marks readable without colour, the document's own gaps."""

from __future__ import annotations

from conftest import new_session
from postedit_tui import render


def test_the_paragraph_keeps_the_documents_own_spacing() -> None:
    session = new_session()
    block = session.document.block_of("b5.s1")
    shown = render.paragraph(block, session, "b5.s1").plain
    assert "destroyed.According to the council" in shown


def test_rows_read_without_colour() -> None:
    session = new_session()
    assert render.session_row(session, "b3.s1").plain.startswith("✗ b3.s1")
    assert render.session_row(session, "b5.s1").plain.startswith("? b5.s1")
    assert render.session_row(session, "b9.s1").plain.startswith("✗ b9.s1   BOIL")
    session.mark_fine("b3.s1")
    assert "✔" in render.session_row(session, "b3.s1").plain


def test_previews_show_only_the_changes_in_context() -> None:
    before = "one two three four five six seven eight nine ten eleven twelve"
    after = before.replace("six", "6")
    assert render.preview(before, after, 2).plain == "…four five six6 seven eight …"
    assert render.preview(before, "").plain == "(remove the sentence)"
