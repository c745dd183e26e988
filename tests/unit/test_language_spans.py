"""Untranslated words inside a sentence: the evidence and its safeguards."""

from __future__ import annotations

import re

from postedit.config import resolve
from postedit.languages import SUPPORTED, foreign_function_words, in_loan_phrase
from postedit.pipeline import analyse, make_document


def spans(text: str, lang: str = "en") -> list[str]:
    config = resolve(lang=lang)
    report = analyse(make_document("t", text, config=config), config)
    return [text[f.start : f.end] for seg in report.segments for f in seg.flags
            if f.rule == "untranslated-span"]


def test_function_words_of_the_document_language_are_never_foreign() -> None:
    assert "de" in foreign_function_words("en")
    assert "de" not in foreign_function_words("fr")
    assert "the" not in foreign_function_words("en")
    assert "die" not in foreign_function_words("en")  # an English verb too


def test_foreign_function_words_are_runs_of_letters() -> None:
    """The trigger finds them among the shared runs of letters, as the rule's split does."""
    for lang in SUPPORTED:
        assert all(re.fullmatch(r"[^\W\d_]+", word) for word in foreign_function_words(lang))


def test_borrowed_phrases_are_recognised_around_the_word() -> None:
    words = "the de facto leader".split()
    assert in_loan_phrase(words, 1)
    assert in_loan_phrase(words, 2)
    assert not in_loan_phrase("the de armored".split(), 1)


def test_a_whole_foreign_sentence_is_left_to_the_untranslated_rule() -> None:
    text = "Los resultados se conocerán a partir de las nueve, según informó el tribunal."
    assert spans(text) == []


def test_run_of_foreign_words_is_one_major_flag() -> None:
    text = "The mayor said that la situation est très serious after the storm."
    config = resolve(lang="en")
    report = analyse(make_document("t", text, config=config), config)
    flags = [f for seg in report.segments for f in seg.flags if f.rule == "untranslated-span"]
    assert [(text[f.start : f.end], f.severity) for f in flags] == [
        ("la situation est très", "major")
    ]


def test_capitalised_neighbours_mean_a_name() -> None:
    assert spans("Reporters met Jean de Villiers and the Banco de Portugal board.") == []
    assert spans("The stray de armored vehicles arrived.") == ["de"]


def test_the_foreign_marker_data_is_derived_from_the_current_word_lists() -> None:
    import json

    from postedit.detectors.foreign_runs import MARKERS_FILE, derive_markers

    assert json.loads(MARKERS_FILE.read_text(encoding="utf-8")) == derive_markers()
