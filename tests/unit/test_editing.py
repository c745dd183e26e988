"""The editing model: review session, suggestions, journal, saving, crediting fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postedit.applying import apply_file
from postedit.config import resolve
from postedit.diffing import word_diff
from postedit.editing.changes import Change
from postedit.editing.journal import Journal, find_resumable, journal_path, read_entries, replay
from postedit.editing.save import save_review
from postedit.editing.session import ReviewSession
from postedit.editing.suggestions import all_suggestions, engine_alternatives
from postedit.errors import OutputError
from postedit.pipeline import analyse, load_documents, make_document
from postedit.provenance import revisions_of
from postedit.writers import default_output

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "tui" / "data"
ARTICLES = TESTS.parent / "fixtures" / "articles"


def new_session() -> ReviewSession:
    text = (DATA / "article.txt").read_text(encoding="utf-8")
    config = resolve()
    document = make_document("article.txt", text, path=str(DATA / "article.txt"), config=config)
    return ReviewSession(analyse(document, config), config, "tester")


def first_suggestion(session: ReviewSession, segment_id: str) -> Change:
    found = all_suggestions(segment_id, session.text(segment_id), session.local_flags(segment_id))
    return found[0].change


def test_a_fresh_session_is_clean_and_counts_the_detectors_verdicts() -> None:
    session = new_session()
    assert not session.dirty
    assert session.counts() == {"garbled": 3, "check": 1, "edited": 0, "fine": 0}
    assert session.output_text() == session.document.text


def test_fixes_are_offered_together_then_one_by_one() -> None:
    session = new_session()
    text = "The mayor Carla Romerosaid on Wednesday Three shops were damaged."
    session._texts["b6.s1"] = text
    labels = [s.label for s in all_suggestions("b6.s1", text, session.local_flags("b6.s1"))]
    assert labels[0].startswith("all fixes (")
    assert labels[1:] == ["fix glued-words", "fix mid-sentence-capital"] or labels[1:] == [
        "fix mid-sentence-capital", "fix glued-words"]


def test_combined_fixes_credit_each_rule_step_by_step() -> None:
    session = new_session()
    text = "The mayor Carla Romerosaid on Wednesday Three shops were damaged."
    session._texts["b6.s1"] = text
    change = all_suggestions("b6.s1", text, session.local_flags("b6.s1"))[0].change
    assert change.after == "The mayor Carla Romero said on Wednesday three shops were damaged."
    assert [by for by, _ in change.steps] == ["rule:mid-sentence-capital", "rule:glued-words"]
    assert change.steps[-1][1] == change.after


def test_edits_recheck_the_sentence_at_once() -> None:
    session = new_session()
    session.edit("b6.s1", "The mayor Carla Romero said the city would ask for funds.")
    assert session.verdict("b6.s1") == "ok"
    session.edit("b6.s1", "The mayor Carla Romerosaid the city would ask for funds.")
    assert [f.rule for f in session.local_flags("b6.s1")] == ["glued-words"]
    flag = session.local_flags("b6.s1")[0]
    assert session.text("b6.s1")[flag.start : flag.end] == "Romerosaid"


def test_undo_and_redo_walk_the_whole_history() -> None:
    session = new_session()
    originals = {i: session.text(i) for i in ("b3.s1", "b5.s1", "b6.s1")}
    for segment_id in originals:
        session.apply(first_suggestion(session, segment_id))
    session.mark_fine("b4.s1")
    assert session.verdict("b4.s1") == "fine"
    while session.undo():
        pass
    assert {i: session.text(i) for i in originals} == originals
    assert session.verdict("b4.s1") == "ok" and not session.dirty
    while session.redo():
        pass
    assert len(session.replacements()) == 3 and session.verdict("b4.s1") == "fine"


def test_a_new_change_clears_the_redo_stack() -> None:
    session = new_session()
    session.apply(first_suggestion(session, "b3.s1"))
    session.undo()
    session.remove("b9.s1")
    assert session.redo() is None


def test_removing_boilerplate_leaves_no_blank_line_debris() -> None:
    session = new_session()
    session.apply(first_suggestion(session, "b9.s1"))
    assert session.status("b9.s1") == "removed"
    assert session.output_text().endswith("(with information from EFE)\n")


def test_dirty_tracks_the_history_against_the_last_save() -> None:
    session = new_session()
    session.remove("b9.s1")
    session.mark_saved()
    assert not session.dirty
    session.undo()
    assert session.dirty
    session.redo()
    assert not session.dirty


def test_a_change_must_start_from_the_current_text() -> None:
    session = new_session()
    with pytest.raises(ValueError):
        session.apply(Change("b3.s1", "not the text", "x", "edit", "human:tester"))


def test_engine_results_belong_to_the_text_they_scored() -> None:
    session = new_session()
    result = {"backtranslation": {"engine": "e", "model": "m", "roundtrip_text": "Round."}}
    session.add_engine_results({"b4.s1": result}, {"b4.s1": session.text("b4.s1")})
    assert session.engine_for("b4.s1") == result
    assert engine_alternatives(result) == [("round trip", "engine:e/m", "Round.")]
    session.edit("b4.s1", "Something else entirely.")
    assert session.engine_for("b4.s1") == {}


def test_journal_replays_a_session_and_ignores_a_torn_last_line(tmp_path: Path) -> None:
    path = str(tmp_path / "out.txt.journal")
    session = new_session()
    journal = Journal.start(path, "article.txt", "abc", "out.txt", "tester")
    session.on_change = journal.record
    session.apply(first_suggestion(session, "b3.s1"))
    session.edit("b5.s1", "Edited by hand.")
    session.undo()
    journal.close()
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"type": "do", "chan')  # killed mid-write
    found = find_resumable(path, "abc")
    assert found is not None and found.actions == 3 and not found.saved
    fresh = new_session()
    assert replay(fresh, found.entries) == 3
    assert fresh.replacements() == session.replacements()
    assert fresh.redo() is not None and fresh.text("b5.s1") == "Edited by hand."
    assert find_resumable(path, "another article") is None
    Journal.reopen(path).close()
    assert all(isinstance(e, dict) for e in read_entries(path))
    assert Path(path).read_text(encoding="utf-8").endswith("}\n")


def test_journal_lines_are_json_with_times(tmp_path: Path) -> None:
    path = str(tmp_path / "j")
    journal = Journal.start(path, "a.txt", "abc", "out.txt", "tester")
    journal.saved("out.txt")
    journal.close()
    lines = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    assert [line["type"] for line in lines] == ["session", "save"]
    assert all(line["at"].endswith("Z") for line in lines)
    assert journal_path("x.edited.txt") == "x.edited.txt.journal"


def test_save_writes_the_edited_text_and_never_the_input(tmp_path: Path) -> None:
    session = new_session()
    article = tmp_path / "article.txt"
    article.write_text(session.document.text, encoding="utf-8")
    session.remove("b9.s1")
    output = default_output(str(article))
    assert output.endswith("article.edited.txt")
    saved = save_review(session, str(article), output)
    assert Path(saved.output).read_text(encoding="utf-8") == session.output_text()
    with pytest.raises(OutputError, match="article being reviewed"):
        save_review(session, str(article), str(article), force=True)
    with pytest.raises(OutputError, match=r"exists \(save again to overwrite\)"):
        save_review(session, str(article), output)
    save_review(session, str(article), output, force=True)


def test_save_never_overwrites_a_sidecar_it_did_not_ask_about(tmp_path: Path) -> None:
    session = new_session()
    article = tmp_path / "article.txt"
    article.write_text(session.document.text, encoding="utf-8")
    session.remove("b9.s1")
    stale = tmp_path / "out.txt.prov.json"
    stale.write_text("someone else's record", encoding="utf-8")
    with pytest.raises(OutputError, match="save again"):
        save_review(session, str(article), str(tmp_path / "out.txt"))
    assert stale.read_text(encoding="utf-8") == "someone else's record"
    assert not (tmp_path / "out.txt").exists()


def test_word_diff_keeps_every_character() -> None:
    before, after = "on Wednesday Three missile", "on Wednesday three missiles"
    steps = word_diff(before, after)
    assert "".join(b for _, b, _ in steps) == before
    assert "".join(a for _, _, a in steps) == after


def test_save_records_who_changed_what_in_the_provenance(tmp_path: Path) -> None:
    from postedit.verify import verify

    article = tmp_path / "article.txt"
    article.write_text((DATA / "article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    config = resolve()
    document = make_document("article.txt", article.read_text(encoding="utf-8"),
                             path=str(article), config=config)
    session = ReviewSession(analyse(document, config), config, "Ann")
    session.apply(first_suggestion(session, "b6.s1"))
    session.edit("b3.s1", "Heavy rain flooded the district.")
    session.remove("b9.s1")
    session.undo()
    saved = save_review(session, str(article), str(tmp_path / "out.txt"))
    record = json.loads(Path(saved.sidecar or "").read_text(encoding="utf-8"))
    by = {seg["id"]: [(r["by"], r["action"]) for r in seg["revisions"]]
          for doc in record["documents"] for seg in doc["segments"] if seg["revisions"]}
    assert by == {"b6.s1": [("rule:glued-words", "fix")],
                  "b3.s1": [("human:Ann", "edit")],
                  "b9.s1": [("human:Ann", "remove"), ("human:Ann", "undo")]}
    assert verify(saved.output).ok


def test_review_refuses_an_output_it_cannot_write_before_opening(tmp_path: Path) -> None:
    from postedit.editing.review_context import load_context

    article = tmp_path / "a.txt"
    article.write_text("A short article. It is fine.\n", encoding="utf-8")
    with pytest.raises(OutputError, match="does not exist"):
        load_context(str(article), config=resolve(), output=str(tmp_path / "no" / "out.txt"))
    with pytest.raises(OutputError, match="overwrite"):
        load_context(str(article), config=resolve(), output=str(article))


def test_apply_credits_fixes_exactly_as_an_accepted_all_fixes_suggestion(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text((ARTICLES / "housing-law-en.txt").read_text(encoding="utf-8"),
                       encoding="utf-8")
    applied = apply_file(str(article), output=str(tmp_path / "applied.txt"), editor="Ann")
    config = resolve()
    document = next(iter(load_documents([str(article)], config)))
    session = ReviewSession(analyse(document, config), config, "Ann")
    for segment_id in session.ids:
        found = all_suggestions(segment_id, session.text(segment_id),
                                session.local_flags(segment_id))
        if found and found[0].change.action == "fix":
            session.apply(found[0].change)
    reviewed = save_review(session, str(article), str(tmp_path / "reviewed.txt"))
    by_apply = _revisions(applied.sidecar)
    assert any(len(steps) > 1 for steps in by_apply.values())  # a sentence with two fixes
    by_review = _revisions(reviewed.sidecar)
    assert by_apply == {seg: by_review.get(seg) for seg in by_apply}


def _revisions(sidecar: str | None) -> dict[str, list[tuple]]:
    """Per segment: who, what, both texts, the fixes and the flags of each revision."""
    record = json.loads(Path(sidecar or "").read_text(encoding="utf-8"))
    out: dict[str, list[tuple]] = {}
    for r in revisions_of(record):
        out.setdefault(r.segment, []).append(
            (r.by, r.action, r.before, r.after, r.fixes, r.flags_before, r.flags_after))
    return out
