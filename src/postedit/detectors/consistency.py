"""Consistency across the article: a name spelt two ways, a person called both he and she,
a number or date that changes between mentions.

Machine translation works sentence by sentence, so it forgets what the article
has already said: ``Baerbock`` becomes ``Barbock`` in one paragraph, the
Italian prime minister turns into ``he`` in one sentence, ``800 days`` becomes
``80 days``. The document-wide facts (spellings and their counts, who is whom)
are computed once in :mod:`postedit.context`; here each sentence is checked
against them. Every rule is conservative: a real article may name two people
with similar surnames or give two different figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import PRONOUN_GENDER, Context, Mention, pronouns_outside_quotes
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag

_NAME = re.compile(r"(?<![\w’'-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{3,}(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?)(?![\w-])")
_SWAP = {"he": "she", "she": "he", "his": "her", "him": "her", "himself": "herself",
         "herself": "himself", "hers": "his"}
PRONOUN_WINDOW = 8  # words between a name and a pronoun that still refers to it
TIGHT_WINDOW = 4  # the same, when the sentence names someone else too
_WORD = re.compile(r"\S+")


@detector(
    "name-variant",
    category="accuracy/mistranslation",
    severity="major",
    description="A name spelt two ways in one article (Baerbock, then Barbock); "
    "fix: the spelling the article uses most",
    trigger=lambda ctx, block, seg: bool(ctx.consistency.name_variants),
)
def name_variant(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    variants = ctx.consistency.name_variants
    if not variants:
        return
    for match in _NAME.finditer(seg.text):
        variant = variants.get(match.group(1))
        if variant is None:
            continue
        start = seg.start + match.start(1)
        yield det.flag(
            start,
            start + len(match.group(1)),
            f"“{match.group(1)}” is spelt “{variant.majority}” elsewhere in the article "
            f"({variant.count} times, first in {variant.segment})",
            variant.majority,
        )


@detector(
    "pronoun-gender",
    category="accuracy/mistranslation",
    severity="minor",
    description="A pronoun that gives a named person the other gender from the rest of the "
    "article (Meloni ... her government, then Meloni claimed in his first speech)",
    languages=("en",),
    trigger=lambda ctx, block, seg: bool(ctx.consistency.genders) and bool(ctx.consistency.named.get(seg.id)),
)
def pronoun_gender(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    facts = ctx.consistency
    named = facts.named.get(seg.id) if facts.genders else None
    if not named:
        return
    several = len({m.surname for m in named}) > 1
    for pronoun in pronouns_outside_quotes(seg.text):
        person = _antecedent(seg.text, named, pronoun.start(), several)
        gender = facts.genders.get(person) if person else None
        word = pronoun.group(1)
        if gender is None or PRONOUN_GENDER[word.lower()] == gender:
            continue
        strong = person in facts.by_title and not several
        yield det.flag(
            seg.start + pronoun.start(),
            seg.start + pronoun.end(),
            f"“{word}” refers to {person}, whom the article calls "
            f"{'she' if gender == 'f' else 'he'} elsewhere",
            _replacement(word),
            severity="major" if strong else None,
        )


def _antecedent(
    text: str, named: tuple[Mention, ...], pos: int, several: bool
) -> str | None:
    """The person named last before ``pos``, when close enough to be the one meant."""
    before = [m for m in named if m.end <= pos]
    if not before:
        return None
    between = text[before[-1].end : pos]
    words = _WORD.findall(between)
    if len(words) > (TIGHT_WINDOW if several else PRONOUN_WINDOW):
        return None
    if several and any(w[:1].isupper() for w in words):
        return None  # "Meloni met Draghi and thanked him": not sure who is meant
    return str(before[-1].surname)


def _replacement(word: str) -> str | None:
    swapped = _SWAP.get(word.lower())
    if swapped is None:  # "her" is either "him" or "his"
        return None
    return swapped.capitalize() if word[0].isupper() else swapped


@detector(
    "number-variant",
    category="accuracy/mistranslation",
    severity="minor",
    description="A number or date that changes between mentions with the same context "
    "(for 800 days, then for 80 days; Nov. 25, 2018, then Nov. 25, 2019)",
    trigger=lambda ctx, block, seg: seg.id in ctx.consistency.number_variants,
)
def number_variant(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    for pos, value, variant in ctx.consistency.number_variants.get(seg.id, ()):
        start = seg.start + pos
        yield det.flag(
            start,
            start + len(value),
            f"“{value}” is “{variant.majority}” in the article's other mentions "
            f"({variant.count} times, first in {variant.segment}); check which is right",
        )
