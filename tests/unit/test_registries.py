"""The registries are the one home of their names: severities, verdicts, engines, formats.

Click choices, the config file, the JSONL counts and the provenance schema all follow
them, and a flag carries its data (the detected language) instead of a message to parse.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from postedit import diff_render, reporting
from postedit.cli import main
from postedit.config import resolve
from postedit.detectors import load_all
from postedit.document import Block, Segment
from postedit.engine_rules import ENGINE_RULES
from postedit.engines import ENGINE_CHOICES, ENGINES, engine_module
from postedit.flags import SEVERITIES, Flag
from postedit.pipeline import analyse, make_document, segment_report
from postedit.verdict import SEVERITY_WEIGHTS, VERDICTS, Scoring

SCHEMA = Path(__file__).resolve().parents[2] / "src" / "postedit" / "schemas"


def _choices(command: str, option: str) -> tuple[str, ...]:
    found = next(p for p in main.commands[command].params if p.name == option)
    assert isinstance(found.type, click.Choice)
    return tuple(found.type.choices)


def test_every_rule_has_a_known_severity_and_a_weight() -> None:
    severities = {det.severity for det in load_all().values()}
    severities |= {rule.severity for rule in ENGINE_RULES.values()}
    assert severities <= set(SEVERITIES)
    assert tuple(SEVERITY_WEIGHTS) == SEVERITIES


def test_a_flag_with_an_unknown_severity_is_refused() -> None:
    with pytest.raises(ValueError, match="severity 'serious'"):
        Flag("glued-words", "fluency/spelling", "serious", 0, 1, "x")


def test_the_provenance_schema_lists_the_severities() -> None:
    text = (SCHEMA / "provenance-1.schema.json").read_text("utf-8")
    assert '"severity": {"enum": ' + json.dumps(list(SEVERITIES)) + "}" in text


def test_segment_statuses_are_the_schemas_and_each_one_is_reachable() -> None:
    from postedit.provenance import STATUSES, segment_status

    text = (SCHEMA / "provenance-1.schema.json").read_text("utf-8")
    assert '"status": {"enum": ' + json.dumps(list(STATUSES)) in text
    reached = {segment_status("a", "a", accepted=False), segment_status("a", "b", accepted=False),
               segment_status("a", "a", accepted=True), segment_status("a", "", accepted=False)}
    assert reached == set(STATUSES)


def test_verdicts_are_the_three_the_counts_name_in_order() -> None:
    scoring = Scoring()
    assert [scoring.verdict_of(points) for points in (0, 1, 100)] == list(VERDICTS)
    config = resolve(lang="en")
    report = analyse(make_document("t", "A short and clean sentence.", config=config), config)
    assert tuple(report.counts()) == VERDICTS


def test_cli_choices_come_from_the_registries() -> None:
    assert _choices("score", "engine") == ENGINE_CHOICES == _choices("review", "engine")
    assert _choices("score", "fmt") == reporting.FORMATS
    assert _choices("diff", "fmt") == diff_render.FORMATS == _choices("apply", "fmt")


def test_every_engine_module_defines_what_the_registry_calls() -> None:
    for name, info in ENGINES.items():
        if not info.module:
            assert name == "none"
            continue
        module = engine_module(name)
        assert callable(module.available) and callable(module.build), name
        assert isinstance(module.available("xx", "yy"), bool)


def test_the_untranslated_flag_carries_the_language_and_the_report_uses_it() -> None:
    text = ("The council met on Monday.\n\n"
            "Los resultados se conocerán a partir de las nueve, según el tribunal.")
    config = resolve(lang="en")
    report = analyse(make_document("t", text, config=config), config)
    flags = [f for seg in report.segments for f in seg.flags if f.rule == "untranslated"]
    assert [f.lang for f in flags] == ["es"]
    assert [seg.lang for seg in report.segments if seg.flags] == ["es"]
    assert "lang" not in flags[0].to_json()  # the JSONL flag objects are unchanged


def test_the_segment_language_is_read_from_the_field_not_the_message() -> None:
    seg = Segment("b1.s1", 0, 10, "Ceci n'est")
    block = Block("b1", "body", 0, 10, seg.text, (seg,))
    flag = Flag("untranslated", "accuracy/untranslated", "major", 0, 10, "no quotes here", lang="fr")
    assert segment_report(block, seg, [flag], "en").lang == "fr"
    assert segment_report(block, seg, [flag.for_segment("b1.s1")], "en").lang == "fr"
