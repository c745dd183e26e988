"""Calques: phrases machine translation carries over word for word from the source.

``he has 45 years`` (Spanish/French/Italian "tiene 45 años"), ``since years``
(German "seit Jahren", French "depuis des années"), ``thanked the support of``
("agradeció el apoyo de"), ``the past Monday`` ("el pasado lunes"),
``counts with`` ("cuenta con"), ``assisted to the meeting`` ("asistió a").
Each pattern is a construction that fluent English does not use, so a hit asks
for a check (minor) and, where the repair is mechanical, carries the fix.
They are meaning-level errors that no surface check sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from postedit import tokens
from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December)")
_PERIODS = r"(?:years|months|weeks|days|decades|hours)"
_SUPPORT = (r"(?:support|help|work|efforts?|collaboration|cooperation|presence|welcome|hospitality|"
            r"trust|confidence|commitment|solidarity)")


@dataclass(frozen=True)
class Calque:
    """A word-for-word construction: where it comes from and how English says it."""

    pattern: re.Pattern[str]
    explanation: str
    replacement: str | None = None  # a template for ``match.expand``; None: no mechanical fix


_REPORTING = (r"(?:said|explained|added|stated|declared|insisted|stressed|noted|recalled|replied|"
              r"warned|argued|indicated|assured|affirmed|underlined|specified|announced|estimated)")
_AFTER_QUOTE = r"(?:[”\"»’]\s*,|,\s*[”\"»’])\s+"

CALQUES = (
    Calque(
        re.compile(_AFTER_QUOTE + r"(?P<calque>(?:for|on) (?:his|her|their|its|our) part,? "
                   + _REPORTING + r" (?:the|a|an)\b)"),
        "“…”, for his part explained the minister (French/Spanish/Italian word order): English "
        "says “…”, the minister explained",
    ),
    Calque(
        re.compile(_AFTER_QUOTE + r"(?P<calque>" + _REPORTING + r" (?:during|in|at|on|before|after|"
                   r"from|with|to) [^,.;:”\"»]{1,40}? (?:the|a|an) (?!same\b)[a-z-]+)"),
        "“…”, explained during a press conference the minister (the speaker after an adverbial, "
        "Romance word order): English says “…”, the minister explained during …",
    ),
    Calque(
        re.compile(_AFTER_QUOTE + r"(?P<calque>(?:add|say|explain|insist|warn|stress|note|recall|"
                   r"assure|affirm|conclude|underline|specify|indicate|point out) (?:the|a|an|this"
                   r"|his|her|their|its)\b)"),
        "“…”, add the channel: a reporting verb without its tense (French/Italian/Spanish "
        "present “ajoute, aggiunge, añade” read as an English base form): English says “…”, "
        "the channel added",
    ),
    Calque(
        re.compile(r"\b(?:Mr|Mrs|Ms|Mister)\.? (?P<calque>[A-Z]{3,})\b(?! [A-Z][a-z])"),
        "a title before an acronym (Mr. SYRIZA): a title belongs to a person, so the "
        "translation probably took a party or an organisation for one",
    ),
    Calque(
        re.compile(r"\b(?:he|she|who|which|it) (?:has|had) (\d{1,3}) years\b(?! (?:of|ago|in|to|"
                   r"left|since|before|after|for|at|on|under|as)\b)(?!-)", re.I),
        "age given with “have” (Spanish/French/Italian “tener/avoir/avere N años”): English says "
        "“is N”",
    ),
    Calque(
        re.compile(rf"\bsince (?:(?:many|several|some|a few|two|three|four|five|ten|\d+) )?{_PERIODS}\b"
                   r"(?! ago\b)", re.I),
        "“since” with a length of time (German “seit Jahren”, French “depuis des années”): English "
        "says “for …”",
    ),
    Calque(
        re.compile(rf"\bthank(?:s|ed|ing)? (?:the|his|her|their|its|our) {_SUPPORT} of\b", re.I),
        "“thank the support of X” (Spanish/Italian “agradecer el apoyo de”): English thanks a "
        "person for something",
    ),
    Calque(
        re.compile(rf"\bthe past ({_DAYS}|{_MONTHS})\b"),
        "“the past Monday” (Spanish/Portuguese “el pasado lunes”): English says “last Monday”",
        r"last \1",
    ),
    Calque(
        re.compile(r"\b(?:counts?|counted|counting) with (?:the|a|an|more|some|about|around|over|"
                   r"\d)", re.I),
        "“count with” (Spanish/Portuguese “contar con”): English says “has” or “relies on”",
    ),
    Calque(
        re.compile(r"\bassist(?:s|ed|ing)? (?:to|at) the (?:meeting|event|ceremony|session|summit|"
                   r"conference|funeral|match|game|concert|inauguration|mass)\b", re.I),
        "“assist to” (Spanish/French “asistir a, assister à”): English says “attend”",
    ),
    Calque(
        re.compile(r"\b(?:propos|suggest|recommend)(?:e|es|ed|ing) to (?:the )?[A-Z][\w-]*"
                   r"(?:(?: of| for| and)? [A-Z][\w-]*){0,3} to [a-z]+\b"),
        "“propose to X to do” (German “vorschlagen, … zu”, Spanish “proponer a X que”): English "
        "proposes that X do, or proposes doing",
    ),
    Calque(
        re.compile(r"\bin the measure (?:in which|that|of)\b", re.I),
        "“in the measure in which” (Spanish/French “en la medida en que”): English says “insofar "
        "as” or “to the extent that”",
    ),
)

# Each calque with whether it opens with ``_AFTER_QUOTE`` (a sentence then needs ``_QUOTE_KEY``
# to hold it; every other calque needs ``_WORD_KEY``), settled once here, not per sentence.
_KEYED = tuple((item, item.pattern.pattern.startswith(_AFTER_QUOTE)) for item in CALQUES)


# Every calque above needs one of these: one search spares most sentences ten. The calques
# after a quotation need a quotation mark and a comma, the others one of the words.
# One character class first (a quotation mark or a comma), then the branch for it: a pattern
# that opens with a class is scanned at C speed; two branches that open with classes
# (``[”"»’]\s*,|,\s*[”"»’]``) were tried at every offset, in twice the time.
_QUOTE_KEYS = r"[”\"»’,](?:(?<=[”\"»’])\s*,|(?<=,)\s*[”\"»’])"
_WORD_KEYS = (r"\b(?i:ha[sd] \d|since|thank|the past [A-Z]|count|assist|propos|suggest|recommend|"
              r"in the measure)|\bM(?:r|rs|s|ister)\.? [A-Z]{3}")
# The first characters of the word keys' matches: h s t c a p r i in any case (İ, ı and ſ
# are an i and an s to (?i)), M. Looking ahead for one first spares the search trying all
# the branches at every other position (half the search's time).
_WORD_FIRSTS = "hstcapriHSTCAPRIİıſM"
_QUOTE_KEY = re.compile(_QUOTE_KEYS)
_WORD_KEY = re.compile(rf"(?=[{_WORD_FIRSTS}])(?:{_WORD_KEYS})")
# What the trigger looks for among the shared runs of letters instead of searching again:
# each calque not after a quotation holds one of these as a whole word (lower-cased) or
# one of the titles as written. str.lower misses three letters that (?i) folds onto an
# ASCII one; a sentence with one of them is searched as before.
_KEY_WORDS = frozenset(
    "since thank thanks thanked thanking count counts counted counting assist assists "
    "assisted assisting past measure years".split()
) | frozenset(stem + ending for stem in ("propos", "suggest", "recommend")
              for ending in ("e", "es", "ed", "ing"))
_KEY_TITLES = frozenset("Mr Mrs Ms Mister".split())
_FOLDED = re.compile("[İıſ]")


def _may_hold_calque(ctx: Context, block: Block, seg: Segment) -> bool:
    """The trigger: a quoted comma, or a key word of the other calques."""
    text = seg.text
    if _QUOTE_KEY.search(text) is not None:
        return True
    if not text.isascii() and _FOLDED.search(text) is not None:  # isascii: a flag, no scan
        return _WORD_KEY.search(text) is not None
    found = tokens.of(text)
    return not _KEY_WORDS.isdisjoint(found.lower_letters) or not _KEY_TITLES.isdisjoint(found.letters)


@detector(
    "calque",
    category="style/unidiomatic",
    severity="minor",
    description="A phrase or word order carried over from the source language (he has 45 years, "
    "since years, thanked the support of, the past Monday, counts with, “…”, explained on "
    "Monday the minister, “…”, add the channel, Mr. SYRIZA)",
    languages=("en",),
    trigger=_may_hold_calque,
)
def calque(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    quoted = _QUOTE_KEY.search(seg.text) is not None
    worded = _WORD_KEY.search(seg.text) is not None
    if not (quoted or worded):
        return  # the common case: none of the calques' key words is there
    for item, after_quote in _KEYED:
        if not (quoted if after_quote else worded):
            continue  # the keys its pattern needs are missing: no match to look for
        for match in item.pattern.finditer(seg.text):
            group = "calque" if "calque" in item.pattern.groupindex else 0
            start, end = seg.start + match.start(group), seg.start + match.end(group)
            replacement = match.expand(item.replacement) if item.replacement else None
            yield det.flag(start, end, f"“{match.group(group)}”: {item.explanation}", replacement)
