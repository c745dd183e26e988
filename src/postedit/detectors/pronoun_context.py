"""A pronoun that opens a sentence with the other gender from the person just named.

Translating from a language that drops subjects or whose pronouns do not mark
gender (Spanish ``advirtió``, Turkish ``o``), machine translation guesses ``he``
for the next sentence: ``Meloni spoke to Parliament. “…,” he warned.`` The
same-sentence case is ``pronoun-gender`` (:mod:`postedit.detectors.consistency`);
this one looks back one sentence, and only where that sentence names people of a
single, known gender and no one else who could be meant (no ``the president``,
no second name), and the pronoun comes before any new name in its own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import PRONOUN_GENDER, Context, pronouns_outside_quotes
from postedit.detectors import Detector, article_facts, detector
from postedit.document import Block, Segment
from postedit.flags import Flag

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_NARRATION_BEFORE = 2  # words of narration before the pronoun: "However, he said"
# People a pronoun may point to without a name: any of these in reach makes it unsure.
_PERSON_NOUNS = re.compile(
    r"\b(?:president|minister|premier|chancellor|leader|head|spokes(?:man|woman|person)|"
    r"man|woman|boy|girl|husband|wife|father|mother|son|daughter|brother|sister|king|queen|"
    r"prince|princess|mayor|governor|senator|deputy|judge|candidate|official|chief|chairman|"
    r"chairwoman|secretary|ambassador|colleague|counterpart|rival|predecessor|successor|"
    r"victim|suspect|driver|player|coach|actor|actress|singer|author|founder|owner|partner|"
    r"friend|envoy|adviser|advisor|aide|officer|commander|general|priest|pope|doctor|lawyer|"
    r"teacher|worker|member|speaker|manager|director|reporter|journalist|activist|"
    r"(?:congress|business|police|chair|sales|fisher|country)(?:man|men|woman|women))s?\b"
)
_POSSESSIVE = ("’s", "'s")
_LOOK_BACK = 3  # sentences


@detector(
    "pronoun-gender-prior",
    category="accuracy/mistranslation",
    severity="minor",
    description="A sentence-opening pronoun with the other gender from the one person named in "
    "the sentence before (Meloni spoke. “…,” he warned)",
    languages=("en",),
)
def pronoun_gender_prior(
    det: Detector, ctx: Context, block: Block, seg: Segment
) -> Iterator[Flag]:
    facts = ctx.consistency
    if not facts.genders or facts.named.get(seg.id):
        return
    pronoun = _opening_pronoun(seg.text)
    if pronoun is None:
        return
    previous = _last_naming(ctx, block, seg)
    gender = _single_gender(previous, ctx) if previous is not None else None
    word = pronoun.group(1)
    if gender is None or PRONOUN_GENDER[word.lower()] == gender:
        return
    yield det.flag(
        seg.start + pronoun.start(),
        seg.start + pronoun.end(),
        f"“{word}”: the sentence before names only {'women' if gender == 'f' else 'men'} "
        f"(whom the article calls {'she' if gender == 'f' else 'he'}); check who is meant",
    )


def _opening_pronoun(text: str) -> re.Match[str] | None:
    """The first narration pronoun, when at most a couple of narration words precede it."""
    found = pronouns_outside_quotes(text)
    if not found:
        return None
    first = found[0]
    before = text[: first.start()]
    if before.count("”") > before.count("“"):
        before = before[before.rindex("”") + 1 :]  # the end of a quote opened a sentence ago
    narration = _QUOTED.sub(" ", before)
    if len(narration.split()) > _NARRATION_BEFORE or _PERSON_NOUNS.search(narration.lower()):
        return None
    return first


def _last_naming(ctx: Context, block: Block, seg: Segment) -> Segment | None:
    """The nearest earlier sentence that names someone, across sentences of quotation that
    name no one and use no pronoun (a quote split in two); None when none is in reach."""
    for _ in range(_LOOK_BACK):
        found = _previous_segment(ctx, block, seg)
        if found is None:
            return None
        block, seg = found
        if ctx.consistency.named.get(seg.id):
            return seg
        if pronouns_outside_quotes(seg.text) or _PERSON_NOUNS.search(_QUOTED.sub(" ", seg.text).lower()):
            return None
    return None


def _previous_segment(ctx: Context, block: Block, seg: Segment) -> tuple[Block, Segment] | None:
    at = seg.position
    if at:
        return block, block.segments[at - 1]
    blocks = ctx.document.blocks
    index = article_facts.remembered(  # one map per article: list.index made it quadratic
        ctx.document.text, "block index", lambda: {b.id: i for i, b in enumerate(blocks)}
    )[block.id]
    if index == 0 or blocks[index - 1].kind != "body" or not blocks[index - 1].segments:
        return None
    return blocks[index - 1], blocks[index - 1].segments[-1]


def _single_gender(seg: Segment, ctx: Context) -> str | None:
    """The gender of everyone the sentence names (possessives aside), when it is one."""
    facts = ctx.consistency
    mentions = [m for m in facts.named.get(seg.id, ()) if not seg.text.startswith(_POSSESSIVE, m.end)]
    if not mentions or _PERSON_NOUNS.search(_QUOTED.sub(" ", seg.text).lower()):
        return None
    genders = {facts.genders.get(m.surname) for m in mentions}
    if len(genders) != 1 or None in genders:
        return None
    return genders.pop()
