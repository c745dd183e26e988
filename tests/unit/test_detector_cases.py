"""Detector behaviour as data: fixtures/cases/*.json.

Each case names a text, optionally its language, and the flags it must raise
(rule, the exact flagged text, and the text after applying that flag's fix).
``"tagger": true`` runs it with Apertium's tags as evidence (postedit.tagging); such a case
skips where Apertium's English-Spanish pair is absent, unless ``CI`` is set (then it fails).
``negative*.json`` files hold text that must raise no flag at all: false alarms
are bugs too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from postedit.config import resolve
from postedit.document import Document
from postedit.flags import apply_fixes
from postedit.pipeline import analyse, make_document
from postedit.tagging import DocumentTags, tag_document

CASES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "cases"


def load(name_filter) -> list[dict]:  # type: ignore[no-untyped-def]
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        if name_filter(path.stem):
            for case in json.loads(path.read_text("utf-8")):
                cases.append({**case, "file": path.stem})
    return cases


POSITIVE = load(lambda stem: not stem.startswith("negative"))
NEGATIVE = load(lambda stem: stem.startswith("negative"))


def flags_of(case: dict):  # type: ignore[no-untyped-def]
    config = resolve(lang=case.get("lang", "en"))
    document = make_document("case", case["text"], config=config)
    report = analyse(document, config, tags=tags_of(case, document))
    return [flag for seg in report.segments for flag in seg.flags]


def tags_of(case: dict, document: Document) -> DocumentTags | None:
    """Apertium's tags for a ``"tagger"`` case (see the module docstring), else None."""
    if not case.get("tagger"):
        return None
    tags = tag_document(document, "es" if document.lang == "en" else "en")
    if tags is None and not os.environ.get("CI"):
        pytest.skip("Apertium's analyser and tagger are not installed (apt-get install "
                    "apertium apertium-eng-spa); with CI set this fails instead")
    assert tags is not None, "CI must have Apertium's English-Spanish pair installed"
    return tags


@pytest.mark.parametrize("case", POSITIVE, ids=[f"{c['file']}:{c['label']}" for c in POSITIVE])
def test_expected_flags(case: dict) -> None:
    flags = flags_of(case)
    text = case["text"]
    for expected in case["expect"]:
        matching = [
            f for f in flags
            if f.rule == expected["rule"] and text[f.start : f.end] == expected["span"]
        ]
        found = [(f.rule, text[f.start : f.end]) for f in flags]
        assert matching, f"expected {expected['rule']} on {expected['span']!r}, got {found}"
        if "fixed" in expected:
            fix = matching[0].fix
            assert fix is not None
            fixed, _ = apply_fixes(text, [fix])
            start = matching[0].start
            window = fixed[start : start + len(expected["fixed"])]
            assert window == expected["fixed"]


@pytest.mark.parametrize("case", NEGATIVE, ids=[c["label"] for c in NEGATIVE])
def test_no_false_alarms(case: dict) -> None:
    text = case["text"]
    assert [(f.rule, text[f.start : f.end]) for f in flags_of(case)] == []


def test_every_registered_detector_has_cases() -> None:
    from postedit.detectors import load_all

    covered = {e["rule"] for case in POSITIVE for e in case["expect"]}
    assert set(load_all()) <= covered
