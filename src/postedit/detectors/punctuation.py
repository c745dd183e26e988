"""Punctuation and characters: missing spaces, stray punctuation, whitespace, mojibake."""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector, triggers
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import zipf
from postedit.segmenter import split_sentences

# "attacks,which", "said;the", "2019,said", "río»,contó", "afternoon,”Carter", "town,a",
# "l'accusation,l'alarme": punctuation glued to the next word (not 1,000, 2,3 nor URLs).
# The comma comes first and the look-behinds after it (the comma included): a pattern that
# starts with a character class is scanned at C speed, one that starts with a look-behind
# is tried at every offset of the sentence.
_GLUED_COMMA = re.compile(
    r"[,;](?:(?<=[^\W\d_]{2}[,;])|(?<=[\d%»”\"’)\]][,;]))[”\"’»]?"
    r"(?=[^\W\d_](?:[^\W\d_]|['’][^\W\d_]|[ \t]))"
)
# „Hanna“hat, «ordine»ha: a closing quotation mark glued to the next word (“ closes in German).
_GLUED_CLOSER = re.compile(r"(?<=[^\W\d_.!?])[”»](?=[^\W\d_]{2})")
_GLUED_LOW_HIGH_CLOSER = re.compile(r"(?<=[^\W\d_.!?])“(?=[^\W\d_]{2})")
_ENTITY_BEFORE = re.compile(r"&#?\w{1,8}$")
# "medias».A su juicio", "esondati.I vigili", "2022.Les", "22,1 %.La": a sentence glued to
# the next one where the segmenter does not split (lower-case word, year or closing mark
# before the stop; a capital and then a lower-case letter or a space after it).
_GLUED_SENTENCE = re.compile(
    r"(?:(?<=[^\W\d_A-ZÀ-Þ]{3})|(?<=\d{4})|(?<=[%»”“\"’)]))[.!?]"
    r"(?=[«“„¿¡]?[A-ZÀ-Þ](?:[^\W\d_A-ZÀ-Þ]|['’]|[ \t]))"
)
_GLUED_STOP = re.compile(r"[.!?][”\"’)]?[A-ZÀ-Þ¿¡“]")
# "kann.sagte": a full stop glued to a lower-case word (not e.g., z.B., spiegel.de, index.html).
_GLUED_LOWER_STOP = re.compile(r"(?<![\w.@/:-])[^\W\d_]{2,}\.([^\W\d_]{3,})(?![\w.@/-])")
_LOWER_STOP_HINT = re.compile(r"\.(?<=[^\W\d_]\.)[^\W\d_A-Z]")  # from the stop: scanned fast
_NOT_WORDS = frozenset("com org net gov edu info html htm php asp aspx jpg jpeg png gif pdf "
                       "online news media live app co uk".split())
_STRAY = (
    # (pattern, message, replacement for the match or None)
    (re.compile(r"(?<=[.!?])\s+[,;]+(?=\s|$)"), "a comma after the end of a sentence", ""),
    # "Freundlichkeit. ." (but not a spaced ellipsis ". . .")
    (re.compile(r"(?<=[^\s.][.!?])[ \t]+\.(?![.\w])(?![ \t]+\.)"), "a doubled full stop", ""),
    (re.compile(r"(?<=\w)\s+([,.;])(?=\s|$)(?![ \t]+\.)"), "a space before “{0}”", "{0}"),
    (re.compile(r"[,;:]\s*[.]"), "a comma or colon right before a full stop", "."),
    (re.compile(r"(?<![.])[.]{2}(?![.])"), "a doubled full stop", "."),
    (re.compile(r",\s*,"), "a doubled comma", ","),
    (re.compile(r"^\s*[,;.:]\s*"), "the sentence starts with punctuation", ""),
)
# Whether any _STRAY pattern may match: a space before , . ;  or  , ; : before a full stop,
# or  ..  or  , ,  (each found from its punctuation mark, which the engine scans for fast);
# a sentence that starts with punctuation is tested apart, by _starts_with_punctuation.
_ANY_STRAY = re.compile(r"[,.;:](?:(?<=\s[,.;])|(?<=[,;:])\s*\.|(?<=\.)\.|(?<=,)\s*,)")
_MONTHS = (
    "january february march april may june july august september october november december "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre janeiro "
    "fevereiro março maio junho julho setembro outubro novembro dezembro januar jänner februar "
    "märz juni juli oktober dezember"
).split()
_MONTH = "|".join(sorted(set(_MONTHS), key=len, reverse=True))
# "novembre, 25, 2018" and "25, November 2018": commas between the day and its month.
_SPLIT_DATE = re.compile(
    rf"\b(?P<month>{_MONTH})\s*,\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,\s*(?P<year>\d{{4}})\b"
    rf"|\b(?P<day2>\d{{1,2}})\s*,\s*(?P<month2>{_MONTH})\s+(?P<year2>\d{{4}})\b",
    re.IGNORECASE,
)
_DATE_HINT = re.compile(r"\d\s*,\s*(?:\d{4}|[^\W\d_])")  # opens with a digit: scanned fast
_DATE_ORDER = {"en": "{month} {day}, {year}", "de": "{day}. {month} {year}",
               "es": "{day} de {month} de {year}", "pt": "{day} de {month} de {year}"}
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
    for seg in block.segments:  # each part runs only where its cheap hint is found
        text = seg.text
        if _GLUED_STOP.search(text):
            yield from _glued_inside(det, seg)
        if 0 <= text.find(".") < len(text) - 1 and _LOWER_STOP_HINT.search(text):
            yield from _glued_lowercase(det, ctx, seg)
        if "," in text or ";" in text:
            yield from _glued_comma(det, seg)
        if "”" in text or "»" in text or "“" in text:
            yield from _glued_closer(det, ctx, block, seg)


def _glued_closer(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if "»" in seg.text and ctx.lang == "de":
        return  # »so« : » opens there
    patterns = [_GLUED_CLOSER]
    if "„" in block.text:
        patterns.append(_GLUED_LOW_HIGH_CLOSER)
    for pattern in patterns:
        for match in pattern.finditer(seg.text):
            pos = seg.start + match.end()
            yield det.flag(pos - 1, pos + 1, f"no space after “{match.group(0)}”", " ",
                           fix_span=(pos, pos))


def _glued_comma(det: Detector, seg: Segment) -> Iterator[Flag]:
    for match in _GLUED_COMMA.finditer(seg.text):
        if match.group(0)[0] == ";" and _ENTITY_BEFORE.search(seg.text, 0, match.start()):
            continue  # "&amp;" is markup, the markup rule's
        pos = seg.start + match.end()
        yield det.flag(
            pos - 1, pos + 1, f"no space after “{match.group(0)}”", " ", fix_span=(pos, pos)
        )


def _glued_inside(det: Detector, seg: Segment) -> Iterator[Flag]:
    """Glued sentences inside one segment: an edited sentence is not split again."""
    spans = split_sentences(seg.text)
    joins = {left_end for (_, left_end), (right_start, _) in zip(spans, spans[1:], strict=False)
             if left_end == right_start}
    joins |= {match.end() for match in _GLUED_SENTENCE.finditer(seg.text)
              if not _in_address(seg.text, match.start())}
    for join in sorted(joins):
        pos = seg.start + join
        yield det.flag(pos - 1, pos + 1, "no space between two sentences", " ",
                       fix_span=(pos, pos))


def _in_address(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in an e-mail address, a URL or a handle (news.Desk@example.org)."""
    end = text.find(" ", pos)
    word = text[text.rfind(" ", 0, pos) + 1 : end if end >= 0 else len(text)]
    return any(mark in word for mark in ("@", "/", "www.", "#"))


def _glued_lowercase(det: Detector, ctx: Context, seg: Segment) -> Iterator[Flag]:
    """``kann.sagte ein``: the segmenter does not split before a lower-case word."""
    for match in _GLUED_LOWER_STOP.finditer(seg.text):
        word = match.group(1)
        if not word.islower() or word in _NOT_WORDS or zipf(word, ctx.lang) < 3.0:
            continue
        pos = seg.start + match.start(1)
        yield det.flag(pos - 1, pos + 1, f"no space after the full stop before “{word}”", " ",
                       fix_span=(pos, pos))


@detector(
    "stray-punctuation",
    category="fluency/punctuation",
    severity="minor",
    description="Punctuation left over by the translation (Agreed. ,  a ,b  ,.  ..)",
)
def stray_punctuation(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    # The cheap tests come first and guard each part: most sentences need none of them.
    if _ANY_STRAY.search(seg.text) or _starts_with_punctuation(seg.text):
        yield from _stray_marks(det, ctx, seg)
    if "," in seg.text and _DATE_HINT.search(seg.text):
        yield from _split_dates(det, ctx, seg)
    if _ends_with_comma(seg.text) and block.segments[-1] == seg:
        end = seg.end
        yield det.flag(end - 1, end, "the paragraph ends with a comma", None)


def _stray_marks(det: Detector, ctx: Context, seg: Segment) -> Iterator[Flag]:
    taken = bytearray(len(seg.text))  # one byte a character: overlap checks stay linear
    for pattern, message, replacement in _STRAY:
        if ctx.lang == "fr" and replacement == "{0}":
            continue  # French spaces before ; : ! ? and we only look at , . ; here
        for match in pattern.finditer(seg.text):
            span = (match.start(), match.end())
            if taken.find(1, span[0], max(span[1], span[0] + 1)) >= 0:
                continue
            taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
            groups = match.groups() or ("",)
            yield det.flag(
                seg.start + span[0],
                seg.start + span[1],
                "stray punctuation: " + message.format(*groups),
                replacement.format(*groups),
            )


def _starts_with_punctuation(text: str) -> bool:
    """``^\\s*[,;.:]``, the last of the _STRAY patterns, without a regex."""
    return text.lstrip()[:1] in (",", ";", ".", ":")


def _ends_with_comma(text: str) -> bool:
    """``\\w\\s*[,;]\\s*$`` read from the end, where a regex search tries every word character."""
    body = text.rstrip()
    if body[-1:] not in (",", ";"):
        return False
    before = body[:-1].rstrip()[-1:]
    return before.isalnum() or before == "_"


def _split_dates(det: Detector, ctx: Context, seg: Segment) -> Iterator[Flag]:
    for match in _SPLIT_DATE.finditer(seg.text):
        month = match.group("month") or match.group("month2")
        day = match.group("day") or match.group("day2")
        year = match.group("year") or match.group("year2")
        order = _DATE_ORDER.get(ctx.lang, "{day} {month} {year}")
        yield det.flag(
            seg.start + match.start(),
            seg.start + match.end(),
            "stray punctuation: a comma splits the date between its day and its month",
            order.format(month=month, day=day, year=year),
        )


@detector(
    "whitespace",
    category="fluency/typography",
    severity="minor",
    description="Doubled spaces, tabs or invisible zero-width characters inside a sentence",
    trigger=triggers.containing("  ", "\t", *"\u200b\u200c\u200d\u2060\ufeff"),
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


# UTF-8 read as Latin-1 or Windows-1252: a lead byte (U+00C2-U+00F4 read that way) next
# to a continuation byte (U+0080-U+00BF, or the Windows-1252 letters in that byte range)
# or to a space that was a no-break space (``Â `` from U+00A0, ``Ã `` from ``à``: only those
# two lead bytes, so ``Potosí `` is no hint). Text without such a pair has none to repair.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2\u00c3] |[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


@detector(
    "mojibake",
    category="fluency/character-encoding",
    severity="major",
    description="Text decoded with the wrong encoding (Ã©, â€™), repaired with ftfy",
    trigger=triggers.not_ascii,
)
def mojibake(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if seg.text.isascii() or not _MOJIBAKE_HINT.search(seg.text):
        return
    import ftfy  # imported only for text that may need it: the import costs 0.1 s

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
