"""The calque trigger's first-character guard: it must let through every match of the keys."""

from __future__ import annotations

import re
import sys

from postedit.detectors.calques import _KEY_FIRSTS, _KEYS, _TRIGGER


def test_key_firsts_hold_every_first_character_of_a_key() -> None:
    folded = {chr(i) for i in range(sys.maxunicode + 1) if re.fullmatch("(?i)[hstcapri]", chr(i))}
    assert set(_KEY_FIRSTS) == folded | set("”\"»’,M")


def test_trigger_finds_what_the_keys_find() -> None:
    keys = re.compile(_KEYS)
    for text in ("He has 3 dogs.", "ſince years", "“No”, he said.", "Mr. ABC", "plain text here"):
        assert (_TRIGGER.search(text) is None) == (keys.search(text) is None)
