"""simplemma's lemmatiser over dictionaries kept as bucket files in the user cache.

simplemma ships its dictionaries lzma-compressed and front-coded; decoding the
English one costs about 0.3 s and the German one over a second, on every run.
postedit decodes each once, keeps it as a bucket file (``postedit.bucketfile``)
keyed by the installed simplemma, and from then on reads only the buckets the
article's words fall in. Lemmas and answers are simplemma's own: the same
strategies run, only the dictionary storage differs.

Asking whether a word is known reads that file without importing simplemma, whose
import compiles the suffix rules of every language it has (0.09 s, over half the start-up
of scoring an English article). The lookup is simplemma's own for our languages, the word
and then its other-case form (a test holds the two equal); a word with an apostrophe, or a
language whose file is not built yet, goes through simplemma.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from postedit import bucketfile
from postedit.languages import SUPPORTED

_FORMAT = "lemmas1"  # bump when the file's content changes


# Languages whose dictionary keys are the words as written (simplemma folds only Ancient
# Greek, Hebrew and Arabic), so a lookup is the word, then its other-case form.
_PLAIN_LOOKUP = frozenset(SUPPORTED)
_APOSTROPHES = ("'", "’", "ʼ")
_STORED: dict[str, bucketfile.BucketFile] = {}


def _stored(lang: str) -> bucketfile.BucketFile | None:
    """The bucket file of ``lang``'s dictionary, once it has been built (None before)."""
    stored = _STORED.get(lang)
    if stored is None:
        path = _cache_path(lang)
        stored = bucketfile.read(path) if path is not None else None
        if stored is not None:
            _STORED[lang] = stored
    return stored


def is_known(token: str, lang: str) -> bool:
    """simplemma's dictionary for ``lang`` lists ``token`` (ValueError: unsupported language)."""
    token = unicodedata.normalize("NFC", token)  # simplemma's normalize_token
    stored = _stored(lang) if lang in _PLAIN_LOOKUP else None
    if stored is None or any(mark in token for mark in _APOSTROPHES):
        return _simplemma().lookup.get_lemma(token, lang) is not None
    if stored.get(token) is not None:
        return True
    return stored.get(token.lower() if token[:1].isupper() else token.capitalize()) is not None


@lru_cache(maxsize=1)
def _simplemma() -> Any:
    """simplemma's lemmatiser and dictionary lookup over our bucket files (imported here)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    from simplemma.strategies.dictionaries.dictionary_factory import (
        CachingDictionaryFactory,
        DecodedStrMapping,
    )

    class Stored(DecodedStrMapping):
        """A simplemma dictionary read from a bucket file."""

        __slots__ = ("_file",)

        def __init__(self, stored: bucketfile.BucketFile) -> None:
            self._file = stored

        def _lookup(self, key: str) -> str | None:
            return self._file.get(key)  # type: ignore[no-any-return]

        def __iter__(self) -> Iterator[str]:
            return iter(self._file.load_all())

        def __len__(self) -> int:
            return len(self._file.load_all())

    class Factory(CachingDictionaryFactory):
        """Dictionaries from the user cache, built from simplemma's own on first use."""

        __slots__ = ()

        def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
            stored = _stored(lang)
            if stored is None:
                dictionary = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(lang)
                path = _cache_path(lang)  # ValueError above for a language simplemma lacks
                packed = bucketfile.pack(dict(dictionary.items()))
                if path is None or not bucketfile.write(path, packed):
                    return dictionary
                stored = _stored(lang)
                if stored is None:
                    return dictionary
            return Stored(stored)

    factory = Factory()
    strategy = DefaultStrategy(dictionary_factory=factory)
    return _Simplemma(Lemmatizer(lemmatization_strategy=strategy), DictionaryLookupStrategy(factory))


class _Simplemma:
    """simplemma's two entry points that we use."""

    __slots__ = ("lemmatizer", "lookup")

    def __init__(self, lemmatizer: Any, lookup: Any) -> None:
        self.lemmatizer = lemmatizer
        self.lookup = lookup


def lemmatize(token: str, lang: str) -> str:
    """simplemma's lemma of ``token`` in ``lang``."""
    return _simplemma().lemmatizer.lemmatize(token, lang)  # type: ignore[no-any-return]


def _cache_path(lang: str) -> Path | None:
    from postedit.locations import cache_dir

    release = bucketfile.stamp_of("simplemma")
    if release is None or not lang.isalpha():
        return None
    return cache_dir() / "simplemma" / f"{lang}-{release}-{_FORMAT}.bin"
