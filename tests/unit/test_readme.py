"""The README documents what the code does: catalogue, quick start, CI entry point."""

from __future__ import annotations

from pathlib import Path

from postedit.detectors import load_all
from postedit.diff_render import FORMATS as DIFF_FORMATS
from postedit.engines import ENGINES
from postedit.reporting import WRITERS

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")


def test_catalogue_table_lists_every_detector_with_its_metadata() -> None:
    rows = {line.split("|")[1].strip(" `"): line for line in README.splitlines()
            if line.startswith("| `")}
    for det in load_all().values():
        assert det.id in rows, det.id
        cells = [cell.strip() for cell in rows[det.id].split("|")]
        assert cells[2] == det.category and cells[3] == det.severity
        languages = "all" if det.languages is None else ", ".join(sorted(det.languages))
        assert cells[4] == languages, det.id


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    start = README.index("## Quick start")
    block = README[start:].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["./run review", "./run test"]
    assert "./run test" in (ROOT / ".ci" / "run").read_text("utf-8")


def _table_rows(heading: str) -> dict[str, str]:
    """``{name: description}`` of the first table after ``heading``, one row per line."""
    section = README.split(heading, 1)[1].split("\n## ", 1)[0]
    cells = [line.split("|")[1:3] for line in section.splitlines() if line.startswith("| `")]
    return {name.strip(" `"): text.strip() for name, text in cells}


def test_every_engine_and_output_format_has_its_row() -> None:
    rows = _table_rows("## Engines and output formats")
    for name, info in ENGINES.items():
        assert rows.get(name) == info.description, name
    for name, fmt in WRITERS.items():
        assert rows.get(name) == fmt.description, name
    for name in DIFF_FORMATS:
        assert f"`{name}`" in README.split("## Engines and output formats", 1)[1], name
