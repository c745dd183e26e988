"""verify: OK when the record replays to the output, else the first broken link, named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postedit.agents import rule
from postedit.editing.record import Session
from postedit.errors import InputError
from postedit.provenance import seal_of
from postedit.verify import verify

ARTICLE = (
    "Storm hits the coast\n\n"
    "The storm arrived on Tuesday.Officials closed the port.\n\n"
    "Residents were evacuated by boat and bus.\n\n"
    "Source link\n"
)


@pytest.fixture
def saved(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    session = Session.open(str(path), editor="Ann")
    session.record("b2.s2", "Officials shut the port.", rule("glued-words"), "fix")
    session.record("b3.s1", "Residents left by boat and bus.")
    session.record("b4.s1", "", rule("boilerplate"), "remove")
    return session.save()


def load(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def dump(path: str, record: dict, *, reseal: bool = False) -> None:
    if reseal:
        record["seal"] = seal_of(record)
    Path(path).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def test_an_intact_record_verifies(saved) -> None:
    result = verify(saved.output)
    assert result.ok, result.line()
    assert result.line().startswith("OK: 3 revisions over 5 segments")


def test_one_changed_output_byte_names_the_segment(saved) -> None:
    data = Path(saved.output).read_bytes()
    Path(saved.output).write_bytes(data.replace(b"boat", b"boot"))
    result = verify(saved.output)
    assert not result.ok
    assert result.segment == "b3.s1" and result.file == saved.output
    assert "BROKEN" in result.line() and "b3.s1" in result.line()


def test_a_changed_revision_names_segment_and_revision(saved) -> None:
    record = load(saved.sidecar)
    segment = record["documents"][0]["segments"][3]
    segment["revisions"][0]["after"] = "Residents left by car."
    dump(saved.sidecar, record)
    result = verify(saved.output)
    assert (result.ok, result.segment, result.revision) == (False, "b3.s1", 2)
    assert "hash" in result.message


def test_one_changed_sidecar_byte_names_the_segment(saved) -> None:
    text = Path(saved.sidecar).read_text(encoding="utf-8")
    Path(saved.sidecar).write_text(text.replace("Officials shut", "Officials shot", 1),
                                   encoding="utf-8")
    result = verify(saved.output)
    assert not result.ok and result.segment == "b2.s2"


def test_a_dropped_revision_breaks_the_chain(saved) -> None:
    record = load(saved.sidecar)
    record["documents"][0]["segments"][3]["revisions"] = []
    dump(saved.sidecar, record)
    result = verify(saved.output)
    assert not result.ok and result.revision == 3 and "chain" in result.message


def test_rehashed_forgery_still_fails_on_the_chain(saved) -> None:
    from postedit.provenance import Revision

    record = load(saved.sidecar)
    rev = record["documents"][0]["segments"][3]["revisions"][0]
    forged = Revision.from_json({**rev, "after": "Residents left by car."}).sealed()
    record["documents"][0]["segments"][3]["revisions"][0] = forged.to_json()
    dump(saved.sidecar, record, reseal=True)
    result = verify(saved.output)
    assert not result.ok and result.segment in ("b3.s1", "b4.s1")


def test_changed_metadata_outside_the_chain_breaks_the_seal(saved) -> None:
    record = load(saved.sidecar)
    record["editor"] = "Mallory"
    dump(saved.sidecar, record)
    result = verify(saved.output)
    assert not result.ok and "seal" in result.message


def test_a_changed_input_is_reported_as_the_input(saved, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE.replace("Storm", "Gale"), encoding="utf-8")
    result = verify(saved.output)
    assert not result.ok and result.file.endswith("a.txt") and "input" in result.message


def test_a_sidecar_that_is_no_longer_json_is_broken_not_a_crash(saved) -> None:
    data = Path(saved.sidecar).read_bytes()
    Path(saved.sidecar).write_bytes(data[:-20])
    result = verify(saved.output)
    assert not result.ok and result.file == saved.sidecar


def test_missing_files_are_input_errors(saved, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="provenance"):
        verify(saved.output, str(tmp_path / "nope.prov.json"))
    (tmp_path / "a.txt").unlink()
    with pytest.raises(InputError, match="--input"):
        verify(saved.output)


def test_jsonl_tampering_names_the_record_and_segment(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    lines = [{"id": "one", "text": "First story here. It rains."},
             {"id": "two", "text": "Second story here. It snows.", "source": "Nieva."}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    session = Session.open(str(path), editor="Ann")
    session.record("b1.s2", "It snows hard.", doc=1)
    saved = session.save()
    assert verify(saved.output).ok
    out = Path(saved.output).read_text(encoding="utf-8").replace("snows hard", "snows soft")
    Path(saved.output).write_text(out, encoding="utf-8")
    result = verify(saved.output)
    assert (result.ok, result.doc, result.segment) == (False, 1, "b1.s2")


def test_paths_are_relative_to_the_sidecar_so_the_folder_can_move(
    saved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert saved.record["input"]["path"] == "a.txt"
    assert saved.record["output"]["path"] == "a.edited.txt"
    moved = tmp_path.parent / (tmp_path.name + "-moved")
    tmp_path.rename(moved)
    monkeypatch.chdir(moved.parent)
    assert verify(str(moved / "a.edited.txt")).ok


def test_a_revision_with_an_extra_field_fails_even_when_resealed(saved) -> None:
    record = load(saved.sidecar)
    segment = record["documents"][0]["segments"][3]
    segment["revisions"][0]["approved_by"] = "Chief Editor"
    dump(saved.sidecar, record, reseal=True)
    result = verify(saved.output)
    assert not result.ok and result.segment == "b3.s1"
    assert "approved_by" in result.message


def test_unedited_segments_are_stored_as_hashes_and_still_verify(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    paragraphs = [f"The council met on day {n} and approved plan number {n} for the harbour."
                  for n in range(300)]
    article.write_text("\n\n".join(paragraphs + ["Source link"]), encoding="utf-8")
    session = Session.open(str(article), editor="Ann")
    session.record("b301.s1", "", rule("boilerplate"), "remove")
    saved = session.save()
    sidecar = Path(saved.sidecar).read_bytes()
    full = json.dumps(saved.record, indent=2, ensure_ascii=False).encode()
    assert len(sidecar) < 0.5 * len(full)  # every unedited text was stored twice, indented
    assert b"approved plan number 7 " not in sidecar  # hashes, not copies
    assert verify(saved.output).ok
    article.write_bytes(article.read_bytes().replace(b"plan number 7 ", b"plan number 8 "))
    assert not verify(saved.output).ok
