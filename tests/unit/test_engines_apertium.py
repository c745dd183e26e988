"""Apertium: one process per batch, exact segment boundaries, unknown-word spans.

These tests skip when ``apertium`` is absent, unless ``CI`` is set: then they fail,
because CI must have the Debian packages installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine_fixtures import needs_apertium  # noqa: E402

from postedit.engines import apertium  # noqa: E402
from postedit.engines.apertium import ApertiumEngine, strip_markers  # noqa: E402

ODD_SEGMENTS = [
    "The ministry confirmed the plan.",
    ",",
    "...",
    "Agreed. ,",
    "Isis)",
    "“quoted”.According to the note",
    "[x] {y} <b>bold</b> ^x$ a\\b",
    "*star and @handle #tag",
    "",
    "   ",
    "First line\nsecond line of the same sentence",
    "Two\n\nparagraphs in one segment",
    "e-mail: news@example.org http://example.org/a?b=c",
    "¿Qué?",
    "»«",
]


def test_strip_markers_maps_unknown_words_to_source_offsets() -> None:
    source = "Troops reached SyriaAfter dawn near al-Sudani."
    marked = "Tropas alcanzaron *SyriaAfter amanecer cerca *al-*Sudani."
    clean, unknown = strip_markers(source, marked)
    assert clean == "Tropas alcanzaron SyriaAfter amanecer cerca al-Sudani."
    assert [(u.word, source[u.start : u.end]) for u in unknown] == [
        ("SyriaAfter", "SyriaAfter"),
        ("al", "al"),
        ("Sudani", "Sudani"),
    ]


def test_strip_markers_follows_reordered_words() -> None:
    source = "the Qwertz Zxcvb delegation"
    clean, unknown = strip_markers(source, "la delegación *Zxcvb *Qwertz")
    assert clean == "la delegación Zxcvb Qwertz"
    assert sorted(source[u.start : u.end] for u in unknown) == ["Qwertz", "Zxcvb"]


def test_strip_markers_keeps_asterisks_that_were_in_the_source() -> None:
    clean, unknown = strip_markers("*star fell", "*Estrella *fell")
    assert clean == "*Estrella fell"
    assert [u.word for u in unknown] == ["fell"]


@needs_apertium
def test_lists_installed_pairs() -> None:
    assert ("en", "es") in apertium.installed_pairs()
    assert apertium.mode_for("es", "en") == "spa-eng"


@needs_apertium
@pytest.mark.parametrize(("src", "tgt"), [("en", "es"), ("es", "en")])
def test_n_segments_in_n_out_through_one_process(monkeypatch: pytest.MonkeyPatch, src: str, tgt: str) -> None:
    calls = []
    real = apertium.run_apertium
    monkeypatch.setattr(apertium, "run_apertium", lambda m, t: calls.append(m) or real(m, t))
    results = ApertiumEngine(src, tgt).translate(ODD_SEGMENTS, src, tgt)
    assert len(results) == len(ODD_SEGMENTS)
    assert len(calls) == 1
    assert [r.source for r in results] == ODD_SEGMENTS
    for segment, result in zip(ODD_SEGMENTS, results, strict=True):
        assert bool(result.text) == bool(segment.strip())
        assert "\n" not in result.text
    assert results[1].text == ","


@needs_apertium
def test_batch_equals_one_by_one() -> None:
    engine = ApertiumEngine("en", "es")
    texts = ["The council met on Monday.", "Prices rose sharply.", "Fog closed the port."]
    batched = [t.text for t in engine.translate(texts, "en", "es")]
    single = [engine.translate([t], "en", "es")[0].text for t in texts]
    assert batched == single


@needs_apertium
def test_unknown_words_become_spans_and_markers_are_stripped() -> None:
    text = "The mayor visited SyriaAfter the storm and met Romanovskydelivered."
    [result] = ApertiumEngine("en", "es").translate([text], "en", "es")
    words = {text[u.start : u.end] for u in result.unknown}
    assert {"SyriaAfter", "Romanovskydelivered"} <= words
    assert "*" not in result.text


@needs_apertium
def test_boundaries_survive_a_mismatch(monkeypatch: pytest.MonkeyPatch) -> None:
    """If Apertium ever merged two segments, smaller batches restore the boundaries."""
    real = apertium.run_apertium
    merged = []

    def merging(mode: str, text: str) -> str:
        out = real(mode, text)
        if out.count("\n\n") >= 2 and not merged:
            merged.append(True)
            return out.replace("\n\n", " ", 1)
        return out

    monkeypatch.setattr(apertium, "run_apertium", merging)
    texts = ["The council met.", "Prices rose.", "Fog closed the port.", "Agreed."]
    results = ApertiumEngine("en", "es").translate(texts, "en", "es")
    assert merged and len(results) == 4
    assert results[3].text == "Acordado."


@given(
    st.lists(
        st.tuples(st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), st.booleans()),
        min_size=1,
        max_size=12,
    )
)
def test_unknown_spans_always_slice_the_source(words: list[tuple[str, bool]]) -> None:
    source = " ".join(word for word, _ in words)
    marked = " ".join(("*" if unknown else "") + word for word, unknown in words)
    clean, spans = strip_markers(source, marked)
    assert clean == source
    assert all(source[u.start : u.end] == u.word for u in spans)
    assert sorted(u.word for u in spans) == sorted(w for w, unknown in words if unknown)
