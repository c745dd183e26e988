"""Capitalisation checks: German function words, lower-case names, lost full stops."""

from __future__ import annotations

import pytest

from postedit.config import resolve
from postedit.context import fold_accents
from postedit.detectors.case_words import german_capitals
from postedit.flags import apply_fixes
from postedit.pipeline import analyse, make_document


def flags(text: str, lang: str = "en") -> list[tuple[str, str]]:
    config = resolve(lang=lang)
    report = analyse(make_document("case", text, config=config), config)
    return [(f.rule, text[f.start : f.end]) for seg in report.segments for f in seg.flags]


def fixed(text: str, rule: str, lang: str = "en") -> str:
    config = resolve(lang=lang)
    report = analyse(make_document("case", text, config=config), config)
    fixes = [f.fix for seg in report.segments for f in seg.flags if f.rule == rule and f.fix]
    return apply_fixes(text, fixes)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Bahn stellte Den Verkehr ein.", ["Den"]),
        ("Er sagte: Die Lage ist ernst.", []),  # a colon may open a sentence
        ("Sie lobte „Die Zeit“ und Die Linke.", []),  # a quoted title, a party
        ("Er nannte es „falsch“ Der Rat tagt.", ["Der"]),  # a German quote closes with “
        ("Können Sie das bestätigen?", []),  # the formal "Sie"
    ],
)
def test_german_capitals(text: str, expected: list[str]) -> None:
    assert [word for _pos, word in german_capitals(text, text)] == expected


def test_fold_accents_joins_spellings() -> None:
    assert fold_accents("Marín") == fold_accents("marin") == "marin"


def test_lowercase_given_name_in_spanish() -> None:
    text = "Noticias\n\nLa jueza, Rosa Albéniz, leyó la sentencia. Después, Rosa albéniz salió."
    assert ("lowercase-name", "albéniz") in flags(text, "es")


def test_lost_full_stop_fix_inserts_a_stop() -> None:
    text = "Ferry news\n\nThe service stopped for the week Passengers said they had no warning."
    assert fixed(text, "lost-full-stop") == (
        "Ferry news\n\nThe service stopped for the week. Passengers said they had no warning."
    )


def test_exclamation_in_quotes_is_not_a_sentence_end() -> None:
    assert flags("“Stop, stop!” cried the guard as the train left.") == []
