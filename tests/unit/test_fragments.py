"""Clause shapes behind the fragment check: openers, German verb forms, English verbs."""

from __future__ import annotations

import pytest

from postedit.detectors.clauses import clause_fragment, opener_words
from postedit.detectors.verbs import english_stem, finite_verb_groups, has_verb
from postedit.lexicon import german_past, german_verb, relative_opener, subordinate_opener


@pytest.mark.parametrize(
    ("text", "lang", "opener"),
    [
        ("Cuando la lluvia cese.", "es", "Cuando"),
        ("Lorsqu’elles reprendront.", "fr", "Lorsqu"),
        ("Parce qu'il pleut.", "fr", "Parce qu"),
        ("While prices rose.", "en", "While"),
        ("Enquanto isso acontece.", "pt", "Enquanto"),
    ],
)
def test_subordinate_openers(text: str, lang: str, opener: str) -> None:
    assert subordinate_opener(opener_words(text), lang) == opener


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Because of the strike.", "en"), ("Mientras tanto sigue.", "es"), ("Porque é que sobe.", "pt")],
)
def test_words_that_are_not_the_conjunction(text: str, lang: str) -> None:
    assert subordinate_opener(opener_words(text), lang) is None


def test_relative_openers_and_idioms() -> None:
    assert relative_opener(["Qui", "avait", "vu"], "fr") == "Qui"
    assert relative_opener(["Qui", "plus", "est"], "fr") is None
    assert relative_opener(["Il", "quale", "aveva"], "it") == "Il quale"
    assert relative_opener(["Che", "cosa", "succede"], "it") is None


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("lebte", "finite"), ("ist", "finite"), ("leiden", "infinitive"),
        ("vorzulegen", "infinitive"), ("gerechnet", "participle"),
        ("vorgeschoben", "participle"), ("produziert", "participle"), ("hohen", None),
        ("sein", None),
    ],
)
def test_german_verb_kinds(word: str, kind: str | None) -> None:
    assert german_verb(word) == kind


def test_german_past_tense_is_no_imperative() -> None:
    assert german_past("sagte") and german_past("schrieb")
    assert not german_past("geht") and not german_past("bleibt") and not german_past("ist")


def test_english_verb_stems_and_finite_groups() -> None:
    assert english_stem("resume") and english_stem("share")
    assert not english_stem("hour") and not english_stem("service")
    assert finite_verb_groups("shares in the largest banks rose".split(), "en") == 1
    assert finite_verb_groups("it rains it pours".split(), "en") == 2


@pytest.mark.parametrize(
    ("text", "lang", "first"),
    [
        ("Cuando llegó, todos aplaudieron.", "es", False),
        ("When it rains it pours.", "en", False),
        ("Said to be the oldest, the bridge will close.", "en", False),
        ("Die Preise steigen.", "de", False),
        ("Als Trainer hat er viel erreicht.", "de", False),
        ("Sagte er.", "de", True),  # a paragraph's first sentence is no comma-cut tail
    ],
)
def test_full_sentences_are_not_clause_fragments(text: str, lang: str, first: bool) -> None:
    words = text.rstrip(".").replace(",", "").split()
    assert clause_fragment(text, words, lang, first, after_quote=False) is None


def test_attribution_only_after_a_quotation() -> None:
    words = ["Dijo", "el", "ministro"]
    assert clause_fragment("Dijo el ministro.", words, "es", False, after_quote=True)
    assert clause_fragment("Dijo el ministro.", words, "es", False, after_quote=False) is None


@pytest.mark.parametrize(
    "text",
    [
        "When the council voted that the depot had to close within a year.",
        "Mientras los precios de la vivienda siguen en máximos.",
    ],
)
def test_subordinate_clause_without_main_clause_is_a_fragment(text: str) -> None:
    """A ``that`` clause inside the subordinate one brings its own verbs, no main clause."""
    lang = "en" if text.startswith("When") else "es"
    words = text.rstrip(".").split()
    assert clause_fragment(text, words, lang, False, after_quote=False)


@pytest.mark.parametrize(
    ("text", "lang", "verbless"),
    [
        ("A tre punti dalla vetta", "it", True),  # "nove", "tre": numbers, then a noun
        ("Vers deux heures du matin", "fr", True),  # "vers" is a preposition here
        ("No segundo lugar da tabela", "pt", True),
        ("Il prezzo sale", "it", False),
        ("La empresa ha cerrado", "es", False),
    ],
)
def test_function_words_and_numbers_are_no_verbs(text: str, lang: str, verbless: bool) -> None:
    assert has_verb(text.split(), lang) is not verbless


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Special also because it was the first visit of a pope in forty years.", True),
        ("Especial because the talks had failed twice before.", True),
        ("Just because the talks failed, nobody should give up.", False),
        ("Only because of the rain was the match delayed.", False),
    ],
)
def test_adjective_before_because_lost_its_adverb_ending(text: str, fragment: bool) -> None:
    words = text.rstrip(".").replace(",", "").split()
    assert bool(clause_fragment(text, words, "en", True, after_quote=False)) is fragment
