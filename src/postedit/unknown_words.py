"""Which words an engine did not know are worth a flag: glued words and lowercased names.

Apertium marks every word it does not know, and most of them are correct names
(Erbil, Hezbollah, al-Sudani, Kata'ib, CENTCOM, Mattarella). A marked word is
suspicious when the shared segmentation model (``postedit.segmentation``, also
used by the glued-words detector) reads it as two words run together
(``SyriaAfter``, ``Elyséethe``, ``PISthat``, ``Romanovskydelivered``), or when it
is a lowercased name (``lloyd`` when the article writes ``Lloyd``, or right before
another name). Plain capitalised names, all-caps acronyms and the pieces of
hyphenated or apostrophised names never are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from postedit.segmentation import NO_DOCUMENT, document_words, split_glued

# Lowercase particles inside names (``al Haq``, ``van Gogh``, ``bin Salman``): not lowercased names.
_NAME_PARTICLES = frozenset(
    "al el ul bin ibn bint abu abd de del della der den di da das dos du la le van von ter zu y e".split()
)
_NAME_JOINERS = ("-", "'", "’")


_CAPITALISED = re.compile(r"(?<!\w)([A-ZÀ-ÖØ-Þ][\w’'-]*)(?!\w)(?!\s+\d)")


def classify_unknown(
    word: str,
    document_text: str,
    lang: str,
    before: str = "",
    after: str = "",
    followed_by_unknown: bool = False,
) -> str:
    """``unknown-word`` when ``word`` looks glued or is a lowercased name, else ``unknown-name``.

    ``before``/``after`` are the characters around the word in its sentence: a piece
    of a hyphenated or apostrophised name (``al-Sudani``, ``Kata'ib``) is a name.
    A lowercase unknown is a lowercased name when the document capitalises it
    elsewhere, or when another unknown word follows it directly (``lloyd austinThe``).
    """
    if before in _NAME_JOINERS or after in _NAME_JOINERS:
        return "unknown-name"
    if word.isupper() or any(ch.isdigit() for ch in word):
        return "unknown-name"
    if glue_point(word, lang, document_text) is not None:
        return "unknown-word"
    if (
        word.islower()
        and word not in _NAME_PARTICLES
        and len(word) >= 3
        and (followed_by_unknown or _capitalised_elsewhere(word, document_text))
    ):
        return "unknown-word"
    return "unknown-name"


def glue_point(word: str, lang: str, document_text: str = "") -> int | None:
    """Where ``word`` splits into two words run together, or None.

    ``document_text`` (the article) lets a name that stands alone elsewhere vouch
    for a split (``Elysée`` ... ``Elyséethe``) and a word written twice stay whole.
    """
    words = document_words(document_text) if document_text else NO_DOCUMENT
    split = split_glued(word, lang, words)
    return split.cut if split is not None else None


def _capitalised_elsewhere(word: str, text: str) -> bool:
    """The article writes ``word`` capitalised as a name (not as ``Interstate 5``, ``Route 66``)."""
    return word.capitalize() in _capitalised_names(text)


@lru_cache(maxsize=8)
def _capitalised_names(text: str) -> frozenset[str]:
    """Capitalised words of ``text``, one pass; a word before a number is a designation."""
    return frozenset(match.group(1) for match in _CAPITALISED.finditer(text))
