"""The source-language original next to the translation: reading it, splitting it, pairing it.

One reader (:func:`read_source_text`) and one sentence split
(:func:`source_sentences`: paragraphs, then sentences, as the translation is split)
serve every consumer. Three pairings, by what is known:

- with an engine, :mod:`postedit.bilingual` aligns the sentences by dynamic
  programming (its own module: it compares translations);
- without one, :func:`pair_by_paragraph` pairs paragraphs in order, and sentences
  within a paragraph when both sides have as many (the review UI's source pane);
- :func:`pair_one_to_one` pairs sentence for sentence and refuses when the counts
  differ (XLIFF export, where a wrong pair would be written into the file).
"""

from __future__ import annotations

from collections.abc import Sequence

from postedit.document import Document, paragraph_spans
from postedit.errors import InputError
from postedit.segmenter import split_sentences


def read_source_text(path: str) -> str:
    """The original article's text (first article of a JSONL file); ``-`` is stdin."""
    from postedit.readers import read_articles

    for article in read_articles(path):
        return article.text
    raise InputError("no article in the source file", path=path)


def source_sentences(text: str) -> list[str]:
    """The original split like the translation: paragraphs, then sentences."""
    return [sentence for start, end in paragraph_spans(text)
            for sentence in _sentences(text, start, end)]


def _sentences(text: str, start: int, end: int) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, start, end)]


def pair_by_paragraph(document: Document, source_text: str) -> dict[str, str]:
    """``{segment id: source text}`` by paragraph order (best effort, no engine).

    A paragraph whose sentences do not match one for one pairs each segment with the
    whole source paragraph.
    """
    paragraphs = paragraph_spans(source_text)
    if not paragraphs or not document.blocks:
        return {}
    out: dict[str, str] = {}
    ratio = len(paragraphs) / len(document.blocks)
    for index, block in enumerate(document.blocks):
        start, end = paragraphs[min(int(index * ratio), len(paragraphs) - 1)]
        sentences = _sentences(source_text, start, end)
        if len(sentences) == len(block.segments):
            out.update({seg.id: text for seg, text in zip(block.segments, sentences, strict=True)})
        else:
            out.update({seg.id: source_text[start:end] for seg in block.segments})
    return out


def pair_one_to_one(segment_ids: Sequence[str], source_text: str,
                    path: str = "source") -> dict[str, str]:
    """``{segment id: source sentence}``, sentence for sentence; InputError when counts differ."""
    sentences = source_sentences(source_text)
    if len(sentences) != len(segment_ids):
        raise InputError(f"source has {len(sentences)} sentences, the translation "
                         f"{len(segment_ids)}; cannot pair them", path=path)
    return dict(zip(segment_ids, sentences, strict=True))


def source_for(segment_id: str, paired: dict[str, str], engine_result: dict) -> str | None:
    """The source sentence to show: the engine's aligned one when scored, else the pairing."""
    trip = engine_result.get("backtranslation") or {}
    return (trip.get("source") or {}).get("text") or paired.get(segment_id)
