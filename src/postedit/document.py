"""Document, Block and Segment: the text model and all offset arithmetic.

A document is the original text, untouched, plus a list of blocks
(paragraphs) and segments (sentences) that point into it with ``start``/``end``
character offsets. Nothing is ever normalised in place, so the original text is
always recoverable from the segments plus the gaps between them, and every flag
and fix can name exact document offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

BLOCK_KINDS = ("headline", "body", "caption", "attribution", "boilerplate")

# A paragraph break is a line break followed by at least one blank line; a line break
# is LF, CRLF or a lone CR (classic Mac files), never CRLF counted as two.
_LINE_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
_PARAGRAPH_BREAK = re.compile(rf"{_LINE_BREAK}(?:[ \t]*{_LINE_BREAK})+")


@dataclass(frozen=True)
class Segment:
    """One sentence of a block.

    Attributes:
        id: stable id ``b<block>.s<sentence>``, both 1-based (``b4.s2``).
        start: offset of the first character in the document text.
        end: offset one past the last character.
        text: ``document.text[start:end]``.
    """

    id: str
    start: int
    end: int
    text: str

    @property
    def block_id(self) -> str:
        return self.id.split(".", 1)[0]

    @cached_property
    def position(self) -> int:
        """0-based place of the sentence in its paragraph (from the id: ``b4.s2`` -> 1).

        Parsed once per segment: rules ask it of every sentence, some several times."""
        return int(self.id.rsplit(".s", 1)[1]) - 1


@dataclass(frozen=True)
class Block:
    """One paragraph.

    Attributes:
        id: stable id ``b<n>``, 1-based in reading order.
        kind: one of ``BLOCK_KINDS``.
        start, end: document offsets of the paragraph, without its line breaks.
        text: ``document.text[start:end]``.
        segments: its sentences in order.
    """

    id: str
    kind: str
    start: int
    end: int
    text: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Document:
    """A machine-translated article.

    Attributes:
        id: name used in reports (file name, or the ``id`` of a JSONL record).
        text: the original text, exactly as decoded.
        blocks: paragraphs in reading order.
        lang: detected (or given) language of the text, ISO 639-1.
        path: file it came from, ``-`` for stdin, None when built in memory.
        fmt: ``txt``, ``md`` or ``jsonl``: how a writer should save it.
        meta: extra fields of a JSONL record (``source`` and the rest), kept as is.
        encoding: codec that writes the input's bytes back (``utf-8``, ``utf-8-sig``
            when it had a BOM, ``utf-16``).
    """

    id: str
    text: str
    blocks: tuple[Block, ...]
    lang: str = "en"
    path: str | None = None
    fmt: str = "txt"
    meta: dict = field(default_factory=dict, compare=False)
    encoding: str = "utf-8"

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(seg for block in self.blocks for seg in block.segments)

    def iter_segments(self) -> Iterator[tuple[Block, Segment]]:
        for block in self.blocks:
            for seg in block.segments:
                yield block, seg

    def block(self, block_id: str) -> Block:
        for block in self.blocks:
            if block.id == block_id:
                return block
        raise KeyError(block_id)

    def segment(self, segment_id: str) -> Segment:
        block = self.block(segment_id.split(".", 1)[0])
        for seg in block.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)

    def block_of(self, segment_id: str) -> Block:
        return self.block(segment_id.split(".", 1)[0])

    def with_lang(self, lang: str) -> Document:
        return replace(self, lang=lang)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs of ``text`` (blank-line separated), stripped of edge whitespace."""
    spans = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [stripped for span in spans if (stripped := _strip_span(text, *span))]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def build_segments(block_id: str, text: str, spans: list[tuple[int, int]]) -> tuple[Segment, ...]:
    """Segments for the given document ``spans`` (already stripped, in order)."""
    return tuple(
        Segment(id=f"{block_id}.s{n}", start=start, end=end, text=text[start:end])
        for n, (start, end) in enumerate(spans, 1)
    )


def gaps(document: Document) -> list[str]:
    """The text between consecutive segments: ``len(segments) + 1`` strings.

    ``gaps[0] + seg[0] + gaps[1] + seg[1] + ... + gaps[-1] == document.text``.
    """
    out = []
    pos = 0
    for seg in document.segments:
        out.append(document.text[pos : seg.start])
        pos = seg.end
    out.append(document.text[pos:])
    return out


def rebuild(document: Document, replacements: dict[str, str] | None = None) -> str:
    """The document text with some segments replaced (``id -> new text``).

    A replacement of ``""`` removes the segment; when that empties a whole block,
    the block goes together with the paragraph break before it (after it, for the
    first block), so no blank-line debris is left. All other bytes are untouched.
    """
    replacements = replacements or {}
    text = document.text
    rendered = [_render_block(text, block, replacements) for block in document.blocks]
    if not rendered:
        return text
    kept = [i for i, body in enumerate(rendered) if body is not None]
    if not kept:
        return text[: document.blocks[0].start] + text[document.blocks[-1].end :].lstrip("\r\n")
    blocks = document.blocks
    pieces = [text[: blocks[0].start]]
    for n, i in enumerate(kept):
        if n:  # each kept block brings the paragraph break that preceded it
            pieces.append(text[blocks[i - 1].end : blocks[i].start])
        pieces.append(rendered[i] or "")
    pieces.append(text[blocks[-1].end :])
    return "".join(pieces)


def _render_block(text: str, block: Block, replacements: dict[str, str]) -> str | None:
    if block.segments and all(replacements.get(seg.id) == "" for seg in block.segments):
        return None
    pieces = []
    pos = block.start
    for seg in block.segments:
        pieces.append(text[pos : seg.start])
        pieces.append(replacements.get(seg.id, seg.text))
        pos = seg.end
    pieces.append(text[pos : block.end])
    return "".join(pieces)
