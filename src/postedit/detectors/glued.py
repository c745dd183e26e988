"""Glued words: ``SyriaAfter``, ``austinThe`` (case joins) and ``Romanovskydelivered``.

A case join is a lower-to-upper change inside a word that wordfreq does not
know as a whole (``YouTube``, ``iPhone``, ``PlayStation`` and ``McDonald`` are
known, and name prefixes such as ``Mc``/``De`` are allowed). A dictionary join
is a long unknown word that splits into a known word or a name and a frequent
word. Hashtags, handles, URLs and e-mail addresses are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import closed_class, has_frequencies, zipf

# Candidates only: words with an inner lower-to-upper change, or long enough for a join.
_TOKEN = re.compile(
    r"(?<![\w#@/.’'-])(?=[^\W\d_]*[a-zà-öø-ÿ][A-ZÀ-ÖØ-Þ]|[^\W\d_]{9})[^\W\d_]{4,}(?![\w@/’'-]|\.\w)"
)
_CASE_JOIN = re.compile(r"(?<=[a-zà-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")
_NAME_PREFIXES = frozenset("mc mac de di da du la le van von der den st fitz o al el".split())
_PLACE_NAME_ENDS = frozenset(
    """bridge field wood ford ton ham land port mouth water stone hill borough bury well worth
    dale side berg burg stadt heim dorf ville town shire gate house castle brook lake moor more
    head ley church minster wick combe mere""".split()
)
# German and Dutch write compounds as one word: no dictionary joins there.
_DICTIONARY_JOIN_LANGS = ("en", "es", "fr", "it", "pt")


@detector(
    "glued-words",
    category="fluency/spelling",
    severity="major",
    description="Two words run together without a space (SyriaAfter, austinThe, Romanovskydelivered)",
)
def glued_words(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    for match in _TOKEN.finditer(seg.text):
        token = match.group(0)
        if len(token) < 9 and token[1:].islower():
            continue  # no inner capital and too short for a dictionary join
        cut = _case_join(token, ctx.lang)
        if cut is None and ctx.lang in _DICTIONARY_JOIN_LANGS:
            cut = _dictionary_join(token, ctx.lang)
        if cut is None:
            continue
        start = seg.start + match.start()
        left, right = token[:cut], token[cut:]
        yield det.flag(
            start,
            start + len(token),
            f"“{token}” looks like two words run together: “{left} {right}”",
            " ",
            fix_span=(start + cut, start + cut),
        )


def _case_join(token: str, lang: str) -> int | None:
    match = _CASE_JOIN.search(token)
    if match is None or zipf(token, lang) > 0:
        return None
    cut = match.start()
    left, right = token[:cut], token[cut:]
    if left.lower() in _NAME_PREFIXES or (left.islower() and len(left) <= 2):
        return None  # McDonald, DeSantis, iPhone, eBay
    if len(right) < 2 or _CASE_JOIN.search(right):
        return None
    known_right = right.lower() in closed_class(lang) or zipf(right, lang) >= 4.0
    known_left = zipf(left, lang) >= 2.0 or len(left) >= 4
    return cut if known_right and known_left else None


def _dictionary_join(token: str, lang: str) -> int | None:
    if len(token) < 9 or not has_frequencies(lang) or zipf(token, lang) > 0:
        return None
    if not (token.islower() or token[1:].islower()):
        return None
    best: tuple[float, int] | None = None
    for cut in range(4, len(token) - 3):
        left, right = token[:cut], token[cut:]
        right_freq = zipf(right, lang)
        if right_freq < 3.5 or (token[0].isupper() and right.lower() in _PLACE_NAME_ENDS):
            continue  # "Kingsbridge", "Ashford" are names, not glued words
        left_freq = zipf(left, lang)
        left_ok = left_freq >= 3.0 or (left[0].isupper() and left_freq < 3.0 and len(left) >= 5)
        if left_ok:
            strength = min(left_freq or 3.0, right_freq)
            if best is None or strength > best[0]:
                best = (strength, cut)
    return best[1] if best else None
