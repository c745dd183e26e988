"""Score reports as data (JSONL, JSON, CSV) and as a readable terminal table.

The JSONL schema is documented in the README: one ``segment`` object per
sentence, then one ``document`` summary per article. ``WRITERS`` maps each
``score --format`` name to its writer; the click choices and the README's
format table follow it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from postedit import __version__, verdict
from postedit.formats import jsonl

if TYPE_CHECKING:  # the CLI reads FORMATS without loading the pipeline
    from postedit.pipeline import DocumentReport, SegmentReport

VERDICT_MARKS = {"ok": "✓", "check": "?", "garbled": "✗"}
VERDICT_STYLES = {"ok": "green", "check": "yellow", "garbled": "bold red"}
CSV_FIELDS = ("doc", "id", "block", "kind", "start", "end", "verdict", "score", "rules", "text")


def segment_record(doc_report: DocumentReport, report: SegmentReport) -> dict:
    seg = report.segment
    record = {
        "type": "segment",
        "doc": doc_report.document.id,
        "id": seg.id,
        "block": report.block.id,
        "kind": report.block.kind,
        "start": seg.start,
        "end": seg.end,
        "text": seg.text,
        "lang": report.lang,
        "verdict": report.verdict,
        "score": report.score,
        "penalty": report.penalty,
        "flags": [flag.to_json() for flag in report.flags],
    }
    record.update(report.extra)
    return record


def document_record(doc_report: DocumentReport) -> dict:
    doc = doc_report.document
    return {
        "type": "document",
        "doc": doc.id,
        "path": doc.path,
        "lang": doc.lang,
        "segments": len(doc_report.segments),
        "words": doc_report.words,
        "penalty": doc_report.penalty,
        "score": doc_report.score,
        "verdicts": doc_report.counts(),
        "skipped_rules": [{"rule": rule, "reason": why} for rule, why in doc_report.skipped_rules],
        "notices": list(doc_report.notices),
        "weights": verdict.scoring().table(),
        "postedit": __version__,
    }


def jsonl_lines(doc_report: DocumentReport) -> Iterator[str]:
    for report in doc_report.segments:
        yield jsonl.dumps(segment_record(doc_report, report), ensure_ascii=False)
    yield jsonl.dumps(document_record(doc_report), ensure_ascii=False)


def write_jsonl(reports: Iterable[DocumentReport], out: IO[str]) -> None:
    for doc_report in reports:
        for line in jsonl_lines(doc_report):
            out.write(line + "\n")
        out.flush()


def write_json(reports: Iterable[DocumentReport], out: IO[str]) -> None:
    documents = []
    for doc_report in reports:
        summary = document_record(doc_report)
        summary["segments"] = [segment_record(doc_report, r) for r in doc_report.segments]
        documents.append(summary)
    json.dump({"documents": documents}, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(reports: Iterable[DocumentReport], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for doc_report in reports:
        for report in doc_report.segments:
            record = segment_record(doc_report, report)
            record["rules"] = " ".join(flag.rule for flag in report.flags)
            writer.writerow({key: record[key] for key in CSV_FIELDS})


def write_table(reports: Iterable[DocumentReport], out: IO[str], *, color: bool | None) -> None:
    from rich.console import Console

    # --color/--no-color decide; without either, Rich's own NO_COLOR and terminal checks do.
    no_color = None if color is None else not color
    console = Console(file=out, no_color=no_color, force_terminal=color, highlight=False)
    for doc_report in reports:
        console.print(_table(doc_report))
        console.print(_summary_line(doc_report))
        for rule, why in doc_report.skipped_rules:
            console.print(f"  skipped {rule}: {why}", style="dim")
        for notice in doc_report.notices:
            console.print(f"  {notice}", style="yellow", markup=False)


def _table(doc_report: DocumentReport):  # type: ignore[no-untyped-def]
    from rich.table import Table
    from rich.text import Text

    table = Table(title=doc_report.document.id, expand=True, show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("sentence", ratio=3)
    table.add_column("flags", ratio=2)
    for report in doc_report.segments:
        style = VERDICT_STYLES[report.verdict]
        mark = Text(f"{VERDICT_MARKS[report.verdict]} {report.verdict}", style=style)
        flags = "\n".join(f"{f.rule}: {f.message}" for f in report.flags)
        table.add_row(
            report.segment.id,
            report.block.kind,
            mark,
            f"{report.score:.0f}",
            _highlighted(report),
            flags,
        )
    return table


def _highlighted(report: SegmentReport):  # type: ignore[no-untyped-def]
    from rich.text import Text

    seg = report.segment
    text = Text(seg.text)
    for flag in report.flags:
        lo, hi = max(flag.start - seg.start, 0), min(flag.end - seg.start, len(seg.text))
        if lo < hi:
            text.stylize("bold red" if flag.severity != "minor" else "yellow", lo, hi)
    return text


def _summary_line(doc_report: DocumentReport) -> str:
    counts = doc_report.counts()
    return (
        f"{doc_report.document.id} [{doc_report.document.lang}]: quality {doc_report.score:.1f}/100, "
        f"{counts['garbled']} garbled, {counts['check']} to check, {counts['ok']} ok "
        f"({doc_report.words} words)"
    )


Writer = Callable[[Iterable["DocumentReport"], IO[str], "bool | None"], None]


@dataclass(frozen=True)
class ReportFormat:
    """One ``score --format``.

    Attributes:
        name: the ``--format`` value.
        description: one line for the README's format table.
        write: writes the reports to a text stream (``color``: None lets the format decide).
    """

    name: str
    description: str
    write: Writer


def _to_table(reports: Iterable[DocumentReport], out: IO[str], color: bool | None) -> None:
    write_table(reports, out, color=color)


def _to_jsonl(reports: Iterable[DocumentReport], out: IO[str], color: bool | None) -> None:
    write_jsonl(reports, out)


def _to_csv(reports: Iterable[DocumentReport], out: IO[str], color: bool | None) -> None:
    write_csv(reports, out)


def _to_json(reports: Iterable[DocumentReport], out: IO[str], color: bool | None) -> None:
    write_json(reports, out)


WRITERS: dict[str, ReportFormat] = {  # the order is --help's
    fmt.name: fmt
    for fmt in (
        ReportFormat("table", "a coloured table per article, for reading on a terminal", _to_table),
        ReportFormat("jsonl", "one `segment` object per sentence, then one `document` summary "
                     "per article (see JSONL output)", _to_jsonl),
        ReportFormat("csv", "one row per sentence: " + ", ".join(CSV_FIELDS), _to_csv),
        ReportFormat("json", "one object: `documents`, each a summary with its `segments`",
                     _to_json),
    )
}
FORMATS = tuple(WRITERS)


def render(reports: Iterable[DocumentReport], fmt: str, out: IO[str], color: bool | None) -> None:
    """Write ``reports`` to ``out`` in the format called ``fmt`` (one of :data:`FORMATS`)."""
    WRITERS[fmt].write(reports, out, color)


def to_string(reports: Iterable[DocumentReport], fmt: str) -> str:
    buffer = io.StringIO()
    render(reports, fmt, buffer, color=False)
    return buffer.getvalue()
