"""The words of a sentence, found once and shared by every check that needs them.

Checks ask ``tokens.of(seg.text)`` instead of running a word pattern of their own
over the sentence: the untranslated-sentence rule, the untranslated-span rule and
the language guess they share (``languages.foreign_language``, asked by both) read
one list of words instead of tokenising the sentence three times. Detectors run
paragraph by paragraph, so a bounded cache keyed by the text holds every sentence
still being checked, and an article of any length stays in bounded memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters: what function-word counts and spans use
# The ASCII characters, each non-letter turned into a space: ``text.translate(...).split()``
# gives the runs of LETTERS of an ASCII text in C, in a third less time than findall. (A
# string as the table: translate indexes it; a dict without the letters was slower.)
ASCII_NON_LETTERS = "".join(chr(code) if chr(code).isalpha() else " " for code in range(128))
_CACHED_TEXTS = 4096  # well over the sentences of one paragraph


@dataclass(frozen=True)
class Tokens:
    """The runs of letters of one text.

    Attributes:
        text: the text.
        letters: the runs of ``LETTERS``, as written.
        lower_letters: the same runs, lower-cased.
    """

    text: str
    letters: tuple[str, ...]
    lower_letters: tuple[str, ...]

    @cached_property
    def letter_matches(self) -> tuple[re.Match[str], ...]:
        """The matches of ``LETTERS`` (offsets into ``text``), found when first asked."""
        return tuple(LETTERS.finditer(self.text))


@lru_cache(maxsize=_CACHED_TEXTS)
def of(text: str) -> Tokens:
    """The (shared) tokens of ``text``."""
    letters = tuple(text.translate(ASCII_NON_LETTERS).split() if text.isascii() else LETTERS.findall(text))
    return Tokens(text, letters, tuple(map(str.lower, letters)))
