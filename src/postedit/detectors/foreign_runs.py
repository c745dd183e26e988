"""Runs of foreign words inside a sentence, content words included (``con olas of a
percentage point``), found from word frequencies alone.

A word is *marked* for another language when it is a word of that language
(Zipf >= 3) and far more frequent there than in the article's language; loans
such as ``online``, ``Team`` or ``streaming`` are common in both and so are not
marked. Words common in both (``a``, ``was``) may sit inside a run but never
open or close it. A run needs three marked words that add up to clear evidence,
or two marked words that are both very foreign and one of them a function word
of that language. Runs are
lower-case (names excluded), contiguous (only spaces between words), not quoted
and not borrowed phrases. Each language is scanned once: linear in the sentence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from postedit.languages import SUPPORTED, in_loan_phrase, inside_span
from postedit.lexicon import closed_class, zipf

_WORD_OF = 3.0  # Zipf from which a word counts as a word of a language
_RARE_WORD = 2.0  # ... or from which, when the article's language does not know it at all
_MARKED = 1.0  # how much more frequent in the other language a marked word is
_RUN_GAIN = 5.0  # what the marked words of a run of three or more must add up to
_STRONG = 2.0  # ... with one of them at least this foreign
_STRONG_WITH_FUNCTION_WORDS = 1.5
_VERY_FOREIGN = 2.5  # for two-word runs
_SHARED = -1.0  # a word inside a run may be this much rarer there than in the article's language
_TAIL_WORDS = 4  # a foreign run that ends the sentence (marked words and shared ones)
_MAX_SHARE = 0.6  # a run over most of the sentence is the whole-sentence rule's
_PLAIN_GAP = re.compile(r"[ \t\u00a0]+(?:\d+[ \t\u00a0]+)?")  # "less than 24 hours"

Span = tuple[int, int, tuple[str, ...]]


def content_runs(
    text: str, tokens: list[re.Match[str]], words: list[str], doc_lang: str,
    quotes: list[tuple[int, int]],
) -> list[Span]:
    """``(first, last, (lang,))`` token spans of foreign runs, at most one language each."""
    if not may_hold_run([token.group(0) for token in tokens], words, doc_lang):
        return []  # no run without a function word of another language: no table to load
    others = _others(doc_lang)
    table = [_gains(word, doc_lang) for word in words]
    langs = [lang for column, lang in enumerate(others)
             if sum((row[column] or 0.0) >= _MARKED for row in table) >= 2]
    if not langs:
        return []  # the common case: no two words lean towards one other language
    usable = _usable(tokens, words, quotes)
    found: list[Span] = []
    for lang in langs:
        column = others.index(lang)
        gain = [row[column] if ok else None for row, ok in zip(table, usable, strict=True)]
        runs = list(_runs_in(lang, tokens, words, gain, doc_lang))
        if not any(last == len(words) - 1 for _, last, _ in runs):
            runs += _name_tail(lang, tokens, words, gain, quotes)
        found += runs
    return found


def _name_tail(
    lang: str, tokens: list[re.Match[str]], words: list[str], gain: list[float | None],
    quotes: list[tuple[int, int]],
) -> list[Span]:
    """``il divario tra Nord would now seek damages``, ``entro the Ministry of Finance``:
    a foreign tail with names inside it. It opens on a foreign word after a word of the
    article's language (``de la Ciudad de México`` after ``Museo`` is one name) and
    names are at most half of it."""
    text, last = tokens[0].string, len(words) - 1
    start = last
    while start > 1 and _joined(text, tokens, start - 1) and _tail_token(tokens, gain, start - 1, quotes):
        start -= 1
    if not _tail_token(tokens, gain, last, quotes):
        return []
    marked = [i for i in range(start, last + 1) if (gain[i] or 0.0) >= _MARKED]
    if not marked or last - marked[0] < _TAIL_WORDS - 1:
        return []
    first = marked[0]
    names = sum(gain[i] is None for i in range(first, last + 1))
    if not tokens[first - 1].group(0).islower() or words[first] in _NAME_PARTICLES:
        return []
    if lang != "en" and words[first] in _ROMANCE_ARTICLES:
        return []  # "in los Altos de Chiapas": place names carry their article
    strong = sum((gain[i] or 0.0) >= _STRONG for i in marked)
    if strong < 2 or not 1 <= names <= (last - first + 1) - names:
        return []
    return [(first, last, (lang,))]


_ROMANCE_ARTICLES = frozenset("el los las il lo gli les o os as".split())
_NAME_PARTICLES = frozenset("de di del della da do dos das du des van von la le lo of".split())


def _tail_token(
    tokens: list[re.Match[str]], gain: list[float | None], index: int, quotes: list[tuple[int, int]]
) -> bool:
    """A word that may sit in a foreign tail: a foreign or shared word, or a name."""
    if gain[index] is not None:
        return True
    token = tokens[index]
    return token.group(0)[:1].isupper() and not inside_span(quotes, token.start(), token.start())


def may_hold_run(letters: Sequence[str], words: Sequence[str], doc_lang: str) -> bool:
    """What every run needs: four words or more, and a foreign function word after a
    lower-case word (``entro the Ministry``). ``letters`` are the words as written, ``words``
    the same lower-cased."""
    if len(words) < 4:
        return False
    foreign = foreign_markers(doc_lang)
    return any(
        words[i] in foreign and letters[i - 1].islower() and letters[i].islower()
        for i in range(1, len(words) - 1)
    )


MARKERS_FILE = Path(__file__).resolve().parents[1] / "data" / "foreign_markers.json"
MARKER_GAP = 1.5  # a marker is this much more frequent (Zipf) in its own language


@lru_cache(maxsize=1)
def _markers() -> dict[str, frozenset[str]]:
    data = json.loads(MARKERS_FILE.read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in data.items()}


def foreign_markers(doc_lang: str) -> frozenset[str]:
    """Function words of other languages that an article in ``doc_lang`` hardly uses.

    A left-over foreign phrase nearly always carries one (``of``, ``the``, ``de``,
    ``der``); looking for them first spares most sentences, and an English article's
    whole run, the word tables of five other languages (0.7 s to load). The list is
    data (``data/foreign_markers.json``), made by :func:`derive_markers`.
    """
    return _markers().get(doc_lang, frozenset())


def derive_markers() -> dict[str, list[str]]:
    """Closed-class words of each language at least MARKER_GAP more frequent there than in another."""
    out = {}
    for doc_lang in SUPPORTED:
        own = closed_class(doc_lang)
        out[doc_lang] = sorted({
            word for lang in _others(doc_lang) for word in closed_class(lang)
            if word not in own and zipf(word, lang) - zipf(word, doc_lang) >= MARKER_GAP
        })
    return out


@lru_cache(maxsize=8)
def _others(doc_lang: str) -> tuple[str, ...]:
    return tuple(lang for lang in SUPPORTED if lang != doc_lang)


@lru_cache(maxsize=1 << 16)
def _gains(word: str, doc_lang: str) -> tuple[float | None, ...]:
    """``_gain`` of ``word`` for each other language (cached: words recur across articles)."""
    own = zipf(word, doc_lang)
    return tuple(_gain(word, lang, own) for lang in _others(doc_lang))


def _usable(
    tokens: list[re.Match[str]], words: list[str], quotes: list[tuple[int, int]]
) -> list[bool]:
    """Tokens that may belong to a run: lower-case, unquoted, not part of a borrowed phrase."""
    return [
        token.group(0).islower()
        and not inside_span(quotes, token.start(), token.start())
        and not in_loan_phrase(words, index)
        for index, token in enumerate(tokens)
    ]


def _joined(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Only spaces (or a number) between token ``index`` and the next one (no punctuation)."""
    return bool(_PLAIN_GAP.fullmatch(text, tokens[index].end(), tokens[index + 1].start()))


def _runs_in(
    lang: str, tokens: list[re.Match[str]], words: list[str], gain: list[float | None],
    doc_lang: str,
) -> Iterator[Span]:
    text = tokens[0].string
    first = 0
    while first < len(words):
        last = first
        while gain[last] is not None and last + 1 < len(words) and gain[last + 1] is not None \
                and _joined(text, tokens, last):
            last += 1
        if gain[first] is not None:
            span = _judged(lang, tokens, words, gain, first, last, doc_lang)
            if span is not None:
                yield span
        first = last + 1


def _gain(word: str, lang: str, own: float) -> float | None:
    """How much more frequent ``word`` is in ``lang``; None when it cannot sit in a run."""
    there = zipf(word, lang)
    known = there >= _WORD_OF or (there >= _RARE_WORD and own < 1.0)  # "breaching": rare there,
    return there - own if known and there - own >= _SHARED else None  # unknown here


def _judged(
    lang: str, tokens: list[re.Match[str]], words: list[str], gain: list[float | None],
    first: int, last: int, doc_lang: str,
) -> Span | None:
    """The run ``first..last`` trimmed to its marked words, when it is foreign enough."""
    marked = [i for i in range(first, last + 1) if (gain[i] or 0.0) >= _MARKED]
    if len(marked) < 2:
        return None
    if _foreign_tail(words, gain, marked, last):
        return marked[0], last, (lang,)
    first, last = marked[0], marked[-1]
    if last - first + 1 > _MAX_SHARE * len(words):
        return None
    if len(marked) < 3 and _beside_name(tokens, first, last, doc_lang):
        return None  # Banco de la Nación; three foreign words in a row are no name's
    gains = [gain[i] or 0.0 for i in marked]
    if len(marked) == 2 and not _sure_pair(lang, words, gains, marked):
        return None
    if len(marked) > 2 and (sum(gains) < _RUN_GAIN or max(gains) < _strong_enough(lang, words, marked)):
        return None
    return first, last, (lang,)


def _strong_enough(lang: str, words: list[str], marked: list[int]) -> float:
    """How foreign the most foreign word must be: less in a run of four or more with two
    function words of that language (``tender in the spring`` in Portuguese, which sees
    much English on the web)."""
    closed = closed_class(lang)
    if len(marked) >= 4 and sum(words[i] in closed for i in marked) >= 2:
        return _STRONG_WITH_FUNCTION_WORDS
    return _STRONG


def _foreign_tail(words: list[str], gain: list[float | None], marked: list[int], last: int) -> bool:
    """``a rappelé que outside the normal budget.``: the sentence ends in the other
    language, four words or more, two of them clearly foreign; a name cannot end so."""
    if last != len(words) - 1 or last - marked[0] < _TAIL_WORDS - 1 or len(marked) < 2:
        return False
    return sum((gain[i] or 0.0) >= _STRONG for i in marked) >= 2


def _sure_pair(lang: str, words: list[str], gains: list[float], marked: list[int]) -> bool:
    """Two marked words: both very foreign, and one a function word of that language."""
    return min(gains) >= _VERY_FOREIGN and any(
        words[i] in closed_class(lang) for i in marked
    )


def _beside_name(tokens: list[re.Match[str]], first: int, last: int, doc_lang: str) -> bool:
    """A capitalised word right before (not opening the sentence) or after: part of a name.
    German capitalises its nouns, so there the neighbours say nothing."""
    if doc_lang == "de":
        return False
    before = first > 1 and not tokens[first - 1].group(0).islower()
    return before or (last + 1 < len(tokens) and not tokens[last + 1].group(0).islower())
