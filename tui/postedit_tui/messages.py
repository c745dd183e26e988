"""Messages that workers post to the review screen (only ``@on`` handlers touch widgets)."""

from __future__ import annotations

from textual.message import Message

from postedit.engine_scoring import ScoredBatch
from postedit.pipeline import DocumentReport


class DetectorsDone(Message):
    """The detectors have analysed the whole article."""

    def __init__(self, report: DocumentReport) -> None:
        self.report = report
        super().__init__()


class DetectorsFailed(Message):
    """The detectors could not analyse the article (shown; the text stays readable)."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


class EngineBatch(Message):
    """Engine results for some segments; ``texts`` names the text each one scored."""

    def __init__(self, batch: ScoredBatch, texts: dict[str, str], rescore: bool = False,
                 candidate: bool = False) -> None:
        self.batch = batch
        self.texts = texts
        self.rescore = rescore
        self.candidate = candidate  # the round trip of a suggestion, not of the sentence
        super().__init__()


class EngineFailed(Message):
    """The engine worker stopped with an error (shown, never fatal)."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


class EditFinished(Message):
    """The in-place editor closed: ``text`` is None when the edit was cancelled."""

    def __init__(self, segment_id: str, text: str | None) -> None:
        self.segment_id = segment_id
        self.text = text
        super().__init__()
