"""The glued-word model: which tokens split, where, and which stay whole."""

from __future__ import annotations

import pytest

from postedit.segmentation import document_words, split_glued
from postedit.unknown_words import classify_unknown, glue_point


@pytest.mark.parametrize(
    ("token", "lang", "left", "right"),
    [
        ("SyriaAfter", "en", "Syria", "After"),
        ("austinThe", "en", "austin", "The"),
        ("NHSthat", "en", "NHS", "that"),
        ("Norwegiansbut", "en", "Norwegians", "but"),
        ("Letterthe", "en", "Letter", "the"),
        ("councilthe", "en", "council", "the"),
        ("ofthe", "en", "of", "the"),
        ("andthe", "en", "and", "the"),
        ("Kovalenkodelivered", "en", "Kovalenko", "delivered"),
        ("policeofficers", "en", "police", "officers"),
        ("LisboaDepois", "pt", "Lisboa", "Depois"),
        ("HamburgDie", "de", "Hamburg", "Die"),
        ("onThursday", "en", "on", "Thursday"),  # a function word before a capitalised word
        ("nearLondon", "en", "near", "London"),
        ("deMéxico", "es", "de", "México"),
        ("imNovember", "de", "im", "November"),
        ("laCFDT", "fr", "la", "CFDT"),  # before an acronym
        ("abudget", "en", "a", "budget"),  # a short word run into the next one
        ("thevillage", "en", "the", "village"),
        ("laciudad", "es", "la", "ciudad"),
        ("yempresas", "es", "y", "empresas"),
        ("ilgoverno", "it", "il", "governo"),
        ("dela", "fr", "de", "la"),  # wordfreq's few glued copies do not make it a word
        ("quea", "pt", "que", "a"),
        ("Fridayto", "en", "Friday", "to"),  # a frequent word before a short function word
        ("Ministeriose", "es", "Ministerio", "se"),  # a noun takes no clitic pronoun
        ("Parlamentoe", "it", "Parlamento", "e"),  # a frequent noun before a one-letter word
    ],
)
def test_glued_tokens_split_between_the_two_words(token: str, lang: str, left: str, right: str) -> None:
    split = split_glued(token, lang)
    assert split is not None
    assert (split.left, split.right, token[: split.cut]) == (left, right, left)


@pytest.mark.parametrize(
    ("token", "lang"),
    [
        ("Garbatella", "en"),  # Garbat + ella: a name, not a word of English
        ("Liberatrice", "en"),  # Liberat is no word, rice no Italian
        ("Liberatrice", "it"),
        ("Mattarella", "en"),
        ("Lakehead", "en"),  # two words, but a place wordfreq knows
        ("Redwater", "en"),  # word + word in capitals: a compound name
        ("Castelverde", "en"),
        ("Kircher", "en"),  # names end in -her, -on, -in all the time
        ("Stetsenkoin", "en"),
        ("TotalEnergies", "en"),
        ("YouTube", "en"),
        ("iPhone", "en"),
        ("McDonald", "en"),
        ("JPMorgan", "en"),
        ("NewsOne", "fr"),  # a brand wordfreq knows in English
        ("MEPs", "en"),
        ("thereof", "en"),
        ("another", "en"),
        ("hacerlo", "es"),  # clitic pronouns belong to the verb
        ("ricandidarsi", "it"),
        ("Ministerin", "de"),  # German nouns: no dictionary or ending joins
        ("Halbzeitbilanz", "de"),
        ("advertit", "en"),  # a short ending alone is too weak
        ("anew", "en"),  # real words that start like a short word
        ("abridge", "en"),
        ("aside", "en"),
        ("onto", "en"),
        ("della", "it"),  # articulated prepositions are words
        ("nella", "it"),
        ("sulla", "it"),
        ("dela", "pt"),  # de + ela, a word of Portuguese
        ("pelo", "pt"),
        ("numa", "pt"),
        ("amanhã", "pt"),
        ("quemás", "es"),  # a verb form simplemma knows
        ("lala", "es"),  # the same syllable twice
        ("node", "it"),  # English words in other languages
        ("iMac", "en"),  # brands wordfreq knows
        ("iCloud", "it"),
        ("deGrasse", "en"),  # a name particle needs the name seen alone
        ("Gabriele", "it"),
        ("inzwischen", "de"),
        ("aufstehen", "de"),
    ],
)
def test_names_brands_and_compounds_stay_whole(token: str, lang: str) -> None:
    assert split_glued(token, lang) is None


def test_a_name_seen_alone_in_the_article_vouches_for_a_split() -> None:
    assert split_glued("Zelenskyythe", "en") is None
    words = document_words("Zelenskyy arrived. Later Zelenskyythe envoys left.")
    split = split_glued("Zelenskyythe", "en", words)
    assert split is not None and split.right == "the"
    german = document_words("Brantner sprach. Dann hat Brantnerdie Gäste begrüßt.")
    assert split_glued("Brantnerdie", "de") is None  # a rare name needs the article's word
    assert split_glued("Brantnerdie", "de", german) is not None


@pytest.mark.parametrize(
    "token, lang, right",
    [
        ("Merkeldie", "de", "die"),  # a frequent German word vouches for itself
        ("Verbandder", "de", "der"),
        ("Höhevon", "de", "von"),
        ("Sarzanae", "it", "e"),  # a known place before a one-letter conjunction
        ("deNabil", "es", "Nabil"),  # Romance particles are written apart from names
        ("eFosdinovo", "it", "Fosdinovo"),
        ("diLa", "it", "La"),
        ("sondageIfop", "fr", "Ifop"),
    ],
)
def test_joins_that_need_no_context(token: str, lang: str, right: str) -> None:
    split = split_glued(token, lang)
    assert split is not None and split.right == right


@pytest.mark.parametrize(
    "token, lang",
    [("Lehrerin", "de"), ("Bundesländer", "de"), ("easyJet", "es"), ("Brantnerin", "de")],
)
def test_compounds_feminines_and_brands_stay_whole(token: str, lang: str) -> None:
    assert split_glued(token, lang) is None


def test_a_token_written_twice_counts_against_the_split() -> None:
    once = split_glued("Romanovskydelivered", "en", document_words("Romanovskydelivered it."))
    twice = split_glued(
        "Romanovskydelivered", "en", document_words("Romanovskydelivered Romanovskydelivered")
    )
    assert once is not None and twice is not None and twice.margin < once.margin


def test_a_name_particle_glued_to_a_name_splits_outside_english() -> None:
    assert split_glued("deCastrelinho", "en") is None  # deGrasse: English names glue particles
    assert split_glued("deCastrelinho", "pt") is not None  # Portuguese writes "de Castrelinho"


def test_a_camel_case_token_written_twice_is_a_brand() -> None:
    words = document_words("Compró el billete en eDestinos. Luego eDestinos cobró dos veces.")
    assert split_glued("eDestinos", "es", words) is None


def test_the_model_is_deterministic() -> None:
    first = [split_glued(t, "en") for t in ("SyriaAfter", "ofthe", "Garbatella", "NHSthat")]
    again = [split_glued(t, "en") for t in ("SyriaAfter", "ofthe", "Garbatella", "NHSthat")]
    assert first == again


def test_unknown_words_share_the_model() -> None:
    assert classify_unknown("Norwegiansbut", "", "en") == "unknown-word"
    assert classify_unknown("NHSthat", "", "en") == "unknown-word"
    assert classify_unknown("channelthe", "", "en") == "unknown-word"
    assert classify_unknown("Mattarella", "", "en") == "unknown-name"
    assert classify_unknown("Lakehead", "", "en") == "unknown-name"
    assert glue_point("Norwegiansbut", "en") == len("Norwegians")
    assert glue_point("Mattarella", "en") is None
    text = "Zelenskyy arrived. Then Zelenskyythe envoys left."
    assert classify_unknown("Zelenskyythe", text, "en") == "unknown-word"


def test_a_common_noun_capitalised_only_before_a_number_is_not_a_lowercased_name() -> None:
    from postedit.unknown_words import classify_unknown

    text = "Trucks crossed the interstate at dawn. Traffic on Interstate 5 stopped. lloyd met Lloyd."
    assert classify_unknown("interstate", text, "en") == "unknown-name"
    assert classify_unknown("lloyd", text, "en") == "unknown-word"
