"""The recording session: a chain of revisions on one input file, and its sidecar record.

A :class:`Session` holds an input file and records every change as a chained
:class:`~postedit.provenance.Revision` (``record``; :func:`record_change` records
a :class:`~postedit.editing.changes.Change` step by step). The review UI, ``apply``
and ``import`` all record through it, and :func:`save_session` writes the edited
article and its ``.prov.json`` sidecar, atomically and without clobbering.
Undo and redo belong to the editing model
(:class:`~postedit.editing.session.ReviewSession`); here they are revisions like
any other.

Typical use::

    session = Session.open("article.txt", editor="Ann")
    session.record("b3.s1", "Fixed sentence.", rule("glued-words"), "fix",
                   flags_before=report.flags, flags_after=recheck(...).flags)
    session.save()            # article.edited.txt + article.edited.txt.prov.json
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postedit import __version__
from postedit.agents import EngineInfo, human, resolve_editor
from postedit.document import Document, Segment
from postedit.editing.changes import Change
from postedit.errors import OutputError
from postedit.flags import Fix, Flag
from postedit.input_file import SourceFile, load_source
from postedit.provenance import (
    ACTIONS,
    FORMAT_NAME,
    SCHEMA_URL,
    SCHEMA_VERSION,
    Revision,
    document_from_record,
    dump_record,
    fix_json,
    flags_json,
    recorded_path,
    recorded_status,
    revisions_of,
    scores_json,
    seal_of,
    sha256_hex,
    utc_now,
)
from postedit.writers import (
    EXISTS,
    backup_path,
    check_writable,
    default_output,
    finish_pending,
    render,
    sidecar_path,
    write_atomic,
    write_pair,
)

if TYPE_CHECKING:
    from postedit.pipeline import DocumentReport
    from postedit.user_lexicon import Lexicon

Clock = Callable[[], str]


@dataclass(frozen=True)
class Refusals:
    """What a save says when it will not overwrite: the CLI and the review UI word it apart.

    Attributes:
        input: the output is the input file itself.
        exists: the output (or its sidecar) exists and ``force`` is off.
    """

    input: str = "output would overwrite the input; use --in-place"
    exists: str = EXISTS


@dataclass(frozen=True)
class SavedFiles:
    """Where :meth:`Session.save` put things (``backup`` only with ``in_place``)."""

    output: str
    sidecar: str | None
    backup: str | None
    record: dict


class Session:
    """A recording session on one input file: record revisions, build the record, save.

    ``doc`` arguments are document indexes (always 0 for ``.txt``/``.md``).
    """

    def __init__(
        self,
        source: SourceFile,
        *,
        editor: str | None = None,
        engines: Sequence[EngineInfo] = (),
        settings: Mapping[str, Any] | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.source = source
        self.editor = resolve_editor(editor)
        self.engines = list(engines)
        self.settings = dict(settings or {})
        self.clock = clock
        self.created = clock()
        self.revisions: list[Revision] = []
        self._current: dict[tuple[int, str], str] = {}
        self.lexicon_used: dict[tuple[int, str], list[dict]] = {}
        self._segments = {
            (n, seg.id): seg for n, doc in enumerate(source.documents) for seg in doc.segments
        }

    @classmethod
    def open(cls, path: str, *, config: Any = None, **options: Any) -> Session:
        """A session on the file ``path`` (``-``: stdin), parsed with ``config``."""
        return cls(load_source(path, config=config), **options)

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.source.documents

    @property
    def by_human(self) -> str:
        return human(self.editor)

    @property
    def head(self) -> str:
        return self.revisions[-1].hash if self.revisions else self.source.sha256

    def original(self, segment_id: str, doc: int = 0) -> str:
        return self._segment(segment_id, doc).text

    def text(self, segment_id: str, doc: int = 0) -> str:
        """The segment's current text."""
        key = (doc, segment_id)
        return self._current.get(key, self._segment(segment_id, doc).text)

    def _segment(self, segment_id: str, doc: int) -> Segment:
        try:
            return self._segments[(doc, segment_id)]
        except KeyError:
            raise KeyError(f"no segment {segment_id} in document {doc}") from None

    def record(
        self,
        segment_id: str,
        after: str,
        by: str | None = None,
        action: str = "edit",
        *,
        doc: int = 0,
        flags_before: Iterable[Flag | Mapping] = (),
        flags_after: Iterable[Flag | Mapping] = (),
        scores_before: Mapping[str, Any] | None = None,
        scores_after: Mapping[str, Any] | None = None,
        fixes: Iterable[Fix | Mapping] = (),
    ) -> Revision | None:
        """Change a segment to ``after``; returns the revision, or None when nothing changed.

        ``by`` defaults to the session's editor (``human:NAME``). ``accept`` records
        a review with no change. Flags given as :class:`Flag` keep their offsets.
        """
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
        by = by or self.by_human
        before = self.text(segment_id, doc)
        if after == before and action != "accept":
            return None
        revision = Revision(
            doc, segment_id, len(self.revisions) + 1, self.clock(), by, action, before, after,
            tuple(flags_json(flags_before)), tuple(flags_json(flags_after)),
            scores_json(scores_before), scores_json(scores_after),
            tuple(dict(f) if isinstance(f, Mapping) else fix_json(f) for f in fixes), self.head,
        ).sealed()
        self.revisions.append(revision)
        self._current[(doc, segment_id)] = after
        return revision

    def replacements(self) -> dict[int, dict[str, str]]:
        """``{doc: {segment id: current text}}`` for segments that differ from the original."""
        out: dict[int, dict[str, str]] = {}
        for (doc, seg_id), text in self._current.items():
            if text != self._segments[(doc, seg_id)].text:
                out.setdefault(doc, {})[seg_id] = text
        return out

    def output_text(self) -> str:
        return render(self.source.text, self.source.fmt, self.documents, self.replacements())

    def output_bytes(self) -> bytes:
        return self.source.encoding.encode(self.output_text())

    def build_record(
        self, output_path: str, output_sha256: str, *, input_path: str | None = None
    ) -> dict:
        """The sidecar JSON for an output with the given path and sha256."""
        record: dict[str, Any] = {
            "$schema": SCHEMA_URL,
            "format": FORMAT_NAME,
            "version": SCHEMA_VERSION,
            "postedit_version": __version__,
            "created": self.created,
            "saved": self.clock(),
            "editor": self.editor,
            "input": {
                "path": input_path or self.source.path,
                "sha256": self.source.sha256,
                "format": self.source.fmt,
                "encoding": self.source.encoding.name,
                "bom": bool(self.source.encoding.bom),
            },
            "output": {"path": output_path, "sha256": output_sha256},
            "engines": [info.to_json() for info in self.engines],
            "settings": self.settings,
            "chain": {"root": self.source.sha256, "head": self.head, "length": len(self.revisions)},
            "documents": [self._document_json(n, doc) for n, doc in enumerate(self.documents)],
        }
        record["seal"] = seal_of(record)
        return record

    def _document_json(self, index: int, document: Document) -> dict:
        by_segment: dict[str, list[Revision]] = {}
        for rev in self.revisions:
            if rev.doc == index:
                by_segment.setdefault(rev.segment, []).append(rev)
        return {
            "index": index,
            "id": document.id,
            "lang": document.lang,
            "format": document.fmt,
            "blocks": [
                {"id": b.id, "kind": b.kind, "start": b.start, "end": b.end}
                for b in document.blocks
            ],
            "segments": [
                self._segment_json(index, seg, by_segment.get(seg.id, []))
                for seg in document.segments
            ],
        }

    def _segment_json(self, index: int, seg: Segment, revisions: list[Revision]) -> dict:
        final = self.text(seg.id, index)
        return {
            "id": seg.id,
            "start": seg.start,
            "end": seg.end,
            "original": seg.text,
            "final": final,
            "status": recorded_status(seg.text, final, revisions),
            "revisions": [rev.to_json() for rev in revisions],
            **({"lexicon": used} if (used := self.lexicon_used.get((index, seg.id))) else {}),
        }

    def save(
        self,
        output: str | None = None,
        *,
        in_place: bool = False,
        force: bool = False,
        sidecar: str | None = None,
        refusals: Refusals = Refusals(),
    ) -> SavedFiles:
        """Write the output and its ``.prov.json`` sidecar, atomically; see :func:`save_session`."""
        return save_session(self, output, in_place=in_place, force=force, sidecar=sidecar,
                            refusals=refusals)

    @classmethod
    def resume(cls, source: SourceFile, record: Mapping, **options: Any) -> Session:
        """A session that continues a saved record: same documents, same chain, same times."""
        documents = [
            document_from_record(doc, d.text, d.id)
            for doc, d in zip(record["documents"], source.documents, strict=True)
        ]
        options.setdefault("editor", record.get("editor"))
        options.setdefault("settings", record.get("settings"))
        session = cls(source.with_documents(documents), **options)
        session.created = record.get("created", session.created)
        session.engines = [_engine_from_json(e) for e in record.get("engines", ())]
        for rev in revisions_of(record):
            session.revisions.append(rev)
            session._current[(rev.doc, rev.segment)] = rev.after
        return session


FlagsOf = Callable[[str], Sequence[Flag | Mapping]]
ScoresOf = Callable[[str], Mapping[str, Any]]


def record_change(session: Session, change: Change, *, doc: int = 0,
                  flags_of: FlagsOf | None = None,
                  scores_of: ScoresOf | None = None) -> list[Revision]:
    """Record ``change`` as revisions, one per step (one per fix for accepted fixes).

    ``flags_of(text)`` and ``scores_of(text)`` give each side's flags (offsets local to
    the text) and scores.
    """
    done = []
    for step in change.revision_steps():
        revision = session.record(
            change.segment, step.after, step.by, change.action, doc=doc,
            flags_before=flags_of(step.before) if flags_of else (),
            flags_after=flags_of(step.after) if flags_of else (),
            scores_before=scores_of(step.before) if scores_of else None,
            scores_after=scores_of(step.after) if scores_of else None, fixes=step.fixes)
        if revision is not None:
            done.append(revision)
    return done


def note_lexicon(session: Session, reports: Sequence[DocumentReport], lexicon: Lexicon,
                 first_doc: int = 0) -> None:
    """Record, per segment, the lexicon entries (and their files) that changed its verdict."""
    by_name = {entry.describe(): entry for entry in lexicon.entries}
    for index, report in enumerate(reports, first_doc):
        for seg_report in report.segments:
            names = (seg_report.extra or {}).get("lexicon") or ()
            if names:
                session.lexicon_used[(index, seg_report.segment.id)] = [
                    {"entry": name, "source": by_name[name].source if name in by_name else ""}
                    for name in names]


def _engine_from_json(data: Mapping) -> EngineInfo:
    files = tuple((f["path"], f["sha256"]) for f in data.get("files", ()))
    return EngineInfo(data["name"], data.get("version", ""), data.get("model", ""), files)


def save_session(
    session: Session,
    output: str | None = None,
    *,
    in_place: bool = False,
    force: bool = False,
    sidecar: str | None = None,
    refusals: Refusals = Refusals(),
) -> SavedFiles:
    """Write output then sidecar, each atomically, never clobbering without ``force``.

    ``in_place`` overwrites the input after copying it to ``ARTICLE.EXT.bak``
    (``.bak.1``... when that exists); the record then names the backup as its
    input, and an older sidecar is backed up the same way rather than lost.
    """
    source = session.source
    if in_place:
        if source.path == "-":
            raise OutputError("--in-place needs a file, not stdin")
        output = source.path
    output = output or default_output(source.path)
    sidecar = sidecar or (None if output == "-" else sidecar_path(output))
    _refuse_clashes(source.path, output, sidecar)
    if sidecar:
        finish_pending(output, sidecar)  # a save that a crash interrupted: complete it first
    if not in_place:
        if os.path.abspath(output) == os.path.abspath(source.path) and output != "-":
            raise OutputError(refusals.input, path=output)
        check_writable([p for p in (output, sidecar) if p], force=force, exists=refusals.exists)
    backup = None
    input_path = source.path
    if in_place:
        backup = _backup(source.path, source.data)
        input_path = backup
        if sidecar and os.path.lexists(sidecar):
            _backup(sidecar, Path(sidecar).read_bytes())
    data = session.output_bytes()
    record = session.build_record(recorded_path(output, sidecar), sha256_hex(data),
                                  input_path=recorded_path(input_path, sidecar))
    if sidecar:
        write_pair([(output, data), (sidecar, dump_record(record))], force=force or in_place)
    else:
        write_atomic(output, data, force=force or in_place)
    return SavedFiles(output, sidecar, backup, record)


def _refuse_clashes(input_path: str, output: str, sidecar: str | None) -> None:
    """The sidecar may be neither the input nor the output (it would overwrite the article)."""
    if not sidecar:
        return
    for other, role in ((input_path, "input"), (output, "output")):
        if other != "-" and _same_path(sidecar, other):
            raise OutputError(f"the provenance sidecar cannot be the {role} itself", path=sidecar)


def _same_path(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _backup(path: str, data: bytes) -> str:
    target = backup_path(path)
    write_atomic(target, data)
    return target
