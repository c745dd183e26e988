"""The grammar checks and the verb morphology behind the fragment check."""

from __future__ import annotations

import pytest

from postedit.detectors.grammar import _article_for, _is_head_noun
from postedit.lexicon import relative_opener, verb_form


@pytest.mark.parametrize(
    ("word", "article"),
    [
        ("ambitious", "an"), ("package", "a"), ("hour", "an"), ("honest", "an"),
        ("university", "a"), ("unusual", "an"), ("unidentified", "an"), ("union", "a"),
        ("one-off", "a"), ("European", "a"), ("MP", "an"), ("BBC", "a"), ("F-16", "an"),
        ("8", "an"), ("80-page", "an"), ("11-month-old", "an"), ("1800s", "an"),
        ("1", "a"), ("100", "a"), ("1,200-strong", "a"), ("unannounced", "an"),
    ],
)
def test_article_for_the_sound(word: str, article: str) -> None:
    assert _article_for(word) == article


@pytest.mark.parametrize("word", ["historic", "NATO", "US", "EU", "Uber", "x-ray", "priori"])
def test_article_unsure_where_spelling_hides_the_sound(word: str) -> None:
    assert _article_for(word) is None


def test_head_nouns_and_verbs_after_a_pronoun() -> None:
    assert _is_head_noun("minister") and _is_head_noun("Government")
    assert _is_head_noun("coalition")
    assert not _is_head_noun("also") and not _is_head_noun("commented")
    assert not _is_head_noun("document")  # "documented" is common: may be a verb


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("llegué", "es"), ("sabíamos", "es"), ("hablamos", "es"), ("cuenta", "es"),
        ("queda", "es"), ("savions", "fr"), ("part", "fr"), ("prend", "fr"),
        ("arrivammo", "it"), ("parla", "it"), ("cheguei", "pt"), ("falta", "pt"),
    ],
)
def test_verb_forms_from_lemmas(word: str, lang: str) -> None:
    assert verb_form(word, lang) is True


@pytest.mark.parametrize(
    ("word", "lang"),
    [("frontera", "es"), ("mujeres", "es"), ("gouvernement", "fr"), ("zona", "it"),
     ("fronteira", "pt")],
)
def test_nouns_are_not_verb_forms(word: str, lang: str) -> None:
    assert verb_form(word, lang) is False


def test_relative_openers_match_whole_phrases() -> None:
    assert relative_opener(["Il", "quale", "era"], "it") == "Il quale"
    assert relative_opener(["Il", "ministro", "ha"], "it") is None
    assert relative_opener(["Which", "is"], "en") == "Which"
