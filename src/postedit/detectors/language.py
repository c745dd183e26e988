"""Untranslated leftovers: a sentence in another language than the article's, or a few words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from postedit import tokens as shared_tokens
from postedit.context import Context
from postedit.detectors import Detector, detector, triggers
from postedit.detectors.foreign_runs import content_runs, foreign_markers, may_hold_run
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.languages import (
    OWN_SHARE_TRUSTED,
    SUPPORTED,
    foreign_function_words,
    foreign_language,
    in_loan_phrase,
    inside_span,
    quote_spans,
    stopword_share,
)
from postedit.lexicon import zipf

_JUDGED_KINDS = ("body", "headline", "caption")
_ADJACENT = re.compile(r"\s[\s“”\"«»„]*|[“”\"«»„]+\s[\s“”\"«»„]*")  # whitespace, maybe quotes
_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
          "pt": "Portuguese"}
_MAX_RUN_SHARE = 0.6  # a sentence mostly in another language is the ``untranslated`` rule's


@detector(
    "untranslated",
    category="accuracy/untranslated",
    severity="major",
    description="A sentence left in another language than the article's (langdetect, with a "
    "prior towards the article's language and a minimum length)",
    languages=SUPPORTED,
    trigger=triggers.in_blocks(*_JUDGED_KINDS, then=triggers.words_of_other_language(
        stopword_share, OWN_SHARE_TRUSTED, lambda config: config.untranslated_min_words)),
)
def untranslated(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind not in _JUDGED_KINDS:
        return
    found = foreign_language(seg.text, ctx.lang, min_words=ctx.config.untranslated_min_words)
    if found:
        lang, probability = found
        flag = det.flag(
            seg.start,
            seg.end,
            f"this sentence looks untranslated: it reads as “{lang}” "
            f"({probability:.0%} sure), not “{ctx.lang}”",
        )
        yield replace(flag, lang=lang)  # the sentence's language in the report (pipeline)


def _foreign_seed(ctx: Context, block: Block, seg: Segment) -> bool:
    """The trigger: a function word of another language, where the rule's function-word
    spans look for it (a word between spaces, ``text.split()``, is a run of letters too:
    those lists hold letters only) or where its content runs do (``foreign_markers``). It
    reads the shared tokens only, with no split of its own."""
    found = shared_tokens.of(seg.text)
    runs = found.lower_letters if ctx.lang == "de" else found.letters
    if not foreign_function_words(ctx.lang).keys().isdisjoint(runs):
        return True
    words = found.lower_letters
    return len(words) >= 4 and not foreign_markers(ctx.lang).isdisjoint(words)


@detector(
    "untranslated-span",
    category="accuracy/untranslated",
    severity="minor",
    description="Words left in another language inside a sentence (“tens” de armored vehicles; "
    "Mit Can Aserbaidschan): foreign function words between words of the article's language",
    languages=SUPPORTED,
    trigger=triggers.in_blocks(*_JUDGED_KINDS, then=_foreign_seed),
)
def untranslated_span(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind not in _JUDGED_KINDS:
        return
    flags = list(_spans(det, ctx.lang, seg, foreign_function_words(ctx.lang)))
    if flags and not foreign_language(
        seg.text, ctx.lang, min_words=ctx.config.untranslated_min_words
    ):  # a sentence foreign as a whole is the ``untranslated`` rule's
        yield from flags


def _spans(
    det: Detector, doc_lang: str, seg: Segment, foreign: dict[str, tuple[str, ...]]
) -> Iterator[Flag]:
    found_tokens = shared_tokens.of(seg.text)
    if not (_has_function_word(seg.text, doc_lang, foreign)
            or may_hold_run(found_tokens.letters, found_tokens.lower_letters, doc_lang)):
        return  # neither kind of span can start: no offsets, no quotes to find
    tokens, words = list(found_tokens.letter_matches), list(found_tokens.lower_letters)
    quotes = quote_spans(seg.text)
    found = list(_function_word_spans(seg.text, tokens, words, doc_lang, foreign, quotes))
    found += content_runs(seg.text, tokens, words, doc_lang, quotes)
    for first, last, langs in _without_overlaps(found):
        start, end = tokens[first].start(), tokens[last].end()
        yield det.flag(
            seg.start + start,
            seg.start + end,
            f"“{seg.text[start:end]}” looks like {_either(langs)} left untranslated",
            severity="major" if last - first >= 2 else None,
        )


def _without_overlaps(
    spans: list[tuple[int, int, tuple[str, ...]]],
) -> list[tuple[int, int, tuple[str, ...]]]:
    """The longest spans first, each kept when it overlaps none kept before; in text order."""
    kept: list[tuple[int, int, tuple[str, ...]]] = []
    for span in sorted(spans, key=lambda span: span[0] - span[1]):
        if all(span[1] < other[0] or other[1] < span[0] for other in kept):
            kept.append(span)  # few spans a sentence: the pairwise check stays cheap
    return sorted(kept)


def _function_word_spans(
    text: str, tokens: list[re.Match[str]], words: list[str], doc_lang: str,
    foreign: dict[str, tuple[str, ...]], quotes: list[tuple[int, int]],
) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Spans seeded by distinctive foreign function words (``de``, ``the``, ``und``)."""
    if not _has_function_word(text, doc_lang, foreign):
        return
    sure = {word: langs for word in set(words) if word in foreign
            and (langs := _far_more_common(word, foreign[word], doc_lang))}
    hits = [index for index, word in enumerate(words)
            if word in sure and _may_be_foreign(text, tokens, words, index, quotes)]
    reach = -1  # last token a widening reached: a run inside it is not widened again
    for first, last, langs in _runs(text, tokens, words, hits, sure, doc_lang):
        if first <= reach:
            continue
        lang = langs[0]
        if last > first:
            first, last = _widen(text, tokens, words, first, last, lang, doc_lang)
            reach = last
            if _named(tokens, first, last, lang) or last - first + 1 > _MAX_RUN_SHARE * len(tokens):
                continue
        else:
            found = _single_word_left(text, tokens, words, first, lang, doc_lang)
            if found is None:
                continue
            last = reach = found
        yield first, last, langs


def _has_function_word(text: str, doc_lang: str, foreign: dict[str, tuple[str, ...]]) -> bool:
    """A distinctive foreign function word standing between spaces. German capitalises nouns,
    so a capitalised word can be a stray one there; elsewhere a capitalised foreign function
    word is part of a name (La Paz, El País)."""
    return not foreign.keys().isdisjoint((text.lower() if doc_lang == "de" else text).split())


def _either(langs: tuple[str, ...]) -> str:
    names = [_NAMES[code] for code in langs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _far_more_common(word: str, langs: tuple[str, ...], doc_lang: str) -> tuple[str, ...]:
    """The languages of ``langs`` where ``word`` is far more common than in ``doc_lang``
    (``da`` is Italian and German as well as Portuguese: no evidence there)."""
    own = zipf(word, doc_lang)
    return tuple(lang for lang in langs if zipf(word, lang) - own >= 2.0)


def _may_be_foreign(
    text: str, tokens: list[re.Match[str]], words: list[str], index: int,
    quotes: list[tuple[int, int]],
) -> bool:
    """Not quoted, not part of a hyphenated or elided word, not a borrowed phrase."""
    token = tokens[index]
    before = text[token.start() - 1 : token.start()]
    after = text[token.end() : token.end() + 1]
    if before in "-’'" and before or after in "-’'" and after:
        return False
    if inside_span(quotes, token.start(), token.start()):
        return False
    return not in_loan_phrase(words, index)


def _runs(
    text: str,
    tokens: list[re.Match[str]],
    words: list[str],
    hits: list[int],
    foreign: dict[str, tuple[str, ...]],
    doc_lang: str,
) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """``(first, last, langs)`` token runs: foreign function words of one language close together
    (``langs``: the languages they may be, likeliest first)."""
    position = 0
    while position < len(hits):
        first = last = hits[position]
        langs = set(foreign[words[first]])
        position += 1
        while position < len(hits) and hits[position] - last <= 2:
            shared = langs & set(foreign[words[hits[position]]])
            if not shared or not _joined(text, tokens, words, last, hits[position], shared, doc_lang):
                break
            langs, last = shared, hits[position]
            position += 1
        yield first, last, _likeliest(words[first], langs)


def _joined(
    text: str, tokens: list[re.Match[str]], words: list[str], left: int, right: int,
    langs: set[str], doc_lang: str,
) -> bool:
    """Two foreign words with only spaces and at most one word of their language between."""
    for index in range(left, right):
        if not _ADJACENT.fullmatch(text, tokens[index].end(), tokens[index + 1].start()):
            return False
    between = words[left + 1 : right]
    return all(any(zipf(word, lang) >= 3.5 for lang in langs) or zipf(word, doc_lang) < 3.0
               for word in between)


def _likeliest(word: str, langs: set[str]) -> tuple[str, ...]:
    return tuple(sorted(sorted(langs), key=lambda lang: -zipf(word, lang)))


def _widen(
    text: str, tokens: list[re.Match[str]], words: list[str], first: int, last: int, lang: str,
    doc_lang: str,
) -> tuple[int, int]:
    """The run with its foreign content words."""
    while first > 0 and _foreign_neighbour(text, tokens, first - 1, first, lang, doc_lang):
        first -= 1
    while last + 1 < len(words) and _foreign_neighbour(text, tokens, last + 1, last, lang, doc_lang):
        last += 1
    return first, last


def _named(tokens: list[re.Match[str]], first: int, last: int, lang: str) -> bool:
    """Whether the run looks like part of a name (capitals in it or right around it)."""
    # Banco de la Nación, Los Angeles; but German capitalises its nouns (der Vertrag ist).
    inside = (first, last) if lang == "de" else range(first, last + 1)
    if any(not tokens[index].group(0).islower() for index in inside):
        return True
    if first > 1 and not tokens[first - 1].group(0).islower():
        return True  # a capital before the run, not opening the sentence: a name
    return last + 1 < len(tokens) and not tokens[last + 1].group(0).islower()


def _foreign_neighbour(
    text: str, tokens: list[re.Match[str]], outer: int, inner: int, lang: str, doc_lang: str
) -> bool:
    """Whether token ``outer``, next to ``inner``, is a lower-case foreign word that continues it."""
    left, right = sorted((outer, inner))
    if not _ADJACENT.fullmatch(text, tokens[left].end(), tokens[right].start()):
        return False
    word = tokens[outer].group(0)
    return word.islower() and _foreign_content(word, lang, doc_lang)


def _foreign_content(word: str, lang: str, doc_lang: str) -> bool:
    foreign = zipf(word, lang)
    return foreign >= 3.0 and foreign - zipf(word, doc_lang) >= 1.5


def _single_word_left(
    text: str, tokens: list[re.Match[str]], words: list[str], index: int, lang: str, doc_lang: str
) -> int | None:
    """Last token of one foreign function word (and the foreign words after it) left in a
    sentence; sure only right after a plain word of the document's language."""
    if index == 0 or index + 1 >= len(tokens):
        return None
    for left in (index - 1, index):
        if not _ADJACENT.fullmatch(text, tokens[left].end(), tokens[left + 1].start()):
            return None
    word, before, after = (tokens[i].group(0) for i in (index, index - 1, index + 1))
    if doc_lang == "de":
        # German capitalises nouns: a capitalised stray word must precede a noun or name.
        if not word.islower() and after.islower():
            return None
    elif not word.islower() or not after.islower() or (index > 1 and not before.islower()):
        return None
    if not _plain_word(words[index - 1], lang, doc_lang):
        return None
    if _plain_word(words[index + 1], lang, doc_lang):
        return index
    last = index  # "que the government était": the foreign phrase goes on
    while last + 1 < len(words) and tokens[last + 1].group(0).islower() and _foreign_content(
        words[last + 1], lang, doc_lang
    ) and _ADJACENT.fullmatch(text, tokens[last].end(), tokens[last + 1].start()):
        last += 1
    return last if last > index else None


def _plain_word(word: str, lang: str, doc_lang: str) -> bool:
    own = zipf(word, doc_lang)
    return own >= 3.0 and zipf(word, lang) <= own - 1.0
