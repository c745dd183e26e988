"""Big read-only word tables kept on disk and read a bucket at a time.

Turning a table of half a million words into a dict costs a large part of a
second, and most articles ask about a few thousand words. A bucket file splits
the table into ``BUCKETS`` marshalled dicts by a stable hash (CRC-32) of the key;
a lookup reads only the bucket its key falls in, so a short article touches a
small part of each table while a long one ends up with all of it. The file may
carry one extra marshalled value (for example a word list in frequency order).

Writers replace files atomically; a file that fails its checks is ignored, so a
truncated or foreign file is rebuilt rather than trusted.
"""

from __future__ import annotations

import marshal
import mmap
import os
import struct
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

BUCKETS = 4096  # a power of two: a key's bucket is its CRC-32 masked
_MAGIC = b"PEB1"
_HEADER = struct.Struct("<4sII")  # magic, buckets, length of the extra value
_OFFSETS = struct.Struct(f"<{BUCKETS + 1}I")


def bucket_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) & (BUCKETS - 1)


def pack(table: Mapping[str, Any], extra: Any = None) -> bytes:
    """The bytes of a bucket file holding ``table`` (and ``extra``)."""
    buckets: list[dict[str, Any]] = [{} for _ in range(BUCKETS)]
    for key, value in table.items():
        buckets[bucket_of(key)][key] = value
    head = marshal.dumps(extra)
    blobs = [marshal.dumps(bucket) for bucket in buckets]
    offsets, position = [], _HEADER.size + _OFFSETS.size + len(head)
    for blob in blobs:
        offsets.append(position)
        position += len(blob)
    offsets.append(position)
    return b"".join([_HEADER.pack(_MAGIC, BUCKETS, len(head)), _OFFSETS.pack(*offsets), head, *blobs])


class BucketFile:
    """The table of one bucket file, loaded bucket by bucket as keys are asked for."""

    def __init__(self, blob: bytes | mmap.mmap) -> None:
        self._blob = memoryview(blob)
        _, _, self._extra_size = _HEADER.unpack_from(blob)
        self._offsets = _OFFSETS.unpack_from(blob, _HEADER.size)
        self._known: dict[str, Any] = {}
        self._loaded = bytearray(BUCKETS)

    def get(self, key: str) -> Any:
        """The value of ``key``, or None when the table does not hold it."""
        value = self._known.get(key)
        if value is not None:
            return value
        bucket = bucket_of(key)
        if self._loaded[bucket]:
            return None
        self._load(bucket)
        return self._known.get(key)

    def extra(self) -> Any:
        start = _HEADER.size + _OFFSETS.size
        return marshal.loads(self._blob[start : start + self._extra_size])

    def load_all(self) -> dict[str, Any]:
        """Every entry (reads the buckets not read yet)."""
        for bucket in range(BUCKETS):
            if not self._loaded[bucket]:
                self._load(bucket)
        return self._known

    def loaded_share(self) -> float:
        """Share of the buckets read so far."""
        return sum(self._loaded) / BUCKETS

    def _load(self, bucket: int) -> None:
        start, end = self._offsets[bucket], self._offsets[bucket + 1]
        self._known.update(marshal.loads(self._blob[start:end]))
        self._loaded[bucket] = 1


def read(path: Path) -> BucketFile | None:
    """The bucket file at ``path``, or None when it is missing, unreadable or damaged."""
    try:
        with open(path, "rb") as handle:
            blob = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    if len(blob) < _HEADER.size + _OFFSETS.size:
        return None
    magic, buckets, _ = _HEADER.unpack_from(blob)
    if magic != _MAGIC or buckets != BUCKETS or _OFFSETS.unpack_from(blob, _HEADER.size)[-1] != len(blob):
        return None
    return BucketFile(blob)  # the map stays valid when a writer replaces the file


def write(path: Path, blob: bytes) -> bool:
    """Write atomically; False when the file cannot be written (the caller keeps its dict)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(blob)
        os.replace(handle.name, path)
    except OSError:
        return False
    return True


def stamp_of(module: str) -> str | None:
    """A key for the installed release of ``module`` (found without importing it)."""
    from importlib.util import find_spec

    spec = find_spec(module)
    if spec is None or spec.origin is None:
        return None
    stat = os.stat(spec.origin)
    return f"{int(stat.st_mtime)}-{stat.st_size}"
