"""Marking a flagged word fine everywhere: a lexicon entry the next article honours."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import screen_of, settle
from postedit_tui.app import ReviewApp

from postedit import user_lexicon
from postedit.cli import main
from postedit.config import resolve
from postedit.editing.review_context import load_context

SIZE = (80, 24)
GLUED = "The mayor Carla Romerosaid the city would ask for national disaster funds this week."


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lexicon of this test's own: entries must not leak into other tests."""
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path / "home"))


def open_app(article: Path) -> ReviewApp:
    config = resolve(lexicon=user_lexicon.load())  # what postedit review passes
    context = load_context(str(article), config=config, editor="ana")
    context.scorer_factory = lambda: None
    return ReviewApp(context)


def article_b(tmp_path: Path) -> Path:
    path = tmp_path / "article-b.txt"
    path.write_text(f"Funds for the city\n\n{GLUED.replace('disaster', 'emergency')}\n",
                    encoding="utf-8")
    return path


async def test_sentence_only_writes_no_lexicon_entry(article: Path) -> None:
    app = open_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        await pilot.press("n", "n", "n", "a", "s")
        assert screen.session.verdict("b6.s1") == "fine"
    assert user_lexicon.load().entries == ()


async def test_word_marked_fine_everywhere_is_not_flagged_in_the_next_article(
    article: Path, tmp_path: Path
) -> None:
    app = open_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        await pilot.press("n", "n", "n")
        assert screen.current == "b6.s1" and screen.session.is_flagged("b6.s1")
        await pilot.press("a", "w")
        assert not screen.session.local_flags("b6.s1")
    entries = user_lexicon.load().entries
    assert [(e.kind, e.text, e.who) for e in entries] == [("fine", "Romerosaid", "ana")]

    second = open_app(article_b(tmp_path))
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not screen_of(second).session.local_flags("b2.s1")

    scored = CliRunner().invoke(main, ["score", str(article_b(tmp_path)), "--format", "jsonl"])
    assert scored.exit_code == 0, scored.output
    assert "glued-words" not in scored.output
