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

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block
from postedit.flags import Flag

BRACKETS = {")": "(", "]": "[", "}": "{"}
QUOTES = {"”": "“", "»": "«"}
# German and Central European style: „so“ and »so«.
LOW_HIGH_QUOTES = {"“": "„", "«": "»"}
_OPENING_QUOTES = "“«\"‘„»"


@detector(
    "unbalanced-pair",
    category="fluency/punctuation",
    severity="minor",
    description="A bracket or quotation mark that is opened and never closed, or the reverse",
    scope="block",
)
def unbalanced_pair(det: Detector, ctx: Context, block: Block) -> Iterator[Flag]:
    for pos, char, problem in _unmatched(block.text, BRACKETS):
        yield det.flag(block.start + pos, block.start + pos + 1, _message(char, problem))
    german_style = "„" in block.text or ("»" in block.text and ctx.lang == "de")
    quotes = LOW_HIGH_QUOTES if german_style else QUOTES
    quote_problems = list(_unmatched(block.text, quotes)) + list(_straight_quotes(block.text))
    for pos, char, problem in quote_problems:
        if problem == "never closed" and _continues_next_paragraph(ctx, block):
            continue
        yield det.flag(block.start + pos, block.start + pos + 1, _message(char, problem))


def _unmatched(text: str, pairs: dict[str, str]) -> Iterator[tuple[int, str, str]]:
    openers = set(pairs.values())
    stack: list[tuple[int, str]] = []
    marks = re.compile("[" + re.escape("".join(pairs) + "".join(openers)) + "]")
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
