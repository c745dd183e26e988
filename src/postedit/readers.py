"""Read articles from ``.txt``/``.md`` files, ``.jsonl`` collections or stdin.

Decoding accepts UTF-8 with or without BOM and UTF-16 with BOM; line endings
are kept as they are (offsets refer to the decoded text). Every failure is an
:class:`InputError` naming the file, and the byte offset for decoding errors.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from postedit.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def read_bytes(path: str) -> bytes:
    """Raw bytes of ``path`` (``-`` is stdin), with one-line errors."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if p.is_dir():
        raise InputError("is a directory, not an article", path=path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None


def decode(data: bytes, path: str) -> str:
    """Text of ``data``: UTF-16 with BOM, else UTF-8 (BOM optional); rejects binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        raise InputError(
            f"not valid {encoding.upper()} text (byte offset {offset}); save it as UTF-8",
            path=path,
        ) from None
    if "\x00" in text:
        raise InputError("looks like binary data, not text (NUL character)", path=path)
    if not text.strip():
        raise InputError("is empty", path=path)
    return text


def expand_paths(paths: list[str]) -> list[str]:
    """Files named directly, plus the articles found (sorted) inside directories."""
    out: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = sorted(
                str(p)
                for p in Path(path).rglob("*")
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError("directory holds no .txt, .md or .jsonl articles", path=path)
            out.extend(found)
        else:
            out.append(path)
    return out


def read_articles(path: str) -> Iterator[tuple[str, str, str, dict]]:
    """Yield ``(doc_id, text, fmt, meta)`` for each article in ``path``."""
    text = decode(read_bytes(path), path)
    if path.lower().endswith(JSONL_SUFFIXES):
        yield from _jsonl_articles(text, path)
        return
    fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    doc_id = "stdin" if path == "-" else path
    yield doc_id, text, fmt, {}


def _jsonl_articles(text: str, path: str) -> Iterator[tuple[str, str, str, dict]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {lineno}: not JSON ({exc.msg})", path=path) from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f'line {lineno}: expected an object with a "text" string', path=path)
        if not record["text"].strip():
            raise InputError(f"line {lineno}: empty text", path=path)
        doc_id = str(record.get("id", f"{os.path.basename(path)}:{lineno}"))
        meta = {k: v for k, v in record.items() if k != "text"}
        yield doc_id, record["text"], "jsonl", meta
