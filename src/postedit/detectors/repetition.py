"""Repetition: words and n-gram loops (``the the``), and whole sentences said twice."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from postedit import tokens as shared_tokens
from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.languages import inside_span, quote_spans
from postedit.lexicon import closed_class

_WORD = re.compile(r"[^\W_]+")  # numbers too: "more than 60 people more than 60 people"
_GLUED_DIGIT = re.compile(r"\d(?:(?<=[^\W\d_]\d)|(?=[^\W\d_]))")  # a digit beside a letter
_WORD_JOINS = frozenset("-'’")
_MAX_UNIT = 6  # longest repeated phrase looked for, in words
# Doubling that grammar allows: "had had", "that that", "nous nous assurerons", "die die Mieten".
_ALLOWED_DOUBLES = frozenset("had that very bye no yes so ha".split())
_ALLOWED_DOUBLES_BY_LANG = {
    "fr": frozenset("nous vous".split()),
    "de": frozenset("die der das den dem".split()),
}
# Sentence connectives: a second one in the same sentence is a connective translated twice
# ("... far from being eaten”, he tempered, however.").
_CONNECTIVES = {
    "en": "however moreover furthermore nevertheless nonetheless therefore",
    "de": "jedoch allerdings dennoch trotzdem außerdem",
    "fr": "cependant toutefois néanmoins pourtant",
    "es": "embargo obstante",
    "it": "tuttavia comunque inoltre pertanto",
    "pt": "porém contudo entretanto todavia",
}
_CONNECTIVE_SETS = {lang: frozenset(words.split()) for lang, words in _CONNECTIVES.items()}
_COMMA_BEFORE = re.compile(r",\s*$")
_SENTENCE_END = re.compile(r"[.!?…][”’\"»)]*\s*")


def _may_repeat(ctx: Context, block: Block, seg: Segment) -> bool:
    """The trigger: a unit of up to ``_MAX_UNIT`` words that follows itself, a connective, or
    an adverb in -mente: what each of the rule's three checks needs first."""
    if "mente" in seg.text and ctx.lang in _MENTE_LANGS:
        return True
    words = _lower_words(seg.text)
    # one character per word (see _Codes): equal words get equal characters, so one search
    # reads the sentence
    codes = "".join(map(_CODE_OF, words))
    if _LOOP.search(codes):
        return True
    if _CONNECTIVE_SETS.get(ctx.lang, frozenset()).isdisjoint(words):
        return False
    return len(set(codes)) != len(codes)  # a connective and a word twice: maybe it


def _lower_words(text: str) -> Sequence[str]:
    """Lower-cased words to look for loops in: the runs of letters that ``postedit.tokens``
    has already found for the other rules. They are the rule's words (``_WORD``) less its
    numbers, so every loop and connective of the rule is a loop or connective there too;
    only a number glued to letters (``a1b``, one word of the rule and two runs) needs the
    rule's own words."""
    if _GLUED_DIGIT.search(text) is None:
        return shared_tokens.of(text).lower_letters
    return [word.lower() for word in _WORD.findall(text)]


_CODES = 0xD800  # below the surrogates


class _Codes(dict[str, str]):
    """Word -> its character for ``_LOOP``: the next free one the first time a word is seen,
    looked up at C speed by ``map`` after that (a Python expression per word cost a third of
    the trigger). Once every character is given out, further words get one from their hash
    and are not stored: memory stays bounded, and two words that share a character only make
    the rule run for nothing."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _CODES:
            return chr(hash(word) % _CODES)
        code = self[word] = chr(len(self))
        return code


_CODE_OF = _Codes().__getitem__
# A unit of one to _MAX_UNIT words (their characters in ``codes``) followed by itself.
_LOOP = re.compile(rf"(.{{1,{_MAX_UNIT}}})\1", re.DOTALL)


@detector(
    "repeated-words",
    category="fluency/grammar",
    severity="minor",
    description="A word or phrase repeated back to back (the the; in the city in the city)",
    trigger=_may_repeat,
)
def repeated_words(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    tokens = list(_WORD.finditer(seg.text))
    words = [token.group(0).lower() for token in tokens]
    allowed = _ALLOWED_DOUBLES | _ALLOWED_DOUBLES_BY_LANG.get(ctx.lang, frozenset())
    quotes: list[tuple[int, int]] | None = None  # found once, when first needed
    for first, size, repeats in _loops(words, seg.text, tokens):
        start = tokens[first].start()
        unit = seg.text[start : tokens[first + size - 1].end()]
        if size == 1 and repeats == 2 and words[first] in allowed:
            continue
        if size == 1 and repeats == 2 and _noun_then_particle(seg.text, start, words[first], ctx):
            continue
        end = tokens[first + size * repeats - 1].end()
        if "," in seg.text[start:end]:
            quotes = quote_spans(seg.text) if quotes is None else quotes
            if inside_span(quotes, start, end):
                continue  # "traitor, traitor", "Go, go, go!": chanted, not a translation loop
        yield det.flag(
            seg.start + start,
            seg.start + end,
            f"“{unit}” is repeated {repeats} times in a row",
            unit,
            severity="major" if repeats > 2 or size > 1 else "minor",
        )
    yield from _second_connective(det, ctx, seg, tokens, words)
    yield from _two_manner_adverbs(det, ctx, seg, tokens, words)


def _noun_then_particle(text: str, start: int, word: str, ctx: Context) -> bool:
    """``à l’avant avant de bondir``: the first copy is a noun after an elided article, the
    second the preposition or adverb written the same; two roles, not a loop."""
    return ctx.lang in ("fr", "it") and text[start - 1 : start] in ("'", "’") and (
        word in closed_class(ctx.lang)
    )


def _second_connective(
    det: Detector, ctx: Context, seg: Segment, tokens: list[re.Match[str]], words: list[str]
) -> Iterator[Flag]:
    connectives = _CONNECTIVE_SETS.get(ctx.lang, frozenset())
    seen = [index for index, word in enumerate(words) if word in connectives]
    if len(seen) < 2 or words[seen[0]] != words[seen[1]]:
        return
    token = tokens[seen[1]]
    comma = _COMMA_BEFORE.search(seg.text, 0, token.start())
    between = seg.text[tokens[seen[0]].end() : token.start()]
    if comma is None or ";" in between or not _SENTENCE_END.fullmatch(seg.text, token.end()):
        return  # "however reluctantly" is a degree; "...; the money, however, arrived" a clause
    yield det.flag(
        seg.start + comma.start(),
        seg.start + token.end(),
        f"“{token.group(0)}” is said twice in one sentence",
        "",
    )


def _two_manner_adverbs(
    det: Detector, ctx: Context, seg: Segment, tokens: list[re.Match[str]], words: list[str]
) -> Iterator[Flag]:
    """``pubblicamente ha espresso apertamente``: two adverbs in -mente around one verb, not
    joined by a conjunction. Romance style never does it; a translation that rendered one
    source adverb twice does."""
    if ctx.lang not in _MENTE_LANGS or "mente" not in seg.text:
        return
    adverbs = [index for index, word in enumerate(words) if _mente_adverb(word, ctx.lang)]
    for first, second in zip(adverbs, adverbs[1:], strict=False):
        between = words[first + 1 : second]
        if not 1 <= len(between) <= _ADVERB_GAP or _MENTE_JOINS.intersection(between):
            continue
        if "," in seg.text[tokens[first].end() : tokens[second].start()]:
            continue
        yield det.flag(
            seg.start + tokens[first].start(),
            seg.start + tokens[second].end(),
            f"“{tokens[first].group(0)}” and “{tokens[second].group(0)}” qualify one verb: "
            "probably one source adverb translated twice",
        )


_MENTE_LANGS = ("es", "it", "pt")
_MENTE_JOINS = frozenset("e y o ou ed ni nem né".split())
_ADVERB_GAP = 3  # words between the two adverbs


def _mente_adverb(word: str, lang: str) -> bool:
    """An adverb made from an adjective: ``apertamente`` from ``aperta``, ``finalmente``
    from ``finale`` (not ``mente``, ``clemente``, ``demente``)."""
    if len(word) < 9 or not word.endswith("mente"):
        return False
    from postedit import lemmas

    stem = word[:-5]  # "aperta-mente"; "ufficial-mente" drops the e of "ufficiale"
    return lemmas.is_known(stem, lang) or lemmas.is_known(stem + "e", lang)


def _loops(words: list[str], text: str, tokens: list[re.Match[str]]) -> Iterator[tuple[int, int, int]]:
    """``(first word, unit size, repeats)`` of each back-to-back repetition (only spaces or
    commas between its words); linear: a repeat is counted only up to the next other gap."""
    if len(set(words)) == len(words):
        return  # no word twice: the common case, without slicing the gaps
    gaps = _gaps(text, tokens)
    chain_end = _chain_ends(gaps)
    last_seen: dict[str, int] = {}
    position = 0
    while position < len(words):
        earlier = last_seen.get(words[position], -1)
        size = position - earlier
        if earlier >= 0 and size <= _MAX_UNIT and chain_end[earlier] >= position:
            repeats = _repeats_at(words, gaps, earlier, size, chain_end[earlier])
            if repeats >= 2 and not all(word.isdigit() for word in words[earlier:position]):
                yield earlier, size, repeats
                position = earlier + size * repeats
                last_seen.clear()
                continue
        last_seen[words[position]] = position
        position += 1


def _gaps(text: str, tokens: list[re.Match[str]]) -> list[str]:
    """The text between each token and the next."""
    return [text[tokens[i].end() : tokens[i + 1].start()] for i in range(len(tokens) - 1)]


def _chain_ends(gaps: list[str]) -> list[int]:
    """For each token, the last token reached from it through gaps of spaces or commas, or
    the hyphen or apostrophe inside a word (au-dessus, l'accusation)."""
    ends = list(range(len(gaps) + 1))
    for index in range(len(gaps) - 1, -1, -1):
        if not gaps[index].strip(" ,") or gaps[index] in _WORD_JOINS:
            ends[index] = ends[index + 1]
    return ends


def _repeats_at(words: list[str], gaps: list[str], first: int, size: int, last: int) -> int:
    """How many times the unit at ``first`` follows itself without passing token ``last``; a
    repeat starts after a space (Baden-Baden, bora-bora are words)."""
    unit = words[first : first + size]
    repeats = 1
    while first + size * (repeats + 1) - 1 <= last and (
        words[first + size * repeats : first + size * (repeats + 1)] == unit
    ) and not gaps[first + size * repeats - 1].strip(" ,"):
        repeats += 1
    return repeats


@detector(
    "repeated-sentence",
    category="fluency/grammar",
    severity="major",
    description="A sentence that repeats an earlier one word for word (a duplicated paragraph "
    "or translation unit)",
    scope="block",
)
def repeated_sentence(det: Detector, ctx: Context, block: Block) -> Iterator[Flag]:
    for seg in block.segments:
        first = ctx.repeats.get(seg.id)
        if first is not None:
            yield det.flag(
                seg.start, seg.end, f"this sentence already appears earlier ({first}): remove it", ""
            )
