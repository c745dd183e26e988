"""simplemma's lemmatiser over dictionaries kept as bucket files in the user cache.

simplemma ships its dictionaries lzma-compressed and front-coded; decoding the
English one costs about 0.3 s and the German one over a second, on every run.
postedit decodes each once, keeps it as a bucket file (``postedit.bucketfile``)
keyed by the installed simplemma, and from then on reads only the buckets the
article's words fall in. Lemmas and answers are simplemma's own: the same
strategies run, only the dictionary storage differs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries import DefaultDictionaryFactory
from simplemma.strategies.dictionaries.dictionary_factory import (
    CachingDictionaryFactory,
    DecodedStrMapping,
)
from simplemma.utils import normalize_token

from postedit import bucketfile

_FORMAT = "lemmas1"  # bump when the file's content changes


class _Stored(DecodedStrMapping):
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


class _Factory(CachingDictionaryFactory):
    """Dictionaries from the user cache, built from simplemma's own on first use."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        shipped = DefaultDictionaryFactory(cache_max_size=0)
        path = _cache_path(lang)
        stored = bucketfile.read(path) if path is not None else None
        if stored is None:
            dictionary = shipped.get_dictionary(lang)  # ValueError for a language it lacks
            if path is None or not bucketfile.write(path, bucketfile.pack(dict(dictionary.items()))):
                return dictionary
            stored = bucketfile.read(path)
            if stored is None:
                return dictionary
        return _Stored(stored)


_FACTORY = _Factory()
_LOOKUP = DictionaryLookupStrategy(_FACTORY)


@lru_cache(maxsize=1)
def _lemmatizer() -> Lemmatizer:
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_FACTORY))


def is_known(token: str, lang: str) -> bool:
    """simplemma's dictionary for ``lang`` lists ``token`` (ValueError: unsupported language)."""
    return _LOOKUP.get_lemma(normalize_token(token), lang) is not None


def lemmatize(token: str, lang: str) -> str:
    """simplemma's lemma of ``token`` in ``lang``."""
    return _lemmatizer().lemmatize(token, lang)


def _cache_path(lang: str) -> Path | None:
    from postedit.locations import cache_dir

    release = bucketfile.stamp_of("simplemma")
    if release is None or not lang.isalpha():
        return None
    return cache_dir() / "simplemma" / f"{lang}-{release}-{_FORMAT}.bin"
