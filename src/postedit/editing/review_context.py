"""Everything a review needs, gathered before the review UI starts (input errors stay one line)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from postedit.config import Config
from postedit.document import Document
from postedit.edit_memory import EditMemory
from postedit.editing.journal import journal_path, sha256_of
from postedit.engine_scoring import Scorer, open_scorer
from postedit.errors import InputError, OutputError
from postedit.writers import default_output

ScorerFactory = Callable[[], "Scorer | None"]


@dataclass
class ReviewContext:
    """One review: the article, its settings, where it saves, how it is scored.

    Attributes:
        article: path of the machine-translated article.
        document: the article, parsed.
        config: detector settings.
        output: where ``ctrl+s`` saves.
        editor: the human's name for the record.
        source_text: the original article, when given.
        engine: ``--engine`` choice.
        scorer_factory: builds the engine scorer (in a worker: it may load models).
        sha256: of the article's bytes, to match journals.
        record_index: which article of a ``.jsonl`` collection this is (0 otherwise).
        memory: the edit memory suggestions come from and saved fixes go to.
        site: the site name remembered with the fixes.
    """

    article: str
    document: Document
    config: Config
    output: str
    editor: str = "editor"
    source_text: str | None = None
    engine: str = "auto"
    scorer_factory: ScorerFactory | None = None
    sha256: str = ""
    record_index: int = 0
    memory: EditMemory | None = None
    site: str = ""
    journal: str = field(init=False)

    def __post_init__(self) -> None:
        self.journal = journal_path(self.output)
        if not self.sha256 and os.path.exists(self.article):
            self.sha256 = sha256_of(self.article)
        if self.scorer_factory is None:
            self.scorer_factory = self._default_scorer

    def _default_scorer(self) -> Scorer | None:
        return open_scorer(self.engine, self.document, self.config.source_lang, self.source_text)


def load_context(article: str, *, config: Config, source_path: str | None = None,
                 engine: str = "auto", output: str | None = None,
                 editor: str | None = None, record: str | None = None,
                 memory: str | None = None, site: str = "") -> ReviewContext:
    """Read the article (and source) and decide the output path; raises InputError early."""
    from postedit.edit_memory import load
    from postedit.pairing import read_source_text
    from postedit.pipeline import load_documents

    if article == "-":
        raise InputError("the review UI needs a file, not stdin")
    documents = list(load_documents([article], config))
    if not documents:
        raise InputError("no article found", path=article)
    index = _record_index(article, documents, record)
    document = documents[index]
    source_text = read_source_text(source_path) if source_path else None
    if output is None and record is not None:
        # one output per reviewed record, so reviewing another never overwrites this one
        root, ext = os.path.splitext(article)
        output = f"{root}.{_safe(record)}.edited{ext}"
    output = output or default_output(article)
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise OutputError("the folder to save in does not exist", path=output)
    if not os.access(folder, os.W_OK):
        raise OutputError("cannot write in the folder to save in", path=output)
    if os.path.abspath(output) == os.path.abspath(article):
        raise OutputError("the output would overwrite the article under review", path=output)
    return ReviewContext(article, document, config, output, editor or _default_editor(),
                         source_text, engine, record_index=index, memory=load(memory), site=site)


def _safe(name: str) -> str:
    return "".join(char if char.isalnum() or char in "-_" else "_" for char in name)[:60]


def _record_index(article: str, documents: list[Document], record: str | None) -> int:
    """Which article of a collection to review: the one named by ``--record``."""
    ids = [doc.id for doc in documents]
    if record is not None:
        if record not in ids:
            raise InputError(f"no record with id {record!r} (ids: {', '.join(ids[:10])})", path=article)
        return ids.index(record)
    if len(documents) > 1:
        raise InputError(
            f"holds {len(documents)} articles; choose one with --record ID "
            f"(ids: {', '.join(ids[:10])}{', ...' if len(ids) > 10 else ''})",
            path=article,
        )
    return 0


def _default_editor() -> str:
    from postedit.agents import resolve_editor

    return resolve_editor(None)
