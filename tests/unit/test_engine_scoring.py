"""The review UI's engine scorer, batch by batch, with a stand-in engine (no models)."""

from __future__ import annotations

from pathlib import Path

from postedit.backtranslation import scored_segments
from postedit.config import resolve
from postedit.engine_scoring import (
    BatchSizer,
    RoundTripScorer,
    ScoringQueue,
    open_scorer,
    score_batches,
)
from postedit.pipeline import make_document

DATA = Path(__file__).resolve().parents[1] / "tui" / "data"


class EchoEngine:
    """Translates by tagging the text: the round trip comes back unchanged."""

    name = "echo"
    version = "1"
    model_id = "echo-1"
    can_score = False

    def translate(self, texts, src, tgt, *, nbest=1, with_scores=False):  # type: ignore[no-untyped-def]
        from postedit.engines.base import Translation

        return [Translation(source=t, text=t) for t in texts]


def test_round_trips_arrive_batch_by_batch_then_the_flags() -> None:
    text = (DATA / "article.txt").read_text(encoding="utf-8")
    document = make_document("article.txt", text, config=resolve())
    segments = scored_segments(document)
    batches = list(RoundTripScorer(EchoEngine(), "es", batch_size=4).score(document, segments))
    assert [b.done for b in batches] == [4, 8, 10, 10]
    assert batches[-1].final and not any(b.final for b in batches[:-1])
    trip = batches[0].results["b1.s1"]["backtranslation"]
    assert trip["roundtrip_text"] == segments[0].text and trip["chrf"] == 100.0


def test_no_engine_means_no_scorer() -> None:
    document = make_document("a.txt", "A short article. It is fine.", config=resolve())
    assert open_scorer("none", document, "es") is None
    assert open_scorer("auto", document, "en") is None  # nothing to translate from


# --- batches sized by time, the focused sentence first -----------------------------------


class FakeClock:
    """Time that passes only when the engine works: a start-up per call plus per text."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class TimedEngine(EchoEngine):
    """An echo engine that charges ``FakeClock`` its start-up and per-text cost."""

    def __init__(self, clock: FakeClock, start_up: float, per_text: float) -> None:
        self.clock, self.start_up, self.per_text = clock, start_up, per_text
        self.calls: list[list[str]] = []

    def translate(self, texts, src, tgt, *, nbest=1, with_scores=False):  # type: ignore[no-untyped-def]
        self.calls.append(list(texts))
        self.clock.now += self.start_up + self.per_text * len(texts)
        return super().translate(texts, src, tgt)


def long_document(sentences: int):  # type: ignore[no-untyped-def]
    text = "\n\n".join(f"Sentence number {n} is about the harbour works." for n in range(sentences))
    return make_document("long.txt", text + "\n", config=resolve())


def _sizes(batches) -> list[int]:  # type: ignore[no-untyped-def]
    return [len(b.results) for b in batches if not b.final]


def test_batch_size_doubles_while_fast_halves_when_slow_and_keeps_its_bounds() -> None:
    sizer = BatchSizer(size=4, fast=1.0, slow=2.0, smallest=2, largest=16)
    assert [sizer.measured(s) for s in (0.2, 0.2, 0.2, 0.2)] == [8, 16, 16, 16]
    assert [sizer.measured(s) for s in (1.5, 3.0, 3.0, 3.0, 3.0)] == [16, 8, 4, 2, 2]


def test_batches_grow_while_an_engine_start_up_dominates() -> None:
    clock = FakeClock()
    engine = TimedEngine(clock, start_up=0.2, per_text=0.01)  # a trip is two calls
    document = long_document(100)
    scorer = RoundTripScorer(engine, "es")
    batches = list(scorer.score_from(document, scored_segments(document), lambda: None, clock))
    assert _sizes(batches) == [4, 8, 32, 32, 24]  # quadrupled while the start-up was all
    assert batches[-1].final and batches[-1].done == 100


def test_batches_shrink_when_the_engine_slows_down() -> None:
    clock = FakeClock()
    engine = TimedEngine(clock, start_up=0.0, per_text=0.2)  # 0.4 s per sentence
    document = long_document(30)
    batches = list(score_batches(engine, document, "es", sizer=BatchSizer(size=16, slow=2.5),
                                 clock=clock))
    assert _sizes(batches) == [16, 8, 4, 2]


def test_each_batch_starts_at_the_focused_sentence_and_every_sentence_is_scored_once() -> None:
    document = long_document(20)
    segments = scored_segments(document)
    ids = [seg.id for seg in segments]
    focus = iter([ids[10], ids[10], ids[2], ids[2], ids[2]])
    batches = list(score_batches(EchoEngine(), document, "es", sizer=BatchSizer.fixed(4),
                                 focus=lambda: next(focus)))
    order = [list(b.results) for b in batches if not b.final]
    assert order[0] == ids[10:14]  # the reader's sentence and the ones after it
    assert order[1] == ids[14:18]
    assert order[2] == ids[2:6]  # the reader moved back
    assert sorted(i for batch in order for i in batch) == sorted(ids)


def test_focused_batches_give_the_same_flags_as_scoring_all_at_once() -> None:
    text = (DATA / "article.txt").read_text(encoding="utf-8")
    document = make_document("article.txt", text, config=resolve())
    last = scored_segments(document)[-1].id
    at_once = list(score_batches(EchoEngine(), document, "es"))[-1]
    focused = list(score_batches(EchoEngine(), document, "es", sizer=BatchSizer.fixed(3),
                                 focus=lambda: last))[-1]
    assert focused.flags == at_once.flags


def test_batches_keep_growing_while_a_start_up_is_most_of_their_time() -> None:
    sizer = BatchSizer(size=4, fast=1.0, slow=2.5)
    # Apertium-like: 0.9 s of start-up per batch, 12 ms a sentence
    sizes = [sizer.size]
    for _ in range(7):
        sizes.append(sizer.measured(0.9 + 0.012 * sizer.size + 0.2))
    assert sizes == [4, 8, 32, 64, 128, 64, 64, 64]


def test_a_focus_on_a_sentence_not_scored_starts_at_the_next_one_that_is() -> None:
    document = long_document(10)
    every = scored_segments(document)
    queue = ScoringQueue(every[::2], document)  # as if the odd ones were boilerplate
    assert [seg.id for seg in queue.take(2, every[5].id)] == [every[6].id, every[8].id]
    assert [seg.id for seg in queue.take(9, every[5].id)] == [every[0].id, every[2].id,
                                                              every[4].id]
    assert not queue


def test_a_reader_who_moves_to_an_unscored_sentence_gets_a_short_batch_there() -> None:
    document = long_document(80)
    ids = [seg.id for seg in scored_segments(document)]
    focus = iter([ids[0], ids[0], ids[0], ids[50], ids[50], ids[50]])
    sizer = BatchSizer(size=16, fast=0.0, slow=float("inf"), largest=16)
    batches = list(score_batches(EchoEngine(), document, "es", sizer=sizer,
                                 focus=lambda: next(focus, ids[50])))
    order = [list(b.results) for b in batches if not b.final]
    assert [len(batch) for batch in order][:5] == [4, 16, 16, 4, 16]
    assert order[3] == ids[50:54] and order[4] == ids[54:70]
