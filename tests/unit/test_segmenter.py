"""Sentence splitting on the golden set of hard cases (fixtures/segmentation-golden.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postedit.segmenter import split_sentences

GOLDEN = json.loads(
    (Path(__file__).parents[2] / "fixtures" / "segmentation-golden.json").read_text("utf-8")
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_golden_set_is_large_enough() -> None:
    assert len(GOLDEN) >= 30


@pytest.mark.parametrize("case", GOLDEN, ids=[c["text"][:40] for c in GOLDEN])
def test_golden_case(case: dict) -> None:
    assert sentences(case["text"]) == case["sentences"]


def test_spans_respect_bounds_and_offsets() -> None:
    text = "Intro. The town was bombed.Which is bad. Outro."
    spans = split_sentences(text, 7, 40)
    assert [text[a:b] for a, b in spans] == ["The town was bombed.", "Which is bad."]
    assert spans[0][0] == 7


def test_whitespace_only_gives_nothing() -> None:
    assert split_sentences("   \n ") == []
