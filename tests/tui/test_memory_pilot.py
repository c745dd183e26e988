"""The edit memory in the review UI: a fix saved in article A comes first in article B."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import screen_of, settle
from postedit_tui.app import ReviewApp

from postedit.config import resolve
from postedit.editing.review_context import load_context

SIZE = (80, 24)
SCHOOLS = "Schools in the district will stay closed until Friday."
FIXED = "Schools in the district will stay closed until Monday."


def open_app(article: Path, memory: Path, editor: str) -> ReviewApp:
    context = load_context(str(article), config=resolve(), editor=editor, memory=str(memory))
    context.scorer_factory = lambda: None
    return ReviewApp(context)


async def fix_schools_in_article_a(article: Path, memory: Path) -> None:
    app = open_app(article, memory, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        await pilot.press("n", "n", "n", "j")
        assert screen.session.text(screen.current) == SCHOOLS
        await pilot.press("e", "end", *["backspace"] * 7, *"Monday.", "ctrl+s")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert FIXED in Path(app.context.output).read_text(encoding="utf-8")


def article_b(tmp_path: Path, sentence: str) -> Path:
    path = tmp_path / "article-b.txt"
    path.write_text(f"Flood clean-up begins\n\n{sentence}\n\nVolunteers cleared mud from the "
                    "streets.\n", encoding="utf-8")
    return path


async def test_fix_made_in_article_a_is_the_first_suggestion_in_article_b(
    article: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "memory.jsonl"
    await fix_schools_in_article_a(article, memory)
    saved = [json.loads(line) for line in memory.read_text(encoding="utf-8").splitlines()]
    assert {"original": SCHOOLS, "fixed": FIXED, "article": "article.txt"}.items() <= \
        saved[0].items()
    app = open_app(article_b(tmp_path, SCHOOLS), memory, "ben")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        await pilot.press("j")
        first = screen.suggestions()[0]
        assert first.label.startswith("memory: article.txt, ") and first.label.endswith(", ana")
        await pilot.press("1")
        assert screen.session.text(screen.current) == FIXED
        assert screen.session.done[-1].by == "memory:article.txt"


async def test_near_identical_sentence_gets_the_fix_labelled_near(
    article: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "memory.jsonl"
    await fix_schools_in_article_a(article, memory)
    near = SCHOOLS.replace("Schools", "The schools")
    app = open_app(article_b(tmp_path, near), memory, "ben")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        await pilot.press("j")
        first = screen.suggestions()[0]
        assert first.label.startswith("memory: article.txt") and "(near, " in first.label
        assert first.text == FIXED.replace("Schools", "The schools") and SCHOOLS in first.note
