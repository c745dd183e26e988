"""The provenance record: sessions, the hash chain, the sidecar schema, replay."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postedit.agents import engine_info, human, resolve_editor, rule
from postedit.config import resolve
from postedit.editing.record import Session
from postedit.editing.save import save_review
from postedit.editing.session import ReviewSession
from postedit.errors import OutputError
from postedit.pipeline import analyse, load_documents
from postedit.provenance import canonical_json, load_schema, revisions_of, sha256_hex
from postedit.verify import verify
from postedit.writers import output_spans

ARTICLE = (
    "Storm hits the coast\n\n"
    "The storm arrived on Tuesday.Officials closed the port. Leave a Comment\n\n"
    "Residents were evacuated by boat and bus.\n\n"
    "Source link\n"
)


def write(tmp_path: Path, text: str = ARTICLE, name: str = "a.txt") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def test_revisions_chain_from_the_input_sha256(tmp_path: Path) -> None:
    session = Session.open(write(tmp_path), editor="Ann")
    first = session.record("b2.s1", "The storm came on Tuesday.", rule("missing-space"), "fix")
    second = session.record("b3.s1", "Residents left by boat and bus.")
    assert first is not None and second is not None
    assert first.prev == sha256_hex(ARTICLE.encode())
    assert second.prev == first.hash and second.by == human("Ann")
    assert first.hash == sha256_hex(canonical_json(first.body()))
    assert session.head == second.hash


def test_no_op_edits_are_not_recorded_but_accepts_are(tmp_path: Path) -> None:
    session = Session.open(write(tmp_path), editor="Ann")
    seg = session.documents[0].segments[0]
    assert session.record(seg.id, seg.text) is None
    accepted = session.record(seg.id, seg.text, action="accept")
    assert accepted is not None and accepted.before == accepted.after
    saved = session.save()
    statuses = {s["id"]: s["status"] for s in saved.record["documents"][0]["segments"]}
    assert statuses[seg.id] == "accepted"
    assert set(statuses.values()) == {"accepted", "unchanged"}


def test_undo_and_redo_are_revisions_too(tmp_path: Path) -> None:
    path = write(tmp_path)
    config = resolve()
    document = next(iter(load_documents([path], config)))
    review = ReviewSession(analyse(document, config), config, editor="Ann")
    review.edit("b3.s1", "Residents left.")
    review.undo()
    assert review.text("b3.s1") == document.segment("b3.s1").text
    review.redo()
    saved = save_review(review, path, str(tmp_path / "out.txt"))
    record = json.loads(Path(str(saved.sidecar)).read_text(encoding="utf-8"))
    assert [r.action for r in revisions_of(record)] == ["edit", "undo", "redo"]
    assert [r.by for r in revisions_of(record)] == ["human:Ann"] * 3
    assert review.undo() is not None and review.undo() is None  # nothing left to undo


def test_sidecar_matches_the_shipped_schema_and_verifies(tmp_path: Path) -> None:
    session = Session.open(write(tmp_path), editor="Ann",
                           engines=[engine_info("apertium", "3.8", "en-es")],
                           settings={"rules": ["missing-space"]})
    session.record("b2.s1", "The storm arrived on Tuesday. ", rule("missing-space"), "fix",
                   fixes=[{"start": 29, "end": 29, "replacement": " ", "rule": "missing-space"}],
                   scores_before={"round_trip_chrf": {"value": 61.2, "signature": "chrF2++"}})
    session.record("b4.s1", "", rule("boilerplate"), "remove")
    saved = session.save()
    record = json.loads(Path(saved.sidecar).read_text(encoding="utf-8"))
    jsonschema.validate(record, load_schema())
    assert record["input"]["sha256"] == sha256_hex(ARTICLE.encode())
    assert record["output"]["sha256"] == sha256_hex(Path(saved.output).read_bytes())
    assert record["editor"] == "Ann" and record["created"].endswith("Z")
    assert record["chain"]["length"] == 2
    assert verify(saved.output).ok
    assert Path(saved.output).read_text() == ARTICLE.replace(
        "Tuesday.Officials", "Tuesday. Officials").replace("\n\nSource link", "")


def test_saving_never_clobbers_and_in_place_keeps_backups(tmp_path: Path) -> None:
    path = write(tmp_path)
    session = Session.open(path, editor="Ann")
    session.record("b3.s1", "Residents left.")
    session.save()
    with pytest.raises(OutputError, match="already exists"):
        session.save()
    with pytest.raises(OutputError, match="--in-place"):
        session.save(path)
    first = session.save(in_place=True)
    assert first.backup == f"{path}.bak"
    assert Path(first.backup).read_text() == ARTICLE
    assert first.record["input"]["path"] == "a.txt.bak"  # relative to the sidecar
    assert verify(path).ok
    again = Session.open(path, editor="Ann")
    again.record("b3.s1", "Residents left at dawn.")
    second = again.save(in_place=True)
    assert second.backup == f"{path}.bak.1"
    assert Path(f"{path}.prov.json.bak").exists()  # the first record was kept, not lost
    assert verify(path).ok


def test_editor_resolution_prefers_the_explicit_name() -> None:
    assert resolve_editor("  Ann Editor ") == "Ann Editor"
    assert resolve_editor(None)  # git user.name or the login name, never empty


def test_resume_continues_the_same_chain(tmp_path: Path) -> None:
    session = Session.open(write(tmp_path), editor="Ann")
    session.record("b3.s1", "Residents left.")
    record = session.save().record
    resumed = Session.resume(session.source, record)
    assert resumed.head == session.head
    rev = resumed.record("b1.s1", "Storm hits the coast hard", human("Bob"))
    assert rev is not None and rev.prev == session.head and rev.seq == 2


# --- property: replaying the provenance reproduces the output ---------------------------

sentence = st.text(alphabet="abcdefghij ,", min_size=1, max_size=20).map(
    lambda s: "W" + s.strip() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
article = st.tuples(
    st.lists(paragraph, min_size=1, max_size=4),
    st.sampled_from(["\n\n", "\r\n\r\n", "\n \n\n"]),
    st.sampled_from(["", "\n", "\r\n"]),
).map(lambda t: t[1].join(t[0]) + t[2])
edit = st.tuples(st.integers(0, 50), st.sampled_from(["edit", "remove", "undo", "accept"]),
                 st.text(alphabet="xyz .", min_size=1, max_size=12))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=article, edits=st.lists(edit, max_size=8))
def test_replaying_random_edit_sequences_reproduces_the_output(text: str, edits: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), text)
        session = Session.open(path, editor="Prop")
        segments = session.documents[0].segments
        for pick, action, new_text in edits:
            seg_id = segments[pick % len(segments)].id
            if action == "undo":
                last = [r for r in session.revisions if r.segment == seg_id][-1:]
                if last:
                    session.record(seg_id, last[0].before, action="undo")
            elif action == "accept":
                session.record(seg_id, session.text(seg_id), action="accept")
            else:
                session.record(seg_id, "" if action == "remove" else new_text, action=action)
        saved = session.save()
        output = Path(saved.output).read_bytes().decode()
        result = verify(saved.output)
        assert result.ok, result.line()
        _assert_unedited_bytes_untouched(session, output)
        assert [r.hash for r in revisions_of(saved.record)] == [r.hash for r in session.revisions]


def _assert_unedited_bytes_untouched(session: Session, output: str) -> None:
    document = session.documents[0]
    edits = session.replacements().get(0, {})
    if not edits:
        assert output == document.text
    for seg_id, start, end in output_spans(document, edits):
        expected = edits.get(seg_id, document.segment(seg_id).text)
        assert output[start:end] == expected
    assert output.startswith(document.text[: document.blocks[0].start])
