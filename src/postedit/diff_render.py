"""Renderers for :mod:`postedit.diffing` data: term, unified, json and html.

``RENDERERS`` maps each format name to its renderer (``render(fmt, page)``); the
``--format`` choices of ``diff`` and ``apply --dry-run`` come from :data:`FORMATS`.

``term`` colours with rich on a terminal (imported lazily: the core never
loads rich at import time) and falls back to wdiff-style ``[-old-]{+new+}``
markers; ``unified`` is a line-based patch that ``git apply --check`` and
``patch`` accept, with who/why as commentary before the headers; ``html`` is one
self-contained file.
"""

from __future__ import annotations

import html
import io
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI reads FORMATS without loading the diffing
    from postedit.diffing import DiffOp, DocumentDiff, SegmentDiff


def _label(doc: DocumentDiff, seg: SegmentDiff) -> str:
    prefix = f"{doc.doc_id} " if doc.doc_id and doc.doc else ""
    return f"{prefix}{seg.segment} ({seg.status})"


def _notes_line(seg: SegmentDiff) -> str:
    return "; ".join(note.text() for note in seg.notes if note.action not in ("undo", "redo"))


# --- term ------------------------------------------------------------------------------------


def render_plain(diffs: Sequence[DocumentDiff]) -> str:
    """wdiff style: ``[-deleted-]{+inserted+}``, one block per changed segment."""
    out = []
    for doc in diffs:
        for seg in doc.changed:
            out.append(_label(doc, seg) + (f"  <- {_notes_line(seg)}" if seg.notes else ""))
            out.append("  " + "".join(_plain_op(op) for op in seg.ops))
    return "\n".join(out) + ("\n" if out else "")


def _plain_op(op: DiffOp) -> str:
    deleted = f"[-{op.before}-]" if op.before and op.tag != "equal" else ""
    inserted = f"{{+{op.after}+}}" if op.after and op.tag != "equal" else ""
    return op.before if op.tag == "equal" else deleted + inserted


def render_term(diffs: Sequence[DocumentDiff], *, color: bool, width: int = 100) -> str:
    """Coloured with rich (red struck-through deletions, green insertions) or plain."""
    if not color:
        return render_plain(diffs)
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=width)
    for doc in diffs:
        for seg in doc.changed:
            header = Text(_label(doc, seg), style="bold")
            if seg.notes:
                header.append(f"  {_notes_line(seg)}", style="cyan")
            console.print(header)
            console.print(_rich_ops(seg.ops, Text), soft_wrap=True)
    return buffer.getvalue()


def _rich_ops(ops: Sequence[DiffOp], text_cls: type) -> object:
    line = text_cls("  ")
    for op in ops:
        if op.tag == "equal":
            line.append(op.before)
            continue
        if op.before:
            line.append(op.before, style="red strike")
        if op.after:
            line.append(op.after if op.after.strip() else "·", style="green underline")
    return line


# --- unified ---------------------------------------------------------------------------------


def render_unified(
    original: str, edited: str, name: str, diffs: Sequence[DocumentDiff] = (), context: int = 3
) -> str:
    """A unified diff over lines of the whole file, patching ``a/NAME`` into ``b/NAME``.

    Who/why lines come first (``patch`` and ``git apply`` skip text before
    ``---``). Lines keep their own endings; a last line without one gets the
    ``\\ No newline at end of file`` marker.
    """
    a_lines = original.splitlines(keepends=True)
    b_lines = edited.splitlines(keepends=True)
    hunks = SequenceMatcher(None, a_lines, b_lines, autojunk=False).get_grouped_opcodes(context)
    body = [_hunk(group, a_lines, b_lines) for group in hunks]
    if not body:
        return ""
    header = [f"postedit: {_label(d, s)} {_notes_line(s)}".rstrip() + "\n"
              for d in diffs for s in d.changed]
    header += [f"--- a/{name}\n", f"+++ b/{name}\n"]
    return "".join(header) + "".join(body)


def _hunk(group: list[tuple[str, int, int, int, int]], a: list[str], b: list[str]) -> str:
    a_start, a_end = group[0][1], group[-1][2]
    b_start, b_end = group[0][3], group[-1][4]
    out = [f"@@ -{_range(a_start, a_end)} +{_range(b_start, b_end)} @@\n"]
    for tag, i1, i2, j1, j2 in group:
        if tag == "equal":
            out += [_line(" ", line) for line in a[i1:i2]]
            continue
        out += [_line("-", line) for line in a[i1:i2]]
        out += [_line("+", line) for line in b[j1:j2]]
    return "".join(out)


def _range(start: int, end: int) -> str:
    length = end - start
    first = start + 1 if length else start
    return f"{first}" if length == 1 else f"{first},{length}"


def _line(prefix: str, line: str) -> str:
    if line.endswith("\n"):
        return prefix + line
    return prefix + line + "\n\\ No newline at end of file\n"


# --- json and html -------------------------------------------------------------------------------


def render_json(diffs: Sequence[DocumentDiff], original: str, edited: str) -> str:
    data = {
        "original": original,
        "edited": edited,
        "documents": [
            {"doc": d.doc, "id": d.doc_id, "segments": [s.to_json() for s in d.changed]}
            for d in diffs
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_CSS = """
body{font:16px/1.5 Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}
h1{font:600 1.2em system-ui,sans-serif}
.seg{margin:1.2em 0;padding:.6em .8em;border-left:4px solid #ccc}
.seg.removed{border-color:#c33} .seg.edited{border-color:#37a} .seg.accepted{border-color:#3a3}
.id{font:.8em ui-monospace,monospace;color:#555} .why{font:.85em system-ui,sans-serif;color:#246}
del{background:#fdd;color:#900} ins{background:#dfd;color:#060;text-decoration:none}
"""


def render_html(diffs: Sequence[DocumentDiff], original: str, edited: str) -> str:
    """One self-contained HTML page: inline CSS, no scripts, no external links."""
    title = f"postedit diff: {original} → {edited}"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>"]
    count = 0
    for doc in diffs:
        for seg in doc.changed:
            count += 1
            parts.append(_html_segment(doc, seg))
    if not count:
        parts.append("<p>No changes.</p>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _html_segment(doc: DocumentDiff, seg: SegmentDiff) -> str:
    body = "".join(_html_op(op) for op in seg.ops)
    why = "".join(f"<li>{html.escape(n.text())}</li>" for n in seg.notes)
    notes = f'<ul class="why">{why}</ul>' if why else ""
    label = html.escape(_label(doc, seg))
    return f'<div class="seg {seg.status}"><div class="id">{label}</div><p>{body}</p>{notes}</div>'


def _html_op(op: DiffOp) -> str:
    if op.tag == "equal":
        return html.escape(op.before)
    deleted = f"<del>{html.escape(op.before)}</del>" if op.before else ""
    inserted = f"<ins>{html.escape(op.after)}</ins>" if op.after else ""
    return deleted + inserted


# --- the registry ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DiffPage:
    """What any diff format may show.

    Attributes:
        diffs: the per-document, per-segment differences.
        original_text, edited_text: both whole files (``unified`` diffs lines of them).
        original_name, edited_name: how the two sides are named (file paths, or a label).
        color: colour the ``term`` format (the others never colour).
    """

    diffs: Sequence[DocumentDiff]
    original_text: str
    edited_text: str
    original_name: str
    edited_name: str
    color: bool = False


def _term(page: DiffPage) -> str:
    return render_term(page.diffs, color=page.color)


def _unified(page: DiffPage) -> str:
    name = os.path.basename(page.original_name)
    return render_unified(page.original_text, page.edited_text, name, page.diffs)


def _json(page: DiffPage) -> str:
    return render_json(page.diffs, page.original_name, page.edited_name)


def _html(page: DiffPage) -> str:
    return render_html(page.diffs, page.original_name, page.edited_name)


RENDERERS: dict[str, Callable[[DiffPage], str]] = {
    "term": _term,
    "unified": _unified,
    "json": _json,
    "html": _html,
}
FORMATS = tuple(RENDERERS)


def render(fmt: str, page: DiffPage) -> str:
    """``page`` in the format called ``fmt`` (one of :data:`FORMATS`)."""
    return RENDERERS[fmt](page)
