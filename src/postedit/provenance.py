"""The provenance record of an edited article, and the editing session that writes it.

Every change to a segment is a :class:`Revision` (who, what, before/after,
flags and scores on both sides). Revisions form one hash chain in the order
they were made, rooted in the sha256 of the input file: each one's ``prev`` is
the hash of the one before, and its ``hash`` is the sha256 of its canonical JSON
(sorted keys, no spaces, UTF-8). The sidecar ``OUTPUT.prov.json`` holds the chain
per segment plus the input/output hashes; ``schemas/provenance-1.schema.json``
documents it.

:class:`Session` is the one editing API: the review UI and ``postedit apply``
both ``record`` changes through it and ``save`` output + sidecar with it.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from postedit import __version__
from postedit.document import Block, Document, Segment
from postedit.errors import InputError, OutputError
from postedit.flags import Fix, Flag
from postedit.writers import (
    Encoding,
    backup_path,
    check_writable,
    decode_with,
    default_output,
    render,
    sidecar_path,
    sniff_encoding,
    write_atomic,
)

FORMAT_NAME = "postedit-provenance"
SCHEMA_VERSION = 1
SCHEMA_URL = "https://postedit.invalid/schemas/provenance-1.schema.json"
STATUSES = ("unchanged", "edited", "accepted", "removed")
ACTIONS = ("edit", "fix", "remove", "accept", "suggestion", "undo", "redo", "import")

Clock = Callable[[], str]


def utc_now() -> str:
    """Now, UTC, ISO 8601 with milliseconds and a ``Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_json(value: Any) -> bytes:
    """The bytes that get hashed: sorted keys, no insignificant spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# --- the input ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceFile:
    """An input file as read: raw bytes, decoded text, format and its documents.

    For ``.txt``/``.md`` there is one document whose text is the whole file; a
    ``.jsonl`` file holds one document per record.
    """

    path: str
    data: bytes
    text: str
    fmt: str
    encoding: Encoding
    documents: tuple[Document, ...]

    @property
    def sha256(self) -> str:
        return sha256_hex(self.data)

    def with_documents(self, documents: Sequence[Document]) -> SourceFile:
        return replace(self, documents=tuple(documents))


def load_source(path: str, data: bytes | None = None, config: Any = None) -> SourceFile:
    """Read ``path`` (``-``: stdin) into a :class:`SourceFile`, parsed by the pipeline."""
    from postedit import readers
    from postedit.pipeline import make_document

    raw = readers.read_bytes(path) if data is None else data
    text, encoding = readers.decode(raw, path)
    documents = tuple(
        make_document(doc_id, doc_text, fmt=fmt, path=path, meta=meta, encoding=encoding,
                      config=config)
        for doc_id, doc_text, fmt, meta in articles_in(text, path)
    )
    fmt = documents[0].fmt if documents else "txt"
    return SourceFile(path, raw, text, fmt, sniff_encoding(raw), documents)


def articles_in(text: str, path: str) -> list[tuple[str, str, str, dict]]:
    """What ``readers.read_articles`` yields, from text already read (stdin reads once)."""
    from postedit import readers

    if path.lower().endswith(readers.JSONL_SUFFIXES):
        return [(doc_id, body, "jsonl", meta)
                for doc_id, body, meta in readers._jsonl_articles(text, path)]
    fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    return [("stdin" if path == "-" else path, text, fmt, {})]


# --- who ------------------------------------------------------------------------------------


def resolve_editor(explicit: str | None = None) -> str:
    """``--editor``, else ``git config user.name``, else the login name."""
    if explicit and explicit.strip():
        return explicit.strip()
    try:
        done = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        )
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def human(name: str) -> str:
    return f"human:{name}"


def rule(rule_id: str) -> str:
    return f"rule:{rule_id}"


def engine(name: str, model: str) -> str:
    return f"engine:{name}/{model}"


@dataclass(frozen=True)
class EngineInfo:
    """An engine and model that contributed, with the sha256 of each model file."""

    name: str
    version: str
    model: str = ""
    files: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict:
        files = [{"path": p, "sha256": h} for p, h in self.files]
        return {"name": self.name, "version": self.version, "model": self.model, "files": files}


def engine_info(name: str, version: str, model: str = "", paths: Iterable[str] = ()) -> EngineInfo:
    """An :class:`EngineInfo` hashing every file under ``paths`` (files or folders)."""
    hashed: list[tuple[str, str]] = []
    for path in paths:
        root = Path(path)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        hashed.extend((str(p), _file_sha256(p)) for p in files)
    return EngineInfo(name, version, model, tuple(hashed))


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- revisions --------------------------------------------------------------------------------


def flags_json(flags: Iterable[Flag | Mapping], offset: int = 0) -> list[dict]:
    """Flags as provenance stores them, offsets made relative by ``offset``."""
    out = []
    for flag in flags:
        if isinstance(flag, Mapping):
            out.append(dict(flag))
            continue
        item = {
            "rule": flag.rule,
            "category": flag.category,
            "severity": flag.severity,
            "start": flag.start - offset,
            "end": flag.end - offset,
            "message": flag.message,
        }
        if flag.fix is not None:
            item["fix"] = fix_json(flag.fix, offset)
        out.append(item)
    return out


def fix_json(fix: Fix, offset: int = 0) -> dict:
    return {
        "start": fix.start - offset,
        "end": fix.end - offset,
        "replacement": fix.replacement,
        "rule": fix.rule,
    }


def scores_json(scores: Mapping[str, Any] | None) -> dict:
    """``{name: number}`` or ``{name: {value, signature, engine}}`` as ``{name: {value, ...}}``."""
    out = {}
    for name, value in (scores or {}).items():
        out[name] = dict(value) if isinstance(value, Mapping) else {"value": float(value)}
    return out


@dataclass(frozen=True)
class Revision:
    """One change to one segment, chained to the change made before it.

    Attributes:
        doc: index of the document in the input file (0 for ``.txt``/``.md``).
        segment: segment id (``b4.s2``).
        seq: 1-based position in the whole chain.
        at: UTC ISO 8601 time of the change.
        by: ``human:NAME``, ``rule:ID`` or ``engine:NAME/MODEL``.
        action: one of ``ACTIONS``.
        before, after: segment text before and after (``""`` = removed).
        flags_before, flags_after: flags on each side, offsets relative to that text.
        scores_before, scores_after: ``{metric: {value, signature?, engine?}}``.
        fixes: the mechanical fixes applied (offsets relative to ``before``), if any.
        prev: hash of the previous revision, or the input's sha256 for the first.
        hash: sha256 of the canonical JSON of every other field.
    """

    doc: int
    segment: str
    seq: int
    at: str
    by: str
    action: str
    before: str
    after: str
    flags_before: tuple[dict, ...] = ()
    flags_after: tuple[dict, ...] = ()
    scores_before: dict = field(default_factory=dict)
    scores_after: dict = field(default_factory=dict)
    fixes: tuple[dict, ...] = ()
    prev: str = ""
    hash: str = ""

    def body(self) -> dict:
        """Everything the hash covers (all fields but ``hash``), as JSON values."""
        out = asdict(self)
        del out["hash"]
        for key in ("flags_before", "flags_after", "fixes"):
            out[key] = list(out[key])
        return out

    def compute_hash(self) -> str:
        return sha256_hex(canonical_json(self.body()))

    def sealed(self) -> Revision:
        return replace(self, hash=self.compute_hash())

    def to_json(self) -> dict:
        out = self.body()
        out["hash"] = self.hash
        return out

    @classmethod
    def from_json(cls, data: Mapping) -> Revision:
        return cls(
            doc=data["doc"],
            segment=data["segment"],
            seq=data["seq"],
            at=data["at"],
            by=data["by"],
            action=data["action"],
            before=data["before"],
            after=data["after"],
            flags_before=tuple(data.get("flags_before", ())),
            flags_after=tuple(data.get("flags_after", ())),
            scores_before=dict(data.get("scores_before", {})),
            scores_after=dict(data.get("scores_after", {})),
            fixes=tuple(data.get("fixes", ())),
            prev=data["prev"],
            hash=data["hash"],
        )


def segment_status(original: str, final: str, revisions: Sequence[Revision]) -> str:
    if final == "" and original != "":
        return "removed"
    if final != original:
        return "edited"
    if revisions and revisions[-1].action == "accept":
        return "accepted"
    return "unchanged"


# --- the record -----------------------------------------------------------------------------------


def document_from_record(record: Mapping, text: str, doc_id: str | None = None) -> Document:
    """The Document a record describes, rebuilt on ``text`` from the stored offsets.

    Verification and import use this, never the segmenter, so a newer segmenter
    cannot change what a saved record means.
    """
    by_block: dict[str, list[Segment]] = {}
    for seg in record["segments"]:
        start, end = seg["start"], seg["end"]
        by_block.setdefault(seg["id"].split(".", 1)[0], []).append(
            Segment(seg["id"], start, end, text[start:end])
        )
    blocks = tuple(
        Block(b["id"], b["kind"], b["start"], b["end"], text[b["start"] : b["end"]],
              tuple(by_block.get(b["id"], ())))
        for b in record["blocks"]
    )
    return Document(
        doc_id or record["id"], text, blocks, lang=record.get("lang", "en"), fmt=record["format"]
    )


def seal_of(record: Mapping) -> str:
    """sha256 of the canonical JSON of the whole record except its ``seal``."""
    return sha256_hex(canonical_json({k: v for k, v in record.items() if k != "seal"}))


def read_record(path: str) -> dict:
    """A sidecar's JSON, with one-line errors."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no provenance sidecar here (pass --prov)", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a provenance record (invalid JSON: {exc})", path=path) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT_NAME:
        raise InputError(f'not a provenance record (no "format": "{FORMAT_NAME}")', path=path)
    return record


def dump_record(record: Mapping) -> bytes:
    """The sidecar bytes: indented, key order as built, UTF-8, final newline."""
    return (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode()


def revisions_of(record: Mapping) -> list[Revision]:
    """Every revision of a record, in chain order."""
    found = [
        Revision.from_json(rev)
        for doc in record.get("documents", ())
        for seg in doc.get("segments", ())
        for rev in seg.get("revisions", ())
    ]
    return sorted(found, key=lambda rev: rev.seq)


def schema_path() -> Path:
    return Path(__file__).with_name("schemas") / "provenance-1.schema.json"


def load_schema() -> dict:
    return json.loads(schema_path().read_text(encoding="utf-8"))


# --- the session ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedFiles:
    """Where :meth:`Session.save` put things (``backup`` only with ``in_place``)."""

    output: str
    sidecar: str | None
    backup: str | None
    record: dict


class Session:
    """An editing session on one input file: record revisions, undo, redo, save.

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
        self._undo: dict[tuple[int, str], list[Revision]] = {}
        self._redo: dict[tuple[int, str], list[Revision]] = {}
        self._segments = {
            (n, seg.id): seg for n, doc in enumerate(source.documents) for seg in doc.segments
        }

    @classmethod
    def open(cls, path: str, **options: Any) -> Session:
        return cls(load_source(path), **options)

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
        revision = self._append(
            segment_id, after, by or self.by_human, action, doc,
            flags_before, flags_after, scores_before, scores_after, fixes,
        )
        if revision is not None and action not in ("undo", "redo"):
            self._undo.setdefault((doc, segment_id), []).append(revision)
            self._redo.pop((doc, segment_id), None)
        return revision

    def _append(
        self, segment_id: str, after: str, by: str, action: str, doc: int,
        flags_before: Iterable[Flag | Mapping], flags_after: Iterable[Flag | Mapping],
        scores_before: Mapping[str, Any] | None, scores_after: Mapping[str, Any] | None,
        fixes: Iterable[Fix | Mapping],
    ) -> Revision | None:
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
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

    def undo(self, segment_id: str, doc: int = 0, by: str | None = None) -> Revision | None:
        """Revert the segment's latest change (recorded as an ``undo`` revision)."""
        stack = self._undo.get((doc, segment_id))
        if not stack:
            return None
        undone = stack.pop()
        self._redo.setdefault((doc, segment_id), []).append(undone)
        return self._append(segment_id, undone.before, by or self.by_human, "undo", doc,
                            (), (), None, None, ())

    def redo(self, segment_id: str, doc: int = 0, by: str | None = None) -> Revision | None:
        """Re-apply the change last undone on the segment (a ``redo`` revision)."""
        stack = self._redo.get((doc, segment_id))
        if not stack:
            return None
        redone = stack.pop()
        self._undo.setdefault((doc, segment_id), []).append(redone)
        return self._append(segment_id, redone.after, by or self.by_human, "redo", doc,
                            (), (), None, None, ())

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
            "status": segment_status(seg.text, final, revisions),
            "revisions": [rev.to_json() for rev in revisions],
        }

    def save(
        self,
        output: str | None = None,
        *,
        in_place: bool = False,
        force: bool = False,
        sidecar: str | None = None,
    ) -> SavedFiles:
        """Write the output and its ``.prov.json`` sidecar, atomically; see :func:`save_session`."""
        return save_session(self, output, in_place=in_place, force=force, sidecar=sidecar)

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
    if not in_place:
        if os.path.abspath(output) == os.path.abspath(source.path) and output != "-":
            raise OutputError("output would overwrite the input; use --in-place", path=output)
        check_writable([p for p in (output, sidecar) if p], force=force)
    backup = None
    input_path = source.path
    if in_place:
        backup = _backup(source.path, source.data)
        input_path = backup
        if sidecar and os.path.lexists(sidecar):
            _backup(sidecar, Path(sidecar).read_bytes())
    data = session.output_bytes()
    record = session.build_record(output, sha256_hex(data), input_path=input_path)
    write_atomic(output, data, force=force or in_place)
    if sidecar:
        write_atomic(sidecar, dump_record(record), force=force or in_place)
    return SavedFiles(output, sidecar, backup, record)


def _backup(path: str, data: bytes) -> str:
    target = backup_path(path)
    write_atomic(target, data)
    return target


def load_input_for(record: Mapping, input_override: str | None = None) -> SourceFile:
    """The input file a record names (or ``input_override``), checked against its sha256."""
    path = input_override or record["input"]["path"]
    if path == "-":
        raise InputError("the input was stdin; pass the original with --input")
    source = load_source(path)
    if source.sha256 != record["input"]["sha256"]:
        raise InputError("input file changed since the edit (sha256 differs)", path=path)
    return source


def decode_output(data: bytes, source: SourceFile) -> str:
    return decode_with(data, source.encoding)
