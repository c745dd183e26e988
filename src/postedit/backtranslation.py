"""Round-trip scoring: what a machine translation engine says about each segment.

Monolingual (only the machine translation is given): each segment is translated
back into the source language (``pivot_text``) and forward again
(``roundtrip_text``); sacrebleu's sentence chrF++ and BLEU compare the round
trip with the segment, and the metric signatures travel with the scores. Argos
adds the forced-decoding mean log-probability of the segment given its
back-translation, and its least likely tokens as evidence spans. Apertium adds
the words it did not know.

Raw round-trip scores do not separate garbled from clean sentences (see the
research note): a clean sentence rarely round-trips to 100 and short garbage
often does. So scores are calibrated per engine and language pair against the
document's own distribution (robust z-score, median/MAD) plus a fixed floor, and
unknown words are filtered (names are unknown too) before they flag anything.
Engine flags are ``minor``: on their own they can ask for a check, never make a
segment ``garbled``; they add to the detectors' evidence.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from postedit.document import Document, Segment
from postedit.engines.base import Engine, ForcedScore, UnknownWord
from postedit.flags import Fix, Flag
from postedit.unknown_words import classify_unknown, glue_point
from postedit.verdict import scoring

SKIPPED_KINDS = ("boilerplate",)
# chrF++ of a short sentence swings with one word: on the dev corpus, sentences under
# eight words that round-tripped badly were as often clean as garbled.
MIN_WORDS_FOR_SCORE_FLAGS = 8


@dataclass(frozen=True)
class Calibration:
    """How round-trip numbers become flags for one engine and language pair.

    Attributes:
        chrf_floor: a round trip below this chrF++ is suspicious whatever the document.
        chrf_ceiling: a round trip at or above this is never flagged, however it compares.
        z_threshold: robust z-score (median/MAD of the document) at or below which a
            segment is an outlier.
        logprob_floor: mean log-probability per token below which Argos finds a sentence
            unlikely (forced decoding).
        token_logprob: tokens below this log-probability become evidence spans.
        min_segments: documents with fewer scored segments use the floors only.
    """

    chrf_floor: float = 20.0
    chrf_ceiling: float = 55.0
    z_threshold: float = -3.0
    logprob_floor: float = -3.5
    token_logprob: float = -6.0
    min_segments: int = 6


# From clean text: with Apertium es<->en, fixtures/articles/clean-harbour-en.txt round-trips
# at chrF++ 51-95 (median 73) and the seed's clean sentences at 61-85, so nothing at or
# above 50 is ever flagged. Argos' neural round trips run higher; its floor is a guess
# until real Argos models can be measured here.
CALIBRATIONS: dict[tuple[str, str], Calibration] = {
    ("apertium", "es-en"): Calibration(chrf_floor=25.0, chrf_ceiling=50.0),
    ("argos", "*"): Calibration(chrf_floor=30.0, chrf_ceiling=60.0),
}
DEFAULT_CALIBRATION = Calibration()


def calibration_for(engine: str, source_lang: str, target_lang: str) -> Calibration:
    pair = f"{source_lang}-{target_lang}"
    return CALIBRATIONS.get((engine, pair), CALIBRATIONS.get((engine, "*"), DEFAULT_CALIBRATION))


@dataclass(frozen=True)
class Evidence:
    """A span the engine points at (document offsets) and why.

    ``kind``: ``unknown-word`` (suspicious unknown: glued or a lowercased name),
    ``unknown-name`` (unknown but looks like a correct name: shown, never flagged),
    ``low-probability`` (Argos forced decoding).
    """

    start: int
    end: int
    kind: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True)
class RoundTrip:
    """The engine's view of one segment; ``to_json`` is the JSONL ``backtranslation`` key."""

    segment: str
    engine: str
    model: str
    pivot_text: str
    roundtrip_text: str
    chrf: float
    bleu: float
    signature: dict[str, str]
    logprob: float | None = None
    evidence: tuple[Evidence, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)

    def to_json(self) -> dict:
        out: dict = {
            "engine": self.engine,
            "model": self.model,
            "pivot_text": self.pivot_text,
            "roundtrip_text": self.roundtrip_text,
            "chrf": self.chrf,
            "bleu": self.bleu,
        }
        if self.logprob is not None:
            out["logprob"] = self.logprob
        out["signature"] = self.signature
        out["evidence"] = [e.to_json() for e in self.evidence]
        out.update(self.extra)
        return out


@lru_cache(maxsize=1)
def _metrics():  # type: ignore[no-untyped-def]
    from sacrebleu.metrics import BLEU, CHRF

    chrf, bleu = CHRF(word_order=2), BLEU(effective_order=True)
    for metric in (chrf, bleu):  # a signature needs one evaluation (it records nrefs)
        metric.sentence_score("a", ["a"])
    return chrf, bleu


def sentence_scores(hypothesis: str, reference: str) -> tuple[float, float]:
    """chrF++ and BLEU of ``hypothesis`` against ``reference`` (0..100, 2 decimals)."""
    chrf, bleu = _metrics()
    if not hypothesis.strip() or not reference.strip():
        return 0.0, 0.0
    chrf_score = chrf.sentence_score(hypothesis, [reference]).score
    bleu_score = bleu.sentence_score(hypothesis, [reference]).score
    return round(chrf_score, 2), round(bleu_score, 2)


def signatures() -> dict[str, str]:
    chrf, bleu = _metrics()
    return {"chrf": str(chrf.get_signature()), "bleu": str(bleu.get_signature())}


def scored_segments(document: Document) -> list[Segment]:
    """Segments worth a round trip: everything but web boilerplate."""
    return [seg for block, seg in document.iter_segments() if block.kind not in SKIPPED_KINDS]


def round_trip(
    engine: Engine,
    document: Document,
    source_lang: str,
    segments: Sequence[Segment] | None = None,
) -> list[RoundTrip]:
    """Back-translate each segment into ``source_lang`` and forward again; score the trip."""
    segments = list(scored_segments(document) if segments is None else segments)
    if not segments:
        return []
    cores = trip_cores(engine, [seg.text for seg in segments], document.lang, source_lang)
    sigs = signatures()
    return [_one_trip(engine, document, seg, core, sigs) for seg, core in zip(segments, cores, strict=True)]


def trip_cores(engine: Engine, texts: list[str], lang: str, source_lang: str) -> list[dict]:
    """Per text: both translations, the scores and the engine's raw evidence (local offsets).

    A cached engine keeps whole round trips, so a re-score computes no metric again.
    """

    def compute(missing: list[str]) -> list[dict]:
        return _compute_cores(engine, missing, lang, source_lang)

    memoize = getattr(engine, "memoize", None)
    if memoize is None:
        return compute(texts)
    kind = "roundtrip:" + "|".join(signatures().values())
    return list(memoize(f"{lang}-{source_lang}", kind, texts, compute))


def _compute_cores(engine: Engine, texts: list[str], lang: str, source_lang: str) -> list[dict]:
    there = engine.translate(texts, lang, source_lang)
    back = engine.translate([t.text for t in there], source_lang, lang)
    forced = _forced(engine, [t.text for t in there], texts, source_lang, lang)
    token_floor = calibration_for(engine.name, "*", "*").token_logprob
    cores = []
    for i, (text, out, ret) in enumerate(zip(texts, there, back, strict=True)):
        chrf, bleu = sentence_scores(ret.text, text)
        core = {"pivot_text": out.text, "roundtrip_text": ret.text, "chrf": chrf, "bleu": bleu}
        core["unknown"] = sorted([u.start, u.end, u.word] for u in out.unknown)
        if forced is not None:
            core["logprob"] = round(forced[i].mean_logprob, 4)
            lowest = forced[i].lowest(3)
            core["low_tokens"] = [[t.start, t.end] for t in lowest if t.logprob <= token_floor]
        cores.append(core)
    return cores


def _forced(
    engine: Engine, sources: list[str], targets: list[str], src: str, tgt: str
) -> list[ForcedScore] | None:
    if not getattr(engine, "can_score", False):
        return None
    return engine.score(sources, targets, src, tgt)


def _one_trip(
    engine: Engine, document: Document, seg: Segment, core: dict, sigs: dict[str, str]
) -> RoundTrip:
    unknown = [UnknownWord(*item) for item in core["unknown"]]
    evidence = [
        _unknown_evidence(document, seg, u, _followed_by(seg, u, unknown[i + 1 :]))
        for i, u in enumerate(unknown)
    ]
    evidence += [
        Evidence(seg.start + start, seg.start + end, "low-probability")
        for start, end in core.get("low_tokens", ())
    ]
    return RoundTrip(
        segment=seg.id,
        engine=engine.name,
        model=engine.model_id,
        pivot_text=core["pivot_text"],
        roundtrip_text=core["roundtrip_text"],
        chrf=core["chrf"],
        bleu=core["bleu"],
        signature=sigs,
        logprob=core.get("logprob"),
        evidence=tuple(sorted(evidence, key=lambda e: (e.start, e.end))),
    )


def _followed_by(seg: Segment, unknown: UnknownWord, later: Sequence[UnknownWord]) -> bool:
    """Is the next word an unknown that looks like (part of) a name: ``lloyd austinThe``?"""
    if not later or seg.text[unknown.end : later[0].start] != " ":
        return False
    following = later[0].word
    return following[:1].isupper() or any(c.isupper() for c in following[1:])


def _unknown_evidence(
    document: Document, seg: Segment, unknown: UnknownWord, followed_by_unknown: bool
) -> Evidence:
    before = seg.text[unknown.start - 1] if unknown.start > 0 else ""
    after = seg.text[unknown.end] if unknown.end < len(seg.text) else ""
    kind = classify_unknown(unknown.word, document.text, document.lang, before, after, followed_by_unknown)
    return Evidence(seg.start + unknown.start, seg.start + unknown.end, kind)


# --- from numbers and evidence to flags -------------------------------------------------


def robust_z(values: Sequence[float]) -> list[float]:
    """(x - median) / (1.4826 * MAD); all zeros when the spread is nil."""
    if not values:
        return []
    median = statistics.median(values)
    mad = statistics.median(abs(v - median) for v in values) * 1.4826
    return [0.0 if mad == 0 else (v - median) / mad for v in values]


def engine_flags(
    document: Document,
    trips: Sequence[RoundTrip],
    source_lang: str,
    calibration: Calibration | None = None,
) -> list[Flag]:
    """Flags from the engine's evidence, calibrated against the document's own scores."""
    if not trips:
        return []
    engine = trips[0].engine
    calibration = calibration or calibration_for(engine, source_lang, document.lang)
    flags = [flag for trip in trips for flag in _unknown_flags(document, trip)]
    flags += _score_flags(document, trips, calibration)
    return flags


def _unknown_flags(document: Document, trip: RoundTrip) -> list[Flag]:
    flags = []
    for item in trip.evidence:
        if item.kind != "unknown-word":
            continue
        word = document.text[item.start : item.end]
        cut = glue_point(word, document.lang, document.text)
        fix = Fix(item.start + cut, item.start + cut, " ", "engine-unknown-word") if cut else None
        why = "probably two words run together" if cut else "probably a name written in lowercase"
        flags.append(
            Flag(
                rule="engine-unknown-word",
                category="fluency/spelling",
                severity="minor",
                start=item.start,
                end=item.end,
                message=f"The {trip.engine} engine does not know “{word}”: {why}.",
                fix=fix,
                origin=f"engine:{trip.engine}",
                segment=trip.segment,
            )
        )
    return flags


def _score_flags(document: Document, trips: Sequence[RoundTrip], calibration: Calibration) -> list[Flag]:
    long_enough = [t for t in trips if _words(document, t.segment) >= MIN_WORDS_FOR_SCORE_FLAGS]
    chrf_z = _z_by_segment(long_enough, [t.chrf for t in long_enough], calibration)
    logprobs = [t for t in long_enough if t.logprob is not None]
    logprob_z = _z_by_segment(logprobs, [t.logprob or 0.0 for t in logprobs], calibration)
    flags = []
    for trip in long_enough:
        if _chrf_outlier(trip.chrf, chrf_z.get(trip.segment), calibration):
            flags.append(_segment_flag(document, trip, "engine-roundtrip", _roundtrip_message(trip)))
        if trip.logprob is not None and _logprob_outlier(
            trip.logprob, logprob_z.get(trip.segment), calibration
        ):
            message = (
                f"The {trip.engine} engine finds this sentence unlikely as a translation "
                f"(mean log-probability {trip.logprob:.2f} per token)."
            )
            flags.append(_segment_flag(document, trip, "engine-low-probability", message))
    return flags


def _z_by_segment(
    trips: Sequence[RoundTrip], values: list[float], calibration: Calibration
) -> dict[str, float]:
    if len(trips) < calibration.min_segments:
        return {}
    return {t.segment: z for t, z in zip(trips, robust_z(values), strict=True)}


def _chrf_outlier(chrf: float, z: float | None, calibration: Calibration) -> bool:
    if chrf >= calibration.chrf_ceiling:
        return False
    return chrf < calibration.chrf_floor or (z is not None and z <= calibration.z_threshold)


def _logprob_outlier(logprob: float, z: float | None, calibration: Calibration) -> bool:
    return logprob < calibration.logprob_floor and (z is None or z <= calibration.z_threshold)


def _roundtrip_message(trip: RoundTrip) -> str:
    return (
        f"Translated back and forth with {trip.engine}, this sentence comes back very "
        f"different (chrF++ {trip.chrf:.0f}): it may not make sense."
    )


def _segment_flag(document: Document, trip: RoundTrip, rule: str, message: str) -> Flag:
    seg = document.segment(trip.segment)
    return Flag(
        rule=rule,
        category="fluency/unintelligible",
        severity="minor",
        start=seg.start,
        end=seg.end,
        message=message,
        origin=f"engine:{trip.engine}",
        segment=seg.id,
    )


def _words(document: Document, segment_id: str) -> int:
    return len(re.findall(r"\w+", document.segment(segment_id).text))


def capped(flags: Sequence[Flag]) -> list[Flag]:
    """At most as many engine flags per segment as keep it below ``garbled`` on their own.

    Engine evidence is one signal among several: it can ask for a check, and it adds
    to the detectors' flags, but it never condemns a sentence by itself. Flags with a
    fix come first; the rest stay visible as evidence in the ``backtranslation`` record.
    """
    current = scoring()
    minor = current.points("minor")
    allowed = max(1, math.ceil(current.garbled_at / minor) - 1) if minor > 0 else len(flags)
    kept: list[Flag] = []
    per_segment: dict[str, int] = {}
    for flag in sorted(flags, key=lambda f: (f.fix is None, f.start)):
        if per_segment.get(flag.segment, 0) < allowed:
            per_segment[flag.segment] = per_segment.get(flag.segment, 0) + 1
            kept.append(flag)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule))
