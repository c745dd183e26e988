"""Which words an engine did not know are worth a flag: glued words and lowercased names.

Apertium marks every word it does not know, and most of them are correct names
(Erbil, Hezbollah, al-Sudani, Kata'ib, CENTCOM). A marked word is suspicious only
when it looks like two words run together (``SyriaAfter``, ``austinThe``,
``Romanovskydelivered``: a case join, or a split into a name or word plus a
frequent word, by wordfreq) or is a lowercased name (``lloyd`` when the article
writes ``Lloyd``, or right before another name). Plain capitalised names, all-caps
acronyms and the pieces of hyphenated or apostrophised names never are.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CASE_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_NAME_PREFIXES = ("mc", "mac", "de", "di", "da", "le", "la", "van", "von", "o", "al", "el", "bin")
# Lowercase particles inside names (``al Haq``, ``van Gogh``, ``bin Salman``): not lowercased names.
_NAME_PARTICLES = frozenset(
    "al el ul bin ibn bint abu abd de del della der den di da das dos du la le van von ter zu y e".split()
)
_NAME_JOINERS = ("-", "'", "’")
_PREFIXES = tuple(
    "pluri multi inter trans anti super post pre non over under counter semi micro macro mega "
    "hyper ultra neo pseudo proto socio geo bio eco euro afro indo sino franco anglo extra "
    "intra infra auto tele mono poly".split()
)
KNOWN_WORD_ZIPF = 2.0  # a whole word at least this frequent is a word, not a join
JOIN_PART_ZIPF = 3.0  # each part of a join must be at least this frequent (or a name)


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, lang))
    except (LookupError, ValueError):
        return 0.0


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
    if glue_point(word, lang) is not None:
        return "unknown-word"
    if (
        word.islower()
        and word not in _NAME_PARTICLES
        and len(word) >= 3
        and (followed_by_unknown or _capitalised_elsewhere(word, document_text))
    ):
        return "unknown-word"
    return "unknown-name"


def glue_point(word: str, lang: str) -> int | None:
    """Where ``word`` splits into two words run together, or None.

    Case joins (``SyriaAfter``, ``austinThe``) need a frequent right part; joins
    without a case change (``Romanovskydelivered``) need a right part of 4+ letters
    that is a frequent word and a left part that is a word or a capitalised name.
    A word that is itself frequent (``YouTube``, ``McDonald``) is never a join.
    """
    if zipf(word.lower(), lang) >= KNOWN_WORD_ZIPF:
        return None
    for match in _CASE_JOIN.finditer(word):
        left, right = word[: match.start()], word[match.start() :]
        if len(left) >= 2 and left.lower() not in _NAME_PREFIXES and _is_word(right, lang):
            return match.start()
    for cut in range(len(word) - 4, 2, -1):
        left, right = word[:cut], word[cut:]
        if right.islower() and _is_word(right, lang) and _left_part_ok(left, lang):
            return cut
    return None


def _is_word(part: str, lang: str) -> bool:
    return zipf(part.lower(), lang) >= JOIN_PART_ZIPF


def _left_part_ok(left: str, lang: str) -> bool:
    """A frequent word, or a name long enough not to be a prefix (``Pluri|national``)."""
    if _is_word(left, lang):
        return True
    looks_like_name = left[:1].isupper() and left[1:].islower() and len(left) >= 6
    return looks_like_name and not left.lower().startswith(_PREFIXES)


def _capitalised_elsewhere(word: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word.capitalize()) + r"(?!\w)", text) is not None
