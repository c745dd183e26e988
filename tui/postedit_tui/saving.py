"""Saving the edited article: the one place the review UI writes its output.

With the library's provenance API (:mod:`postedit.provenance`) the session's
history is recorded revision by revision (``human:NAME``, ``rule:ID``,
``engine:NAME/MODEL``) and saved as the output plus its ``.prov.json`` sidecar.
Without it the edited text is written atomically (temp file, fsync, rename) and
the journal remains the record. The input is never overwritten.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from postedit.errors import OutputError
from postedit_tui.session import Change, ReviewSession, utc_now


@dataclass(frozen=True)
class Saved:
    """What a save wrote."""

    output: str
    sidecar: str | None = None


def default_output(article: str) -> str:
    """``ARTICLE.edited.EXT`` beside the article."""
    path = Path(article)
    return str(path.with_name(f"{path.stem}.edited{path.suffix}"))


def save(session: ReviewSession, article: str, output: str, *, force: bool = False,
         engines: Sequence[Mapping[str, str]] = ()) -> Saved:
    """Write the edited article (and its provenance when the library can record it).

    ``engines`` (``{name, version, model}``) are the engines that scored the session.
    Raises :class:`OutputError` when ``output`` is the input, or exists and ``force``
    is off.
    """
    if os.path.abspath(output) == os.path.abspath(article):
        raise OutputError("refusing to overwrite the article being reviewed", path=output)
    if not force and os.path.exists(output):
        raise OutputError("already exists (save again to overwrite)", path=output)
    session_class = _library_session()
    if session_class is None:
        return _save_plain(session, article, output)
    return _save_with_provenance(session_class, session, article, output, engines)


def _library_session():  # type: ignore[no-untyped-def]
    """The library's editing session class (``postedit.session``), if this version has one."""
    for module in ("postedit.session", "postedit.provenance"):
        try:
            found = getattr(importlib.import_module(module), "Session", None)
        except ImportError:
            continue
        if found is not None and hasattr(found, "record") and hasattr(found, "save"):
            return found
    return None


def _save_plain(session: ReviewSession, article: str, output: str) -> Saved:
    bom = Path(article).read_bytes().startswith(b"\xef\xbb\xbf")
    data = session.output_text().encode("utf-8")
    write_atomic(output, b"\xef\xbb\xbf" + data if bom else data)
    return Saved(output)


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, fsync it, then rename it over ``path``."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix=".postedit-", suffix=".tmp", dir=folder)
    try:
        os.chmod(temp, _file_mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    _fsync_folder(folder)


def _file_mode(path: str) -> int:
    """The existing file's mode, else what the umask allows for a new file."""
    if os.path.exists(path):
        return os.stat(path).st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _save_with_provenance(session_class, session: ReviewSession, article: str,  # type: ignore[no-untyped-def]
                          output: str, engines: Sequence[Mapping[str, str]]) -> Saved:
    moment = [session.log[0][2] if session.log else utc_now()]
    options = {"editor": session.editor, "settings": _settings(session),
               "engines": _engine_infos(engines), "clock": lambda: moment[0]}
    try:
        record_session = session_class.open(article, config=session.config, **options)
    except TypeError:  # a library whose Session.open takes no config
        record_session = session_class.open(article, **options)
    if not _same_segments(record_session, session):
        return _save_plain(session, article, output)
    for kind, change, at in session.log:
        moment[0] = at  # each revision carries the time the editor acted
        _record(record_session, session, kind, change)
    moment[0] = utc_now()
    saved = record_session.save(output, force=True)
    return Saved(saved.output, saved.sidecar)


def _engine_infos(engines: Sequence[Mapping[str, str]]) -> list:
    try:
        from postedit.provenance import engine_info
    except ImportError:
        return []
    return [engine_info(e.get("name", ""), e.get("version", ""), e.get("model", ""))
            for e in engines]


def _settings(session: ReviewSession) -> dict:
    config = session.config
    return {"lang": session.document.lang, "source_lang": config.source_lang,
            "rules": list(config.rules) if config.rules else None,
            "skip_rules": list(config.skip_rules)}


def _same_segments(record_session, session: ReviewSession) -> bool:  # type: ignore[no-untyped-def]
    documents = record_session.documents
    if not documents:
        return False
    theirs = [(s.id, s.start, s.end) for s in documents[0].segments]
    ours = [(s.id, s.start, s.end) for s in session.document.segments]
    return theirs == ours


def _record(record_session, session: ReviewSession, kind: str, change: Change) -> None:  # type: ignore[no-untyped-def]
    seg = change.segment
    if kind == "undo":
        record_session.record(seg, change.before, session.by_human, "undo")
        return
    if kind == "redo":
        record_session.record(seg, change.after, session.by_human, "redo")
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
            scores_after=session.scores_for(seg, after), fixes=fix,
        )
        before = after
