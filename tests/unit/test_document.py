"""The document model: offsets always rebuild the original text exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from postedit.config import resolve
from postedit.document import gaps, rebuild
from postedit.pipeline import make_document

CONFIG = resolve(lang="en")  # no language detection: keeps the property test fast
PIECES = st.sampled_from(
    ["The town was bombed.", "Which is", " ", "\n", "\n\n", "\r\n\r\n", "\r\r", "\r", "U.S.",
     "3.5", "”.", "“", "SyriaAfter", "Agreed. ,", "(Reuters/Ana Gil)", "Source link", "é", "\t",
     "a.m.", "!", "?"]
)
TEXTS = st.lists(PIECES | st.text(max_size=8), min_size=1, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_segments_and_gaps_rebuild_the_original(text: str) -> None:
    if not text.strip():
        return
    doc = make_document("t", text, config=CONFIG)
    pieces = gaps(doc)
    rebuilt = pieces[0] + "".join(seg.text + gap for seg, gap in zip(doc.segments, pieces[1:], strict=True))
    assert rebuilt == text
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        for seg in block.segments:
            assert doc.text[seg.start : seg.end] == seg.text
            assert block.start <= seg.start < seg.end <= block.end
    assert rebuild(doc) == text


def test_ids_are_stable_and_one_based() -> None:
    doc = make_document("t", "Title\n\nOne. Two.\n\nThree.", config=CONFIG)
    assert [s.id for s in doc.segments] == ["b1.s1", "b2.s1", "b2.s2", "b3.s1"]
    assert doc.segment("b2.s2").text == "Two."
    assert doc.block_of("b2.s2").id == "b2"


def test_rebuild_replaces_only_the_edited_segment() -> None:
    text = "Title\r\n\r\nOne  is here. Two.\r\n\r\nThree."
    doc = make_document("t", text, config=CONFIG)
    assert rebuild(doc, {"b2.s2": "Deux."}) == "Title\r\n\r\nOne  is here. Deux.\r\n\r\nThree."


def test_removing_a_whole_block_leaves_no_blank_line_debris() -> None:
    doc = make_document("t", "Title\n\nBody text.\n\nSource link\n\nLast.\n", config=CONFIG)
    assert rebuild(doc, {"b3.s1": ""}) == "Title\n\nBody text.\n\nLast.\n"
    assert rebuild(doc, {"b4.s1": ""}) == "Title\n\nBody text.\n\nSource link\n"
    assert rebuild(doc, {"b1.s1": ""}) == "Body text.\n\nSource link\n\nLast.\n"


def test_recheck_judges_the_edited_text_not_the_original() -> None:
    from postedit.pipeline import recheck

    text = "The council approved the plan on Tuesday night.\n\nResidents were divided. " \
           "The council approved the plan on Tuesday night."
    doc = make_document("t", text, config=CONFIG)
    assert [f.rule for f in recheck(doc, "b2.s2", doc.segment("b2.s2").text, CONFIG).flags] == [
        "repeated-sentence"
    ]
    assert recheck(doc, "b2.s2", "The council approved the new plan on Tuesday.", CONFIG).flags == ()
    glued = recheck(doc, "b2.s1", "Residents were divided.Which is bad", CONFIG)
    assert "missing-space" in {f.rule for f in glued.flags}


def test_every_line_ending_separates_paragraphs_but_crlf_counts_once() -> None:
    for newline in ("\n", "\r\n", "\r"):
        text = f"Flood waters rose.{newline}{newline}Schools closed.{newline}Roads too."
        blocks = make_document("d", text, config=CONFIG).blocks
        assert [b.text for b in blocks] == ["Flood waters rose.", f"Schools closed.{newline}Roads too."]
