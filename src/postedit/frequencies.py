"""Zipf word frequencies from wordfreq, read from a bucket file in the user cache.

wordfreq's tables hold 270,000 to 630,000 words per language, and the detectors
ask about every supported language, so loading them whole cost a short article
about a second and a half before its first flag. Each table is kept as a bucket
file (``postedit.bucketfile``) keyed by the installed wordfreq, so only the first
run reads wordfreq, and a lookup reads only the part of the table it needs. The
file also holds the commonest ``COMMONEST`` words in order (``commonest``).

Only a language wordfreq holds a list for is looked up: asked for another, wordfreq
quietly picks the "nearest" list (Somali gets English) and logs a warning, which
leaked to stderr whenever langdetect guessed a language postedit has no rules for.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from postedit import bucketfile

COMMONEST = 60_000  # words kept in frequency order (segmentation prices endings over them)
_FORMAT = "zipf2"  # bump when the file's content changes


class Table:
    """One language's Zipf frequencies: from a bucket file, or a dict when none can be kept."""

    def __init__(self, stored: bucketfile.BucketFile | None, words: dict[str, float]) -> None:
        self._stored = stored
        self._words = words
        self._commonest: list[str] | None = None

    def get(self, word: str) -> float:
        """Zipf of the lower-cased ``word``; 0.0 when wordfreq does not know it."""
        if self._stored is None:
            return self._words.get(word, 0.0)
        value = self._stored.get(word)
        return 0.0 if value is None else value  # type: ignore[no-any-return]

    def empty(self) -> bool:
        return self._stored is None and not self._words

    def commonest(self) -> list[str]:
        """Up to ``COMMONEST`` words, commonest first."""
        if self._commonest is None:
            self._commonest = self._stored.extra() if self._stored else list(self._words)[:COMMONEST]
        return self._commonest

    def load_all(self) -> None:
        """Read the whole table now (benchmarks keep this one-off cost out of their figures)."""
        if self._stored is not None:
            self._stored.load_all()

    def loaded_share(self) -> float:
        return 1.0 if self._stored is None else self._stored.loaded_share()


@lru_cache(maxsize=16)
def table(lang: str) -> Table:
    """The frequency table of ``lang`` (empty when wordfreq has none)."""
    if not has_wordlist(lang):
        return Table(None, {})
    path = _cache_path(lang)
    stored = bucketfile.read(path) if path is not None else None
    if stored is not None:
        return Table(stored, {})
    words = from_wordfreq(lang)
    if words and path is not None and bucketfile.write(path, bucketfile.pack(words, list(words)[:COMMONEST])):
        stored = bucketfile.read(path)
    return Table(stored, words if stored is None else {})


def has_wordlist(lang: str) -> bool:
    """Whether wordfreq has a list for exactly ``lang`` (found without importing wordfreq)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations or not lang.isalpha():
        return False
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    return any((data / f"{size}_{lang}.msgpack.gz").is_file() for size in ("large", "small"))


def from_wordfreq(lang: str) -> dict[str, float]:
    """wordfreq's table for ``lang`` as Zipf values, commonest first ({} when it has none)."""
    from wordfreq import get_frequency_dict

    try:
        raw = get_frequency_dict(lang, wordlist="best")
    except LookupError:
        return {}
    return {word: round(math.log10(freq) + 9.0, 2) for word, freq in raw.items() if freq > 0}


def _cache_path(lang: str) -> Path | None:
    from postedit.locations import cache_dir

    release = bucketfile.stamp_of("wordfreq")
    if release is None:
        return None
    return cache_dir() / "wordfreq" / f"{lang}-{release}-{_FORMAT}.bin"
