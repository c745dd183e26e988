"""The review screen's workers: detectors, engine scoring, re-scoring, candidates.

Each runs in a thread and only posts messages (``DetectorsDone``, ``EngineBatch``, the
failures); the screen's ``@on`` handlers turn them into widgets. A mixin of
:class:`~postedit_tui.screens.review.ReviewScreen`, which owns ``context`` and ``scorer``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual import work
from textual.worker import get_current_worker

from postedit.backtranslation import scored_segments
from postedit.engine_scoring import ScoredBatch, single_segment_document
from postedit.pipeline import analyse
from postedit_tui.messages import DetectorsDone, DetectorsFailed, EngineBatch, EngineFailed


class ReviewWorkers:
    """Background work of the review screen."""

    context: Any
    scorer: Any
    post_message: Any
    cursor_segment: str | None  # the segment the reader is on, read by the scoring thread

    @work(thread=True, exclusive=True, exit_on_error=False, group="detectors")
    def run_detectors(self) -> None:
        try:
            self.post_message(DetectorsDone(analyse(self.context.document, self.context.config)))
        except Exception as exc:  # a detector bug must not take the article away
            self.post_message(DetectorsFailed(describe(exc)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="engine")
    def run_engine(self) -> None:
        try:
            self.scorer = self.context.scorer_factory() if self.context.scorer_factory else None
            if self.scorer is None:
                self.post_message(EngineBatch(ScoredBatch({}, final=True), {}))
                return
            document = self.context.document
            segments = scored_segments(document)
            texts = {seg.id: seg.text for seg in segments}
            for batch in self._batches(document, segments):
                if get_current_worker().is_cancelled:
                    return
                self.post_message(EngineBatch(batch, texts))
        except Exception as exc:  # an engine failure is shown, never fatal
            self.post_message(EngineFailed(describe(exc)))

    def _batches(self, document: Any, segments: list[Any]) -> Iterator[ScoredBatch]:
        """The scorer's batches, each starting at the focused sentence when it can."""
        if hasattr(self.scorer, "score_from"):
            return self.scorer.score_from(document, segments, lambda: self.cursor_segment)
        return self.scorer.score(document, segments)

    @work(thread=True, exclusive=True, exit_on_error=False, group="rescore")
    def run_rescore(self, segment_id: str, text: str) -> None:
        try:
            if self.scorer is None:
                return
            document = single_segment_document(self.context.document, segment_id, text)
            for batch in self.scorer.score(document, document.segments):
                self.post_message(EngineBatch(batch, {segment_id: text}, rescore=True))
        except Exception as exc:
            self.post_message(EngineFailed(describe(exc)))

    @work(thread=True, exclusive=False, exit_on_error=False, group="candidates")
    def run_candidates(self, segment_id: str, texts: list[str]) -> None:
        """Round-trip engine alternatives, so only those scoring better are offered."""
        try:
            if self.scorer is None:
                return
            for text in texts:
                document = single_segment_document(self.context.document, segment_id, text)
                for batch in self.scorer.score(document, document.segments):
                    if batch.results:
                        self.post_message(EngineBatch(batch, {segment_id: text}, candidate=True))
        except Exception as exc:
            self.post_message(EngineFailed(describe(exc)))


def describe(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
