"""The provenance record of an edited article: revisions, their hash chain, the sidecar.

Every change to a segment is a :class:`Revision` (who, what, before/after,
flags and scores on both sides). Revisions form one hash chain in the order
they were made, rooted in the sha256 of the input file: each one's ``prev`` is
the hash of the one before, and its ``hash`` is the sha256 of its canonical JSON
(sorted keys, no spaces, UTF-8). The sidecar ``OUTPUT.prov.json`` holds the chain
per segment plus the input/output hashes; ``schemas/provenance-1.schema.json``
documents it. The session that records revisions and saves the sidecar is
:mod:`postedit.editing.record`; who a revision credits is :mod:`postedit.agents`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from postedit.document import Block, Document, Segment
from postedit.errors import InputError
from postedit.flags import Fix, Flag
from postedit.input_file import SourceFile, load_source

FORMAT_NAME = "postedit-provenance"
SCHEMA_VERSION = 1
SCHEMA_URL = "https://postedit.invalid/schemas/provenance-1.schema.json"
STATUSES = ("unchanged", "edited", "accepted", "removed")
EDITOR_ACTIONS = ("edit", "fix", "remove", "accept", "suggestion")
ACTIONS = (*EDITOR_ACTIONS, "undo", "redo", "import")

Clock = Callable[[], str]


def utc_now() -> str:
    """Now, UTC, ISO 8601 with milliseconds and a ``Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_json(value: Any) -> bytes:
    """The bytes that get hashed: sorted keys, no insignificant spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


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


def segment_status(original: str, final: str, *, accepted: bool) -> str:
    """One of ``STATUSES``: ``accepted`` is an unchanged text the editor marked fine."""
    if final == "" and original != "":
        return "removed"
    if final != original:
        return "edited"
    return "accepted" if accepted else "unchanged"


def recorded_status(original: str, final: str, revisions: Sequence[Revision]) -> str:
    """The status a record gives a segment: accepted when its last revision is an accept."""
    accepted = bool(revisions) and revisions[-1].action == "accept"
    return segment_status(original, final, accepted=accepted)


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


class DamagedRecord(InputError):
    """The sidecar exists but is not a readable provenance record."""


def read_record(path: str) -> dict:
    """A sidecar's JSON, with one-line errors (:class:`DamagedRecord` when it is not one)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no provenance sidecar here (pass --prov)", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DamagedRecord(f"not a provenance record (invalid JSON: {exc})", path=path) from None
    except RecursionError:
        raise DamagedRecord("not a provenance record (JSON nested too deeply)", path=path) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT_NAME:
        raise DamagedRecord(f'not a provenance record (no "format": "{FORMAT_NAME}")', path=path)
    _expand_from_recorded_input(record, path)
    return record


def dump_record(record: Mapping) -> bytes:
    """The sidecar bytes: compact JSON, key order as built, UTF-8, final newline.

    Unchanged segments are stored as hashes (:func:`compact_record`) and readers get the
    full record back from :func:`expand_record`; no indentation, which made up a third of
    a sidecar (``postedit export --format prov-json`` or ``jq`` show it indented).
    """
    compact = compact_record(record)
    return (json.dumps(compact, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def compact_record(record: Mapping) -> dict:
    """The record with each unchanged segment's text replaced by its sha256.

    An unedited segment's original and final text are the input's own bytes at its
    offsets, so storing them twice made a sidecar ten to twenty times its article;
    the hash keeps the record checkable against the input.
    """
    out = dict(record)
    out["documents"] = [
        {**doc, "segments": [_compact_segment(seg) for seg in doc["segments"]]}
        for doc in record.get("documents", ())
    ]
    return out


def _compact_segment(seg: Mapping) -> Mapping:
    if seg.get("status") != "unchanged" or seg.get("revisions") or "original" not in seg:
        return seg
    text = seg["original"]
    compact = {k: v for k, v in seg.items() if k not in ("original", "final")}
    compact["sha256"] = sha256_hex(text.encode("utf-8"))
    return compact


def expand_record(record: dict, documents: Sequence[Any]) -> bool:
    """Restore the texts of compact segments from the input ``documents``, in place.

    A segment whose text at its offsets no longer matches its hash stays compact
    (``verify`` reports it); True when every segment is whole.
    """
    whole = True
    for doc_record, document in zip(record.get("documents", ()), documents, strict=False):
        for seg in doc_record.get("segments", ()):
            if "sha256" not in seg or "original" in seg:
                continue
            text = document.text[seg.get("start", 0) : seg.get("end", 0)]
            if sha256_hex(text.encode("utf-8")) != seg["sha256"]:
                whole = False
                continue
            seg["original"] = seg["final"] = text
            del seg["sha256"]
    return whole


def _expand_from_recorded_input(record: dict, sidecar: str) -> None:
    """Expand with the input the record names, when it is there and the same file."""
    if not any("sha256" in seg for doc in record.get("documents", ()) for seg in doc.get("segments", ())):
        return
    try:
        path = locate_recorded(record["input"]["path"], os.path.dirname(os.path.abspath(sidecar)))
        source = load_source(path)
    except (InputError, KeyError, TypeError):
        return  # the reader that needs the texts asks for the input itself
    if source.sha256 == record["input"].get("sha256"):
        expand_record(record, source.documents)


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


def recorded_path(path: str, sidecar: str | None) -> str:
    """How a record names ``path``: relative to the sidecar's folder, so both can move."""
    if path == "-" or sidecar is None or sidecar == "-":
        return path
    return os.path.relpath(path, os.path.dirname(os.path.abspath(sidecar)))


def locate_recorded(path: str, base_dir: str | None) -> str:
    """A path from a record, resolved against ``base_dir`` (the sidecar's folder) first."""
    if path == "-" or os.path.isabs(path) or base_dir is None:
        return path
    candidate = os.path.join(base_dir, path)
    return candidate if os.path.exists(candidate) else path


def load_input_for(
    record: Mapping, input_override: str | None = None, base_dir: str | None = None
) -> SourceFile:
    """The input file a record names (or ``input_override``), checked against its sha256."""
    path = input_override or locate_recorded(record["input"]["path"], base_dir)
    if path == "-":
        raise InputError("the input was stdin; pass the original with --input")
    try:
        source = load_source(path)
    except InputError as exc:
        raise InputError(f"cannot read the original input: {exc} (pass --input)") from None
    if source.sha256 != record["input"]["sha256"]:
        raise InputError("input file changed since the edit (sha256 differs)", path=path)
    return source
