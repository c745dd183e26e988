"""A word repeated in another form: the nationality said twice in one noun phrase.

Machine translation that meets an adjective and a country name in its source
(or a pivot language) can keep both: ``the Italian armed forces of Italy``,
``l'armée italienne d'Italie``, ``le forze armate italiane
d'Italia``. A nationality adjective and ``of`` + the country it is formed from,
a few words apart, say the same thing twice; native writers keep one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context, fold_accents
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import closed_class

_OF = {
    "en": r"of(?: the)?",
    "fr": r"(?:de|d['’]|du|des)",
    "es": r"(?:de|del)",
    "it": r"(?:di|d['’]|del|della|dell['’])",
    "pt": r"(?:de|do|da)",
    "de": r"(?:von|aus|der|des)",
}
_COUNTRY = r"([A-ZÀ-Þ][a-zà-ÿ]{3,})(?![\w-])"
_WORD = r"[^\W\d_]+"
_WINDOW = 3  # words between the adjective and "of"
_PATTERNS = {
    lang: re.compile(rf"(?<![\w-])({_WORD})((?: {_WORD}){{0,{_WINDOW}}}) {of} ?{_COUNTRY}")
    for lang, of in _OF.items()
}
# What every match holds: "of" (or its kin) and a capitalised word; most sentences lack it.
# No look-behind in front: a pattern that opens with its letters is scanned at C speed.
_ANCHORS = {lang: re.compile(rf"{of} ?[A-ZÀ-Þ][a-zà-ÿ]{{3}}") for lang, of in _OF.items()}
_MIN_SHARED = 4
_BREAKS = frozenset("""outside out inside rest part parts area areas region regions territory
    territories east west north south border borders""".split())


@detector(
    "demonym-repeat",
    category="accuracy/addition",
    severity="minor",
    description="A nationality said twice in one phrase (the Italian armed forces of Italy, "
    "l'armée italienne d'Italie)",
    languages=tuple(_OF),
)
def demonym_repeat(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    text = seg.text
    anchor = _ANCHORS[ctx.lang].search(text)
    if anchor is None:
        return
    pattern = _PATTERNS[ctx.lang]
    for match in pattern.finditer(text, _earliest_start(text, anchor.start())):
        words = [match.group(1), *match.group(2).split()]
        if any(word.lower() in _BREAKS or word.lower() in closed_class(ctx.lang) for word in words[1:]):
            continue  # "Ukrainian refugees outside of Ukraine": a place, not a second nationality
        country = match.group(3)
        adjective = next((w for w in words if _formed_from(w, country)), None)
        if adjective is None:
            continue
        start = seg.start + match.start() + match.group(0).index(adjective)
        yield det.flag(start, seg.start + match.end(),
                       f"“{adjective}” and “{country}” say the same nationality twice; keep one")


def _earliest_start(text: str, anchor: int) -> int:
    """Where the first match can start, given where the first anchor starts: a match is one
    to ``_WINDOW + 1`` words, each followed by one space, then its anchor (at or after the
    first), so no match starts before the ``_WINDOW + 2``-th space before the anchor. The
    search skips the words before that (the look-behind still sees the character before)."""
    pos = anchor
    for _space in range(_WINDOW + 2):
        pos = text.rfind(" ", 0, pos)
        if pos < 0:
            return 0
    return pos + 1


def _formed_from(word: str, country: str) -> bool:
    """``ukrainiennes`` from ``Ukraine``, ``German`` from ``Germany``, ``italiani`` from ``Italia``."""
    lower, place = fold_accents(word.lower()), fold_accents(country.lower())
    if len(lower) <= len(place) - 1 or lower == place:
        return False
    shared = len(place) - 1
    return shared >= _MIN_SHARED and lower.startswith(place[:shared])
