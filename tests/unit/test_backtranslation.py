"""Round-trip scoring: records, filtered unknown words, calibration, bilingual checks."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine_docs import document_from_text  # noqa: E402

from postedit.backtranslation import (  # noqa: E402
    engine_flags,
    robust_z,
    round_trip,
)
from postedit.bilingual import align, numbers, one_sided, source_sentences  # noqa: E402
from postedit.engine_scoring import score_document  # noqa: E402
from postedit.engines.base import (  # noqa: E402
    ForcedScore,
    Hypothesis,
    TokenScore,
    Translation,
    UnknownWord,
)
from postedit.unknown_words import classify_unknown  # noqa: E402
from postedit.verdict import verdict  # noqa: E402

DOCUMENT = """Harbour reopens after storm

The harbour authority said on Monday that the port will reopen on Friday. Fishermen welcomed the news after a week of closures. The storm damaged forty boats in the bay.

Local officials met the minister in the capital to discuss repairs. The minister said funds would arrive before the summer. Nobody expected the damage to be so large.

Traders in the market complained that prices rose during the closure. The authority promised SyriaAfter checks to avoid further delays.
"""  # noqa: E501


class FakeEngine:
    """Translates by a table (identity otherwise); marks words it was told are unknown."""

    name = "fake"
    model_id = "fake-1"
    version = "0"

    def __init__(self, table=None, unknown=(), garble=(), can_score=False) -> None:  # type: ignore[no-untyped-def]
        self.table = dict(table or {})
        self.unknown = set(unknown)
        self.garble = set(garble)
        self.can_score = can_score

    def translate(self, texts: Sequence[str], src: str, tgt: str, *, nbest: int = 1,
                  with_scores: bool = False) -> list[Translation]:  # fmt: skip
        out = []
        for text in texts:
            result = self.table.get(text, text)
            if any(g in text for g in self.garble):
                result = "zzz qqq xxx"
            found = tuple(
                UnknownWord(text.index(w), text.index(w) + len(w), w)
                for w in self.unknown if w in text
            )  # fmt: skip
            out.append(Translation(text, result, (Hypothesis(result),), found))
        return out

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str
              ) -> list[ForcedScore]:  # fmt: skip
        return [
            ForcedScore(s, t, (TokenScore("▁" + t[:3], -9.0, 0, 3), TokenScore("</s>", -0.1, 0, 0)))
            for s, t in zip(sources, targets, strict=True)
        ]


@pytest.mark.parametrize(
    "word",
    ["SyriaAfter", "austinThe", "Romanovskydelivered", "forcesWhich", "policedelivered"],
)
def test_glued_unknowns_are_suspicious(word: str) -> None:
    assert classify_unknown(word, "", "en") == "unknown-word"


@pytest.mark.parametrize(
    ("word", "before", "after"),
    [
        ("Erbil", " ", " "),
        ("Hezbollah", " ", " "),
        ("CENTCOM", "(", ")"),
        ("Sudani", "-", ""),
        ("ib", "’", " "),
        ("al", " ", "-"),
        ("McDonald", " ", " "),
        ("YouTube", " ", " "),
        ("iPhone", " ", " "),
        ("Mohammedaw", " ", "/"),
        ("Koniko", " ", " "),
        ("jihadist", " ", " "),
    ],
)
def test_names_and_rare_words_are_not_flagged(word: str, before: str, after: str) -> None:
    assert classify_unknown(word, "", "en", before, after) == "unknown-name"


def test_lowercase_unknown_is_a_name_when_capitalised_elsewhere_or_followed_by_one() -> None:
    assert classify_unknown("lloyd", "Lloyd said so.", "en") == "unknown-word"
    assert classify_unknown("lloyd", "", "en", followed_by_unknown=True) == "unknown-word"
    assert classify_unknown("al", "", "en", followed_by_unknown=True) == "unknown-name"
    assert classify_unknown("lloyd", "", "en") == "unknown-name"


def test_round_trip_record_has_scores_signature_and_document_offsets() -> None:
    doc = document_from_text(DOCUMENT)
    engine = FakeEngine(unknown={"SyriaAfter", "Friday"})
    records, flags = score_document(engine, doc, "es")
    assert set(records) == {seg.id for seg in doc.segments}
    record = records["b4.s2"]["backtranslation"]
    assert {"engine", "model", "pivot_text", "roundtrip_text", "chrf", "bleu", "signature",
            "evidence"} <= set(record)  # fmt: skip
    assert record["chrf"] == 100.0 and record["bleu"] == 100.0  # identity round trip
    assert record["signature"]["chrf"].startswith("nrefs:1|case:mixed|eff:yes|nc:6|nw:2")
    assert "logprob" not in record
    spans = [(DOCUMENT[e["start"] : e["end"]], e["kind"]) for e in record["evidence"]]
    assert spans == [("SyriaAfter", "unknown-word")]
    names = [e for r in records.values() for e in r["backtranslation"]["evidence"]
             if e["kind"] == "unknown-name"]  # fmt: skip
    assert [DOCUMENT[e["start"] : e["end"]] for e in names] == ["Friday"]
    [flag] = flags
    assert (flag.rule, flag.origin, flag.severity) == (
        "engine-unknown-word",
        "engine:fake",
        "minor",
    )
    assert DOCUMENT[flag.start : flag.end] == "SyriaAfter"
    assert flag.fix is not None and flag.fix.start == DOCUMENT.index("After")


def test_low_round_trip_is_flagged_against_the_documents_own_scores() -> None:
    doc = document_from_text(DOCUMENT)
    engine = FakeEngine(garble={"Nobody expected"})
    trips = round_trip(engine, doc, "es")
    flags = engine_flags(doc, trips, "es")
    assert [(f.rule, f.segment) for f in flags] == [("engine-roundtrip", "b3.s3")]
    assert verdict(flags) == "check"  # engine evidence alone never makes "garbled"


def test_uniformly_mediocre_documents_are_not_flagged() -> None:
    doc = document_from_text(DOCUMENT)
    texts = {seg.text: seg.text.lower().replace("the", "a") for seg in doc.segments}
    trips = round_trip(FakeEngine(table=texts), doc, "es")
    assert [f for f in engine_flags(doc, trips, "es") if f.rule == "engine-roundtrip"] == []


def test_forced_decoding_adds_logprob_and_low_probability_spans() -> None:
    doc = document_from_text(DOCUMENT)
    records, _ = score_document(FakeEngine(can_score=True), doc, "es")
    record = records["b2.s1"]["backtranslation"]
    assert record["logprob"] == pytest.approx(-4.55)
    [span] = [e for e in record["evidence"] if e["kind"] == "low-probability"]
    seg = doc.segment("b2.s1")
    assert (span["start"], span["end"]) == (seg.start, seg.start + 3)


def test_robust_z() -> None:
    assert robust_z([1.0, 1.0, 1.0]) == [0.0, 0.0, 0.0]
    z = robust_z([70.0, 72.0, 71.0, 69.0, 20.0])
    assert z[-1] < -10 and abs(z[0]) < 1


# --- bilingual --------------------------------------------------------------------------

SOURCE = """El puerto reabrirá el viernes. Los pescadores celebraron la noticia.

La tormenta dañó 40 barcos. El ministro prometió fondos antes del verano y dijo que llegarán pronto."""  # noqa: E501
MT = """The port will reopen on Friday. The fishermen celebrated the news.

The storm damaged 14 boats. The minister promised funds before summer. He said they will arrive soon."""  # noqa: E501
TABLE = {
    "El puerto reabrirá el viernes.": "The port will reopen on Friday.",
    "Los pescadores celebraron la noticia.": "The fishermen celebrated the news.",
    "La tormenta dañó 40 barcos.": "The storm damaged 40 boats.",
    "El ministro prometió fondos antes del verano y dijo que llegarán pronto.":
        "The minister promised funds before summer and said they will arrive soon.",
}  # fmt: skip


def test_alignment_finds_one_to_two_splits() -> None:
    sources = source_sentences(SOURCE)
    targets = source_sentences(MT)
    links = align(sources, targets, [TABLE[s] for s in sources])
    assert [(link.source, link.target) for link in links] == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
        ((3,), (3, 4)),
    ]


def test_alignment_leaves_an_added_sentence_unaligned() -> None:
    sources = ["El puerto reabrirá el viernes.", "La tormenta dañó 40 barcos."]
    targets = [
        TABLE[sources[0]],
        "Click here to subscribe to our newsletter today.",
        TABLE[sources[1]],
    ]
    links = align(sources, targets, [TABLE[s] for s in sources])
    assert [link.move for link in links] == ["1-1", "0-1", "1-1"]


def test_bilingual_report_and_number_mismatch() -> None:
    doc = document_from_text(MT)
    engine = FakeEngine(table=TABLE)
    records, flags = score_document(engine, doc, "es", source_text=SOURCE)
    info = records["b2.s1"]["backtranslation"]["source"]
    assert info["text"] == "La tormenta dañó 40 barcos."
    assert info["alignment"] == "1-1"
    assert info["forward_chrf"] < 100
    assert {"side": "target", "kind": "number", "text": "14"} in info["one_sided"]
    assert records["b2.s3"]["backtranslation"]["source"]["alignment"] == "1-2"
    assert [(f.rule, f.segment) for f in flags] == [("engine-number-mismatch", "b2.s1")]


def test_numbers_and_names_on_one_side() -> None:
    assert numbers("about 1,500 people and 3.5 km") == {"1500", "35"}
    found = one_sided("Habló con Sánchez ayer.", "He spoke with Sanchez and Biden yesterday.", "")
    assert {"side": "target", "kind": "name", "text": "Biden"} in found


def test_prefixed_words_and_foreign_runs_are_not_joins() -> None:
    assert classify_unknown("Plurinational", "", "en") == "unknown-name"
    doc = document_from_text("Los resultados preliminares llegarán pronto, según el tribunal.")
    engine = FakeEngine(unknown={"resultados", "preliminares", "según"})
    _, flags = score_document(engine, doc, "es")
    assert flags == []


def test_engine_flags_alone_never_make_a_segment_garbled() -> None:
    glued = ["SyriaAfter", "TurkeyBefore", "IraqWhile", "LebanonThe", "JordanWhen", "EgyptAnd"]
    doc = document_from_text("Troops moved " + " and ".join(glued) + " today in a long sentence.")
    _, flags = score_document(FakeEngine(unknown=set(glued)), doc, "es")
    assert len(flags) == 4 and all(f.fix for f in flags)
    assert verdict(flags) == "check"
