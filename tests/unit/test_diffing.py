"""The diff core and its renderers: word-level ops, per-segment notes, patches, HTML."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postedit.agents import rule
from postedit.diff_render import render_html, render_json, render_plain, render_term, render_unified
from postedit.diffing import diff_files, document_diff, segment_diff
from postedit.editing.record import Session

ARTICLE = (
    "Storm hits the coast\r\n\r\n"
    "Officials closed the portAfter the warning. Boats stayed home.\r\n\r\n"
    "Source link\r\n"
)


def test_glued_words_are_one_replacement() -> None:
    ops = segment_diff("and SyriaAfter Washington bombed.Which is", "and Syria. After Washington "
                       "bombed. Which is")
    changes = [(op.tag, op.before, op.after) for op in ops if op.tag != "equal"]
    assert changes == [("replace", "SyriaAfter", "Syria. After"), ("insert", "", " ")]


def test_changes_one_space_apart_merge() -> None:
    ops = segment_diff("a b c d", "x y z d")
    assert [(op.tag, op.before, op.after) for op in ops] == [
        ("replace", "a b c", "x y z"), ("equal", " d", " d")]


@given(st.text(max_size=40), st.text(max_size=40))
def test_ops_cover_both_texts_exactly(before: str, after: str) -> None:
    ops = segment_diff(before, after)
    assert "".join(op.before for op in ops) == before
    assert "".join(op.after for op in ops) == after
    for op in ops:
        assert before[op.a_start:op.a_end] == op.before and after[op.b_start:op.b_end] == op.after


@pytest.fixture
def edited(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode())
    session = Session.open(str(path), editor="Ann")
    fixed = "Officials closed the port After the warning."
    session.record("b2.s1", fixed, rule("glued-words"), "fix", flags_before=[
        {"rule": "glued-words", "severity": "major", "message": "two words run together"}])
    session.record("b3.s1", "", rule("boilerplate"), "remove")
    return session.save()


def test_document_diff_carries_who_and_why(edited) -> None:
    original = ARTICLE
    result = Path(edited.output).read_bytes().decode()
    diff = document_diff(original, result, edited.record)
    changed = {s.segment: s for s in diff.changed}
    assert set(changed) == {"b2.s1", "b3.s1"}
    assert changed["b3.s1"].status == "removed" and changed["b3.s1"].after == ""
    note = changed["b2.s1"].notes[0]
    assert (note.by, note.action, note.why) == ("rule:glued-words", "fix", "two words run together")


def test_without_provenance_the_texts_are_aligned(edited) -> None:
    result = Path(edited.output).read_bytes().decode()
    diff = document_diff(ARTICLE, result)
    changed = {s.segment: (s.status, s.after) for s in diff.changed}
    assert changed["b2.s1"] == ("edited", "Officials closed the port After the warning.")
    assert changed["b3.s1"][0] == "removed"
    assert not diff.changed[0].notes


def test_term_rendering_plain_and_coloured(edited, tmp_path: Path) -> None:
    diffs = diff_files(str(tmp_path / "a.txt"), edited.output).diffs
    plain = render_plain(diffs)
    assert "[-portAfter-]{+port After+}" in plain and "rule:glued-words fix" in plain
    assert "\x1b[" not in plain
    assert "\x1b[" in render_term(diffs, color=True)


def test_unified_diff_is_a_patch_git_accepts(edited, tmp_path: Path) -> None:
    file_diff = diff_files(str(tmp_path / "a.txt"), edited.output)
    patch = render_unified(file_diff.original_text, file_diff.edited_text, "a.txt",
                           file_diff.diffs)
    assert "--- a/a.txt\n+++ b/a.txt\n@@ " in patch
    assert patch.splitlines()[0].startswith("postedit: b2.s1 (edited) rule:glued-words")
    if shutil.which("git") is None:
        pytest.skip("git is not installed; the patch text was checked above")
    work = tmp_path / "repo"
    work.mkdir()
    (work / "a.txt").write_bytes(ARTICLE.encode())
    (work / "p.diff").write_bytes(patch.encode())
    subprocess.run(["git", "init", "-q", "."], cwd=work, check=True)
    subprocess.run(["git", "apply", "--check", "p.diff"], cwd=work, check=True)
    subprocess.run(["git", "apply", "p.diff"], cwd=work, check=True)
    assert (work / "a.txt").read_bytes() == Path(edited.output).read_bytes()


def test_unified_marks_a_missing_final_newline() -> None:
    patch = render_unified("one\ntwo", "one\nthree", "x.txt")
    assert patch.endswith("-two\n\\ No newline at end of file\n+three\n"
                          "\\ No newline at end of file\n")
    assert render_unified("same\n", "same\n", "x.txt") == ""


def test_html_is_one_self_contained_page(edited, tmp_path: Path) -> None:
    diffs = diff_files(str(tmp_path / "a.txt"), edited.output).diffs
    page = render_html(diffs, "a.txt", "a.edited.txt")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<del>portAfter</del><ins>port After</ins>" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page


def test_json_lists_changed_segments_with_ops(edited, tmp_path: Path) -> None:
    import json

    diffs = diff_files(str(tmp_path / "a.txt"), edited.output).diffs
    data = json.loads(render_json(diffs, "a.txt", "a.edited.txt"))
    segments = data["documents"][0]["segments"]
    assert [s["segment"] for s in segments] == ["b2.s1", "b3.s1"]
    assert {op["tag"] for op in segments[0]["ops"]} >= {"equal", "replace"}


def test_the_core_does_not_load_rich_or_textual() -> None:
    code = ("import sys, postedit.diffing, postedit.diff_render, postedit.provenance, "
            "postedit.verify, postedit.applying, postedit.formats.xliff, postedit.cli.apply, "
            "postedit.cli.verify; "
            "print(' '.join(m for m in ('rich', 'textual') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == ""


@pytest.mark.parametrize("fixture", sorted((Path(__file__).resolve().parents[2] / "fixtures"
                                           / "articles").glob("*.txt")), ids=lambda p: p.stem)
def test_alignment_agrees_with_the_provenance_on_every_fixture(fixture: Path,
                                                               tmp_path: Path) -> None:
    from postedit.applying import apply_file

    article = tmp_path / fixture.name
    shutil.copy(fixture, article)
    result = apply_file(str(article), remove_boilerplate=True)
    original = article.read_bytes().decode()
    edited = Path(result.output).read_bytes().decode()
    import json

    record = json.loads(Path(str(result.sidecar)).read_text(encoding="utf-8"))
    exact = {s.segment: s.after for s in document_diff(original, edited, record).segments}
    aligned = {s.segment: s.after for s in document_diff(original, edited).segments}
    assert aligned == exact
