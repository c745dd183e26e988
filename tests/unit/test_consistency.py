"""Document-level consistency: the facts in postedit.context and the flags built on them."""

from __future__ import annotations

from postedit.config import resolve
from postedit.context import build_consistency
from postedit.pipeline import analyse, make_document


def _document(text: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return make_document("case", text, config=resolve(lang=lang))


def _flags(text: str, rule: str, lang: str = "en") -> list:
    config = resolve(lang=lang)
    report = analyse(make_document("case", text, config=config), config)
    return [flag for seg in report.segments for flag in seg.flags if flag.rule == rule]


VARIANT = ("Minister Jonas Liebrechtz arrived. Liebrechtz spoke. Critics praised Liebrechtz. "
           "Later Liebechtz left.")


def test_name_variant_names_the_majority_and_where_it_is() -> None:
    facts = build_consistency(_document(VARIANT), "en")
    assert facts.name_variants["Liebechtz"].majority == "Liebrechtz"
    assert facts.name_variants["Liebechtz"].count == 3
    (flag,) = _flags(VARIANT, "name-variant")
    assert "“Liebrechtz”" in flag.message and "b1.s1" in flag.message
    assert flag.fix is not None and flag.fix.replacement == "Liebrechtz"


def test_name_variant_runs_in_any_language() -> None:
    text = ("La ministra Ana Quintanillo llegó. Quintanillo habló. Quintanillo se fue. "
            "Después Quitanillo volvió.")
    assert [f.fix.replacement for f in _flags(text, "name-variant", "es") if f.fix] == ["Quintanillo"]


def test_a_spelling_seen_once_is_no_majority() -> None:
    facts = build_consistency(_document("Liebrechtz spoke. Later Liebechtz left."), "en")
    assert facts.name_variants == {}


def test_an_edit_at_the_ends_is_inflection_not_a_variant() -> None:
    text = "Tuskowa spoke. Tuskowa left. Tuskowi replied."
    assert build_consistency(_document(text), "en").name_variants == {}


def test_gender_from_a_title_makes_the_flag_major() -> None:
    text = "Ms Okonkwo-Reyes leads the party. Later, Okonkwo-Reyes said his plan was ready."
    facts = build_consistency(_document(text), "en")
    assert facts.genders == {"Okonkwo-Reyes": "f"} and "Okonkwo-Reyes" in facts.by_title
    (flag,) = _flags(text, "pronoun-gender")
    assert flag.severity == "major" and flag.fix is not None and flag.fix.replacement == "her"


def test_gender_from_pronouns_alone_gives_a_minor_flag() -> None:
    text = ("Governor Ilse Marchetti said she would sign. Marchetti said her aides agreed. "
            "Marchetti then said he had doubts.")
    (flag,) = _flags(text, "pronoun-gender")
    assert flag.severity == "minor" and flag.fix is not None and flag.fix.replacement == "she"


def test_an_even_split_settles_no_gender() -> None:
    text = "Director Sam Okafor said he agreed. Okafor said her staff did not."
    assert build_consistency(_document(text), "en").genders == {}


def test_pronoun_checks_are_english_only() -> None:
    text = "Ms Okonkwo-Reyes leads the party. Later, Okonkwo-Reyes said his plan was ready."
    assert build_consistency(_document(text, "fr"), "fr").genders == {}


def test_number_variant_needs_a_repeated_majority_one_digit_away() -> None:
    same = "It ran for 300 days. It ran for 300 days again. Then for 30 days."
    far = "It ran for 300 days. It ran for 300 days again. Then for 45 days."
    assert [f.message.split("”")[0] for f in _flags(same, "number-variant")] == ["“30"]
    assert _flags(far, "number-variant") == []
