"""Word-level diffs of edited articles, per segment, with who and why from the provenance.

The core is :func:`segment_diff` (two strings -> :class:`DiffOp` list with
character offsets) and :func:`document_diff` (two article texts -> one
:class:`SegmentDiff` per changed sentence). The CLI renderers in
:mod:`postedit.diff_render` and the review UI's diff screen both read this data;
nothing else computes a diff.

Why :mod:`difflib`: it is in the standard library, deterministic, and on
tokenised sentences (tens of tokens) its ``SequenceMatcher`` gives the minimal,
readable word edits we want; character-level libraries (diff-match-patch) need
semantic clean-up passes to reach the same word granularity and add a dependency.
``autojunk`` is off so that frequent words are never treated as noise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from postedit.document import Document
from postedit.provenance import document_from_record
from postedit.writers import output_spans

# Words (with inner apostrophes/hyphens), runs of whitespace, or single other characters.
_TOKEN = re.compile(r"\s+|\w+(?:[’'\-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class DiffOp:
    """One step from ``before`` to ``after``.

    Attributes:
        tag: ``equal``, ``insert``, ``delete`` or ``replace``.
        a_start, a_end: character span in ``before``.
        b_start, b_end: character span in ``after``.
        before, after: the text of each span.
    """

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    before: str
    after: str

    def to_json(self) -> dict:
        return dict(self.__dict__)


def tokens(text: str) -> list[tuple[int, int]]:
    """Character spans of the diff tokens of ``text``; they cover it exactly."""
    return [m.span() for m in _TOKEN.finditer(text)]


def segment_diff(before: str, after: str) -> list[DiffOp]:
    """Word-level diff of two strings; changes one space apart are merged into one."""
    a_spans, b_spans = tokens(before), tokens(after)
    a_tokens = [before[s:e] for s, e in a_spans]
    b_tokens = [after[s:e] for s, e in b_spans]
    matcher = SequenceMatcher(None, a_tokens, b_tokens, autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_start, a_end = _char_span(a_spans, i1, i2, len(before))
        b_start, b_end = _char_span(b_spans, j1, j2, len(after))
        ops.append(DiffOp(tag, a_start, a_end, b_start, b_end,
                          before[a_start:a_end], after[b_start:b_end]))
    return _merge_close_changes(ops, before, after)


DiffStep = tuple[str, str, str]


def word_diff(before: str, after: str) -> list[DiffStep]:
    """:func:`segment_diff` as ``(tag, before, after)`` steps, for previews in the review UI."""
    return [(op.tag, op.before, op.after) for op in segment_diff(before, after)]


def _char_span(spans: list[tuple[int, int]], i: int, j: int, length: int) -> tuple[int, int]:
    if i == j:
        pos = spans[i][0] if i < len(spans) else length
        return pos, pos
    return spans[i][0], spans[j - 1][1]


def _merge_close_changes(ops: list[DiffOp], before: str, after: str) -> list[DiffOp]:
    """``a b c`` -> ``x y z`` reads better as one replacement than three."""
    out: list[DiffOp] = []
    for op in ops:
        if out and op.tag != "equal" and len(out) >= 2 and _is_thin_equal(out[-1]) \
                and out[-2].tag != "equal":
            out[-2:] = [_join(out[-2], op, before, after)]
        elif out and op.tag != "equal" and out[-1].tag != "equal":
            out[-1] = _join(out[-1], op, before, after)
        else:
            out.append(op)
    return out


def _is_thin_equal(op: DiffOp) -> bool:
    return op.tag == "equal" and not op.before.strip() and len(op.before) <= 1


def _join(first: DiffOp, last: DiffOp, before: str, after: str) -> DiffOp:
    a_start, a_end, b_start, b_end = first.a_start, last.a_end, first.b_start, last.b_end
    tag = "replace" if a_start < a_end and b_start < b_end else (
        "delete" if a_start < a_end else "insert")
    return DiffOp(tag, a_start, a_end, b_start, b_end, before[a_start:a_end], after[b_start:b_end])


@dataclass(frozen=True)
class Note:
    """Who changed a segment, and why: one revision, summarised."""

    by: str
    action: str
    at: str = ""
    why: str = ""

    def text(self) -> str:
        return f"{self.by} {self.action}" + (f": {self.why}" if self.why else "")


@dataclass(frozen=True)
class SegmentDiff:
    """The change to one segment.

    Attributes:
        doc: document index (JSONL record), 0 for ``.txt``/``.md``.
        segment: segment id in the original.
        status: ``edited``, ``removed``, ``accepted`` or ``unchanged``.
        before, after: original and edited text of the segment.
        a_start, a_end: offsets of the segment in the original article.
        b_start, b_end: offsets in the edited article (equal when removed).
        ops: word-level steps from ``before`` to ``after``.
        notes: who and why, from the provenance (empty without one).
    """

    doc: int
    segment: str
    status: str
    before: str
    after: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    ops: tuple[DiffOp, ...]
    notes: tuple[Note, ...] = ()

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def changes(self) -> tuple[DiffOp, ...]:
        return tuple(op for op in self.ops if op.tag != "equal")

    def to_json(self) -> dict:
        out = {k: v for k, v in self.__dict__.items() if k not in ("ops", "notes")}
        out["ops"] = [op.to_json() for op in self.ops]
        out["notes"] = [note.__dict__ for note in self.notes]
        return out


@dataclass(frozen=True)
class DocumentDiff:
    """Every segment of one article, original against edited."""

    doc: int
    doc_id: str
    segments: tuple[SegmentDiff, ...] = field(default=())

    @property
    def changed(self) -> tuple[SegmentDiff, ...]:
        return tuple(s for s in self.segments if s.changed or s.status == "accepted")


def document_diff(
    original_text: str,
    edited_text: str,
    prov: Mapping | None = None,
    *,
    doc: int = 0,
    doc_id: str = "",
    document: Document | None = None,
) -> DocumentDiff:
    """Diff an article against its edited version, one :class:`SegmentDiff` per segment.

    With ``prov`` (a provenance record) the segments are the record's and each
    carries its notes; when the record's final texts rebuild ``edited_text``
    exactly they are used as is, otherwise the texts are aligned word by word.
    Without it the original is segmented by the core (or given as ``document``).
    """
    doc_record = _doc_record(prov, doc)
    if doc_record is not None:
        document = document_from_record(doc_record, original_text, doc_id or doc_record["id"])
    elif document is None:
        from postedit.pipeline import make_document

        document = make_document(doc_id or "article", original_text)
    notes = _notes(doc_record)
    finals = _exact_finals(document, doc_record, edited_text)
    spans = finals_spans(document, finals) if finals is not None else align(
        document, edited_text)
    segments = []
    for seg in document.segments:
        b_start, b_end = spans[seg.id]
        after = edited_text[b_start:b_end]
        status = _status(seg.text, after, notes.get(seg.id, ()))
        segments.append(SegmentDiff(doc, seg.id, status, seg.text, after, seg.start, seg.end,
                                    b_start, b_end, tuple(segment_diff(seg.text, after)),
                                    notes.get(seg.id, ())))
    return DocumentDiff(doc, document.id, tuple(segments))


def _doc_record(prov: Mapping | None, doc: int) -> Mapping | None:
    if not prov:
        return None
    docs = prov.get("documents", ())
    return docs[doc] if doc < len(docs) else None


def _exact_finals(
    document: Document, doc_record: Mapping | None, edited_text: str
) -> dict[str, str] | None:
    from postedit.document import rebuild

    if doc_record is None:
        return None
    # A compact (unchanged) segment has no "final": its text is the original's.
    finals = {s["id"]: s["final"] for s in doc_record["segments"] if "final" in s}
    replacements = {sid: t for sid, t in finals.items() if t != document.segment(sid).text}
    return replacements if rebuild(document, replacements) == edited_text else None


def finals_spans(document: Document, replacements: Mapping[str, str]) -> dict[str, tuple[int, int]]:
    """Where each segment lies in the output rebuilt from ``replacements``."""
    found = {sid: (start, end) for sid, start, end in output_spans(document, replacements)}
    out, last = {}, 0
    for seg in document.segments:
        out[seg.id] = found.get(seg.id, (last, last))
        last = out[seg.id][1]
    return out


def align(document: Document, edited_text: str) -> dict[str, tuple[int, int]]:
    """Where each original segment landed in ``edited_text``, by a word-level alignment."""
    ops = segment_diff(document.text, edited_text)
    return {seg.id: (_map(ops, seg.start, True), _map(ops, seg.end, False))
            for seg in document.segments}


def _map(ops: Sequence[DiffOp], pos: int, is_start: bool) -> int:
    """Original offset -> edited offset.

    Text inserted exactly at a boundary goes with the segment before it (a fix
    such as a missing space after a full stop ends its sentence); a replaced or
    deleted span goes with the segment it overlaps.
    """
    for op in ops:
        if op.tag == "insert" and op.a_start == pos:
            return op.b_end
    for op in ops:
        if not op.a_start <= pos <= op.a_end:
            continue
        if op.tag == "equal":
            return op.b_start + (pos - op.a_start)
        if pos == op.a_start:
            return op.b_start
        return op.b_end if pos == op.a_end or not is_start else op.b_start
    return ops[-1].b_end if ops else pos


def _notes(doc_record: Mapping | None) -> dict[str, tuple[Note, ...]]:
    if doc_record is None:
        return {}
    return {seg["id"]: tuple(_note(rev) for rev in seg["revisions"])
            for seg in doc_record["segments"] if seg["revisions"]}


def _note(rev: Mapping) -> Note:
    return Note(rev["by"], rev["action"], rev.get("at", ""), _why(rev))


def _why(rev: Mapping) -> str:
    """The message of the flag the revision answered: the rule's flag for ``rule:ID``."""
    flags = rev.get("flags_before") or []
    if rev["by"].startswith("rule:"):
        rule_id = rev["by"][5:]
        flags = [f for f in flags if f.get("rule") == rule_id] or flags
    return str(flags[0].get("message", "")) if flags else ""


def _status(before: str, after: str, notes: Sequence[Note]) -> str:
    if after == "" and before != "":
        return "removed"
    if after != before:
        return "edited"
    return "accepted" if notes and notes[-1].action == "accept" else "unchanged"


@dataclass(frozen=True)
class FileDiff:
    """Two files compared: their whole texts and one :class:`DocumentDiff` per article."""

    original_text: str
    edited_text: str
    diffs: tuple[DocumentDiff, ...]


def diff_files(original: str, edited: str, prov_path: str | None = None) -> FileDiff:
    """Diff two article files (``.txt``/``.md``, or ``.jsonl`` record by record).

    ``prov_path`` defaults to ``EDITED.prov.json`` when that exists (and is ignored
    when made from another input); a given record made from another input is an
    :class:`InputError`.
    """
    import os

    from postedit.errors import InputError
    from postedit.input_file import articles_in, load_source
    from postedit.provenance import expand_record, read_record
    from postedit.readers import decode, read_bytes
    from postedit.writers import sidecar_path

    explicit = prov_path is not None
    if prov_path is None and edited != "-" and os.path.exists(sidecar_path(edited)):
        prov_path = sidecar_path(edited)
    record = read_record(prov_path) if prov_path else None
    source = load_source(original)
    if record is not None and record["input"]["sha256"] != source.sha256:
        if explicit:
            raise InputError(f"provenance record was made from another input than {original}",
                             path=prov_path)
        record = None  # the sidecar next to EDITED describes another pair of files
    if record is not None:
        expand_record(record, source.documents)
    edited_text = decode(read_bytes(edited), edited)[0]
    texts = [text for _id, text, _fmt, _meta in articles_in(edited_text, edited)]
    if len(texts) != len(source.documents):
        raise InputError(f"has {len(texts)} articles, {original} has {len(source.documents)}",
                         path=edited)
    diffs = tuple(
        document_diff(doc.text, texts[n], record, doc=n, doc_id=doc.id, document=doc)
        for n, doc in enumerate(source.documents)
    )
    return FileDiff(source.text, edited_text, diffs)
