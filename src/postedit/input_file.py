"""The input file of an edit, as read: bytes, text, format, encoding and its documents.

Provenance hashes these bytes, the editing session renders its output from this
text, and ``verify`` and ``import`` reread the input through :func:`load_source`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from postedit.document import Document
from postedit.writers import Encoding, sniff_encoding


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
        return hashlib.sha256(self.data).hexdigest()

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
