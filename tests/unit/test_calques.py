"""The calque keys: the trigger's first-character guard and the rule's gate per calque must let
through every match."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from postedit.detectors.calques import _KEY_FIRSTS, _KEYS, _QUOTE_KEY, _TRIGGER, _WORD_KEY, CALQUES


def test_key_firsts_hold_every_first_character_of_a_key() -> None:
    folded = {chr(i) for i in range(sys.maxunicode + 1) if re.fullmatch("(?i)[hstcapri]", chr(i))}
    assert set(_KEY_FIRSTS) == folded | set("”\"»’,M")


def test_trigger_finds_what_the_keys_find() -> None:
    keys = re.compile(_KEYS)
    for text in ("He has 3 dogs.", "ſince years", "“No”, he said.", "Mr. ABC", "plain text here"):
        assert (_TRIGGER.search(text) is None) == (keys.search(text) is None)


def test_each_calque_in_the_cases_holds_the_key_it_is_gated_on() -> None:
    """The rule looks for a calque only where its key group matches: every case that one
    of the patterns finds must hold that key."""
    cases = Path(__file__).resolve().parents[2] / "fixtures" / "cases"
    texts = [case["text"] for name in ("calque.json", "negative-calque.json")
             for case in json.loads((cases / name).read_text(encoding="utf-8"))]
    found = 0
    for text in texts:
        for item in CALQUES:
            if item.pattern.search(text):
                found += 1
                key = _QUOTE_KEY if item.after_quote else _WORD_KEY
                assert key.search(text), (text, item.pattern.pattern)
    assert found >= 10
