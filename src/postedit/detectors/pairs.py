"""Unbalanced brackets and quotation marks.

Brackets must close within their paragraph (a parenthesis may hold several
sentences). Quotation marks may span several sentences of a paragraph, and
(English convention) several paragraphs: a paragraph that leaves a quote open
is fine when the next paragraph opens with a quotation mark again. Each flag
lands on the sentence holding the unmatched mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block
from postedit.flags import Flag

BRACKETS = {")": "(", "]": "[", "}": "{"}
QUOTES = {"”": "“", "»": "«"}
# German and Central European style: „so“ and »so«.
LOW_HIGH_QUOTES = {"“": "„", "«": "»"}
_OPENING_QUOTES = "“«\"‘„»"
_MARKS = "()[]{}“”«»„\""  # every mark the rule weighs: a paragraph without one is balanced
_ANY_MARK = re.compile("[" + re.escape(_MARKS) + "]")
# Quotes the wrong way round, as some MT sites print them: ” traffic light “.
_REVERSED_PAIR = re.compile(r"(?<!\S)”[ \t]?([^“”\n]{1,80}?)[ \t]?“(?![^\W\d_])")
_SUSPECT_QUOTES = re.compile(r"”(?<!\S”)|“(?![^\W\d_])")  # the mark first: scanned fast
# A closing quote written as an opening one: 'done quickly. “' ending a paragraph, 'word“ '.
_OPENER_AT_END = re.compile(r"(?<=[.!?,;])[ \t]+“[ \t]*$")
_OPENER_AFTER_WORD = re.compile(r"(?<=[^\W\d_])“(?=[\s.,;:!?)]|$)")
# An opening quote written as a closing one: ' ”word'.
_CLOSER_BEFORE_WORD = re.compile(r"(?<!\S)”(?=[^\W\d_])")


@detector(
    "unbalanced-pair",
    category="fluency/punctuation",
    severity="minor",
    description="A bracket or quotation mark that is opened and never closed, or the reverse",
    scope="block",
    trigger=lambda ctx, block: _ANY_MARK.search(block.text) is not None,
)
def unbalanced_pair(det: Detector, ctx: Context, block: Block) -> Iterator[Flag]:
    for pos, char, problem in _unmatched(block.text, BRACKETS):
        yield det.flag(block.start + pos, block.start + pos + 1, _message(char, problem))
    german_style = "„" in block.text or ("»" in block.text and ctx.lang == "de")
    reversed_flags = list(_reversed_quotes(det, block, german_style or ctx.lang == "de"))
    yield from reversed_flags
    text = _turned_round(block.text, [(f.start - block.start, f.end - block.start)
                                      for f in reversed_flags]) if reversed_flags else block.text
    quotes = LOW_HIGH_QUOTES if german_style else QUOTES
    quote_problems = list(_unmatched(text, quotes)) + list(_straight_quotes(text))
    for pos, char, problem in quote_problems:
        if problem == "never closed" and _continues_next_paragraph(ctx, block):
            continue
        yield det.flag(block.start + pos, block.start + pos + 1, _message(char, problem))


def _reversed_quotes(det: Detector, block: Block, german: bool) -> Iterator[Flag]:
    """Curly quotes the wrong way round, each flag with the turned-round marks as its fix."""
    text, taken = block.text, []
    if not _SUSPECT_QUOTES.search(text):
        return  # every “ opens a word and every ” follows one
    for match in _REVERSED_PAIR.finditer(text):
        taken.append((match.start(), match.end()))
        yield det.flag(block.start + match.start(), block.start + match.end(),
                       f"the quotation marks are the wrong way round: {match.group(0)}",
                       f"“{match.group(1).strip()}”")
    singles = [(_CLOSER_BEFORE_WORD, "“", "an opening quotation mark written as a closing one")]
    if "“" not in text and text.count("”") % 2 == 0:
        singles = []  # ”so” throughout: Swedish or Finnish style, consistently
    if not german:  # German closes with “
        singles += [(_OPENER_AT_END, "”", "a closing quotation mark written as an opening one"),
                    (_OPENER_AFTER_WORD, "”", "a closing quotation mark written as an opening one")]
    for pattern, replacement, message in singles:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in taken):
                continue
            yield det.flag(block.start + match.start(), block.start + match.end(), message,
                           replacement)


def _turned_round(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the quotes of the flagged spans turned round (same length), for balancing."""
    chars = list(text)
    for start, end in spans:
        for pos in range(start, end):
            chars[pos] = {"“": "”", "”": "“"}.get(chars[pos], chars[pos])
    return "".join(chars)


def _unmatched(text: str, pairs: dict[str, str]) -> Iterator[tuple[int, str, str]]:
    openers, marks = _marks(tuple(pairs.items()))
    stack: list[tuple[int, str]] = []
    for match in marks.finditer(text):
        pos, char = match.start(), match.group(0)
        if char in openers:
            stack.append((pos, char))
        elif char in pairs:
            if stack and stack[-1][1] == pairs[char]:
                stack.pop()
            else:
                yield pos, char, "never opened"
    for pos, char in stack:
        yield pos, char, "never closed"


@cache
def _marks(pairs: tuple[tuple[str, str], ...]) -> tuple[frozenset[str], re.Pattern[str]]:
    """The openers of ``(closer, opener)`` pairs, and a pattern for every mark of them:
    built once per set of pairs rather than once per paragraph."""
    openers = frozenset(opener for _closer, opener in pairs)
    marks = "".join(closer for closer, _opener in pairs) + "".join(openers)
    return openers, re.compile("[" + re.escape(marks) + "]")


def _straight_quotes(text: str) -> Iterator[tuple[int, str, str]]:
    if text.count('"') % 2:
        yield text.rindex('"'), '"', "never closed"


def _continues_next_paragraph(ctx: Context, block: Block) -> bool:
    blocks = ctx.document.blocks
    index = int(block.id[1:]) - 1  # ids are b1, b2, ... in order
    return index + 1 < len(blocks) and blocks[index + 1].text.lstrip()[:1] in _OPENING_QUOTES


def _message(char: str, problem: str) -> str:
    kind = "bracket" if char in "()[]{}" else "quotation mark"
    return f"the {kind} “{char}” is {problem}"
