"""Word frequencies: wordfreq's table, cached in the user cache and read bucket by bucket."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from postedit import frequencies, lexicon


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path))
    frequencies.table.cache_clear()
    yield tmp_path
    frequencies.table.cache_clear()


def test_zipf_values_and_unknown_words(fresh: Path) -> None:
    assert lexicon.zipf("the", "en") > 7
    assert 4 < lexicon.zipf("Delivered", "en") < 5
    assert lexicon.zipf("syriaafter", "en") == 0.0
    assert not lexicon.has_frequencies("xx")
    assert lexicon.zipf("the", "xx") == 0.0


def test_second_read_comes_from_the_cache(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = lexicon.zipf("delivered", "en")
    assert list((fresh / "cache" / "wordfreq").glob("en-*.bin"))
    frequencies.table.cache_clear()

    def no_wordfreq(lang: str) -> dict[str, float]:
        raise AssertionError("wordfreq read again despite the cache")

    monkeypatch.setattr(frequencies, "from_wordfreq", no_wordfreq)
    assert lexicon.zipf("delivered", "en") == first


def test_a_corrupt_cache_is_rebuilt(fresh: Path) -> None:
    lexicon.zipf("the", "en")
    (cached,) = (fresh / "cache" / "wordfreq").glob("en-*.bin")
    cached.write_bytes(cached.read_bytes()[:-10])  # truncated, as by a full disk
    frequencies.table.cache_clear()
    assert lexicon.zipf("the", "en") > 7


def test_an_unwritable_cache_still_gives_frequencies(fresh: Path) -> None:
    (fresh / "cache").write_text("a file where the cache directory should be")
    assert lexicon.zipf("the", "en") > 7
    assert lexicon.commonest_words("en")[0] == "the"


def test_bucketed_lookups_agree_with_the_whole_table(fresh: Path) -> None:
    whole = frequencies.from_wordfreq("es")
    sample = random.Random(3).sample(list(whole), 2000)
    for word in sample:
        assert lexicon.zipf(word, "es") == whole[word]
    assert lexicon.commonest_words("es") == list(whole)[: frequencies.COMMONEST]


def test_a_short_article_reads_a_small_part_of_each_table(fresh: Path) -> None:
    lexicon.zipf("the", "de")  # builds the cache file
    frequencies.table.cache_clear()
    table = frequencies.table("de")
    for word in "die Regierung hat am Montag neue Regeln für den Verkehr angekündigt".split():
        lexicon.zipf(word, "de")
    assert table.loaded_share() < 0.01


def test_a_language_without_a_wordlist_is_empty_and_quiet(
    fresh: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # langdetect calls short emoji-laden text Somali; wordfreq would hand back its English
    # list with a warning on stderr ("You asked for word frequencies in language 'so'").
    with caplog.at_level("WARNING"):
        assert not lexicon.has_frequencies("so")
        assert lexicon.zipf("the", "so") == 0.0
    assert caplog.records == []
    assert not list((fresh / "cache").rglob("so-*.bin"))
    assert lexicon.has_frequencies("ar") and lexicon.zipf("في", "ar") > 6
