"""The header line: document name, quality score, verdict counts, scoring progress."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static


@dataclass(frozen=True)
class Status:
    """What the header shows."""

    name: str
    score: float | None = None
    counts: dict[str, int] | None = None
    progress: str = ""
    dirty: bool = False


class StatusHeader(Static):
    """One line at the top of the review screen."""

    shown: Status | None = None

    def show(self, status: Status) -> None:
        # one line whatever it says: no layout of the screen, and none at all when unchanged
        if status != self.shown:
            self.shown = status
            self.update(status_content(status), layout=False)


def status_content(status: Status) -> Content:
    parts: list[Content | str | tuple[str, str]] = [(status.name, "bold")]
    if status.score is None:
        parts.append(("  analysing…", "$text-muted"))
    else:
        parts.append(f"  quality {status.score:.1f}")
    counts = status.counts or {}
    if counts:
        parts += ["  ", (f"✗{counts.get('garbled', 0)} garbled", "$text-error"),
                  " ", (f"?{counts.get('check', 0)} check", "$text-warning"),
                  " ", (f"✎{counts.get('edited', 0)} edited", "$text-accent")]
    if status.progress:
        parts.append((f"  {status.progress}", "$text-muted"))
    if status.dirty:
        parts.append(("  ● unsaved", "bold $text-warning"))
    return Content.assemble(*parts)
