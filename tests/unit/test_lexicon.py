"""Word frequencies: wordfreq's table, cached in the user cache after the first read."""

from __future__ import annotations

from pathlib import Path

import pytest

from postedit import lexicon


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path))
    lexicon._frequencies.cache_clear()
    yield tmp_path
    lexicon._frequencies.cache_clear()


def test_zipf_values_and_unknown_words(fresh: Path) -> None:
    assert lexicon.zipf("the", "en") > 7
    assert 4 < lexicon.zipf("Delivered", "en") < 5
    assert lexicon.zipf("syriaafter", "en") == 0.0
    assert not lexicon.has_frequencies("xx")


def test_second_read_comes_from_the_cache(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = lexicon.zipf("delivered", "en")
    assert list((fresh / "cache" / "wordfreq").glob("en-*.marshal"))
    lexicon._frequencies.cache_clear()

    def no_wordfreq(lang: str) -> dict[str, float]:
        raise AssertionError("wordfreq read again despite the cache")

    monkeypatch.setattr(lexicon, "_from_wordfreq", no_wordfreq)
    assert lexicon.zipf("delivered", "en") == first


def test_a_corrupt_cache_is_rebuilt(fresh: Path) -> None:
    lexicon.zipf("the", "en")
    (cached,) = (fresh / "cache" / "wordfreq").glob("en-*.marshal")
    cached.write_bytes(b"not marshal data")
    lexicon._frequencies.cache_clear()
    assert lexicon.zipf("the", "en") > 7
