"""XLIFF 2.1 + ITS 2.0: valid, well-formed, namespaced, and a lossless round trip."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from postedit.agents import human
from postedit.applying import apply_file
from postedit.editing.record import Session
from postedit.formats.xliff import (
    ITS_NS,
    MDA_NS,
    MTC_NS,
    XLIFF_NS,
    export_file,
    issue_type,
)
from postedit.formats.xliff_import import import_file, parse_xliff
from postedit.provenance import compact_record
from postedit.verify import verify

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from xliff_schema import WHY_MISSING, schema, schema_errors  # noqa: E402

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
FIXTURES = sorted(ARTICLES.glob("*.txt"))


def edited_copy(fixture: Path, tmp_path: Path) -> str:
    """The fixture with every mechanical fix applied and boilerplate removed."""
    article = tmp_path / fixture.name
    shutil.copy(fixture, article)
    result = apply_file(str(article), remove_boilerplate=True, editor="Ann")
    return str(result.output)


def export_to(article: str, tmp_path: Path, **options) -> Path:
    target = tmp_path / "out.xlf"
    target.write_bytes(export_file(article, **options))
    return target


def assert_valid(path: Path) -> None:
    """Well-formed, right namespaces, and schema-valid (see ``tests/xliff_schema.py``)."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{XLIFF_NS}}}xliff" and root.get("version") == "2.1"
    assert root.get(f"{{{ITS_NS}}}version") == "2.0"
    raw = path.read_text(encoding="utf-8")
    assert 'xmlns:its="http://www.w3.org/2005/11/its"' in raw
    assert 'xmlns="urn:oasis:names:tc:xliff:document:2.0"' in raw
    for element in root.iter():
        namespace = element.tag[1:].split("}", 1)[0]
        assert namespace in (XLIFF_NS, ITS_NS, MDA_NS, MTC_NS), element.tag
    assert schema_errors(path.read_bytes()) == []  # a real check wherever the schemas are


def test_exports_pass_the_oasis_schemas(tmp_path: Path) -> None:
    if schema() is None:
        if os.environ.get("CI"):
            pytest.fail(WHY_MISSING)
        pytest.skip(WHY_MISSING)
    good = export_to(edited_copy(FIXTURES[0], tmp_path), tmp_path).read_bytes()
    assert schema_errors(good) == []
    # The same export with a unit that has no segment: the schema must refuse it.
    broken = re.sub(rb"(<unit [^>]*>).*?</unit>", rb"\1</unit>", good, count=1, flags=re.S)
    assert broken != good and schema_errors(broken)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_round_trip_is_lossless_on_every_fixture(fixture: Path, tmp_path: Path) -> None:
    output = edited_copy(fixture, tmp_path)
    before_bytes = Path(output).read_bytes()
    before = json.loads(Path(f"{output}.prov.json").read_text(encoding="utf-8"))
    xlf = export_to(output, tmp_path)
    assert_valid(xlf)
    saved = import_file(str(xlf), output=str(tmp_path / "back.txt"), editor="Bob")
    assert Path(saved.output).read_bytes() == before_bytes
    assert compact_record(saved.record)["documents"] == before["documents"]  # as stored
    assert saved.record["chain"] == before["chain"]
    assert saved.record["input"]["sha256"] == before["input"]["sha256"]
    assert verify(saved.output).ok


def test_an_unedited_article_exports_and_imports_unchanged(tmp_path: Path) -> None:
    article = tmp_path / FIXTURES[0].name
    shutil.copy(FIXTURES[0], article)
    xlf = export_to(str(article), tmp_path)
    assert_valid(xlf)
    saved = import_file(str(xlf), editor="Bob")
    assert Path(saved.output).read_bytes() == article.read_bytes()
    assert saved.record["chain"]["length"] == 0


def test_its_annotations_for_flags_revisions_and_scores(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Storm hits\n\nThe boats stayedhome. Officials spoke.\n", encoding="utf-8")
    session = Session.open(str(article), editor="Ann")
    session.record("b2.s1", "The boats stayed home.", "rule:glued-words", "fix",
                   scores_before={"round_trip_chrf": 62.0})
    session.record("b2.s2", "Officials said little.")
    saved = session.save()
    xlf = export_to(saved.output, tmp_path)
    assert_valid(xlf)
    root = ET.parse(xlf).getroot()
    records = root.findall(f".//{{{ITS_NS}}}provenanceRecord")
    assert {r.get("revTool") or r.get("revPerson") for r in records} == {
        "postedit rule:glued-words", "Ann"}
    comment = f"{{{ITS_NS}}}locQualityIssueComment"
    issues = [m for m in root.iter(f"{{{XLIFF_NS}}}mrk") if m.get(comment)]
    assert any(m.get(comment).startswith("glued-words") and m.text == "stayedhome"
               for m in issues)
    assert all(m.get(f"{{{ITS_NS}}}locQualityIssueType") for m in issues)
    confidence = [m.get(f"{{{ITS_NS}}}mtConfidence") for m in root.iter(f"{{{XLIFF_NS}}}mrk")]
    assert "0.62" in confidence
    states = {u.get("id"): u.find(f"{{{XLIFF_NS}}}segment").get("state")
              for u in root.iter(f"{{{XLIFF_NS}}}unit")}
    assert states == {"b1.s1": "translated", "b2.s1": "translated", "b2.s2": "reviewed"}


def test_targets_changed_in_a_cat_tool_become_human_revisions(tmp_path: Path) -> None:
    output = edited_copy(FIXTURES[0], tmp_path)
    xlf = export_to(output, tmp_path)
    tree = ET.parse(xlf)
    target = tree.getroot().find(f".//{{{XLIFF_NS}}}unit/{{{XLIFF_NS}}}segment/"
                                 f"{{{XLIFF_NS}}}target")
    unit_id = next(u.get("id") for u in tree.getroot().iter(f"{{{XLIFF_NS}}}unit")
                   if u.find(f"{{{XLIFF_NS}}}segment/{{{XLIFF_NS}}}target") is target)
    target.text = "A headline rewritten by a translator"
    for child in list(target):
        target.remove(child)
    tree.write(xlf, encoding="utf-8", xml_declaration=True)
    saved = import_file(str(xlf), output=str(tmp_path / "cat.txt"), editor="Bob")
    segment = next(s for s in saved.record["documents"][0]["segments"] if s["id"] == unit_id)
    last = segment["revisions"][-1]
    assert (last["by"], last["action"], last["after"]) == (
        human("Bob"), "import", "A headline rewritten by a translator")
    assert verify(saved.output).ok


def test_crlf_and_jsonl_survive_the_round_trip(tmp_path: Path) -> None:
    article = tmp_path / "n.jsonl"
    records = [{"id": "one", "text": "Rain fell\r\nall day.\r\n\r\nRoads closed.Schools too."},
               {"id": "two", "text": "Snow came.", "source": "Nevó."}]
    article.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    session = Session.open(str(article), editor="Ann")
    session.record("b2.s2", "Schools closed too.", doc=0)
    saved = session.save()
    xlf = export_to(saved.output, tmp_path)
    assert_valid(xlf)
    assert "&#13;" in xlf.read_text(encoding="utf-8")
    record, targets = parse_xliff(xlf.read_bytes())
    assert targets[(0, "b2.s2")] == "Schools closed too."
    back = import_file(str(xlf), output=str(tmp_path / "back.jsonl"))
    assert Path(back.output).read_bytes() == Path(saved.output).read_bytes()


def test_a_known_source_becomes_the_source_sentence(tmp_path: Path) -> None:
    article = tmp_path / "n.jsonl"
    article.write_text(json.dumps({"id": "x", "text": "Snow came. Roads closed.",
                                   "source": "Nevó. Se cerraron las carreteras."}) + "\n",
                       encoding="utf-8")
    xlf = export_to(str(article), tmp_path, source_lang="es")
    assert_valid(xlf)
    root = ET.parse(xlf).getroot()
    assert root.get("srcLang") == "es"
    sources = ["".join(s.itertext()) for s in root.iter(f"{{{XLIFF_NS}}}source")]
    assert sources == ["Nevó.", "Se cerraron las carreteras."]


def test_tampered_revision_metadata_is_refused(tmp_path: Path) -> None:
    from postedit.errors import InputError

    output = edited_copy(ARTICLES / "floods-valencia-en.txt", tmp_path)
    xlf = export_to(output, tmp_path)
    text = xlf.read_text(encoding="utf-8")
    tampered = re.sub(r'(postedit:revision">\{"action": ")fix', r"\1edit", text, count=1)
    assert tampered != text
    xlf.write_text(tampered, encoding="utf-8")
    with pytest.raises(InputError, match="altered"):
        import_file(str(xlf), output=str(tmp_path / "t.txt"))


def test_mqm_categories_map_to_its_issue_types() -> None:
    assert issue_type("fluency/spelling") == "misspelling"
    assert issue_type("accuracy/untranslated") == "untranslated"
    assert issue_type("design/markup") == "formatting"
    assert issue_type("fluency/something-new") == "grammar"
    assert issue_type("") == "other"
