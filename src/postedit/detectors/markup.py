"""Markup left in the text by the scraper or the CMS: HTML tags, entities, shortcodes."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector, triggers
from postedit.document import Block, Segment
from postedit.flags import Flag

_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
# Bounded attributes and values: an unclosed "<a x=\"" must not scan the rest of the text.
_TAG = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]{0,9}"
    r"(?:\s{1,20}[a-zA-Z-]{1,40}(?:=(?:\"[^\"<>]{0,300}\"|'[^'<>]{0,300}'|[^\s<>\"']{1,300}))?){0,20}"
    r"\s{0,20}/?>"
)
_SHORTCODE = re.compile(r"\[/?(?:caption|embed|gallery|video|audio|image|img)\b[^\]]{0,200}\]", re.I)


@detector(
    "markup",
    category="design/markup",
    severity="major",
    description="HTML tags, entities (&nbsp; &#8217;) or CMS shortcodes ([caption]) left in the text",
    trigger=triggers.containing("&", "<", "["),
)
def markup(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if "&" not in seg.text and "<" not in seg.text and "[" not in seg.text:
        return
    for pattern, replace in ((_ENTITY, _unescape), (_TAG, _drop), (_SHORTCODE, _drop)):
        for match in pattern.finditer(seg.text):
            replacement = replace(match.group(0))
            if replacement == match.group(0):
                continue  # "&foo;" that is not an entity
            start = seg.start + match.start()
            yield det.flag(
                start,
                start + len(match.group(0)),
                f"web page markup left in the text: “{match.group(0)[:40]}”",
                replacement,
            )


def _unescape(entity: str) -> str:
    text = html.unescape(entity)
    return " " if text == "\xa0" else text


def _drop(_markup: str) -> str:
    return ""
