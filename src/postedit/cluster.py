"""Score an archive on a Dask cluster: ``postedit score ... --cluster ADDRESS|local[:N]``.

Dask (``pip install 'postedit[cluster]'``) is imported only here and only when a
cluster is asked for. The client reads every shard (a text file or a ``.jsonl``
file of one article a line), cuts it into chunks of :data:`CHUNK_ARTICLES`
articles and keeps a bounded number of chunks in flight; results come back in
input order. A worker that dies has its chunks run again elsewhere (the
scheduler's reassignment, plus ``retries`` for errors); an article that cannot
be scored comes back as a failure and the rest go on (see ``cluster_work``).
With an output directory every shard gets its own result file, written
atomically, next to a manifest of the input's checksum and the settings, so a
rerun skips shards already scored (see ``cluster_output``).
"""

from __future__ import annotations

import glob
import hashlib
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from postedit.batch import BatchSettings, count_articles
from postedit.cluster_work import ArticleFailure, ArticleInput, Outcome, score_chunk
from postedit.config import Config
from postedit.errors import PosteditError
from postedit.extras import require_extra
from postedit.formats.jsonl import split_lines
from postedit.notices import notice_once
from postedit.readers import JSONL_SUFFIXES, decode, expand_paths, read_bytes

CHUNK_ARTICLES = 20
IN_FLIGHT_PER_THREAD = 4
RETRIES = 2
CONNECT_TIMEOUT = "10s"


class ClusterError(PosteditError):
    """The cluster cannot be started or reached."""


@dataclass(frozen=True)
class ClusterSpec:
    """Where to run: ``address`` of a scheduler, or ``local_workers`` processes here."""

    address: str | None = None
    local_workers: int | None = None

    def describe(self) -> str:
        if self.address:
            return f"the Dask scheduler at {self.address}"
        return f"a local cluster of {self.local_workers} worker processes, 1 thread each"


def parse_spec(value: str) -> ClusterSpec:
    """``local``, ``local:N`` or a scheduler address (``tcp://HOST:8786``)."""
    if value == "local" or value.startswith("local:"):
        count = value.partition(":")[2] or str(os.cpu_count() or 1)
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"--cluster {value}: expected local, local:N (N >= 1) or tcp://HOST:PORT")
        return ClusterSpec(local_workers=int(count))
    if "://" not in value and ":" not in value:
        raise ClusterError(f"--cluster {value}: expected local, local:N or tcp://HOST:PORT")
    return ClusterSpec(address=value)


def distributed_module() -> Any:
    """``distributed``, or a one-line error naming the extra to install."""
    return require_extra("cluster", "--cluster", "distributed", error=ClusterError)


@contextmanager
def connect(spec: ClusterSpec) -> Iterator[Any]:
    """A Dask client for ``spec`` (starting, and at the end stopping, a local cluster)."""
    distributed = distributed_module()
    if spec.address:
        try:
            client = distributed.Client(spec.address, timeout=CONNECT_TIMEOUT)
        except OSError as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {spec.address}: {exc}") from None
        with client:
            yield client
        return
    with distributed.LocalCluster(
        n_workers=spec.local_workers, threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=logging.ERROR,
    ) as cluster, distributed.Client(cluster) as client:  # fmt: skip
        yield client


def expand_inputs(paths: Iterable[str]) -> list[str]:
    """Files, directories (their articles, sorted) and globs (``news/**/*.jsonl``)."""
    out: list[str] = []
    for path in paths:
        if glob.has_magic(path) and not os.path.exists(path):
            found = sorted(glob.glob(path, recursive=True))
            if not found:
                raise ClusterError(f"{path}: no file matches")
            out.extend(expand_paths(found))
        else:
            out.extend(expand_paths([path]))
    return out


@dataclass(frozen=True)
class Shard:
    """One input file as read: its articles, its checksum, or why it cannot be read."""

    path: str
    articles: tuple[ArticleInput, ...]
    sha256: str
    failure: ArticleFailure | None = None


def read_shard(path: str) -> Shard:
    """The articles of ``path``, unparsed (a bad one fails alone on the worker)."""
    try:
        data = read_bytes(path)
        text, encoding = decode(data, path)
    except PosteditError as exc:
        return Shard(path, (), "", ArticleFailure(path, None, path, str(exc), int(exc.exit_code)))
    digest = hashlib.sha256(data).hexdigest()
    if not path.lower().endswith(JSONL_SUFFIXES):
        fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
        return Shard(path, (ArticleInput(path, None, text, fmt, encoding),), digest)
    articles = tuple(
        ArticleInput(path, lineno, line, "jsonl", encoding)
        for lineno, line in enumerate(split_lines(text), 1) if line.strip()
    )
    return Shard(path, articles, digest)


@dataclass(frozen=True)
class ShardResult:
    """The outcomes of one shard, in order."""

    shard: Shard
    outcomes: tuple[Outcome, ...]


def prepared(
    paths: Iterable[str], settings: BatchSettings, spec: ClusterSpec
) -> tuple[list[str], BatchSettings]:
    """The input files, and the settings for the run (batch rules, threads per worker)."""
    files = expand_inputs(paths)
    total = count_articles(files)
    settings = replace(settings, skip_pairs=settings.skip_pairs if settings.skip_pairs is not None
                       else total != 1)
    if spec.local_workers:
        threads = max(1, (os.cpu_count() or 1) // spec.local_workers)
        settings = replace(settings, engine_config=replace(settings.engine_config, threads=threads))
    return files, settings


def score_shards(
    client: Any, shards: Iterable[Shard], config: Config, settings: BatchSettings, bar: Any
) -> Iterator[ShardResult]:
    """Every shard's outcomes, in input order, scored on ``client``'s workers; ``bar``
    (see :func:`progress`) counts the articles as they are done."""
    window = max(2, sum(client.nthreads().values()) * IN_FLIGHT_PER_THREAD)
    noted = [settings.source_lang_note]

    def submit(chunk: tuple[ArticleInput, ...]) -> Any:
        return client.submit(score_chunk, chunk, config, settings, retries=RETRIES, pure=False)

    pieces = _chunks(shards, noted)
    results = _ordered(pieces, submit, window, bar)
    yield from _per_shard(results)


def _chunks(shards: Iterable[Shard], noted: list[str | None]) -> Iterator[tuple[Shard, tuple, bool]]:
    """``(shard, chunk of its articles, last chunk?)``; a shard with no articles is one empty chunk."""
    for shard in shards:
        if noted[0] and shard.articles:
            notice_once(noted[0])
            noted[0] = None
        starts = range(0, len(shard.articles), CHUNK_ARTICLES) or range(1)
        for start in starts:
            chunk = shard.articles[start:start + CHUNK_ARTICLES]
            yield shard, chunk, start + CHUNK_ARTICLES >= len(shard.articles)


def _ordered(
    pieces: Iterator[tuple[Shard, tuple, bool]], submit: Callable[[tuple], Any], window: int, bar: Any
) -> Iterator[tuple[Shard, list[Outcome], bool]]:
    """The outcomes of each piece in input order, with at most ``window`` chunks on the cluster."""
    from distributed import as_completed

    queue = as_completed()
    waiting: dict[int, tuple[Shard, tuple, bool, Any]] = {}
    ready: dict[int, list[Outcome]] = {}
    counter = {"submitted": 0, "next": 0}
    seq_of: dict[str, int] = {}

    def fill() -> None:
        while len(waiting) + len(ready) < window:
            piece = next(pieces, None)
            if piece is None:
                return
            future = submit(piece[1]) if piece[1] else None
            waiting[counter["submitted"]] = (*piece, future)
            counter["submitted"] += 1
            if future is not None:
                seq_of[future.key] = counter["submitted"] - 1
                queue.add(future)

    fill()
    yield from _drain(waiting, ready, counter)
    while waiting:
        future = next(queue)
        seq = seq_of.pop(future.key)
        ready[seq] = _outcomes(waiting[seq], future)
        bar.update(len(waiting[seq][1]))
        yield from _drain(waiting, ready, counter)
        fill()
        yield from _drain(waiting, ready, counter)


def _drain(waiting: dict, ready: dict, counter: dict) -> Iterator[tuple[Shard, list[Outcome], bool]]:
    """The pieces that are next in order and done (an empty piece is done at once)."""
    while counter["next"] in waiting:
        shard, chunk, last, future = waiting[counter["next"]]
        if future is not None and counter["next"] not in ready:
            return
        outcomes = ready.pop(counter["next"], [])
        del waiting[counter["next"]]
        counter["next"] += 1
        yield shard, outcomes, last


def _outcomes(piece: tuple[Shard, tuple, bool, Any], future: Any) -> list[Outcome]:
    """The chunk's outcomes and notices; when the chunk itself failed, a failure per article."""
    chunk = piece[1]
    try:
        outcomes, notices = future.result()
    except Exception as exc:  # noqa: BLE001 - KilledWorker after every retry, or a lost worker
        message = f"not scored on the cluster: {type(exc).__name__}: {exc}"
        return [ArticleFailure(a.path, a.lineno, a.path, message, 1) for a in chunk]
    for message in notices:
        notice_once(message)
    return outcomes


def _per_shard(results: Iterator[tuple[Shard, list[Outcome], bool]]) -> Iterator[ShardResult]:
    gathered: list[Outcome] = []
    for shard, outcomes, last in results:
        gathered.extend(outcomes)
        if last:
            failed = (shard.failure,) if shard.failure else ()
            yield ShardResult(shard, (*failed, *gathered))
            gathered = []


def progress(show: bool, total: int | None) -> Any:
    """A tqdm bar on stderr (count, rate, ETA), or a stand-in that shows nothing."""
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, desc="postedit", leave=False,
                disable=not show)
