"""The tamper suite: every kind of change to an output or its record is caught by ``verify``.

Each tamper edits the files the way a careless or dishonest hand would; the
``resealed`` ones also recompute the record's seal (and revision hashes where
they can), as a forger who read the format would. What the chain cannot catch,
a forger who rewrites both files and recomputes every hash from the input, is
shown by the last test so the README's claim stays honest.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from postedit.agents import rule
from postedit.cli import main
from postedit.editing.record import Session
from postedit.provenance import Revision, seal_of
from postedit.verify import verify

ARTICLE = (
    "Harbour reopens after the storm\n\n"
    "The harbour reopened on Monday.Ferries resumed at noon.\n\n"
    "Fishermen counted the damage to their boats.\n\n"
    "Dock workers cleared the debris by hand.\n\n"
    "Source link\n"
)


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, Path, Path]:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    session = Session.open(str(article), editor="Ann")
    session.record("b2.s2", "Ferries started again at noon.", rule("glued-words"), "fix",
                   scores_before={"quality": 71.0}, scores_after={"quality": 96.5})
    session.record("b2.s2", "Ferries resumed at noon.", scores_after={"quality": 99.0})
    session.record("b3.s1", "Fishermen counted the damage to the boats.")
    session.record("b5.s1", "", rule("boilerplate"), "remove")
    files = session.save()
    return article, Path(files.output), Path(files.sidecar or "")


Files = tuple[Path, Path, Path]


def record_of(prov: Path) -> dict:
    return json.loads(prov.read_text(encoding="utf-8"))


def revisions(record: dict) -> list[dict]:
    return [rev for seg in record["documents"][0]["segments"] for rev in seg["revisions"]]


def edit_record(change: Callable[[dict], None], *, reseal: bool = False) -> Callable[[Files], None]:
    def tamper(files: Files) -> None:
        prov = files[2]
        record = record_of(prov)
        change(record)
        if reseal:
            record["seal"] = seal_of(record)
        prov.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return tamper


def output_character(files: Files) -> None:
    output = files[1]
    output.write_text(output.read_text(encoding="utf-8").replace("noon", "noom"), encoding="utf-8")


def unedited_region(files: Files) -> None:
    output = files[1]
    text = output.read_text(encoding="utf-8")
    output.write_text(text.replace("Dock workers", "Dock worker"), encoding="utf-8")


def swapped_input(files: Files) -> None:
    files[0].write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")


def truncated_json(files: Files) -> None:
    prov = files[2]
    prov.write_bytes(prov.read_bytes()[: prov.stat().st_size // 2])


def appended_output_line(files: Files) -> None:
    with files[1].open("a", encoding="utf-8") as handle:
        handle.write("An extra paragraph nobody recorded.\n")


def segment(record: dict, segment_id: str) -> dict:
    return next(s for s in record["documents"][0]["segments"] if s["id"] == segment_id)


def _reorder(record: dict) -> None:
    revs = segment(record, "b2.s2")["revisions"]
    revs[0], revs[1] = revs[1], revs[0]


def _delete(record: dict) -> None:
    segment(record, "b2.s2")["revisions"].pop(0)


def _score(record: dict) -> None:
    revisions(record)[0]["scores_after"]["quality"] = 100.0


def _timestamp(record: dict) -> None:
    revisions(record)[0]["at"] = "2020-01-01T00:00:00.000Z"


def _author(record: dict) -> None:
    revisions(record)[1]["by"] = "human:Bob"


def _rule(record: dict) -> None:
    revisions(record)[0]["by"] = "rule:spacing"


def _seal(record: dict) -> None:
    record["seal"] = "0" * 64


def _editor(record: dict) -> None:
    record["editor"] = "Bob"


def _append_rehashed(record: dict) -> None:
    """A forged last revision, with a correct prev and hash: the output no longer matches."""
    target = segment(record, "b4.s1")
    last = max(revisions(record), key=lambda rev: rev["seq"])
    forged = Revision.from_json({**last, "segment": "b4.s1", "seq": last["seq"] + 1,
                                 "before": "Dock workers cleared the debris by hand.",
                                 "after": "Forged.", "prev": last["hash"], "hash": ""}).sealed()
    target["revisions"].append(forged.to_json())
    record["chain"]["head"], record["chain"]["length"] = forged.hash, record["chain"]["length"] + 1


def _rehash_edited_after(record: dict) -> None:
    """An edited revision whose own hash is recomputed: the next link's prev no longer fits."""
    first = revisions(record)[0]
    first["after"] = "Ferries started at noon."
    rehashed = Revision.from_json(first).sealed()
    first["hash"] = rehashed.hash


TAMPERS: dict[str, Callable[[Files], None]] = {
    "output character": output_character,
    "unedited region of the output": unedited_region,
    "output line appended": appended_output_line,
    "swapped input": swapped_input,
    "truncated JSON": truncated_json,
    "reordered chain entries": edit_record(_reorder),
    "reordered chain entries, resealed": edit_record(_reorder, reseal=True),
    "deleted chain entry, resealed": edit_record(_delete, reseal=True),
    "edited score": edit_record(_score),
    "edited score, resealed": edit_record(_score, reseal=True),
    "edited timestamp, resealed": edit_record(_timestamp, reseal=True),
    "edited author, resealed": edit_record(_author, reseal=True),
    "edited rule, resealed": edit_record(_rule, reseal=True),
    "changed seal": edit_record(_seal),
    "edited editor name": edit_record(_editor),
    "appended entry with its hash, resealed": edit_record(_append_rehashed, reseal=True),
    "edited text with its own hash, resealed": edit_record(_rehash_edited_after, reseal=True),
}


def test_the_untouched_pair_verifies(saved: Files) -> None:
    assert verify(str(saved[1])).ok


@pytest.mark.parametrize("kind", list(TAMPERS))
def test_verify_catches(saved: Files, kind: str) -> None:
    TAMPERS[kind](saved)
    result = verify(str(saved[1]))
    assert not result.ok, kind
    assert result.message and "\n" not in result.message


@pytest.mark.parametrize("kind", ["output character", "edited score, resealed", "changed seal"])
def test_the_command_says_broken_in_one_line_and_exits_non_zero(saved: Files, kind: str) -> None:
    TAMPERS[kind](saved)
    result = CliRunner().invoke(main, ["verify", str(saved[1])])
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1, result.output


def test_a_full_rewrite_from_the_input_is_not_something_the_chain_can_catch(
    saved: Files, tmp_path: Path
) -> None:
    """Whoever holds the input can build a new, self-consistent record: verify says OK."""
    article = saved[0]
    forged_dir = tmp_path / "forged"
    forged_dir.mkdir()
    shutil.copy(article, forged_dir / article.name)
    session = Session.open(str(forged_dir / article.name), editor="Ann")
    session.record("b2.s2", "Ferries never resumed.")
    forged = session.save()
    shutil.copy(forged.output, saved[1])
    shutil.copy(forged.sidecar or "", saved[2])
    record = record_of(saved[2])
    assert verify(str(saved[1]), input_path=str(article)).ok, record["input"]
