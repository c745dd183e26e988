"""Score many articles: in worker processes with ``--jobs N``, streamed in input order.

Documents are read and parsed in the main process and sent to a pool of
``spawn``-ed workers (CTranslate2 and OpenMP threads do not survive ``fork``);
each worker builds its engines once and shares the SQLite translation cache with
the others. Reports come back as soon as the next one in input order is ready,
with a bounded number in flight, so output streams and order never changes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from postedit.config import Config
from postedit.document import Document
from postedit.engines import EngineConfig, EngineSelector, auto_choice, mute_notices
from postedit.errors import EngineError
from postedit.pipeline import DocumentReport, analyse, load_documents

IN_FLIGHT_PER_JOB = 2


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
    """

    engine: str = "none"
    source_lang: str = "es"
    engine_config: EngineConfig = field(default_factory=EngineConfig)
    source_text: str | None = None
    jobs: int = 1
    progress: bool = False


def score_paths(paths: Iterable[str], config: Config, settings: BatchSettings) -> Iterator[DocumentReport]:
    """Reports for every article in ``paths``, in order."""
    documents = load_documents(list(paths), config)
    reports = (
        _parallel(documents, config, settings) if settings.jobs > 1 else _serial(documents, config, settings)
    )
    yield from _with_progress(reports, settings.progress)


def _serial(
    documents: Iterable[Document], config: Config, settings: BatchSettings
) -> Iterator[DocumentReport]:
    engines = EngineSelector(settings.engine, settings.source_lang, settings.engine_config)
    for document in documents:
        yield _analyse(document, config, settings, engines)


def _analyse(
    document: Document, config: Config, settings: BatchSettings, engines: EngineSelector
) -> DocumentReport:
    try:
        engine = engines.for_language(document.lang)
        return analyse(document, config, engine=engine, source_text=settings.source_text)
    except EngineError as exc:
        if exc.path is not None:
            raise
        raise EngineError(str(exc), path=document.id) from None


def _parallel(
    documents: Iterable[Document], config: Config, settings: BatchSettings
) -> Iterator[DocumentReport]:
    threads = max(1, (os.cpu_count() or 1) // settings.jobs)
    settings = replace(settings, engine_config=replace(settings.engine_config, threads=threads))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        settings.jobs, mp_context=context, initializer=_start_worker, initargs=(config, settings)
    ) as pool:
        pending: deque[Future[DocumentReport]] = deque()
        languages: set[str] = set()
        for document in documents:
            if settings.engine == "auto" and document.lang not in languages:
                languages.add(document.lang)
                auto_choice(settings.source_lang, document.lang)  # the notice, said here once
            pending.append(pool.submit(_work, document))
            if len(pending) >= settings.jobs * IN_FLIGHT_PER_JOB:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


_WORKER: dict = {}


def _start_worker(config: Config, settings: BatchSettings) -> None:
    mute_notices()
    _WORKER["config"] = config
    _WORKER["settings"] = settings
    _WORKER["engines"] = EngineSelector(settings.engine, settings.source_lang, settings.engine_config)


def _work(document: Document) -> DocumentReport:
    return _analyse(document, _WORKER["config"], _WORKER["settings"], _WORKER["engines"])


def _with_progress(reports: Iterator[DocumentReport], show: bool) -> Iterator[DocumentReport]:
    if not show:
        yield from reports
        return
    from tqdm import tqdm

    with tqdm(unit="doc", file=sys.stderr, desc="postedit", leave=False) as bar:
        for report in reports:
            bar.update(1)
            yield report
