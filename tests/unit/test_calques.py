"""The calque keys: the trigger's first-character guard and the rule's gate per calque must let
through every match."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

from postedit.detectors import REGISTRY
from postedit.detectors.calques import (
    _KEYED,
    _QUOTE_KEY,
    _WORD_FIRSTS,
    _WORD_KEY,
    _WORD_KEYS,
    CALQUES,
)


def test_word_firsts_hold_every_first_character_of_a_word_key() -> None:
    folded = {chr(i) for i in range(sys.maxunicode + 1) if re.fullmatch("(?i)[hstcapri]", chr(i))}
    assert set(_WORD_FIRSTS) == folded | {"M"}


def test_word_key_finds_what_the_word_keys_find() -> None:
    keys = re.compile(_WORD_KEYS)
    for text in ("He has 3 dogs.", "ſince years", "“No”, he said.", "Mr. ABC", "plain text here"):
        assert (_WORD_KEY.search(text) is None) == (keys.search(text) is None)


def test_trigger_lets_through_every_calque() -> None:
    """Case variants, the letters (?i) folds (ſ, ı, İ) and glued neighbours included."""
    trigger = REGISTRY["calque"].trigger
    assert trigger is not None
    texts = ["“Yes”, SAID during the visit the minister.", "She has 45 YEARS now.",
             "It had 7 yearſ of it.", "Since years they wait.", "He thanked the help of all.",
             "They count with the support.", "We asſisted to the meeting.",
             "It proposed to the Council to act.", "In the measure that it helps.",
             "the past Monday", "Mr. SYRIZA said so.", "WHİCH has 30 years", "plain text"]
    for text in texts:
        seg = SimpleNamespace(text=text, start=0)
        found = [item for item in CALQUES if item.pattern.search(text)]
        assert not found or trigger(None, None, seg), text


def test_each_calque_in_the_cases_holds_the_key_it_is_gated_on() -> None:
    """The rule looks for a calque only where its key group matches: every case that one
    of the patterns finds must hold that key."""
    cases = Path(__file__).resolve().parents[2] / "fixtures" / "cases"
    texts = [case["text"] for name in ("calque.json", "negative-calque.json")
             for case in json.loads((cases / name).read_text(encoding="utf-8"))]
    found = 0
    for text in texts:
        for item, after_quote in _KEYED:
            if item.pattern.search(text):
                found += 1
                key = _QUOTE_KEY if after_quote else _WORD_KEY
                assert key.search(text), (text, item.pattern.pattern)
    assert found >= 10
