"""An article's language: function words decide when they are clear, langdetect otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from postedit import languages

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def test_a_clearly_english_or_german_article_needs_no_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> dict[str, float]:
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(languages, "detect_probabilities", refuse)
    assert languages.detect_document((ARTICLES / "floods-valencia-en.txt").read_text("utf-8")) == "en"
    assert languages.detect_document((ARTICLES / "clean-bahn-de.txt").read_text("utf-8")) == "de"


def test_close_languages_and_short_text_still_ask_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = languages.detect_probabilities

    def spy(text: str) -> dict[str, float]:
        asked.append(text)
        return real(text)

    monkeypatch.setattr(languages, "detect_probabilities", spy)
    spanish = (ARTICLES / "incendio-canarias-es.txt").read_text("utf-8")
    assert languages.detect_document(spanish) == "es" and asked
    dutch = ("De regering heeft op maandag besloten dat de nieuwe wet over huurprijzen pas volgend "
             "jaar in werking treedt, omdat de Tweede Kamer nog niet heeft gestemd over de "
             "voorstellen van de minister en de gemeenten meer tijd willen voor de invoering.")
    assert languages.detect_document(dutch) == "nl"
