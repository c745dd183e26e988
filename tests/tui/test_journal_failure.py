"""A journal that cannot be written (disk full) never takes the review down."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from conftest import screen_of, settle
from postedit_tui.screens.modals import ResumeScreen, SaveAsScreen

SIZE = (80, 24)


class FullDisk:
    """A file handle whose writes fail as on a full file system."""

    def write(self, data: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def fileno(self) -> int:
        return -1

    def close(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


async def test_full_disk_keeps_the_session_warns_and_saves_elsewhere(app, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        screen.journal._handle = FullDisk()
        await pilot.press("n", "1")  # the journal write fails here
        await pilot.pause()
        assert screen.journal.failure == "No space left on device"
        assert any("Journal failing" in (n.title or "") for n in app._notifications)
        await pilot.press("n", "1")  # editing goes on
        assert screen.session.counts()["edited"] == 2
        await pilot.press("w")
        assert isinstance(app.screen, SaveAsScreen)
        rescue = tmp_path / "rescue" / "article.txt"
        rescue.parent.mkdir()
        field = app.screen.query_one("#path")
        field.value = str(rescue)
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.session.dirty
    assert "three neighbourhoods" in rescue.read_text(encoding="utf-8")
    assert Path(f"{rescue}.prov.json").exists()


async def test_discard_and_a_clean_quit_leave_no_journal(make_app) -> None:
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "1", "q", "d")
        await pilot.pause()
    assert not Path(first.context.journal).exists()
    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not isinstance(second.screen, ResumeScreen)  # nothing offered to resume
        await pilot.press("q")
        await pilot.pause()
    assert not Path(second.context.journal).exists()


async def test_a_second_review_of_the_same_article_warns_and_leaves_the_journal_alone(
    make_app,
) -> None:
    from postedit.editing.journal import lock_journal

    first = make_app()
    journal = Path(first.context.journal)
    journal.write_text('{"type": "session", "sha256": "theirs"}\n', encoding="utf-8")
    held = lock_journal(str(journal))  # as the first session's process holds it
    try:
        async with first.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = screen_of(first)
            assert screen.journal is None
            assert any("Already being reviewed" in str(n.message) for n in first._notifications)
            await pilot.press("n", "1")  # editing still works, unjournalled
            assert screen.session.counts()["edited"] == 1
    finally:
        assert held is not None
        os.close(held)
    assert journal.read_text(encoding="utf-8") == '{"type": "session", "sha256": "theirs"}\n'
    assert not Path(f"{journal}.old").exists()
