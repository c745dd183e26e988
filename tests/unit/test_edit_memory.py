"""The edit memory store: exact and near look-ups, the JSONL file, session fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from postedit.edit_memory import EditMemory, Remembered, load
from postedit.errors import InputError

WIRE = "The minister said on Monday that the talks would resume next week."
FIXED = "The minister said on Monday that talks would resume next week."


def entry(original: str = WIRE, fixed: str = FIXED, article: str = "a.txt") -> Remembered:
    return Remembered(original, fixed, article, "wire", "ana", "2026-12-03T10:00:00Z")


def test_exact_lookup_ignores_spacing_and_prefers_the_newest() -> None:
    memory = EditMemory([entry(), entry(fixed="Newer fix.", article="b.txt")])
    match = memory.lookup("  The minister said on Monday that  the talks would resume next week.")
    assert match is not None and match.exact
    assert match.entry.fixed == "Newer fix." and match.entry.agent() == "memory:b.txt"


def test_near_sentence_is_found_but_not_exact_and_a_different_one_is_not() -> None:
    memory = EditMemory([entry()])
    near = memory.lookup(WIRE.replace("Monday", "Tuesday"))
    assert near is not None and not near.exact and near.score >= 90
    assert memory.exact(WIRE.replace("Monday", "Tuesday")) is None
    assert memory.lookup("Schools in the district will stay closed until Friday.") is None


def test_label_says_where_the_fix_came_from() -> None:
    assert entry().label() == "memory: a.txt, 2026-12-03, ana"


def test_remembered_fixes_survive_a_reload_and_are_not_duplicated(tmp_path: Path) -> None:
    path = tmp_path / "team" / "memory.jsonl"
    memory = load(path)
    assert len(memory) == 0 and not path.exists()
    assert memory.remember([entry(), entry(), entry(fixed=WIRE)]) == 1
    assert memory.remember([entry()]) == 0
    again = load(path)
    assert len(again) == 1 and again.exact(WIRE) == entry()


def test_a_broken_line_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "memory.jsonl"
    path.write_text('{"original": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load(path)


def test_a_near_match_carries_the_edit_and_keeps_its_own_words() -> None:
    from postedit.edit_memory import carried

    near = WIRE.replace("Monday", "Tuesday")
    assert carried(entry(), near) == FIXED.replace("Monday", "Tuesday")
    rewritten = entry(original=WIRE, fixed=WIRE.replace("Monday", "Sunday"))
    assert carried(rewritten, near) is None  # the edited word is not there to edit
