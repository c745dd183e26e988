"""Driving the review screen with the keyboard, as an editor would (Textual Pilot)."""

from __future__ import annotations

from pathlib import Path

from conftest import FLAGGED, FakeScorer, screen_of, settle
from postedit_tui.screens.diff import DiffScreen
from postedit_tui.screens.help import HelpScreen
from postedit_tui.screens.modals import QuitScreen, ResumeScreen
from postedit_tui.widgets import SegmentList

SIZE = (80, 24)


def output_of(app) -> Path:  # type: ignore[no-untyped-def]
    return Path(app.context.output)


async def test_arrows_and_jk_move_through_sentences(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert screen.current == "b1.s1"
        await pilot.press("j", "j", "down")
        assert screen.current == "b4.s1"
        await pilot.press("k", "up")
        assert screen.current == "b2.s1"


async def test_n_and_shift_n_jump_between_flagged_sentences(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        visited = []
        for _ in FLAGGED:
            await pilot.press("n")
            visited.append(screen.current)
        assert visited == FLAGGED
        await pilot.press("N")
        assert screen.current == FLAGGED[-2]


async def test_f_shows_only_flagged_sentences_and_back(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        segments = app.screen.query_one(SegmentList)
        await pilot.press("f")
        assert segments.shown == FLAGGED
        await pilot.press("f")
        assert len(segments.shown) == 11


async def test_accepting_a_fix_repairs_the_sentence_and_rechecks_it(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        await pilot.press("n", "1")
        session = screen.session
        assert "on Wednesday three neighbourhoods" in session.text("b3.s1")
        assert session.verdict("b3.s1") == "ok"
        assert session.counts()["edited"] == 1
        assert session.done[-1].by == "rule:mid-sentence-capital"


async def test_editing_in_place_keeps_with_ctrl_s_and_cancels_with_escape(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        await pilot.press("n", "n", "n", "e", "end")
        await pilot.press("backspace", *"; it was")
        await pilot.press("ctrl+s")
        session = screen.session
        assert session.text("b6.s1").endswith("funds this week; it was")
        assert session.status("b6.s1") == "edited"
        assert session.verdict("b6.s1") == "garbled"  # "Romerosaid" is still glued
        await pilot.press("e", *"xyz", "escape")
        assert session.text("b6.s1").endswith("funds this week; it was")
        assert app.focused is app.screen.query_one(SegmentList)


async def test_undo_and_redo_are_unlimited(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = screen_of(app).session
        await pilot.press("n", "1", "n", "1", "n", "1")
        changed = {"b3.s1", "b5.s1", "b6.s1"}
        assert {c.segment for c in session.done} == changed
        await pilot.press("u", "u", "u", "u")
        assert session.replacements() == {}
        await pilot.press("ctrl+r", "ctrl+r", "ctrl+r")
        assert set(session.replacements()) == changed
        assert "Carla Romero said" in session.text("b6.s1")


async def test_mark_fine_and_remove_boilerplate(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = screen_of(app).session
        await pilot.press("n", "a", "s")  # this sentence only
        assert session.verdict("b3.s1") == "fine"
        focus = str(app.screen.query_one("#focus").render())
        assert "fine · quality 100 · accepted" in focus  # not the old quality
        await pilot.press("n", "n", "n", "x")
        assert session.verdict("b9.s1") == "removed"
        assert not session.output_text().rstrip().endswith("Source link")


async def test_ctrl_s_saves_both_kinds_of_change_and_keeps_the_input(app, article) -> None:
    original = article.read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "1", "n", "e", "ctrl+home", *"Meanwhile ", "ctrl+s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen_of(app).session.dirty
    saved = output_of(app).read_text(encoding="utf-8")
    assert "on Wednesday three neighbourhoods" in saved
    assert "Meanwhile The regional government" in saved
    assert article.read_text(encoding="utf-8") == original
    journal = Path(app.context.journal).read_text(encoding="utf-8")
    assert '"type": "save"' in journal


async def test_quit_with_unsaved_changes_asks_first(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "1", "q")
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, QuitScreen)
        await pilot.press("q", "s")
        await pilot.pause()
    assert "three neighbourhoods" in output_of(app).read_text(encoding="utf-8")


async def test_quit_without_changes_does_not_ask(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not isinstance(app.screen, QuitScreen)


async def test_resume_after_a_crash_replays_the_journal(make_app) -> None:
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:  # edits, then the process "dies"
        await settle(pilot)
        await pilot.press("n", "1", "n", "1", "u")
    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, ResumeScreen)
        await pilot.press("y")
        await settle(pilot)
        session = screen_of(second).session
        assert set(session.replacements()) == {"b3.s1"}
        await pilot.press("ctrl+r")  # the redo stack came back too
        assert set(session.replacements()) == {"b3.s1", "b5.s1"}


async def test_declining_to_resume_starts_afresh_and_keeps_the_old_journal(make_app) -> None:
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "1")
    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert screen_of(second).session.replacements() == {}
    assert Path(second.context.journal + ".old").exists()


async def test_engine_scores_fill_in_but_a_round_trip_no_better_is_not_offered(make_app) -> None:
    app = make_app(scorer_factory=FakeScorer)  # every text round-trips at chrF++ 61.5
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert screen.progress == "fake: scored 10"  # boilerplate is not scored
        await pilot.press("n")
        await settle(pilot)
        labels = [s.label for s in screen.suggestions()]
        assert labels and not any("round trip" in label for label in labels)
        await pilot.press("home")  # the headline: clean, so nothing to accept
        assert screen.session.verdict(screen.current) == "ok"
        assert screen.suggestions() == []
        await pilot.press("n")
        evidence = str(app.screen.query_one("#evidence").render())
        assert "Round trip" in evidence and "chrF++ 62" in evidence


def _better_when_town(text: str) -> float:
    return 80.0 if "town mayor" in text else 50.0


async def test_a_round_trip_that_scores_better_comes_after_the_mechanical_fix(make_app) -> None:
    app = make_app(scorer_factory=lambda: FakeScorer(chrf=_better_when_town))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = screen_of(app)
        found = screen.suggestions()
        assert found[0].label.startswith("fix ")  # key 1 stays the mechanical fix
        trips = [s for s in found if s.label.startswith("round trip")]
        assert trips and "50 → 80" in trips[0].label
        await pilot.press("home")
        await settle(pilot)
        assert screen.suggestions() == []  # clean sentence: no numbered suggestion


def test_a_rewrite_that_changes_a_name_or_number_says_so() -> None:
    from postedit.editing.suggestions import protected_changes

    note = protected_changes("He met Donald Trump in 1998.", "He met Donald Triumph in 1999.")
    assert note == "changes names: Trump; numbers: 1998"
    assert protected_changes("He met Donald Trump.", "He met Donald Trump again.") == ""


async def test_an_engine_error_is_a_notification_not_a_crash(make_app) -> None:
    app = make_app(scorer_factory=lambda: FakeScorer(fail_after=2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert screen_of(app).progress == "engine failed"
        assert any("fake engine crashed" in n.message for n in app._notifications)
        await pilot.press("n", "1")
        assert screen_of(app).session.counts()["edited"] == 1


async def test_diff_and_help_screens_open_and_close(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "1", "d")
        assert isinstance(app.screen, DiffScreen)
        assert "[-Three-]{+three+}" in str(app.screen.query_one("#diff").render())
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert screen_of(app) is app.screen


async def test_shift_j_and_k_scroll_the_right_pane(make_app) -> None:
    app = make_app(scorer_factory=FakeScorer)  # the round trip fills the pane past the fold
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        detail = app.screen.query_one("#detail")
        assert detail.scroll_y == 0
        await pilot.press("J")
        await pilot.pause()
        assert detail.scroll_y > 0
        await pilot.press("K")
        await pilot.pause()
        assert detail.scroll_y == 0


async def test_no_color_marks_changes_with_brackets(app, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        shown = str(app.screen.query_one("#suggestions").render())
        assert "[-Three-]{+three+}" in shown


async def test_light_theme_renders(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await settle(pilot)
        await pilot.press("n", "1")
        assert screen_of(app).session.counts()["edited"] == 1


async def test_command_palette_runs_review_actions(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "ctrl+p", *"mark fine")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")  # the dialog: this sentence only
        assert screen_of(app).session.verdict("b3.s1") == "fine"


async def test_saving_after_engine_scoring_names_the_engine(make_app) -> None:
    app = make_app(scorer_factory=FakeScorer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "1", "ctrl+s")
        await pilot.pause()
    import json

    record = json.loads(Path(app.context.output + ".prov.json").read_text(encoding="utf-8"))
    assert [engine["name"] for engine in record["engines"]] == ["fake"]
    assert "three neighbourhoods" in output_of(app).read_text(encoding="utf-8")


async def test_a_resumed_session_saves_over_its_own_output_with_the_original_times(
        make_app) -> None:
    import json

    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "1", "ctrl+s", "n", "1")  # saved, then one more fix: crash
        await pilot.pause()
    journal = [json.loads(line) for line in Path(first.context.journal).read_text(
        encoding="utf-8").splitlines()]
    acted = [entry["at"] for entry in journal if entry["type"] == "do"]
    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen_of(second).session.dirty
    saved = output_of(second).read_text(encoding="utf-8")
    assert "three neighbourhoods" in saved and "destroyed. According" in saved
    sidecar = Path(second.context.output + ".prov.json")
    if sidecar.exists():
        record = json.loads(sidecar.read_text(encoding="utf-8"))
        times = sorted(r["at"] for doc in record["documents"] for seg in doc["segments"]
                       for r in seg["revisions"])
        assert times == sorted(acted)


async def test_a_detector_crash_is_reported_not_fatal(app, monkeypatch) -> None:
    import postedit_tui.screens.review_workers as review_screen

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("detector bug")

    monkeypatch.setattr(review_screen, "analyse", broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("detector bug" in n.message for n in app._notifications)
        await pilot.press("j", "n", "1", "e")
        assert screen_of(app).current == "b2.s1"


async def test_an_accepted_fix_gets_its_round_trip_without_pressing_r(make_app) -> None:
    app = make_app(scorer_factory=FakeScorer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "1")
        await settle(pilot)
        session = screen_of(app).session
        trip = session.engine_for("b3.s1")["backtranslation"]
        assert trip["pivot_text"] == "[es] " + session.text("b3.s1")
        assert screen_of(app).progress == "fake: re-scored"
