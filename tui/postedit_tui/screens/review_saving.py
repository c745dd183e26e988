"""The review screen's journal, saving and quitting.

Opening or resuming the journal once detectors are done, saving (to the output or
elsewhere) with provenance, and a quit that asks before losing edits and leaves no journal
behind after a save, a discard or an unchanged session. A mixin of
:class:`~postedit_tui.screens.review.ReviewScreen`.
"""

from __future__ import annotations

import os
from typing import Any

from postedit.editing.journal import Journal, open_journal
from postedit.editing.save import save_review
from postedit.errors import PosteditError


class ReviewSaving:
    """Journal and save actions of the review screen."""

    app: Any
    context: Any
    session: Any
    scorer: Any
    journal: Journal | None
    force_save: bool
    progress: str
    notify: Any
    refill: Any
    show_current: Any
    show_status: Any
    run_engine: Any

    def journal_busy(self, pid: int) -> None:
        """Another session reviews this article: leave its journal alone and say so."""
        holder = f"process {pid}" if pid else "another process"
        self.notify(f"Already being reviewed by {holder}: this session keeps no journal; "
                    "save elsewhere (w).", title="Journal", severity="warning", timeout=15)
        self.progress = "scoring…"
        self.run_engine()

    def open_journal(self, resume: object) -> None:
        assert self.session is not None
        context = self.context
        try:
            opened = open_journal(self.session, context.journal, context.sha256,
                                  resume=bool(resume), article=context.article,
                                  output=context.output, editor=context.editor)
        except OSError as exc:
            self.notify(f"No journal ({exc.strerror}): a crash would lose unsaved edits.",
                        title="Journal", severity="warning", timeout=10)
        else:
            self.journal = opened.journal
            self.journal.on_failure = self.journal_failed
            self.force_save = opened.wrote_output  # it is this session's own output
            if opened.replayed:
                self.notify(f"Resumed: {opened.replayed} actions replayed")
                self.refill()
                self.show_current()
        self.progress = "scoring…"
        self.run_engine()

    def journal_failed(self, reason: str) -> None:
        """The journal stopped: the edits live only in memory now, so say so plainly."""
        self.notify(f"The journal cannot be written ({reason}): a crash would lose unsaved "
                    "edits. Save now with ctrl+s, or save elsewhere with w.",
                    title="Journal failing", severity="error", timeout=60)
        self.show_status()

    def action_save_elsewhere(self) -> None:
        if self.session is None:
            return
        from postedit_tui.screens.modals import SaveAsScreen

        self.app.push_screen(SaveAsScreen(self.context.output), self._save_elsewhere)

    def _save_elsewhere(self, path: str | None) -> None:
        if path:
            self.save_to(os.path.expanduser(path), force=False)

    def action_save(self) -> bool:
        saved = self.save_to(self.context.output, force=self.force_save)
        if saved:
            self.force_save = True
        return saved

    def save_to(self, output: str, *, force: bool) -> bool:
        if self.session is None:
            return False
        try:
            engines = [self.scorer.describe()] if self.scorer is not None else []
            saved = save_review(self.session, self.context.article, output,
                         force=force, engines=engines, doc=self.context.record_index,
                         memory=self.context.memory, site=self.context.site)
        except PosteditError as exc:
            if output == self.context.output:
                self.force_save = "exists" in str(exc)
            self.notify(str(exc), title="Not saved", severity="error")
            return False
        self.session.mark_saved()
        if self.journal is not None:
            self.journal.saved(saved.output)
        extra = f" (+ {saved.sidecar})" if saved.sidecar else ""
        self.notify(f"Saved {saved.output}{extra}")
        self.show_status()
        return True

    def action_quit_review(self) -> None:
        if self.session is None or not self.session.dirty:
            self._end_journal()
            self.app.exit()
            return
        from postedit_tui.screens.modals import QuitScreen

        self.app.push_screen(QuitScreen(), self._quit_answer)

    def _quit_answer(self, answer: str | None) -> None:
        if answer == "discard" or (answer == "save" and self.action_save()):
            self._end_journal()
            self.app.exit()

    def _end_journal(self) -> None:
        """A clean quit (saved, discarded or unchanged) leaves no journal to resume."""
        if self.journal is not None:
            self.journal.remove()
            self.journal = None

    def on_unmount(self) -> None:
        if self.journal is not None:
            self.journal.close()
