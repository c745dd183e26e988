"""Detectors stay linear in the length of a sentence (bench/bench_adversarial.py times them).

No timing assertions: either a count of the work done, or an input so long that quadratic
work could not finish inside a generous subprocess timeout (linear work takes a second or
two there; the quadratic code this guards against took minutes).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from postedit.config import resolve
from postedit.detectors import repetition
from postedit.pipeline import analyse, make_document

SRC = Path(__file__).resolve().parents[2] / "src"
TIMEOUT_S = 60  # linear: ~2 s; quadratic: several minutes

_ANALYSE = """
import sys
from postedit.config import resolve
from postedit.pipeline import analyse, make_document
body = sys.argv[1] * (int(sys.argv[2]) // len(sys.argv[1]))
text = f"Flood warning\\n\\nThe mayor said {body} on Monday.\\n\\nRoads stayed closed."
config = resolve(lang="en")
analyse(make_document("long", text, config=config), config)
"""


def _run(code: str, *args: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-c", code, *args], check=True, timeout=TIMEOUT_S, env=env)


def analyse_text(text: str) -> None:
    config = resolve(lang="en")
    analyse(make_document("t", text, config=config), config)


@pytest.mark.parametrize(
    ("unit", "size"),
    [(",", 200_000), (", ", 400_000), ("&amp;", 200_000), ("a", 200_000)],
    ids=["commas", "spaced commas", "entities", "one long word"],
)
def test_long_runs_of_one_character_class_finish(unit: str, size: int) -> None:
    _run(_ANALYSE, unit, str(size))


def test_an_unclosed_tag_attribute_does_not_scan_the_rest_of_the_text() -> None:
    _run("from postedit.detectors.markup import _TAG\nlist(_TAG.finditer('<a x=\"' * 200_000))")


def test_repeats_are_counted_once_per_word(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = []
    original = repetition._repeats_at

    def counting(*args: object) -> int:
        counted.append(original(*args))  # type: ignore[arg-type]
        return counted[-1]

    monkeypatch.setattr(repetition, "_repeats_at", counting)
    analyse_text("Flood warning\n\nThe mayor said " + "&amp;" * 5000 + " on Monday.")
    assert sum(counted) <= 2 * 5000  # was one count over all later words for every word


def test_quotes_are_found_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from postedit.detectors import language

    calls = []
    original = language.quote_spans
    monkeypatch.setattr(language, "quote_spans", lambda text: calls.append(1) or original(text))
    analyse_text("Flood warning\n\nThe mayor said " + "de la the " * 3000 + "on Monday.")
    assert len(calls) <= 3  # was one scan of the whole sentence for every foreign word


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("pt", "Os analistas da Caixa De Portugal disseram no dia {n} que os juros vão subir."),
     ("de", "Die Regierung stellte am Tag {n} Den Fernverkehr ein.")],
    ids=["name written in lower case elsewhere", "German pair capitalised twice"],
)
def test_the_article_is_searched_once_per_phrase(
    monkeypatch: pytest.MonkeyPatch, lang: str, sentence: str
) -> None:
    """Each sentence with the same suspect capital asks whether the article writes the
    phrase elsewhere; one scan of the whole text per sentence made long articles quadratic."""
    from postedit.detectors import article_facts

    scans = []
    original = article_facts.remembered
    monkeypatch.setattr(article_facts, "remembered", lambda text, question, answer: original(
        text, question, lambda: scans.append(question) or answer()))
    text = "Rates\n\n" + " ".join(sentence.format(n=n) for n in range(300))
    config = resolve(lang=lang)
    report = analyse(make_document("t", text, config=config), config)
    assert sum(len(seg.flags) for seg in report.segments) >= 299  # every sentence was judged
    phrases = [question for question in scans if isinstance(question, tuple)]
    assert len(phrases) == 1  # one search of the article for all 300 sentences
    assert len(scans) == len(set(scans))  # and every other question about it asked once
