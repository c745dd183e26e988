"""Detector triggers are sound: skipping a rule where its trigger fails loses no flag.

Every fixture text (articles, clean articles, detector cases) is checked: wherever a rule's
trigger turns a sentence (or paragraph) away, the rule run there anyway must raise no flag,
so running it with and without its trigger gives the same flags.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from postedit.config import resolve
from postedit.context import build_context
from postedit.detectors import load_all, triggers
from postedit.pipeline import active_detectors, detect, make_document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _texts() -> list[tuple[str, str, str | None]]:
    """``(name, text, lang)`` of every fixture text (``lang`` None: detected)."""
    found = [(str(path.relative_to(FIXTURES)), path.read_text("utf-8"), None)
             for folder in ("articles", "clean") for path in sorted((FIXTURES / folder).glob("*.txt"))]
    for path in sorted((FIXTURES / "cases").glob("*.json")):
        for case in json.loads(path.read_text("utf-8")):
            found.append((f"{path.stem}:{case['label']}", case["text"], case.get("lang", "en")))
    return found


def _lost(text: str, lang: str | None) -> list[str]:
    """Rules that would flag a sentence (or paragraph) their trigger turns away."""
    config = resolve(lang=lang) if lang else resolve()
    document = make_document("fixture", text, config=config)
    ctx = build_context(document, config)
    lost = []
    for det in active_detectors(document.lang, config)[0]:
        if det.trigger is None:
            continue
        for block in document.blocks:
            if det.scope == "block":
                if block.segments and not det.trigger(ctx, block) and list(det.func(det, ctx, block)):
                    lost.append(det.id)
                continue
            for seg in block.segments:
                if not det.trigger(ctx, block, seg) and list(det.func(det, ctx, block, seg)):
                    lost.append(f"{det.id} on {seg.text[:40]!r}")
    return lost


def test_triggers_lose_no_flag_on_any_fixture() -> None:
    triggered = [det.id for det in load_all().values() if det.trigger is not None]
    assert len(triggered) >= 10  # the kinds of postedit.detectors.triggers are in use
    lost = [f"{name}: {rule}" for name, text, lang in _texts() for rule in _lost(text, lang)]
    assert not lost, "triggers turned away sentences their rule flags: " + "; ".join(lost)


def test_the_check_finds_a_trigger_that_turns_away_a_flagged_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry = load_all()
    never = replace(registry["whitespace"], trigger=lambda ctx, block, seg: False)
    monkeypatch.setitem(registry, "whitespace", never)
    assert _lost("Two  spaces here.", "en") == ["whitespace on 'Two  spaces here.'"]


def test_the_dispatcher_skips_a_rule_where_its_trigger_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = load_all()
    never = replace(registry["whitespace"], trigger=lambda ctx, block, seg: False)
    monkeypatch.setitem(registry, "whitespace", never)
    config = resolve(lang="en")
    document = make_document("fixture", "Two  spaces here.", config=config)
    gated = [flag.rule for flags in detect(document, config)[0].values() for flag in flags]
    with triggers.ignoring_triggers():
        ungated = [flag.rule for flags in detect(document, config)[0].values() for flag in flags]
    assert "whitespace" in ungated and "whitespace" not in gated
