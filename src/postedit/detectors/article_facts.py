"""Answers about an article's whole text, remembered while that article is checked.

Some rules ask whether a phrase occurs anywhere in the article (``Banco de Portugal``
written in lower case elsewhere, a German pair the article capitalises twice). Each
question scans the whole text, and long articles ask it once per candidate sentence:
quadratic. The same names recur from sentence to sentence, so the answers are kept
for the article being checked (the one whose text object was asked about last).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
_MEMO: list = [None, {}]  # [article text, question -> answer]


def remembered(text: str, question: Hashable, answer: Callable[[], T]) -> T:
    """``answer()``, computed once per ``question`` about the article ``text``."""
    if _MEMO[0] is not text:
        _MEMO[:] = [text, {}]
    answers = _MEMO[1]
    if question not in answers:
        answers[question] = answer()
    return answers[question]  # type: ignore[no-any-return]


def contains(text: str, phrase: str) -> bool:
    """``phrase in text``."""
    return remembered(text, ("in", phrase), lambda: phrase in text)


def count(text: str, phrase: str) -> int:
    """``text.count(phrase)``."""
    return remembered(text, ("count", phrase), lambda: text.count(phrase))


def search(text: str, pattern: str) -> bool:
    """Whether the regular expression ``pattern`` matches somewhere in ``text``."""
    return remembered(text, ("search", pattern), lambda: re.search(pattern, text) is not None)
