"""postedit's findings in XLIFF 2.1 terms: ITS quality-issue ``<mrk>`` spans, notes, states.

Each flag becomes one ITS 2.0 Localization Quality Issue ``<mrk>`` on its exact
span of the sentence it was found on. Overlapping spans nest; a span that
crosses the end of another is split in two (``M.1``, ``M.2``, same attributes),
since XML elements cannot overlap. The same findings are also plain
``<note category="postedit">`` lines for tools that ignore ITS. The mapping
tables here are the ones the README documents.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from postedit.verdict import scoring

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
ITS_NS = "http://www.w3.org/2005/11/its"

# MQM category (or its prefix) -> ITS 2.0 locQualityIssueType.
ISSUE_TYPES = {
    "accuracy/untranslated": "untranslated",
    "accuracy/omission": "omission",
    "accuracy/addition": "addition",
    "accuracy": "mistranslation",
    "fluency/spelling": "misspelling",
    "fluency/grammar": "grammar",
    "fluency/punctuation": "typographical",
    "fluency/typography": "whitespace",
    "fluency/character-encoding": "characters",
    "fluency/unintelligible": "uncategorized",
    "fluency": "grammar",
    "style": "style",
    "locale": "locale-violation",
    "design": "formatting",
}
# MQM severity -> ITS locQualityIssueSeverity (0..100).
SEVERITY_SCORES = {"minor": 10, "major": 50, "critical": 100}
# What a unit's segment says about it: (state, subState) by postedit status and verdict.
UNIT_STATES = {
    "garbled": ("initial", "postedit:garbled"),
    "check": ("translated", "postedit:check"),
    "ok": ("translated", "postedit:ok"),
    "edited-by-rule": ("translated", "postedit:edited"),
    "edited": ("reviewed", "postedit:edited"),
    "accepted": ("reviewed", "postedit:accepted"),
    "removed": ("reviewed", "postedit:removed"),
}


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def issue_type(category: str) -> str:
    """ITS issue type for an MQM ``category/subcategory``."""
    return ISSUE_TYPES.get(category) or ISSUE_TYPES.get(category.split("/", 1)[0], "other")


def verdict_of(flags: Sequence[Mapping]) -> str:
    current = scoring()
    return current.verdict_of(sum(current.points(str(f.get("severity"))) for f in flags))


def unit_state(seg: Mapping, flags: Sequence[Mapping]) -> tuple[str, str]:
    """``(state, subState)`` for a segment: garbled, to check, fine, or edited (and by whom)."""
    status = seg["status"]
    if status == "unchanged":
        return UNIT_STATES[verdict_of(flags)]
    if status == "edited" and not any(r["by"].startswith("human:") for r in seg["revisions"]):
        return UNIT_STATES["edited-by-rule"]
    return UNIT_STATES[status]


def issue_attrs(flag: Mapping) -> dict[str, str]:
    """The ITS Localization Quality Issue attributes of one flag."""
    return {
        _q(ITS_NS, "locQualityIssueType"): issue_type(str(flag.get("category", ""))),
        _q(ITS_NS, "locQualityIssueComment"): f"{flag['rule']}: {flag.get('message', '')}",
        _q(ITS_NS, "locQualityIssueSeverity"): str(SEVERITY_SCORES.get(flag["severity"], 50)),
    }


@dataclass
class _Span:
    start: int
    end: int
    index: int  # which flag
    children: list[_Span] = field(default_factory=list)


def nest_spans(spans: Sequence[tuple[int, int]]) -> list[_Span]:
    """A forest of spans where children lie inside their parent; crossing spans are split."""
    return _nest([_Span(s, e, i) for i, (s, e) in enumerate(spans)])


def _nest(pending: list[_Span]) -> list[_Span]:
    forest: list[_Span] = []
    while pending:
        pending.sort(key=lambda s: (s.start, -s.end, s.index))
        top, inside, rest = pending[0], [], []
        for other in pending[1:]:
            if other.start >= top.end:
                rest.append(other)
            elif other.end <= top.end:
                inside.append(other)
            else:  # crosses top's end: the piece inside nests, the rest goes on
                inside.append(_Span(other.start, top.end, other.index))
                rest.append(_Span(top.end, other.end, other.index))
        top.children = _nest(inside)
        forest.append(top)
        pending = rest
    return forest


def _pieces(forest: list[_Span], order: list[_Span]) -> list[_Span]:
    """The spans in document order (parents before their children)."""
    for span in forest:
        order.append(span)
        _pieces(span.children, order)
    return order


def fill_marked(
    element: ET.Element, text: str, flags: Sequence[Mapping], id_prefix: str
) -> None:
    """Put ``text`` into ``element`` with one LQI ``<mrk>`` per flag on its span.

    Ids are ``PREFIX`` + the flag's number, plus ``.1``, ``.2``... for the pieces
    of a split span.
    """
    spans = []
    for flag in flags:
        start = max(0, min(int(flag["start"]), len(text)))
        spans.append((start, max(start, min(int(flag["end"]), len(text)))))
    forest = nest_spans(spans)
    order = _pieces(forest, [])
    counts = {i: sum(1 for s in order if s.index == i) for i in range(len(flags))}
    seen: dict[int, int] = {}
    ids: dict[int, str] = {}
    for span in order:
        seen[span.index] = seen.get(span.index, 0) + 1
        piece = f".{seen[span.index]}" if counts[span.index] > 1 else ""
        ids[id(span)] = f"{id_prefix}{span.index + 1}{piece}"
    _fill(element, text, 0, len(text), forest, flags, ids)


def _fill(
    element: ET.Element, text: str, lo: int, hi: int, forest: list[_Span],
    flags: Sequence[Mapping], ids: Mapping[int, str],
) -> None:  # fmt: skip
    element.text = text[lo : forest[0].start] if forest else text[lo:hi]
    for n, span in enumerate(forest):
        mrk = ET.SubElement(element, _q(XLIFF_NS, "mrk"),
                            {"id": ids[id(span)], "type": "its:generic",
                             **issue_attrs(flags[span.index])})
        _fill(mrk, text, span.start, span.end, span.children, flags, ids)
        following = forest[n + 1].start if n + 1 < len(forest) else hi
        mrk.tail = text[span.end : following]


def notes_element(flags: Sequence[Mapping], applies_to: str) -> ET.Element:
    """The findings as ``<notes>``: one ``<note category="postedit">`` per flag."""
    notes = ET.Element(_q(XLIFF_NS, "notes"))
    for n, flag in enumerate(flags, 1):
        note = ET.SubElement(notes, _q(XLIFF_NS, "note"), {
            "id": f"n{n}", "category": "postedit", "appliesTo": applies_to,
            "priority": "1" if flag["severity"] != "minor" else "5",
        })
        note.text = f"{flag['rule']} ({flag['severity']}, {flag.get('category', '')}): " \
                    f"{flag.get('message', '')}"
    return notes
