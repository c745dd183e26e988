"""Translation cache: SQLite in WAL mode under the user cache directory.

Every entry is keyed by engine name, model id, engine version, language pair,
kind of request (``translate:nbest=1:scores=0``, ``score``) and the input text,
so that upgrading a model or engine never serves a stale result. WAL mode plus a
busy timeout lets several ``postedit score --jobs N`` processes read and write at
once; writes are single ``INSERT OR REPLACE`` statements, so a crash loses at
most the batch in flight.

:class:`CachedEngine` wraps any engine and only sends it the texts it has not
seen before.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from postedit import locations
from postedit.engines.base import Engine, ForcedScore, Translation
from postedit.notices import notice_once

CACHE_FILE = "translations.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    version TEXT NOT NULL,
    pair TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    created REAL NOT NULL
)
"""
_SEP = "\x1f"


def default_path() -> Path:
    return locations.cache_dir() / CACHE_FILE


@dataclass(frozen=True)
class CacheInfo:
    """What ``postedit cache info`` prints.

    Attributes:
        path: the database file.
        entries: number of cached results.
        size_bytes: size on disk (database plus WAL), 0 when absent.
        engines: entry counts per ``engine model``.
    """

    path: Path
    entries: int
    size_bytes: int
    engines: dict[str, int]


class TranslationCache:
    """A key/value store of engine results. Opened lazily; nothing is created until used."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._conn: sqlite3.Connection | None = None
        # The review UI scores, re-scores and suggests in worker threads: one connection,
        # shared across threads and used by one thread at a time.
        self._lock = threading.RLock()
        self.hits = 0
        self.misses = 0
        self.unusable = False

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self.path, timeout=30.0, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(SCHEMA)
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @staticmethod
    def key(engine: Engine, pair: str, kind: str, text: str) -> str:
        parts = (engine.name, engine.model_id, engine.version, pair, kind, text)
        return hashlib.sha256(_SEP.join(parts).encode("utf-8")).hexdigest()

    def _usable(self) -> sqlite3.Connection | None:
        """The connection, or None (said once on stderr) when the cache cannot be opened.

        Scoring must not fail because a cache directory is read-only or full:
        without the cache it is only slower.
        """
        if self.unusable:
            return None
        try:
            return self._connect()
        except (OSError, sqlite3.Error) as exc:
            self.unusable = True
            notice_once(f"translation cache unavailable at {self.path} ({exc}); scoring without it")
            return None

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        with self._lock:
            return self._get_many(keys)

    def _get_many(self, keys: Sequence[str]) -> dict[str, str]:
        conn = self._usable()
        if conn is None:
            return {}
        found: dict[str, str] = {}
        for chunk_start in range(0, len(keys), 500):
            chunk = list(keys[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk)
            found.update(dict(rows.fetchall()))
        return found

    def put_many(self, engine: Engine, pair: str, kind: str, items: dict[str, str]) -> None:
        if not items:
            return
        now = time.time()
        rows = [
            (key, engine.name, engine.model_id, engine.version, pair, kind, value, now)
            for key, value in items.items()
        ]
        with self._lock:
            self._put_rows(rows)

    def _put_rows(self, rows: Sequence[tuple[object, ...]]) -> None:
        conn = self._usable()
        if conn is None:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?,?,?,?)", rows)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def info(self) -> CacheInfo:
        size = sum(p.stat().st_size for p in _db_files(self.path) if p.exists())
        if not self.path.exists():
            return CacheInfo(self.path, 0, 0, {})
        conn = self._connect()
        total = conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        rows = conn.execute(
            "SELECT engine || ' ' || model, COUNT(*) FROM entries GROUP BY 1 ORDER BY 1"
        ).fetchall()
        return CacheInfo(self.path, total, size, dict(rows))

    def clear(self) -> int:
        """Delete every entry; return how many there were."""
        if not self.path.exists():
            return 0
        conn = self._connect()
        count = conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        conn.execute("DELETE FROM entries")
        conn.execute("VACUUM")
        return count


def _db_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


class CachedEngine:
    """An engine that asks the cache first and the wrapped engine only for misses."""

    def __init__(self, engine: Engine, cache: TranslationCache) -> None:
        self.engine = engine
        self.cache = cache
        self.name = engine.name
        self.version = engine.version
        self.model_id = engine.model_id
        self.can_score = engine.can_score

    def __getattr__(self, attribute: str) -> object:
        return getattr(self.engine, attribute)

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        nbest: int = 1,
        with_scores: bool = False,
    ) -> list[Translation]:
        kind = f"translate:nbest={nbest}:scores={int(with_scores)}"

        def compute(missing: list[str]) -> list[Translation]:
            return self.engine.translate(missing, src, tgt, nbest=nbest, with_scores=with_scores)

        values = self._cached(f"{src}-{tgt}", kind, list(texts), compute, Translation.from_json)
        return values

    def score(
        self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str
    ) -> list[ForcedScore]:
        pairs = [f"{s}{_SEP}{t}" for s, t in zip(sources, targets, strict=True)]

        def compute(missing: list[str]) -> list[ForcedScore]:
            split = [m.split(_SEP, 1) for m in missing]
            return self.engine.score([s for s, _ in split], [t for _, t in split], src, tgt)

        return self._cached(f"{src}-{tgt}", "score", pairs, compute, ForcedScore.from_json)

    def memoize(
        self, pair: str, kind: str, texts: Sequence[str], compute: Callable[[list[str]], list[dict]]
    ) -> list[dict]:
        """Cache any JSON result computed from this engine's output (whole round trips)."""
        return self._cached(pair, kind, list(texts), compute, lambda data: data, lambda data: data)

    def _cached(
        self,
        pair: str,
        kind: str,
        texts: list[str],
        compute: Callable,
        load: Callable,
        dump: Callable = lambda result: result.to_json(),
    ) -> list:
        keys = [TranslationCache.key(self.engine, pair, kind, t) for t in texts]
        found = self.cache.get_many(sorted(set(keys)))
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        self.cache.hits += len(texts) - len(missing)
        self.cache.misses += len(missing)
        if missing:
            fresh = compute(missing)
            new = {
                TranslationCache.key(self.engine, pair, kind, t): json.dumps(dump(r))
                for t, r in zip(missing, fresh, strict=True)
            }
            self.cache.put_many(self.engine, pair, kind, new)
            found.update(new)
        return [load(json.loads(found[k])) for k in keys]
