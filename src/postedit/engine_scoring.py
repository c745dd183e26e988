"""Scoring a document with an engine: round trips batch by batch, then the flags.

:func:`score_batches` is the one way to score: round trips for some segments at a
time (so the review UI can show each batch as it arrives), then one final batch
with the calibrated engine flags (:func:`~postedit.backtranslation.capped`) and,
given the source article, the bilingual comparison. :func:`score_document` is the
same scoring in one piece (``postedit score --engine``). :class:`RoundTripScorer`
wraps an engine for the review UI, which scores in batches sized by time
(:class:`BatchSizer`: an engine's start-up is paid once per batch, so batches grow
while they finish quickly) and the focused sentence first (:class:`ScoringQueue`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from postedit.backtranslation import RoundTrip, capped, engine_flags, round_trip, scored_segments
from postedit.bilingual import bilingual_extras
from postedit.document import Block, Document, Segment
from postedit.engines.base import Engine
from postedit.flags import Flag

BATCH_SIZE = 4
FocusSource = Callable[[], "str | None"]
Clock = Callable[[], float]


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
                  batch_size: int | None = None, sizer: BatchSizer | None = None,
                  focus: FocusSource | None = None,
                  clock: Clock = time.perf_counter) -> Iterator[ScoredBatch]:
    """Round trips some segments at a time, then one final batch with the flags.

    Batches are ``batch_size`` segments (all at once: None), or as many as ``sizer``
    says after timing each batch with ``clock``. Each batch starts at ``focus()``
    (the segment the reader is on) when that one is not scored yet, and is short
    when the reader has just moved there. ``segments`` default to those worth a
    round trip (not boilerplate).
    """
    segments = list(scored_segments(document) if segments is None else segments)
    sizer = sizer or BatchSizer.fixed(batch_size or len(segments))
    queue = ScoringQueue(segments, document)
    trips: list[RoundTrip] = []
    moved_to: list[str | None] = [None]
    while queue:
        size, focused = _next_size(queue, sizer, focus() if focus else None, moved_to)
        batch = queue.take(size, focused)
        begun = clock()
        found = round_trip(engine, document, source_lang, batch)
        if size == sizer.size:  # a short batch for the reader says little about speed
            sizer.measured(clock() - begun)
        trips += found
        yield ScoredBatch({t.segment: {"backtranslation": t.to_json()} for t in found}, (),
                          len(trips), len(segments))
    yield _final_batch(engine, document, source_lang, segments, queue.in_order(trips),
                       source_text)


def _next_size(queue: ScoringQueue, sizer: BatchSizer, focused: str | None,
               moved_to: list[str | None]) -> tuple[int, str | None]:
    """The next batch's size: a short one when the reader moved to an unscored sentence.

    ``moved_to`` holds the focus seen last (updated here).
    """
    moved = focused != moved_to[0] and focused is not None and queue.waiting(focused)
    moved_to[0] = focused
    return (min(sizer.size, BATCH_SIZE) if moved else sizer.size), focused


def _final_batch(engine: Engine, document: Document, source_lang: str,
                 segments: list[Segment], trips: list[RoundTrip],
                 source_text: str | None) -> ScoredBatch:
    """The engine flags over the whole document and, given the source, the bilingual fields."""
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
    return ScoredBatch(results, tuple(capped(flags)), len(trips), len(segments), final=True)


@dataclass
class BatchSizer:
    """How many segments the next batch takes, from how long the last ones took.

    An engine pays a start-up per batch (Apertium starts its pipeline twice), so
    small batches waste most of their time; large ones keep the focused sentence
    waiting. The size doubles after the first batch, while a batch takes under
    ``fast`` seconds, and while doubling it cost under ``sublinear`` times the time
    (the start-up dominates); it quadruples while that cost under ``flat`` times (the
    start-up is nearly all of it); it halves when a batch takes over ``slow``.

    Attributes:
        size: segments in the next batch.
        fast, slow: the batch durations (seconds) the size aims between.
        sublinear, flat: growth in time, for more segments, that still pays to grow.
        smallest, largest: bounds on ``size``.
    """

    size: int = BATCH_SIZE
    fast: float = 1.0
    slow: float = 4.0
    sublinear: float = 1.5
    flat: float = 1.2
    smallest: int = 1
    largest: int = 1024
    _last: tuple[int, float] = field(default=(0, 0.0), init=False, repr=False)

    @classmethod
    def fixed(cls, size: int) -> BatchSizer:
        """Always ``size`` segments, whatever the time."""
        size = max(1, size)
        return cls(size, fast=0.0, slow=float("inf"), smallest=size, largest=size)

    def measured(self, seconds: float) -> int:
        """Record that a batch of ``size`` took ``seconds``; the next batch's size."""
        size, (last_size, last_seconds) = self.size, self._last
        self._last = (size, seconds)
        grew = size > last_size > 0
        if seconds > self.slow:
            self.size = max(self.smallest, size // 2)
        elif grew and seconds < self.flat * last_seconds:
            self.size = min(self.largest, size * 4)
        elif seconds < self.fast or last_size == 0 or (
                grew and seconds < self.sublinear * last_seconds):
            # the first batch has nothing to compare with: try twice as many once
            self.size = min(self.largest, size * 2)
        return self.size


class ScoringQueue:
    """The segments still to score, taken from the focused one onwards (then from the top)."""

    def __init__(self, segments: Sequence[Segment], document: Document | None = None) -> None:
        # reading order over the whole document, so a focus on an unscored segment
        # (boilerplate) starts at the next one scored
        everything = [seg for _, seg in document.iter_segments()] if document else segments
        self._order = {seg.id: n for n, seg in enumerate(everything)}
        self._left: dict[str, Segment] = {seg.id: seg for seg in segments}

    def __bool__(self) -> bool:
        return bool(self._left)

    def __len__(self) -> int:
        return len(self._left)

    def waiting(self, segment_id: str) -> bool:
        """Whether ``segment_id`` is still to score."""
        return segment_id in self._left

    def take(self, count: int, focus: str | None = None) -> list[Segment]:
        """Up to ``count`` unscored segments: ``focus`` and those after it, else the first."""
        start = self._order.get(focus, 0) if focus is not None else 0
        after = [seg for seg in self._left.values() if self._order[seg.id] >= start]
        before = [seg for seg in self._left.values() if self._order[seg.id] < start]
        taken = (after + before)[: max(1, count)]
        for seg in taken:
            del self._left[seg.id]
        return taken

    def in_order(self, trips: Sequence[RoundTrip]) -> list[RoundTrip]:
        """``trips`` in reading order, as scoring them all at once gives them."""
        return sorted(trips, key=lambda trip: self._order.get(trip.segment, len(self._order)))


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


class FocusedScorer(Scorer, Protocol):
    """A scorer that can start each batch at the segment the reader is on."""

    def score_from(self, document: Document, segments: Sequence[Segment],
                   focus: FocusSource) -> Iterator[ScoredBatch]:
        """As :meth:`score`, each batch starting at ``focus()`` when that one is unscored."""
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
    """:func:`score_batches` with one engine, in batches sized by time (``batch_size``: fixed)."""

    engine: Any
    source_lang: str
    source_text: str | None = None
    batch_size: int | None = None
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = str(getattr(self.engine, "name", "engine"))

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "version": str(getattr(self.engine, "version", "")),
                "model": str(getattr(self.engine, "model_id", ""))}

    def score(self, document: Document, segments: Sequence[Segment]) -> Iterator[ScoredBatch]:
        return self.score_from(document, segments, lambda: None)

    def score_from(self, document: Document, segments: Sequence[Segment],
                   focus: FocusSource, clock: Clock = time.perf_counter) -> Iterator[ScoredBatch]:
        sizer = BatchSizer.fixed(self.batch_size) if self.batch_size else BatchSizer()
        return score_batches(self.engine, document, self.source_lang, segments,
                             source_text=self.source_text or None, sizer=sizer, focus=focus,
                             clock=clock)


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
