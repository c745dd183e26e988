"""Score many articles: in worker processes with ``--jobs N``, streamed in input order.

Scoring with detectors only or with Apertium, the main process reads the articles,
scores the first itself and then ``fork``s the workers, which inherit every module and
word table that article loaded instead of paying for them again, and parse as well as
score the rest (each worker starts its own Apertium pipelines). With another engine the
main process parses every article and the workers are ``spawn``-ed (CTranslate2 and
OpenMP threads do not survive ``fork``). Each worker builds its
engines once and shares the SQLite translation cache with the others. Reports come
back as soon as the next one in input order is ready, with a bounded number in
flight, so output streams and order never changes.
Workers hand their notices back with each report; the main process says each once.

In a batch of several articles, a named engine that cannot translate one
article's language pair is skipped for that article (a notice, and the report's
``notices`` say so); with a single article it is an error (exit 3).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from postedit.config import Config
from postedit.document import Document
from postedit.engines import (
    EngineConfig,
    EngineSelector,
    auto_choice,
)
from postedit.errors import EngineError
from postedit.extras import MissingExtraError
from postedit.notices import capture_notices, drain_notices, notice_once
from postedit.pipeline import DocumentReport, analyse, load_documents, make_document
from postedit.readers import JSONL_SUFFIXES, Article, expand_paths, read_articles
from postedit.verdict import use_scoring

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

IN_FLIGHT_PER_JOB = 2
FORKABLE_ENGINES = ("none", "apertium")
T = TypeVar("T")


@dataclass(frozen=True)
class BatchSettings:
    """How a batch is scored.

    Attributes:
        engine: ``auto``, ``argos``, ``apertium`` or ``none``.
        source_lang: language the articles were translated from.
        engine_config: device, cache and threads for the engines.
        source_text: the original article (``--source``), for a single document.
        jobs: worker processes; 1 scores in this process.
        progress: show a progress bar on stderr.
        skip_pairs: score an article with detectors only when the named engine cannot
            translate its language pair (None: when the batch has more than one article).
        source_lang_note: said once the first article is read (``source_lang`` was assumed).
    """

    engine: str = "none"
    source_lang: str = "es"
    engine_config: EngineConfig = field(default_factory=EngineConfig)
    source_text: str | None = None
    jobs: int = 1
    progress: bool = False
    skip_pairs: bool | None = None
    source_lang_note: str | None = None


def score_paths(paths: Iterable[str], config: Config, settings: BatchSettings) -> Iterator[DocumentReport]:
    """Reports for every article in ``paths``, in order."""
    paths = expand_paths(list(paths))
    total = count_articles(paths) if settings.progress or settings.skip_pairs is None else None
    if settings.skip_pairs is None:
        settings = replace(settings, skip_pairs=total != 1)
    if settings.jobs > 1 and _start_method(settings) == "fork":
        reports = _parallel(_noting(_articles(paths), settings.source_lang_note), config, settings)
    else:
        documents = _noting(load_documents(paths, config), settings.source_lang_note)
        reports = (_parallel(documents, config, settings) if settings.jobs > 1
                   else _serial(documents, config, settings))
    yield from _with_progress(reports, settings.progress, total)


@dataclass(frozen=True)
class _Unparsed:
    """An article as read from ``path``, for a forked worker to parse."""

    path: str
    article: Article

    def parse(self, config: Config) -> Document:
        art = self.article
        return make_document(art.doc_id, art.text, fmt=art.fmt, path=self.path, meta=art.meta,
                             encoding=art.encoding, config=config)


def _articles(paths: list[str]) -> Iterator[_Unparsed]:
    """Every article in ``paths``, read but not parsed (``load_documents`` without parsing)."""
    for path in paths:
        for art in read_articles(path):
            yield _Unparsed(path, art)


def _parsed(item: Document | _Unparsed, config: Config) -> Document:
    return item.parse(config) if isinstance(item, _Unparsed) else item


def _noting(documents: Iterator[T], note: str | None) -> Iterator[T]:
    """The documents, saying ``note`` once the first one could be read (not before an error)."""
    for document in documents:
        if note:
            notice_once(note)
        yield document


def count_articles(paths: Iterable[str]) -> int | None:
    """How many articles ``paths`` hold, or None when that cannot be known before reading
    (stdin, a pipe)."""
    total = 0
    for path in paths:
        if path == "-" or not os.path.isfile(path):
            return None
        if path.lower().endswith(JSONL_SUFFIXES):
            with open(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


def _selector(settings: BatchSettings) -> EngineSelector:
    return EngineSelector(settings.engine, settings.source_lang, settings.engine_config,
                          skip_pairs=bool(settings.skip_pairs))


def _serial(
    documents: Iterable[Document], config: Config, settings: BatchSettings
) -> Iterator[DocumentReport]:
    engines = _selector(settings)
    for document in documents:
        yield _analyse(document, config, settings, engines)


def _analyse(
    document: Document, config: Config, settings: BatchSettings, engines: EngineSelector
) -> DocumentReport:
    try:
        engine = engines.for_language(document.lang)
        report = analyse(document, config, engine=engine, source_text=settings.source_text)
    except (EngineError, MissingExtraError) as exc:
        if exc.path is not None:
            raise
        raise type(exc)(str(exc), path=document.id) from None
    skipped = engines.skipped.get(document.lang)
    return replace(report, notices=(*report.notices, skipped)) if skipped else report


def _parallel(
    documents: Iterable[Document | _Unparsed], config: Config, settings: BatchSettings
) -> Iterator[DocumentReport]:
    from concurrent.futures import ProcessPoolExecutor  # noqa: F811 (30 ms of imports: --jobs only)

    threads = max(1, (os.cpu_count() or 1) // settings.jobs)
    settings = replace(settings, engine_config=replace(settings.engine_config, threads=threads))
    documents = iter(documents)
    method = _start_method(settings)
    if method == "fork":
        first = next(documents, None)
        if first is None:
            return
        # Scoring it loads the modules and tables the forked workers then inherit.
        yield _analyse(_parsed(first, config), config, settings, _selector(settings))
        gc.freeze()  # inherited objects stay shared: the collector does not touch their pages
    try:
        with ProcessPoolExecutor(
            settings.jobs, mp_context=multiprocessing.get_context(method),
            initializer=_start_worker, initargs=(config, settings),
        ) as pool:
            yield from _in_order(pool, documents, settings)
    finally:
        gc.unfreeze()


def _start_method(settings: BatchSettings) -> str:
    """``fork`` where the platform has it, for detectors only or Apertium (whose work runs
    in its own processes, started afresh by each worker); else ``spawn``."""
    forkable = settings.engine in FORKABLE_ENGINES
    fork = forkable and "fork" in multiprocessing.get_all_start_methods()
    return "fork" if fork else "spawn"


def _in_order(pool: ProcessPoolExecutor, documents: Iterator[Document | _Unparsed],
              settings: BatchSettings) -> Iterator[DocumentReport]:
    """Reports of the pool's work in input order, with a bounded number in flight."""
    pending: deque[Future[tuple[DocumentReport, list[str]]]] = deque()
    languages: set[str] = set()
    for document in documents:
        if isinstance(document, Document) and settings.engine == "auto" \
                and document.lang not in languages:
            languages.add(document.lang)
            auto_choice(settings.source_lang, document.lang)  # the notice, said here once
        pending.append(pool.submit(_work, document))
        if len(pending) >= settings.jobs * IN_FLIGHT_PER_JOB:
            yield _said(pending.popleft().result())
    while pending:
        yield _said(pending.popleft().result())


def _said(result: tuple[DocumentReport, list[str]]) -> DocumentReport:
    """The report of a worker, after saying (once) the notices it brought back."""
    report, notices = result
    for message in notices:
        notice_once(message)
    return report


_WORKER: dict = {}


def _start_worker(config: Config, settings: BatchSettings) -> None:
    capture_notices()
    use_scoring(config.scoring)
    _WORKER["config"] = config
    _WORKER["settings"] = settings
    _WORKER["engines"] = _selector(settings)


def _work(item: Document | _Unparsed) -> tuple[DocumentReport, list[str]]:
    config = _WORKER["config"]
    report = _analyse(_parsed(item, config), config, _WORKER["settings"], _WORKER["engines"])
    return report, drain_notices()


def _with_progress(
    reports: Iterator[DocumentReport], show: bool, total: int | None = None
) -> Iterator[DocumentReport]:
    if not show:
        yield from reports
        return
    from tqdm import tqdm

    # With a known total tqdm shows the count, percent and ETA; without, a running count.
    with tqdm(total=total, unit="doc", file=sys.stderr, desc="postedit", leave=False) as bar:
        for report in reports:
            bar.update(1)
            yield report
