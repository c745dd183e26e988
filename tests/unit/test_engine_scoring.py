"""The review UI's engine scorer, batch by batch, with a stand-in engine (no models)."""

from __future__ import annotations

from pathlib import Path

from postedit.backtranslation import scored_segments
from postedit.config import resolve
from postedit.engine_scoring import RoundTripScorer, open_scorer
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
