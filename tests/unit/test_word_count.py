"""verdict.word_count: the ASCII shortcut counts exactly what ``\\w+`` finds."""

from __future__ import annotations

import re

import pytest

from postedit.verdict import word_count

CASES = [
    "",
    "   ",
    "One two three.",
    "snake_case and_more __x__ 3.14 1,000 a-b a/b (c) [d] {e}",
    "tabs\tand\nnewlines\r\nand\x0bvertical\x0cfeeds",
    "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~ x",
    "Don’t “quote” me — café naïve Zürich 東京 ٣٤",
    "\x00\x1f\x7f words",
]


@pytest.mark.parametrize("text", CASES)
def test_word_count_is_the_number_of_word_runs(text: str) -> None:
    assert word_count(text) == len(re.findall(r"\w+", text))


def test_every_ascii_character_alone_and_between_words() -> None:
    for code in range(128):
        for text in (chr(code), f"ab{chr(code)}cd", f"{chr(code)}x{chr(code)}"):
            assert word_count(text) == len(re.findall(r"\w+", text)), repr(text)
