"""Text the widgets show, built as Textual ``Content`` with theme-variable styles.

Every verdict has a symbol as well as a colour (✓ ? ✗), changes are struck
through or underlined, flagged spans are underlined or bold, so the screen
reads without colour (``NO_COLOR``) and on light themes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from textual.content import Content

from postedit.diffing import DiffStep, word_diff
from postedit.document import Block
from postedit.editing.session import ReviewSession
from postedit.editing.suggestions import Suggestion
from postedit.flags import Flag

MARKS = {
    "ok": ("✓", "$text-success"),
    "fine": ("✓", "$text-success bold"),
    "check": ("?", "$text-warning bold"),
    "garbled": ("✗", "$text-error bold"),
    "removed": ("−", "$text-muted"),
    "pending": ("·", "$text-muted"),
}
KIND_TAGS = {
    "headline": ("HEAD", "bold"),
    "body": ("    ", ""),
    "caption": ("CAPT", "italic $text-accent"),
    "attribution": ("ATTR", "italic $text-secondary"),
    "boilerplate": ("BOIL", "$text-muted strike"),
}
SEVERITY_STYLES = {
    "critical": "bold reverse $text-error",
    "major": "bold underline $text-error on $error-muted",
    "minor": "underline $text-warning on $warning-muted",
}
DELETED = "strike $text-error on $error-muted"
INSERTED = "bold underline $text-success on $success-muted"


def mark(verdict: str) -> Content:
    symbol, style = MARKS.get(verdict, MARKS["pending"])
    return Content.styled(symbol, style)


def segment_prompt(segment_id: str, kind: str, text: str, verdict: str, score: float | None,
                   status: str = "unchanged") -> Content:
    """One line of the segment list: mark, id, kind, score, edit mark, text."""
    tag, tag_style = KIND_TAGS.get(kind, ("", ""))
    number = "   " if score is None else f"{score:3.0f}"
    edited = {"edited": "✎", "removed": "✎", "accepted": "✔"}.get(status, " ")
    shown = text.replace("\n", " ") or "(removed)"
    body_style = "$text-muted strike" if kind == "boilerplate" or verdict == "removed" else ""
    return Content.assemble(
        mark(verdict), " ", (f"{segment_id:<7}", "$text-muted"), " ",
        (tag, tag_style), " ", (number, "$text-muted"), edited, " ", (shown, body_style),
    )


def session_row(session: ReviewSession, segment_id: str) -> Content:
    """The segment list row of a segment in its current state."""
    report = session.current(segment_id)
    return segment_prompt(segment_id, report.block.kind, session.text(segment_id),
                          session.verdict(segment_id), session.shown_score(segment_id),
                          session.status(segment_id))


def paragraph(block: Block, session: ReviewSession, segment_id: str) -> Content:
    """The paragraph with the current sentence highlighted and its flagged spans marked.

    The text between sentences is the document's own, so a missing space shows.
    """
    original = session.document.text
    parts: list[Content | str | tuple[str, str]] = []
    position = block.start
    for seg in block.segments:
        parts.append(original[position : seg.start].replace("\n", " "))
        position = seg.end
        text = session.text(seg.id)
        if seg.id == segment_id:
            parts.append(flagged_text(text, session.local_flags(seg.id)))
        elif text:
            parts.append((text, "$text-muted"))
    return Content.assemble(*parts)


def flagged_text(text: str, flags: Sequence[Flag]) -> Content:
    """``text`` (the current sentence) with each flag's span styled by severity."""
    content = Content.styled(text, "bold")
    for flag in sorted(flags, key=lambda f: SEVERITY_ORDER[f.severity]):
        start, end = max(0, flag.start), min(len(text), flag.end)
        if end <= start or (start == 0 and end == len(text)):
            continue
        content = content.stylize(SEVERITY_STYLES[flag.severity], start, end)
    return content


SEVERITY_ORDER = {"minor": 0, "major": 1, "critical": 2}


def flag_lines(flags: Sequence[Flag]) -> Content:
    """Each flag in words: severity mark, rule, category, message."""
    if not flags:
        return Content.styled("No problems found.", "$text-success")
    lines = []
    for flag in flags:
        symbol = "✗" if flag.severity != "minor" else "?"
        style = "$text-error bold" if flag.severity != "minor" else "$text-warning bold"
        origin = "" if flag.origin == "detector" else f" ({flag.origin})"
        lines.append(Content.assemble(
            (f"{symbol} {flag.severity:<8}", style), (flag.rule, "bold"),
            (f"  {flag.category}{origin}", "$text-muted"), "\n  ", flag.message,
        ))
    return Content("\n").join(lines)


def diff_content(steps: Sequence[DiffStep], context: int | None = None,
                 marks: bool = False) -> Content:
    """A word diff: deleted words struck through, inserted words underlined.

    With ``context`` only that many words around each change are kept (``…`` for
    the rest). With ``marks`` (and always under ``NO_COLOR``) changes are also
    bracketed ``[-old-]{+new+}``, so the plain text reads unambiguously.
    """
    marks = marks or bool(os.environ.get("NO_COLOR"))
    parts: list[tuple[str, str] | str] = []
    for index, (tag, before, after) in enumerate(steps):
        if tag == "equal":
            parts.append(_context(before, context, index == 0, index == len(steps) - 1))
            continue
        if before:
            before = _visible(before)
            parts.append((f"[-{before}-]" if marks else before, DELETED))
        if after:
            after = _visible(after)
            parts.append((f"{{+{after}+}}" if marks else after, INSERTED))
    return Content.assemble(*parts)


def _visible(change: str) -> str:
    """A change of spaces only is shown as ``␣`` so that it can be seen."""
    return change.replace(" ", "␣") if not change.strip() else change


_WORDS = re.compile(r"\s*\S+\s*")


def _context(text: str, context: int | None, first: bool, last: bool) -> str:
    """``text`` (unchanged words) cut down to ``context`` words next to the changes."""
    words = _WORDS.findall(text)
    if context is None or len(words) <= 2 * context:
        return text
    head = "".join(words[:context]) if not first else ""
    tail = "".join(words[-context:]) if not last else ""
    if first and last:
        return text
    return f"{head}… {tail}" if not first and not last else (f"{head}…" if last else f"…{tail}")


def preview(before: str, after: str, context: int | None = None,
            marks: bool = False) -> Content:
    if not after:
        return Content.styled("(remove the sentence)", DELETED)
    return diff_content(word_diff(before, after), context, marks)


PREVIEW_CONTEXT = 4


def suggestion_lines(suggestions: Sequence[Suggestion], current: str) -> Content:
    if not suggestions:
        return Content.styled(
            "No suggestion. e: edit · a: mark as fine · x: remove", "$text-muted")
    return Content("\n").join(_suggestion_line(n, s, current)
                               for n, s in enumerate(suggestions, 1))


def _suggestion_line(number: int, suggestion: Suggestion, current: str) -> Content:
    """The number, label, the note (names, numbers or quotes changed) and the preview."""
    head = Content.assemble((f"{number} ", "bold reverse"), (f" {suggestion.label}", "bold"))
    if suggestion.note:
        head = Content.assemble(head, "  ", (f"⚠ {suggestion.note}", "$warning"))
    return Content.assemble(head, "\n  ", preview(current, suggestion.text, PREVIEW_CONTEXT))


def round_trip_lines(result: dict, current: str) -> Content | None:
    """The engine's back-translation and round trip (differences marked), and scores."""
    trip = result.get("backtranslation")
    if not trip:
        return None
    head = f"{trip.get('engine', 'engine')}"
    scores = f"chrF++ {trip.get('chrf', 0):.0f} · BLEU {trip.get('bleu', 0):.0f}"
    if trip.get("logprob") is not None:
        scores += f" · log-prob {trip['logprob']:.2f}"
    parts = [
        Content.assemble(("Back-translation ", "bold"), (f"({head})", "$text-muted"), "\n  ",
                         trip.get("pivot_text", "")),
        Content.assemble(("Round trip ", "bold"), (scores, "$text-muted"), "\n  ",
                         diff_content(word_diff(current, trip.get("roundtrip_text", "")))),
    ]
    return Content("\n").join(parts)


def source_lines(source: str | None) -> Content | None:
    if not source:
        return None
    return Content.assemble(("Source ", "bold"), "\n  ", (source, "italic"))
