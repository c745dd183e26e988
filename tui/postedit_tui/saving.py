"""Saving the edited article: the one place the review UI writes its output.

The session's history is replayed into the library's editing session
(:class:`postedit.session.Session`) revision by revision (``human:NAME``,
``rule:ID``, ``engine:NAME/MODEL``) and saved as the output plus its
``.prov.json`` sidecar, exactly as ``postedit apply`` saves. The input is never
overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from postedit.applying import note_lexicon
from postedit.edit_memory import EditMemory, session_fixes
from postedit.errors import OutputError
from postedit.provenance import engine_info
from postedit.session import Session
from postedit.writers import default_output
from postedit_tui.session import Change, ReviewSession, utc_now

__all__ = ["Saved", "default_output", "save"]


@dataclass(frozen=True)
class Saved:
    """What a save wrote."""

    output: str
    sidecar: str | None = None


def save(session: ReviewSession, article: str, output: str, *, force: bool = False,
         engines: Sequence[Mapping[str, str]] = (), doc: int = 0,
         memory: EditMemory | None = None, site: str = "") -> Saved:
    """Write the edited article and its provenance.

    ``engines`` (``{name, version, model}``) are the engines that scored the session;
    ``doc`` is the reviewed article's index in a ``.jsonl`` collection (the other
    records are written back unchanged); the saved fixes are added to ``memory``.
    Raises :class:`OutputError` when ``output`` is the input, or exists and ``force``
    is off.
    """
    if os.path.abspath(output) == os.path.abspath(article):
        raise OutputError("refusing to overwrite the article being reviewed", path=output)
    if not force and os.path.exists(output):
        raise OutputError("already exists (save again to overwrite)", path=output)
    moment = [session.log[0][2] if session.log else utc_now()]
    record_session = Session.open(
        article, config=session.config, editor=session.editor, settings=_settings(session),
        engines=_engine_infos(engines), clock=lambda: moment[0],
    )
    if not _same_segments(record_session, session, doc):
        raise OutputError("the article changed on disk since it was opened; save elsewhere",
                          path=article)
    note_lexicon(record_session, [session.report], session.config.lexicon, first_doc=doc)
    for kind, change, at in session.log:
        moment[0] = at  # each revision carries the time the editor acted
        _record(record_session, session, kind, change, doc)
    moment[0] = utc_now()
    saved = record_session.save(output, force=True)
    if memory is not None:
        memory.remember(session_fixes(record_session, article, site=site))
    return Saved(saved.output, saved.sidecar)


def _engine_infos(engines: Sequence[Mapping[str, str]]) -> list:
    return [engine_info(e.get("name", ""), e.get("version", ""), e.get("model", ""))
            for e in engines]


def _settings(session: ReviewSession) -> dict:
    config = session.config
    return {"lang": session.document.lang, "source_lang": config.source_lang,
            "rules": list(config.rules) if config.rules else None,
            "skip_rules": list(config.skip_rules)}


def _same_segments(record_session, session: ReviewSession, doc: int) -> bool:  # type: ignore[no-untyped-def]
    documents = record_session.documents
    if len(documents) <= doc:
        return False
    theirs = [(s.id, s.start, s.end) for s in documents[doc].segments]
    ours = [(s.id, s.start, s.end) for s in session.document.segments]
    return theirs == ours


def _record(record_session, session: ReviewSession, kind: str, change: Change,  # type: ignore[no-untyped-def]
            doc: int) -> None:
    seg = change.segment
    if kind == "undo":
        record_session.record(seg, change.before, session.by_human, "undo", doc=doc)
        return
    if kind == "redo":
        record_session.record(seg, change.after, session.by_human, "redo", doc=doc)
        return
    steps = change.steps or ((change.by, change.after),)
    fixes = change.fixes if change.steps else change.fixes[:1]
    before = change.before
    for index, (by, after) in enumerate(steps):
        fix = (fixes[index],) if index < len(fixes) else ()
        record_session.record(
            seg, after, by, change.action,
            flags_before=session.flags_for(seg, before), flags_after=session.flags_for(seg, after),
            scores_before=session.scores_for(seg, before),
            scores_after=session.scores_for(seg, after), fixes=fix, doc=doc,
        )
        before = after
