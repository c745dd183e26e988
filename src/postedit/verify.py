"""Check an edited article against its provenance record.

:func:`verify` recomputes every hash, walks the chain from the input's sha256,
replays each segment's history on the input and checks that the result is the
output, byte for byte. It stops at the first broken link and names it: the
file, the document, the segment and the revision where the record and reality
part ways.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from postedit.document import Document, rebuild
from postedit.errors import InputError
from postedit.flags import Fix, apply_fixes
from postedit.formats.jsonl import split_lines
from postedit.input_file import SourceFile, load_source
from postedit.provenance import (
    DamagedRecord,
    Revision,
    document_from_record,
    expand_record,
    locate_recorded,
    read_record,
    recorded_status,
    revisions_of,
    seal_of,
    sha256_hex,
)
from postedit.readers import read_bytes
from postedit.writers import decode_with, finish_pending, output_spans, render, sidecar_path


@dataclass(frozen=True)
class VerifyResult:
    """OK, or the first broken link.

    Attributes:
        ok: True when every check passed.
        message: what was checked (OK) or what is broken, in words.
        file: the file at fault (output, sidecar or input), when broken.
        doc: document index at fault (JSONL record), when known.
        segment: segment id at fault, when known.
        revision: ``seq`` of the revision at fault, when known.
        revisions: number of revisions in the record.
        segments: number of segments in the record.
    """

    ok: bool
    message: str
    file: str | None = None
    doc: int | None = None
    segment: str | None = None
    revision: int | None = None
    revisions: int = 0
    segments: int = 0

    def line(self) -> str:
        """One line for the terminal."""
        if self.ok:
            return f"OK: {self.message}"
        where = [self.file or "", f"segment {self.segment}" if self.segment else ""]
        if self.revision is not None:
            where.append(f"revision {self.revision}")
        if self.doc:
            where.append(f"record {self.doc + 1}")
        return "BROKEN: " + ": ".join(w for w in where if w) + f": {self.message}"

    def to_json(self) -> dict:
        return dict(self.__dict__)


class _Broken(Exception):
    def __init__(self, result: VerifyResult) -> None:
        self.result = result


def verify(
    output_path: str, prov_path: str | None = None, input_path: str | None = None
) -> VerifyResult:
    """Verify ``output_path`` against ``prov_path`` (default ``OUTPUT.prov.json``).

    ``input_path`` overrides the input named in the record (it moved, or was stdin).
    Raises :class:`InputError` only when something needed cannot be found or read;
    every inconsistency is a broken :class:`VerifyResult`.
    """
    prov_path = prov_path or sidecar_path(output_path)
    finish_pending(output_path, prov_path)  # a save interrupted between its two renames
    try:
        return _verify(output_path, prov_path, input_path)
    except _Broken as broken:
        return broken.result


def _verify(output_path: str, prov_path: str, input_path: str | None) -> VerifyResult:
    record = _read_record(prov_path)
    source = _read_input(record, prov_path, input_path)
    expand_record(record, source.documents)  # texts of unchanged segments, from the input
    documents = _documents(record, source, prov_path)
    revisions = _check_chain(record, prov_path, source.sha256)
    finals = _replay(record, documents, revisions, prov_path)
    _check_output(record, source, documents, finals, output_path, prov_path)
    if seal_of(record) != record.get("seal"):
        _fail(prov_path, "record fields outside the revision chain were changed (seal mismatch)")
    segments = sum(len(doc["segments"]) for doc in record["documents"])
    message = (f"{_count(len(revisions), 'revision')} over {_count(segments, 'segment')} "
               f"replay to {output_path}")
    return VerifyResult(True, message, revisions=len(revisions), segments=segments)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _fail(file: str, message: str, **where: Any) -> NoReturn:
    raise _Broken(VerifyResult(False, message, file=file, **where))


def _read_record(prov_path: str) -> dict:
    """The sidecar; a missing file is an input error, a damaged one a broken record."""
    try:
        record = read_record(prov_path)
    except DamagedRecord as exc:
        _fail(prov_path, str(exc).removeprefix(f"{prov_path}: "))
    for key in ("input", "output", "chain", "documents", "seal"):
        if key not in record:
            _fail(prov_path, f'field "{key}" is missing')
    return record


def _read_input(record: Mapping, prov_path: str, input_path: str | None) -> SourceFile:
    base = os.path.dirname(os.path.abspath(prov_path))
    path = input_path or locate_recorded(record["input"].get("path", "-"), base)
    if path == "-":
        raise InputError("the input was stdin; pass the original article with --input")
    try:
        source = load_source(path)
    except InputError as exc:
        raise InputError(f"cannot read the original input: {exc} (pass --input)") from None
    if source.sha256 != record["input"].get("sha256"):
        _fail(path, "input differs from the one the record was made from (sha256 mismatch)")
    return source


def _documents(record: Mapping, source: SourceFile, prov_path: str) -> list[Document]:
    docs = record["documents"]
    if len(docs) != len(source.documents):
        _fail(prov_path, f"record has {len(docs)} documents, the input {len(source.documents)}")
    out = []
    for index, (doc_record, doc) in enumerate(zip(docs, source.documents, strict=True)):
        try:
            document = document_from_record(doc_record, doc.text, doc.id)
        except (KeyError, TypeError) as exc:
            _fail(prov_path, f"document structure is damaged ({exc})", doc=index)
        _check_originals(doc_record, document, index, prov_path)
        out.append(document)
    return out


def _check_originals(doc_record: Mapping, document: Document, index: int, prov: str) -> None:
    texts = {seg.id: seg.text for seg in document.segments}
    for seg in doc_record["segments"]:
        if not 0 <= seg["start"] <= seg["end"] <= len(document.text):
            _fail(prov, "offsets lie outside the input", doc=index, segment=seg["id"])
        if texts.get(seg["id"]) != seg.get("original"):
            _fail(prov, "original text does not match the input at its offsets",
                  doc=index, segment=seg["id"])


_REVISION_FIELDS = frozenset(field.name for field in dataclasses.fields(Revision))


def _check_chain(record: Mapping, prov_path: str, root: str) -> list[Revision]:
    try:
        revisions = revisions_of(record)
    except (KeyError, TypeError, AttributeError) as exc:
        _fail(prov_path, f"a revision is missing field {exc}")
    _check_revision_fields(record, prov_path)
    prev = root
    for n, rev in enumerate(revisions, 1):
        where = {"doc": rev.doc, "segment": rev.segment, "revision": rev.seq}
        if rev.seq != n:
            _fail(prov_path, f"revision {n} is missing from the chain", **where)
        if rev.compute_hash() != rev.hash:
            _fail(prov_path, "revision content does not match its hash", **where)
        if rev.prev != prev:
            _fail(prov_path, "chain broken: prev is not the hash of the revision before", **where)
        prev = rev.hash
    chain = record["chain"]
    if chain.get("head") != prev or chain.get("length") != len(revisions):
        _fail(prov_path, "chain head or length does not match the revisions")
    _check_placement(record, prov_path)
    return revisions


def _check_revision_fields(record: Mapping, prov_path: str) -> None:
    """The hash covers the known fields only, so a revision may hold nothing else."""
    for doc in record["documents"]:
        for seg in doc.get("segments", ()):
            for rev in seg.get("revisions", ()):
                unknown = sorted(set(rev) - _REVISION_FIELDS)
                if unknown:
                    _fail(prov_path, f"revision {rev.get('seq')} has fields no hash covers: "
                          f"{', '.join(unknown)}", segment=seg.get("id"))


def _check_placement(record: Mapping, prov_path: str) -> None:
    """Each revision sits under the segment and document it names."""
    for index, doc in enumerate(record["documents"]):
        for seg in doc["segments"]:
            for rev in seg["revisions"]:
                if rev["segment"] != seg["id"] or rev["doc"] != index:
                    _fail(prov_path, "revision filed under the wrong segment",
                          doc=index, segment=seg["id"], revision=rev["seq"])


def _replay(
    record: Mapping, documents: Sequence[Document], revisions: Sequence[Revision], prov: str
) -> list[dict[str, str]]:
    current: list[dict[str, str]] = [{s.id: s.text for s in d.segments} for d in documents]
    for rev in revisions:
        where = {"doc": rev.doc, "segment": rev.segment, "revision": rev.seq}
        if rev.doc >= len(current) or rev.segment not in current[rev.doc]:
            _fail(prov, "revision names a segment the input does not have", **where)
        if current[rev.doc][rev.segment] != rev.before:
            _fail(prov, "revision does not start from the text the history left", **where)
        if rev.fixes and _replay_fixes(rev) != rev.after:
            _fail(prov, "replaying the recorded fixes does not give the recorded text", **where)
        current[rev.doc][rev.segment] = rev.after
    _check_finals(record, current, revisions, prov)
    return current


def _replay_fixes(rev: Revision) -> str:
    fixes = [Fix(f["start"], f["end"], f["replacement"], f["rule"]) for f in rev.fixes]
    return apply_fixes(rev.before, fixes)[0]


def _check_finals(
    record: Mapping, current: list[dict[str, str]], revisions: Sequence[Revision], prov: str
) -> None:
    for index, doc in enumerate(record["documents"]):
        for seg in doc["segments"]:
            final = current[index][seg["id"]]
            if seg.get("final") != final:
                _fail(prov, "final text differs from the replayed history",
                      doc=index, segment=seg["id"])
            history = [r for r in revisions if r.doc == index and r.segment == seg["id"]]
            if seg.get("status") != recorded_status(seg["original"], final, history):
                _fail(prov, f"status {seg.get('status')!r} does not match the history",
                      doc=index, segment=seg["id"])


def _check_output(
    record: Mapping,
    source: SourceFile,
    documents: Sequence[Document],
    finals: list[dict[str, str]],
    output_path: str,
    prov: str,
) -> None:
    data = read_bytes(output_path)  # the edited article, or stdin for "-"
    replacements = {
        n: {sid: text for sid, text in final.items() if text != doc.segment(sid).text}
        for n, (doc, final) in enumerate(zip(documents, finals, strict=True))
    }
    expected = source.encoding.encode(render(source.text, source.fmt, documents, replacements))
    if data != expected:
        doc, segment, offset = locate_difference(source, documents, replacements, data)
        _fail(output_path, f"output differs from the replayed history (character {offset})",
              doc=doc, segment=segment)
    if sha256_hex(data) != record["output"].get("sha256"):
        _fail(prov, "output sha256 in the record does not match the output")



def locate_difference(
    source: SourceFile,
    documents: Sequence[Document],
    replacements: Mapping[int, Mapping[str, str]],
    data: bytes,
) -> tuple[int | None, str | None, int]:
    """Where ``data`` first departs from the expected output: (doc, segment, character)."""
    try:
        actual = decode_with(data, source.encoding)
    except UnicodeDecodeError as exc:
        return None, None, exc.start
    if source.fmt != "jsonl":
        document = documents[0]
        expected = rebuild(document, dict(replacements.get(0, {})))
        offset = _first_difference(expected, actual)
        return 0, segment_at(document, replacements.get(0, {}), offset), offset
    return _locate_in_jsonl(documents, replacements, actual)


def _locate_in_jsonl(
    documents: Sequence[Document], replacements: Mapping[int, Mapping[str, str]], actual: str
) -> tuple[int | None, str | None, int]:
    records = [line for line in split_lines(actual) if line.strip()]
    for index, document in enumerate(documents):
        expected = rebuild(document, dict(replacements.get(index, {})))
        try:
            text = json.loads(records[index])["text"]
        except (IndexError, ValueError, KeyError, TypeError):
            return index, None, 0
        if text != expected:
            offset = _first_difference(expected, text)
            return index, segment_at(document, replacements.get(index, {}), offset), offset
    return None, None, 0


def _first_difference(a: str, b: str) -> int:
    for n, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return n
    return min(len(a), len(b))


def segment_at(document: Document, replacements: Mapping[str, str], offset: int) -> str | None:
    """The segment covering output character ``offset`` (or the next one after a gap)."""
    spans = output_spans(document, replacements)
    for seg_id, start, end in spans:
        if offset < end or offset <= start:
            return seg_id
    return spans[-1][0] if spans else None
