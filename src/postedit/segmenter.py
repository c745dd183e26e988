"""Sentence splitting that survives garbled machine translation.

One public function, :func:`split_sentences`, returning character spans. Our
own rules won against pysbd on the golden set ``fixtures/segmentation-golden.json``
(``bench/segmenter_compare.py`` prints both: 41/41 against 36/41, and 35x to 100x
the speed): pysbd does not split glued sentences such as ``bombed.Which is`` or
``forces”.According``, and its speed would not allow 5,000 segments a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words that end with a period without ending the sentence (compared lower-cased).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt capt cpt sgt maj adm cmdr gov sen rep pres rev hon fr sr sra
    srta jr st mt ft no nos nr art op vol vols fig figs pp ca cf vs etc al approx dept est
    inc corp ltd co bros jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu
    fri sat sun av avda ud uds dña dn lic ing arq bzw ggf usw vgl hr frau mme mlle mm az abs
    dra dras sres sras núm pág aprox ee uu env sig sigg dott avv wm
    """.split()
)
# Sentence openers after which a dotted abbreviation such as ``U.S.`` does end a sentence.
_OPENERS = frozenset(
    """
    the a an he she it they we i this that these those there his her their its our but
    and in on at after before when while however meanwhile according el la los las en
    pero según der die das er sie es il elle ils le les
    """.split()
)

_CANDIDATE = re.compile(
    r"(?P<punct>[.!?…]+|(?<=\w)[”\"’')\]]+[.!?]+)"  # end punctuation (maybe after a quote)
    r"(?P<close>[”\"’')\]»]*(?:[ \u00a0\u202f]»(?=\s|$))?)"  # closing quotes or brackets
    # that belong to the sentence, and French « … . » with its space before the guillemet
    r"(?P<space>\s*)"
    r"(?=(?P<next>[“„\"‘'(\[«¿¡]*[^\s“„\"‘'(\[«¿¡]))"
)
# Every candidate starts on one of these characters: searching for them first skips the
# ordinary text at C speed, where ``_CANDIDATE.finditer`` would try its branches at every offset.
_CANDIDATE_START = re.compile(r"[.!?…”\"’')\]]")
_MONTHS = frozenset(
    """januar jänner februar märz april mai juni juli august september oktober november
    dezember januari februari maart mei augustus oktober december""".split()
)
# A line that starts a list item ("- ", "* ", "• ", "1. ", "2) ") starts a new segment.
_LIST_ITEM = re.compile(r"\n[ \t]*(?=(?:[-*+•]|\d{1,3}[.)])[ \t]+\S)")
_URLISH = re.compile(r"(?:https?://|www\.|@|\w\.(?:com|org|net|gov|edu|es|de|fr|uk|io)\b)", re.I)
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")  # U.S, a.m, e.g, J, U.S.A


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences in ``text[start:end]``, stripped of whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cuts = [m.start() for m in _LIST_ITEM.finditer(text, start, end)]
    for piece_start, piece_end in zip([start, *cuts], [*cuts, end], strict=True):
        _split_piece(text, piece_start, piece_end, spans)
    return spans


def _split_piece(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    pos = start
    for match in _candidates(text, start, end):
        cut = match.end("close")
        if cut >= end or not _is_boundary(text, match, start):
            continue
        _append(spans, text, pos, cut)
        pos = match.end("space")
    _append(spans, text, pos, end)


def _candidates(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``_CANDIDATE.finditer(text, start, end)``, tried only where one can start."""
    pos = start
    while (hit := _CANDIDATE_START.search(text, pos, end)) is not None:
        match = _CANDIDATE.match(text, hit.start(), end)
        pos = match.end() if match else hit.start() + 1
        if match:
            yield match


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _is_boundary(text: str, match: re.Match[str], floor: int) -> bool:
    nxt = match.group("next")
    first = nxt[-1]
    punct = match.group("punct")
    end = match.start("punct") + len(punct)
    word = _word_before(text, max(floor, end - 64), end)
    if word and _is_list_number(text, end - len(word), word, floor):
        return False  # "1. First phase" at the start of a line is a list item
    if not match.group("space"):
        glued = word + text[match.end("punct") : match.end("punct") + 40].split(None, 1)[0]
        return not _URLISH.search(glued) and _is_glued_boundary(text, match, first)
    if not (first.isupper() or first.isdigit() or len(nxt) > 1):
        return False
    return punct[-1] != "." or not _is_abbreviation(word, text, match)


def _word_before(text: str, floor: int, end: int) -> str:
    """The run of non-space characters that ends at ``end`` (a punctuation mark), not
    reaching before ``floor``. One ``rsplit`` in C, where the regex ``(\\S+)$`` searched
    forward from ``floor`` and tried every offset up to ``end``."""
    tail = text[floor:end].rsplit(None, 1)
    return tail[-1] if tail else ""


def _is_list_number(text: str, word_start: int, word: str, floor: int) -> bool:
    if not word.rstrip(".)").isdigit():
        return False
    line_start = max(text.rfind("\n", 0, word_start) + 1, floor)
    return not text[line_start:word_start].strip()


def _is_glued_boundary(text: str, match: re.Match[str], first: str) -> bool:
    """``bombed.Which`` or ``forces”.According``: no space, but clearly two sentences."""
    start = match.start("punct")
    before = text[start - 1] if start else ""
    after_pos = match.end("space") + len(match.group("next"))
    after = text[after_pos : after_pos + 1]
    glued_word = before.islower() or before in "”\"’)"
    return glued_word and first.isupper() and after.islower() and match.group("punct") != "…"


_NEXT_WORD = re.compile(r"\w+")
_NEXT_TOKEN = re.compile(r"[\w’']+")


def _is_abbreviation(word: str, text: str, match: re.Match[str]) -> bool:
    stem = word.rstrip(".").lstrip("(“\"‘'")
    if stem.lower() in ABBREVIATIONS:
        return True
    if stem.isdigit() and len(stem) <= 2:
        if match.group("next")[-1].isdigit():
            return True  # "No. 5", "3. 4"
        following = _NEXT_WORD.match(text, match.end("space"))
        if following and following.group(0).lower() in _MONTHS:
            return True  # German and Scandinavian dates: "am 3. Oktober"
    if _DOTTED.match(stem) or (len(stem) == 1 and stem.isalpha()):
        following = _NEXT_TOKEN.match(text, match.end("space"))
        return not (following and following.group(0).lower() in _OPENERS)
    return False
