"""The original (source-language) sentence shown next to each segment.

When the engine has aligned the source (``backtranslation.source.text``) that
wins; otherwise :func:`align_source` pairs paragraphs in order, and sentences
within a paragraph when both sides have the same number of them (else the
whole source paragraph is shown).
"""

from __future__ import annotations

from postedit.document import Document, paragraph_spans
from postedit.segmenter import split_sentences


def align_source(document: Document, source_text: str) -> dict[str, str]:
    """``{segment id: source text}`` by paragraph order (best effort, no engine)."""
    paragraphs = paragraph_spans(source_text)
    if not paragraphs or not document.blocks:
        return {}
    out: dict[str, str] = {}
    ratio = len(paragraphs) / len(document.blocks)
    for index, block in enumerate(document.blocks):
        start, end = paragraphs[min(int(index * ratio), len(paragraphs) - 1)]
        sentences = [source_text[s:e] for s, e in split_sentences(source_text, start, end)]
        if len(sentences) == len(block.segments):
            out.update({seg.id: text for seg, text in zip(block.segments, sentences, strict=True)})
        else:
            out.update({seg.id: source_text[start:end] for seg in block.segments})
    return out


def source_for(segment_id: str, aligned: dict[str, str], engine_result: dict) -> str | None:
    trip = engine_result.get("backtranslation") or {}
    return (trip.get("source") or {}).get("text") or aligned.get(segment_id)
