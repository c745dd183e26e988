"""What a cluster worker does: score a chunk of articles, each on its own.

A chunk is a few articles of one input shard, sent as read (a JSONL line or a
text file's text) so that a bad article fails alone: it comes back as an
:class:`ArticleFailure` (an ``error`` record in the output) and the others are
scored. Each worker process builds its engines once per settings and keeps them
(with the translation cache they wrap) for every later chunk.
"""

from __future__ import annotations

from dataclasses import dataclass

from postedit import __version__
from postedit.batch import BatchSettings, _analyse, _selector
from postedit.config import Config
from postedit.document import Document
from postedit.engines import EngineSelector
from postedit.errors import ExitCode, PosteditError
from postedit.notices import capture_notices, drain_notices
from postedit.pipeline import DocumentReport, make_document
from postedit.readers import jsonl_article
from postedit.verdict import use_scoring


@dataclass(frozen=True)
class ArticleInput:
    """One article as read by the client, not yet parsed.

    Attributes:
        path: the shard it comes from.
        lineno: its line in a JSONL shard (None for a text file).
        body: the JSONL line, or the whole text of a text file.
        fmt: ``jsonl``, ``txt`` or ``md``.
        encoding: the shard's encoding (see ``readers.decode``).
    """

    path: str
    lineno: int | None
    body: str
    fmt: str
    encoding: str


@dataclass(frozen=True)
class ArticleFailure:
    """An article (or a whole shard, ``line`` None) that could not be scored."""

    path: str
    line: int | None
    doc: str
    message: str
    exit_code: int = int(ExitCode.USAGE_OR_INPUT)

    def to_json(self) -> dict:
        return {"type": "error", "doc": self.doc, "path": self.path, "line": self.line,
                "error": self.message, "postedit": __version__}


Outcome = DocumentReport | ArticleFailure
_SELECTORS: dict[str, EngineSelector] = {}  # per worker process: settings -> engines


def score_chunk(
    chunk: tuple[ArticleInput, ...], config: Config, settings: BatchSettings
) -> tuple[list[Outcome], list[str]]:
    """The report (or failure) of every article of ``chunk``, and the notices said meanwhile."""
    if not _SELECTORS:
        capture_notices()
    use_scoring(config.scoring)
    engines = _engines(settings)
    return [_score_one(article, config, settings, engines) for article in chunk], drain_notices()


def _engines(settings: BatchSettings) -> EngineSelector:
    key = repr(settings)
    if key not in _SELECTORS:
        _SELECTORS[key] = _selector(settings)
    return _SELECTORS[key]


def _score_one(
    article: ArticleInput, config: Config, settings: BatchSettings, engines: EngineSelector
) -> Outcome:
    doc = f"{article.path}:{article.lineno}" if article.lineno else article.path
    try:
        document = _document(article, config)
        doc = document.id
        return _analyse(document, config, settings, engines)
    except PosteditError as exc:
        return ArticleFailure(article.path, article.lineno, doc, str(exc), int(exc.exit_code))
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not stop the archive
        return ArticleFailure(article.path, article.lineno, doc, f"{type(exc).__name__}: {exc}", 1)


def _document(article: ArticleInput, config: Config) -> Document:
    meta: dict = {}
    if article.lineno is None:
        doc_id, text = ("stdin" if article.path == "-" else article.path), article.body
    else:
        doc_id, text, meta = jsonl_article(article.body, article.path, article.lineno)
    return make_document(doc_id, text, fmt=article.fmt, path=article.path, meta=meta,
                         encoding=article.encoding, config=config)
