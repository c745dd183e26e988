"""XLIFF a translator can use: exact issue spans, notes, states, languages, paths, and a real
CAT library (translate-toolkit, test-only) reading and editing the export."""

from __future__ import annotations

import os
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from translate.storage import xliff2  # test-only (GPL): the dev extra installs it

from postedit.agents import human
from postedit.applying import apply_file
from postedit.formats.xliff import ITS_NS, MTC_NS, XLIFF_NS, export_file
from postedit.formats.xliff_import import import_file
from postedit.formats.xliff_issues import fill_marked, issue_type, nest_spans, unit_state
from postedit.verify import verify

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from xliff_schema import schema_errors  # noqa: E402

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
FLOODS = ARTICLES / "floods-valencia-en.txt"
COMMENT = f"{{{ITS_NS}}}locQualityIssueComment"
MRK, UNIT, NOTE = (f"{{{XLIFF_NS}}}{name}" for name in ("mrk", "unit", "note"))


def _flag(start: int, end: int, rule: str = "r", severity: str = "minor") -> dict:
    return {"rule": rule, "category": "fluency/spelling", "severity": severity,
            "start": start, "end": end, "message": f"{rule} here"}


def _marked(text: str, flags: list[dict]) -> ET.Element:
    element = ET.Element(f"{{{XLIFF_NS}}}target")
    fill_marked(element, text, flags, "m")
    return element


def test_each_flag_marks_its_exact_span() -> None:
    element = _marked("The boats stayedhome today.", [_flag(10, 20, "glued-words")])
    [mrk] = element.iter(MRK)
    assert mrk.text == "stayedhome" and mrk.get(COMMENT) == "glued-words: glued-words here"
    assert mrk.get(f"{{{ITS_NS}}}locQualityIssueType") == "misspelling"
    assert mrk.get(f"{{{ITS_NS}}}locQualityIssueSeverity") == "10"
    assert "".join(element.itertext()) == "The boats stayedhome today."


def test_contained_spans_nest_and_crossing_spans_split() -> None:
    text = "abcdefghij"
    element = _marked(text, [_flag(0, 6, "outer"), _flag(2, 4, "inner"), _flag(4, 9, "cross")])
    assert "".join(element.itertext()) == text
    by_id = {m.get("id"): m for m in element.iter(MRK)}
    assert set(by_id) == {"m1", "m2", "m3.1", "m3.2"}
    assert "".join(by_id["m1"].itertext()) == "abcdef"
    assert by_id["m2"] in list(by_id["m1"]) and by_id["m3.1"] in list(by_id["m1"])
    assert by_id["m3.1"].text == "ef" and by_id["m3.2"].text == "ghi"
    assert by_id["m3.1"].get(COMMENT) == by_id["m3.2"].get(COMMENT)


def test_nesting_keeps_every_offset() -> None:
    forest = nest_spans([(0, 5), (0, 5), (3, 3), (1, 8)])
    assert [(s.start, s.end) for s in forest] == [(0, 5), (5, 8)]


def test_issue_types_and_states() -> None:
    assert issue_type("accuracy/omission") == "omission"
    assert issue_type("fluency/unintelligible") == "uncategorized"
    assert issue_type("nonsense") == "other"
    seg = {"status": "unchanged", "revisions": []}
    assert unit_state(seg, [_flag(0, 1, severity="major")]) == ("initial", "postedit:garbled")
    assert unit_state(seg, [_flag(0, 1)]) == ("translated", "postedit:check")
    assert unit_state(seg, []) == ("translated", "postedit:ok")
    by_rule = {"status": "edited", "revisions": [{"by": "rule:glued-words"}]}
    by_human = {"status": "edited", "revisions": [{"by": "human:Ann"}]}
    assert unit_state(by_rule, []) == ("translated", "postedit:edited")
    assert unit_state(by_human, []) == ("reviewed", "postedit:edited")


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / FLOODS.name
    shutil.copy(FLOODS, target)
    return target


def test_monolingual_export_names_languages_paths_and_nobody(article: Path) -> None:
    xlf = article.with_suffix(".xlf")
    xlf.write_bytes(export_file(str(article), source_lang="es", xliff_path=str(xlf)))
    raw = xlf.read_text("utf-8")
    assert schema_errors(raw.encode()) == []
    root = ET.fromstring(raw)
    assert (root.get("srcLang"), root.get("trgLang")) == ("es", "en")
    assert root.find(f"{{{XLIFF_NS}}}file").get("original") == "floods-valencia-en.txt"
    assert str(article.parent) not in raw and '"editor"' not in raw
    notes = [n for n in root.iter(NOTE) if n.get("category") == "postedit"]
    assert any(n.text.startswith("glued-words (major, fluency/spelling): ") for n in notes)
    glued = [m for m in root.iter(MRK) if (m.get(COMMENT) or "").startswith("glued-words")]
    assert [m.text for m in glued] == ["morningThe"]
    states = {seg.get("subState") for seg in root.iter(f"{{{XLIFF_NS}}}segment")}
    assert {"postedit:garbled", "postedit:check", "postedit:ok"} <= states


def test_bilingual_issues_stay_on_the_translation_they_were_found_on(tmp_path: Path) -> None:
    (tmp_path / "src.txt").write_text("La tormenta descargó ayer por la tarde. Los servicios "
                                      "confirmaron cuatro muertos.\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The stormdischarged yesterday afternoon. Services confirmed four "
                       "deaths.\n", encoding="utf-8")
    output = apply_file(str(article), editor="Ann").output
    xml = export_file(str(output), source_path=str(tmp_path / "src.txt"))
    assert schema_errors(xml) == []
    root = ET.fromstring(xml)
    assert root.get("srcLang") == "es"  # detected in the source article
    unit = next(u for u in root.iter(UNIT) if u.get("id") == "b1.s1")
    target = unit.find(f"{{{XLIFF_NS}}}segment/{{{XLIFF_NS}}}target")
    assert not any(m.get(COMMENT) for m in target.iter(MRK))  # the edit is clean
    match = unit.find(f"{{{MTC_NS}}}matches/{{{MTC_NS}}}match")
    marked = [m.text for m in match.iter(MRK) if m.get(COMMENT, "").startswith("glued-words")]
    assert marked == ["stormdischarged"]


def test_a_target_edited_through_translate_toolkit_imports_as_human(article: Path) -> None:
    xlf = article.with_suffix(".xlf")
    xlf.write_bytes(export_file(str(article), source_lang="es", xliff_path=str(xlf)))
    store = xliff2.Xliff2File.parsefile(str(xlf))
    units = {unit.getid().split("::")[0]: unit for unit in store.units}
    garbled = units["b3.s1"]
    assert garbled.isfuzzy() and not units["b1.s1"].isfuzzy()  # state="initial" reads as fuzzy
    assert garbled.xmlelement.get("subState") == "postedit:garbled"
    assert "morningThe" in garbled.source  # plain text, mrks flattened
    # translate-toolkit 3.20 looks for <notes> inside <segment>; XLIFF 2.1 puts them on <unit>.
    notes = garbled.getunitelement().find(f"{{{XLIFF_NS}}}notes")
    assert "glued-words" in "".join(notes.itertext())
    issues = [m.get(COMMENT) for m in garbled.xmlelement.iter(MRK)]
    assert any(c.startswith("glued-words") for c in issues)
    garbled.target = garbled.source.replace("morningThe", "morning. The")
    garbled.markapproved(True)
    store.savefile(str(xlf))
    assert schema_errors(xlf.read_bytes()) == []  # still valid as translate-toolkit saves it
    saved = import_file(str(xlf), output=str(article.with_name("cat.txt")), editor="Cat")
    segment = next(s for s in saved.record["documents"][0]["segments"] if s["id"] == "b3.s1")
    assert segment["revisions"][-1]["by"] == human("Cat")
    assert "morning. The" in segment["final"]
    assert verify(saved.output).ok
    assert not os.path.isabs(saved.record["input"]["path"])
