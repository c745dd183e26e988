"""Punctuation and characters: missing spaces, stray punctuation, whitespace, mojibake."""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.segmenter import split_sentences

# "attacks,which" and "said;the": punctuation glued to the next word (not 1,000 nor URLs).
_GLUED_COMMA = re.compile(r"(?<=[^\W\d_]{2})[,;](?=[^\W\d_]{2})")
_GLUED_STOP = re.compile(r"[.!?][”\"’)]?[A-ZÀ-Þ¿¡“]")
_STRAY = (
    # (pattern, message, replacement for the match or None)
    (re.compile(r"(?<=[.!?])\s+[,;]+(?=\s|$)"), "a comma after the end of a sentence", ""),
    (re.compile(r"(?<=\w)\s+([,.;])(?=\s|$)"), "a space before “{0}”", "{0}"),
    (re.compile(r"[,;:]\s*[.]"), "a comma or colon right before a full stop", "."),
    (re.compile(r"(?<![.])[.]{2}(?![.])"), "a doubled full stop", "."),
    (re.compile(r",\s*,"), "a doubled comma", ","),
    (re.compile(r"^\s*[,;.:]\s*"), "the sentence starts with punctuation", ""),
)
_ANY_STRAY = re.compile(r"\s[,.;]|[,;:]\s*[.]|\.\.|,\s*,|^\s*[,;.:]")
_TRAILING_COMMA = re.compile(r"\w\s*[,;]\s*$")
_WHITESPACE = re.compile(r"(?<=\S)( {2,}|\t+)(?=\S)|[\u200b\u200c\u200d\u2060\ufeff]")


@detector(
    "missing-space",
    category="fluency/punctuation",
    severity="minor",
    description="No space after sentence punctuation (bombed.Which, forces”.According, said,which)",
    scope="block",
)
def missing_space(det: Detector, ctx: Context, block: Block) -> Iterator[Flag]:
    for left, right in zip(block.segments, block.segments[1:], strict=False):
        if left.end == right.start:
            yield det.flag(
                left.end - 1,
                right.start + 1,
                f"no space between two sentences: “…{left.text[-12:]}{right.text[:12]}…”",
                " ",
                fix_span=(left.end, left.end),
            )
    for seg in block.segments:
        yield from _glued_inside(det, seg)
        for match in _GLUED_COMMA.finditer(seg.text):
            pos = seg.start + match.end()
            yield det.flag(
                pos - 1, pos + 1, f"no space after “{match.group(0)}”", " ", fix_span=(pos, pos)
            )


def _glued_inside(det: Detector, seg: Segment) -> Iterator[Flag]:
    """Glued sentences inside one segment: an edited sentence is not split again."""
    if not _GLUED_STOP.search(seg.text):
        return
    spans = split_sentences(seg.text)
    for (_, left_end), (right_start, _) in zip(spans, spans[1:], strict=False):
        if left_end == right_start:
            pos = seg.start + left_end
            yield det.flag(pos - 1, pos + 1, "no space between two sentences", " ",
                           fix_span=(pos, pos))


@detector(
    "stray-punctuation",
    category="fluency/punctuation",
    severity="minor",
    description="Punctuation left over by the translation (Agreed. ,  a ,b  ,.  ..)",
)
def stray_punctuation(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    taken: list[tuple[int, int]] = []
    for pattern, message, replacement in _STRAY if _ANY_STRAY.search(seg.text) else ():
        if ctx.lang == "fr" and replacement == "{0}":
            continue  # French spaces before ; : ! ? and we only look at , . ; here
        for match in pattern.finditer(seg.text):
            span = (match.start(), match.end())
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            groups = match.groups() or ("",)
            yield det.flag(
                seg.start + span[0],
                seg.start + span[1],
                "stray punctuation: " + message.format(*groups),
                replacement.format(*groups),
            )
    if block.segments[-1] == seg and _TRAILING_COMMA.search(seg.text):
        end = seg.end
        yield det.flag(end - 1, end, "the paragraph ends with a comma", None)


@detector(
    "whitespace",
    category="fluency/typography",
    severity="minor",
    description="Doubled spaces, tabs or invisible zero-width characters inside a sentence",
)
def whitespace(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    for match in _WHITESPACE.finditer(seg.text):
        invisible = bool(match.group(0).strip(" \t"))
        yield det.flag(
            seg.start + match.start(),
            seg.start + match.end(),
            "an invisible zero-width character" if invisible else "more than one space",
            "" if invisible else " ",
        )


@detector(
    "mojibake",
    category="fluency/character-encoding",
    severity="major",
    description="Text decoded with the wrong encoding (Ã©, â€™), repaired with ftfy",
)
def mojibake(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if seg.text.isascii():
        return
    import ftfy

    fixed = ftfy.fix_encoding(seg.text)
    if fixed == seg.text:
        return
    start, end = _changed_span(seg.text, fixed)
    yield det.flag(
        seg.start + start[0],
        seg.start + end[0],
        f"garbled characters from a wrong text encoding: “{seg.text[start[0]:end[0]]}”",
        fixed[start[1] : end[1]],
    )


def _changed_span(old: str, new: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """Smallest ``(start_old, start_new), (end_old, end_new)`` window where the strings differ."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return (head, head), (len(old) - tail, len(new) - tail)
