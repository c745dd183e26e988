"""Scoring a document with an engine: round trips batch by batch, then the flags.

:func:`score_batches` is the one way to score: round trips for some segments at a
time (so the review UI can show each batch as it arrives), then one final batch
with the calibrated engine flags (:func:`~postedit.backtranslation.capped`) and,
given the source article, the bilingual comparison. :func:`score_document` is the
same scoring in one piece (``postedit score --engine``). :class:`RoundTripScorer`
wraps an engine for the review UI.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from postedit.backtranslation import RoundTrip, capped, engine_flags, round_trip, scored_segments
from postedit.bilingual import bilingual_extras
from postedit.document import Block, Document, Segment
from postedit.engines.base import Engine
from postedit.flags import Flag

BATCH_SIZE = 4


@dataclass(frozen=True)
class ScoredBatch:
    """Engine results for some segments.

    Attributes:
        results: ``{segment id: {"backtranslation": {...}}}``.
        flags: engine flags (document offsets), given once the whole document is scored.
        done, total: segments scored so far, and in all.
        final: the last batch (its results complete earlier ones with the bilingual fields).
    """

    results: dict[str, dict]
    flags: tuple[Flag, ...] = ()
    done: int = 0
    total: int = 0
    final: bool = False


def score_batches(engine: Engine, document: Document, source_lang: str,
                  segments: Sequence[Segment] | None = None, *, source_text: str | None = None,
                  batch_size: int | None = None) -> Iterator[ScoredBatch]:
    """Round trips ``batch_size`` segments at a time (all at once: None), then the flags.

    ``segments`` default to those worth a round trip (not boilerplate).
    """
    segments = list(scored_segments(document) if segments is None else segments)
    step = batch_size or max(1, len(segments))
    trips: list[RoundTrip] = []
    for start in range(0, len(segments), step):
        batch = round_trip(engine, document, source_lang, segments[start : start + step])
        trips += batch
        found = {t.segment: {"backtranslation": t.to_json()} for t in batch}
        yield ScoredBatch(found, (), len(trips), len(segments))
    flags = list(engine_flags(document, trips, source_lang))
    results: dict[str, dict] = {}
    if source_text is not None and trips:
        extras, more = bilingual_extras(engine, document, segments, trips, source_text,
                                        source_lang)
        flags += more
        records = {t.segment: t.to_json() for t in trips}
        for segment_id, extra in extras.items():
            records.setdefault(segment_id, {}).update(extra)
        results = {segment_id: {"backtranslation": r} for segment_id, r in records.items()}
    yield ScoredBatch(results, tuple(capped(flags)), len(trips), len(segments), final=True)


def score_document(
    engine: Engine, document: Document, source_lang: str, *, source_text: str | None = None
) -> tuple[dict[str, dict], list[Flag]]:
    """Engine results per segment id (``{"backtranslation": {...}}``, for JSONL) and flags.

    With ``source_text`` (the original article) each record also gets ``source``:
    the aligned original sentence and the bilingual comparison.
    """
    results: dict[str, dict] = {}
    flags: tuple[Flag, ...] = ()
    for batch in score_batches(engine, document, source_lang, source_text=source_text):
        results.update(batch.results)
        flags = batch.flags
    return results, list(flags)


class Scorer(Protocol):
    """What the review UI scores with (a stand-in in tests)."""

    name: str

    def describe(self) -> dict[str, str]:
        """``{name, version, model}`` for the provenance record."""
        ...

    def score(self, document: Document, segments: Sequence[Segment]) -> Iterator[ScoredBatch]:
        """Results batch by batch; the last batch has ``final`` set and carries the flags."""
        ...


def open_scorer(engine: str, document: Document, source_lang: str,
                source_text: str | None = None) -> Scorer | None:
    """The scorer for ``--engine`` (None when no engine is wanted or available)."""
    if engine == "none" or source_lang == document.lang:
        return None
    from postedit.engines import get_engine

    built = get_engine(engine, source_lang, document.lang)
    if built is None:
        return None
    return RoundTripScorer(built, source_lang, source_text)


@dataclass
class RoundTripScorer:
    """:func:`score_batches` with one engine, a few segments at a time."""

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
        return score_batches(self.engine, document, self.source_lang, segments,
                             source_text=self.source_text or None, batch_size=self.batch_size)


def single_segment_document(document: Document, segment_id: str, text: str) -> Document:
    """A one-sentence document holding ``text`` for the segment (offsets local to ``text``)."""
    block = document.block_of(segment_id)
    segment = Segment(segment_id, 0, len(text), text)
    edited = Block(block.id, block.kind, 0, len(text), text, (segment,))
    return replace(document, text=text, blocks=(edited,))


def progress_text(batch: ScoredBatch, scorer: Scorer | None, rescore: bool = False) -> str:
    """What the review UI's header says about engine scoring."""
    if scorer is None:
        return "no engine"
    if rescore:
        return f"{scorer.name}: re-scored"
    if batch.final:
        return f"{scorer.name}: scored {batch.total}"
    return f"{scorer.name}: scoring {batch.done}/{batch.total}"
