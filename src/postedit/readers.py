"""Read articles from ``.txt``/``.md`` files, ``.jsonl`` collections or stdin.

Decoding accepts UTF-8 with or without BOM and UTF-16 with BOM; line endings
are kept as they are (offsets refer to the decoded text). Every failure is an
:class:`InputError` naming the file, and the byte offset for decoding errors.
"""

from __future__ import annotations

import codecs
import json
import os
import select
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from postedit.errors import InputError
from postedit.formats.jsonl import split_lines

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


PIPE_WAIT_SECONDS = 10.0  # how long a named pipe may stay silent before we give up
MAX_INPUT_ENV = "POSTEDIT_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 64  # a long news article is 50 KB; an archive belongs in .jsonl shards


def max_input_bytes() -> int:
    """The largest input read, from ``POSTEDIT_MAX_INPUT_MB`` (default 64 MB)."""
    raw = os.environ.get(MAX_INPUT_ENV, "")
    try:
        megabytes = float(raw) if raw.strip() else DEFAULT_MAX_INPUT_MB
    except ValueError:
        raise InputError(f"{MAX_INPUT_ENV}={raw!r} is not a number of megabytes") from None
    return int(megabytes * 1024 * 1024)


def _too_large(path: str, size: int | None, limit: int) -> InputError:
    seen = f"is {size / 1024**2:.1f} MB, over" if size is not None else "is over"
    return InputError(
        f"{seen} the {limit / 1024**2:.3g} MB limit; to read it, raise the limit with "
        f"postedit --max-input-mb N (or {MAX_INPUT_ENV}), or split it into .jsonl records",
        path=path,
    )


def read_bytes(path: str) -> bytes:
    """Raw bytes of ``path`` (``-`` is stdin), with one-line errors.

    Only regular files and pipes are read: a device (``/dev/zero``) or a socket
    is refused, and a named pipe that sends nothing for ``PIPE_WAIT_SECONDS``
    is an error instead of a hang (a pipe with no writer reads as empty).
    """
    limit = max_input_bytes()
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise _too_large("stdin", None, limit)
        return data
    p = Path(path)
    if p.is_dir():
        raise InputError("is a directory, not an article", path=path)
    try:
        mode = p.stat().st_mode
        if stat.S_ISFIFO(mode):
            return _read_pipe(path, limit)
        if not stat.S_ISREG(mode):
            kind = _file_kind(mode)
            raise InputError(f"is a {kind}, not a file: cannot read an article from it", path=path)
        size = p.stat().st_size
        if size > limit:
            raise _too_large(path, size, limit)
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None


def _file_kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "socket" if stat.S_ISSOCK(mode) else "special file"


def _read_pipe(path: str, limit: int) -> bytes:
    """All bytes of a named pipe, or an error when it stays silent too long."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        chunks: list[bytes] = []
        total = 0
        while True:
            ready, _, _ = select.select([fd], [], [], PIPE_WAIT_SECONDS)
            if not ready:
                raise InputError(
                    f"named pipe sent nothing for {PIPE_WAIT_SECONDS:.0f} s: is anything writing to it?",
                    path=path,
                )
            try:
                chunk = os.read(fd, 1 << 16)
            except BlockingIOError:
                continue
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_large(path, None, limit)
    finally:
        os.close(fd)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``: UTF-16 with BOM, else UTF-8 (BOM optional).

    ``encoding`` is a Python codec name that writes the same BOM back
    (``utf-16``, ``utf-8-sig`` or ``utf-8``). Binary data is rejected.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    elif data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data[3:]
    else:
        encoding, body = "utf-8", data
    try:
        text = body.decode("utf-8" if encoding == "utf-8-sig" else encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        raise InputError(
            f"not valid {encoding.upper().replace('-SIG', '')} text (byte offset {offset}); save it as UTF-8",
            path=path,
        ) from None
    if "\x00" in text:
        raise InputError("looks like binary data, not text (NUL character)", path=path)
    if not text.strip():
        raise InputError("is empty", path=path)
    return text, encoding


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


@dataclass(frozen=True)
class Article:
    """One article as read: ``fmt`` is txt, md or jsonl; ``meta`` the other JSONL fields."""

    doc_id: str
    text: str
    fmt: str
    meta: dict
    encoding: str


def read_articles(path: str) -> Iterator[Article]:
    """Every article in the file ``path`` (one, or one per JSONL line)."""
    text, encoding = decode(read_bytes(path), path)
    if path.lower().endswith(JSONL_SUFFIXES):
        # Every line is checked before the first article is given out: a bad record refuses
        # the whole file before anything of it is scored or written.
        for doc_id, body, meta in list(_jsonl_articles(text, path)):
            yield Article(doc_id, body, "jsonl", meta, encoding)
        return
    fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    yield Article("stdin" if path == "-" else path, text, fmt, {}, encoding)


def _jsonl_articles(text: str, path: str) -> Iterator[tuple[str, str, dict]]:
    for lineno, line in enumerate(split_lines(text), 1):
        if line.strip():
            yield jsonl_article(line, path, lineno)


def jsonl_article(line: str, path: str, lineno: int) -> tuple[str, str, dict]:
    """``(id, text, other fields)`` of line ``lineno`` of the JSONL file ``path``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {lineno}: not JSON ({exc.msg})", path=path) from None
    except RecursionError:
        raise InputError(f"line {lineno}: JSON nested too deeply", path=path) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'line {lineno}: expected an object with a "text" string', path=path)
    if not record["text"].strip():
        raise InputError(f"line {lineno}: empty text", path=path)
    doc_id = str(record.get("id", f"{os.path.basename(path)}:{lineno}"))
    meta = {k: v for k, v in record.items() if k != "text"}
    return doc_id, record["text"], meta
