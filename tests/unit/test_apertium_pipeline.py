"""Apertium's long-lived pipeline: same answers as one process per batch, exact boundaries
across documents, deadlines for a hung or dead engine.

Tests that run Apertium skip when it is absent, unless ``CI`` is set: then they fail,
because CI must have the Debian packages installed.
"""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine_fixtures import needs_apertium  # noqa: E402

from postedit.engines import apertium, apertium_pipeline  # noqa: E402
from postedit.engines.apertium import ApertiumEngine  # noqa: E402
from postedit.engines.apertium_pipeline import NullFlushPipeline, Part  # noqa: E402
from postedit.errors import EngineError  # noqa: E402

# Segments that could break a boundary: empty ones, newlines, Apertium's stream syntax,
# its unknown-word marks, the batch separator itself, NUL (the null-flush mark), unicode.
TRICKY_DOCUMENTS = [
    ["The council met on Monday.", "", "   ", "Prices rose\nsharply in May.",
     "Two\n\nparagraphs in one segment", "\n\n"],
    ["[x] {y} <b>bold</b> ^x$ a\\b / c", "*star and @handle #tag", "*", "#", "@", "[]", "^$",
     "A NUL\0inside", ".[][\n]"],
    ["¿Qué pasó?", "Zoë’s café — “quoted” ½ 🚢 naïve", "»«", "e-mail: news@example.org",
     "The ministry confirmed the plan."],
]
# After the first sentence (from fixtures/articles/floods-valencia-en.txt), a tagger that
# is kept between requests takes "said" in the second for a participle ("dicho").
POISON = ("The storm known as DANA discharged more than 400 liters per square meter in less "
          "than twelve hours on the Valencian coast, according to the State Meteorological "
          "Agency (Aemet), which kept the red alert active until Thursday morningThe regional "
          "government asked residents not to travel.")
PROBE = "Mr. Okonkwo said that the vote would be close."


@pytest.fixture
def fresh_pipelines(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """This test's own pipelines, stopped afterwards."""
    monkeypatch.setattr(apertium_pipeline, "_PIPELINES", {})
    yield
    apertium_pipeline.close_all()


def one_process_each(monkeypatch: pytest.MonkeyPatch, engine: ApertiumEngine,
                     documents: list[list[str]], src: str, tgt: str) -> list[list[str]]:
    monkeypatch.setenv("POSTEDIT_APERTIUM_PIPELINE", "0")
    try:
        return [[t.text for t in engine.translate(doc, src, tgt)] for doc in documents]
    finally:
        monkeypatch.delenv("POSTEDIT_APERTIUM_PIPELINE")


@needs_apertium
@pytest.mark.parametrize(("src", "tgt"), [("en", "es"), ("es", "en")])
def test_documents_through_one_pipeline_keep_their_boundaries(
    monkeypatch: pytest.MonkeyPatch, fresh_pipelines: None, src: str, tgt: str
) -> None:
    engine = ApertiumEngine(src, tgt)
    expected = one_process_each(monkeypatch, engine, TRICKY_DOCUMENTS, src, tgt)
    forward = [engine.translate(doc, src, tgt) for doc in TRICKY_DOCUMENTS]
    backward = [engine.translate(doc, src, tgt) for doc in reversed(TRICKY_DOCUMENTS)][::-1]
    assert len(apertium_pipeline._PIPELINES) == 1  # one pipeline served every document
    for doc, results in zip(TRICKY_DOCUMENTS, forward, strict=True):
        assert [r.source for r in results] == doc
        assert [bool(r.text) for r in results] == [bool(t.strip()) for t in doc]
    assert [[t.text for t in results] for results in forward] == expected
    assert [[t.text for t in results] for results in backward] == expected


@needs_apertium
def test_an_earlier_request_does_not_change_a_later_answer(
    monkeypatch: pytest.MonkeyPatch, fresh_pipelines: None
) -> None:
    engine = ApertiumEngine("en", "es")
    [alone] = one_process_each(monkeypatch, engine, [[PROBE]], "en", "es")
    engine.translate([POISON], "en", "es")
    assert [t.text for t in engine.translate([PROBE], "en", "es")] == alone


@needs_apertium
def test_a_tagger_kept_between_requests_would_change_answers() -> None:
    """Why the tagger starts afresh for each request (if this fails, Apertium fixed it)."""
    parts = apertium_pipeline.stage_parts("eng-spa")
    assert parts is not None and [p.fresh for p in parts] == [False, True, False]
    kept = NullFlushPipeline("eng-spa", [Part(" | ".join(p.script for p in parts))])
    try:
        alone = apertium_pipeline.run_once("apertium", "eng-spa", PROBE + "\n")
        kept.translate(POISON + "\n")
        assert kept.translate(PROBE + "\n") != alone
    finally:
        kept.close()


@needs_apertium
def test_the_txt_deformatter_drops_the_null_and_waits_for_the_end() -> None:
    """Why ``apertium -z -f txt`` hangs: nothing comes out of ``apertium-destxt`` until EOF."""
    proc = subprocess.Popen(["apertium-destxt"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b"Hello.\0")
    proc.stdin.flush()
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        waiting = selector.select(0.5)
    proc.stdin.close()
    rest = proc.stdout.read()
    proc.wait()
    assert not waiting and rest.startswith(b"Hello.") and b"\0" not in rest


@needs_apertium
def test_a_hung_engine_is_stopped_with_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTEDIT_APERTIUM_TIMEOUT", "0.3")
    hung = NullFlushPipeline("eng-spa", [Part("cat > /dev/null")])
    with pytest.raises(EngineError, match=r"apertium eng-spa gave no answer within 0 s") as info:
        hung.translate("The council met.")
    assert "\n" not in str(info.value)
    assert hung._long[0].proc is None  # type: ignore[union-attr]  # stopped, not left behind


@needs_apertium
def test_a_dead_engine_says_why_and_starts_again(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    flag = tmp_path / "died-once"
    script = f"if [ ! -e {flag} ]; then touch {flag}; echo 'bad dictionary' >&2; exit 1; fi; cat"
    pipeline = NullFlushPipeline("eng-spa", [Part(script)])
    with pytest.raises(EngineError, match=r"^apertium eng-spa stopped: bad dictionary$"):
        pipeline.translate("The council met.")
    try:
        assert pipeline.translate("The council met.") == "The council met."
    finally:
        pipeline.close()


def test_without_the_pipeline_each_request_is_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTEDIT_APERTIUM_PIPELINE", "0")
    assert apertium_pipeline.pipeline_for("eng-spa") is None


def test_a_hung_one_shot_engine_is_stopped_too(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    binary = tmp_path / "apertium"
    binary.write_text("#!/bin/sh\nexec sleep 30\n", encoding="utf-8")
    binary.chmod(0o755)
    monkeypatch.setenv("POSTEDIT_APERTIUM_TIMEOUT", "0.3")
    with pytest.raises(EngineError, match="gave no answer") as info:
        apertium_pipeline.run_once(str(binary), "eng-spa", "The council met.")
    assert "\n" not in str(info.value)


@needs_apertium
def test_a_forked_child_starts_its_own_pipeline(fresh_pipelines: None) -> None:
    engine = ApertiumEngine("en", "es")
    expected = engine.translate(["Fog closed the port."], "en", "es")[0].text
    parent = apertium_pipeline._PIPELINES["eng-spa"]
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through a pipeline of its own, then leave at once
        ok = apertium_pipeline.pipeline_for("eng-spa") is not parent
        text = engine.translate(["Fog closed the port."], "en", "es")[0].text if ok else "shared"
        os.write(writer, text.encode())
        apertium_pipeline.close_all()
        os._exit(0)
    os.close(writer)
    os.waitpid(pid, 0)
    with os.fdopen(reader, "rb") as answer:
        assert answer.read().decode() == expected
    assert engine.translate(["Fog closed the port."], "en", "es")[0].text == expected


@needs_apertium
def test_the_engine_goes_through_the_pipeline(monkeypatch: pytest.MonkeyPatch,
                                              fresh_pipelines: None) -> None:
    calls: list[str] = []
    monkeypatch.setattr(apertium, "run_once", lambda *args: calls.append("once") or "")
    ApertiumEngine("en", "es").translate(["One.", "Two."], "en", "es")
    ApertiumEngine("en", "es").translate(["Three."], "en", "es")
    assert calls == [] and list(apertium_pipeline._PIPELINES) == ["eng-spa"]
