"""Build plain Documents for engine tests without the full reader pipeline."""

from __future__ import annotations

from postedit.document import Block, Document, build_segments, paragraph_spans
from postedit.segmenter import split_sentences


def document_from_text(text: str, lang: str = "en", doc_id: str = "test") -> Document:
    """Every paragraph a body block, split into sentences by the project's segmenter."""
    blocks = []
    for n, (start, end) in enumerate(paragraph_spans(text), 1):
        block_id = f"b{n}"
        segments = build_segments(block_id, text, split_sentences(text, start, end))
        blocks.append(Block(block_id, "body", start, end, text[start:end], segments))
    return Document(id=doc_id, text=text, blocks=tuple(blocks), lang=lang)
