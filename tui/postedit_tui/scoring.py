"""Engine scoring for the review UI, batch by batch, without Textual.

A scorer turns segments into engine results (``{"backtranslation": {...}}`` per
segment id, the JSONL shape) and engine flags. The UI runs it in a worker
thread and shows each batch as it arrives. When the library has no engines
(:mod:`postedit.backtranslation` missing) or none is installed for the language
pair, there is no scorer and the UI shows detector results only.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from postedit.document import Block, Document, Segment
from postedit.flags import Flag

BATCH_SIZE = 4


@dataclass(frozen=True)
class ScoredBatch:
    """Engine results for some segments.

    Attributes:
        results: ``{segment id: {"backtranslation": {...}}}``.
        flags: engine flags (document offsets), given once the whole document is scored.
        done, total: segments scored so far, and in all.
    """

    results: dict[str, dict]
    flags: tuple[Flag, ...] = ()
    done: int = 0
    total: int = 0
    final: bool = False


class Scorer(Protocol):
    name: str

    def describe(self) -> dict[str, str]:
        """``{name, version, model}`` for the provenance record."""
        ...

    def score(self, document: Document, segments: Sequence[Segment]) -> Iterator[ScoredBatch]:
        """Results batch by batch; the last batch has ``final`` set and carries the flags."""
        ...


def engines_installed() -> bool:
    return importlib.util.find_spec("postedit.backtranslation") is not None


def open_scorer(engine: str, document: Document, source_lang: str,
                source_text: str | None = None) -> Scorer | None:
    """The scorer for ``--engine`` (None when no engine is wanted or available)."""
    if engine == "none" or not engines_installed() or source_lang == document.lang:
        return None
    from postedit.engines import get_engine

    built = get_engine(engine, source_lang, document.lang)
    if built is None:
        return None
    return RoundTripScorer(built, source_lang, source_text)


@dataclass
class RoundTripScorer:
    """Round trips through a library engine, calibrated flags at the end."""

    engine: Any
    source_lang: str
    source_text: str | None = None
    batch_size: int = BATCH_SIZE
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = str(getattr(self.engine, "name", "engine"))

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "version": str(getattr(self.engine, "version", "")),
                "model": str(getattr(self.engine, "model_id", ""))}

    def score(self, document: Document, segments: Sequence[Segment]) -> Iterator[ScoredBatch]:
        from postedit.backtranslation import engine_flags, round_trip

        trips: list = []
        total = len(segments)
        for start in range(0, total, self.batch_size):
            batch = round_trip(self.engine, document, self.source_lang,
                               segments[start : start + self.batch_size])
            trips += batch
            results = {t.segment: {"backtranslation": t.to_json()} for t in batch}
            yield ScoredBatch(results, (), len(trips), total)
        flags = list(engine_flags(document, trips, self.source_lang)) if total > 2 else []
        extras = self._bilingual(document, segments, trips, flags)
        yield ScoredBatch(extras, tuple(flags), total, total, final=True)

    def _bilingual(self, document: Document, segments: Sequence[Segment], trips: list,
                   flags: list[Flag]) -> dict[str, dict]:
        if not self.source_text or not trips:
            return {}
        from postedit.bilingual import bilingual_extras

        extras, more = bilingual_extras(self.engine, document, segments, trips,
                                        self.source_text, self.source_lang)
        flags += more
        records = {t.segment: t.to_json() for t in trips}
        for segment_id, extra in extras.items():
            records.setdefault(segment_id, {}).update(extra)
        return {segment_id: {"backtranslation": r} for segment_id, r in records.items()}


def scored_segments(document: Document) -> list[Segment]:
    """Segments worth an engine's time: everything but web boilerplate."""
    return [seg for block, seg in document.iter_segments() if block.kind != "boilerplate"]


def single_segment_document(document: Document, segment_id: str, text: str) -> Document:
    """A one-sentence document holding ``text`` for the segment (offsets local to ``text``)."""
    block = document.block_of(segment_id)
    segment = Segment(segment_id, 0, len(text), text)
    edited = Block(block.id, block.kind, 0, len(text), text, (segment,))
    return replace(document, text=text, blocks=(edited,))


def progress_text(batch: ScoredBatch, scorer: Scorer | None, rescore: bool = False) -> str:
    """What the header says about engine scoring."""
    if scorer is None:
        return "no engine"
    if rescore:
        return f"{scorer.name}: re-scored"
    if batch.final:
        return f"{scorer.name}: scored {batch.total}"
    return f"{scorer.name}: scoring {batch.done}/{batch.total}"
