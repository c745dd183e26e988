"""Saving a review: the editing model's history as the edited article plus provenance.

The history of a :class:`~postedit.editing.session.ReviewSession` is recorded
change by change in a recording :class:`~postedit.editing.record.Session`
(``human:NAME``, ``rule:ID``, ``engine:NAME/MODEL``; one revision per fix, as
``postedit apply`` records) and written by
:func:`~postedit.editing.record.save_session`, the same save and the same
overwrite checks as ``apply``, worded for the UI. The input is never overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from postedit.agents import EngineInfo, engine_info
from postedit.edit_memory import EditMemory, session_fixes
from postedit.editing.changes import Change
from postedit.editing.record import Refusals, Session, note_lexicon, record_change
from postedit.editing.session import ReviewSession
from postedit.errors import OutputError
from postedit.provenance import utc_now
from postedit.writers import default_output

__all__ = ["Saved", "default_output", "save_review"]

REVIEW_REFUSALS = Refusals("refusing to overwrite the article being reviewed",
                           "already exists (save again to overwrite)")


@dataclass(frozen=True)
class Saved:
    """What a save wrote."""

    output: str
    sidecar: str | None = None


def save_review(session: ReviewSession, article: str, output: str, *, force: bool = False,
                engines: Sequence[Mapping[str, str]] = (), doc: int = 0,
                memory: EditMemory | None = None, site: str = "") -> Saved:
    """Write the edited article and its provenance.

    ``engines`` (``{name, version, model}``) are the engines that scored the session;
    ``doc`` is the reviewed article's index in a ``.jsonl`` collection (the other
    records are written back unchanged); the saved fixes are added to ``memory``.
    Raises :class:`OutputError` when ``output`` is the input, or it or its sidecar
    exists and ``force`` is off (the checks of every save, worded for the UI).
    """
    moment = [session.log[0][2] if session.log else utc_now()]
    record = Session.open(
        article, config=session.config, editor=session.editor, settings=_settings(session),
        engines=_engine_infos(engines), clock=lambda: moment[0],
    )
    if not _same_segments(record, session, doc):
        raise OutputError("the article changed on disk since it was opened; save elsewhere",
                          path=article)
    note_lexicon(record, [session.report], session.config.lexicon, first_doc=doc)
    for kind, change, at in session.log:
        moment[0] = at  # each revision carries the time the editor acted
        _record(record, session, kind, change, doc)
    moment[0] = utc_now()
    saved = record.save(output, force=force, refusals=REVIEW_REFUSALS)
    if memory is not None:
        memory.remember(session_fixes(record, article, site=site))
    return Saved(saved.output, saved.sidecar)


def _engine_infos(engines: Sequence[Mapping[str, str]]) -> list[EngineInfo]:
    return [engine_info(e.get("name", ""), e.get("version", ""), e.get("model", ""))
            for e in engines]


def _settings(session: ReviewSession) -> dict:
    config = session.config
    return {"lang": session.document.lang, "source_lang": config.source_lang,
            "rules": list(config.rules) if config.rules else None,
            "skip_rules": list(config.skip_rules)}


def _same_segments(record: Session, session: ReviewSession, doc: int) -> bool:
    documents = record.documents
    if len(documents) <= doc:
        return False
    theirs = [(s.id, s.start, s.end) for s in documents[doc].segments]
    ours = [(s.id, s.start, s.end) for s in session.document.segments]
    return theirs == ours


def _record(record: Session, session: ReviewSession, kind: str, change: Change,
            doc: int) -> None:
    if kind in ("undo", "redo"):
        text = change.before if kind == "undo" else change.after
        record.record(change.segment, text, session.by_human, kind, doc=doc)
        return
    record_change(record, change, doc=doc,
                  flags_of=lambda text: session.flags_for(change.segment, text),
                  scores_of=lambda text: session.scores_for(change.segment, text))
