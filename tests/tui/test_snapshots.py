"""How the screens look at 80x24 (pytest-textual-snapshot; regenerate with --snapshot-update)."""

from __future__ import annotations

from conftest import settle

SIZE = (80, 24)


async def _ready(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)


def test_main_screen_on_a_garbled_sentence(snap_compare, app) -> None:
    assert snap_compare(app, press=["n"], terminal_size=SIZE, run_before=_ready)


def test_main_screen_after_accepting_a_fix(snap_compare, app) -> None:
    assert snap_compare(app, press=["n", "n", "n", "1"], terminal_size=SIZE, run_before=_ready)


def test_diff_screen(snap_compare, app) -> None:
    keys = ["n", "1", "n", "1", "n", "e", "ctrl+home", *"Later, ", "ctrl+s", "d"]
    assert snap_compare(app, press=keys, terminal_size=SIZE, run_before=_ready)


def test_help_screen(snap_compare, app) -> None:
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE, run_before=_ready)
