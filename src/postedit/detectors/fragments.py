"""Sentence fragments: text that cannot stand alone as a sentence.

``Which is part of ...`` (starts with a relative pronoun), ``Border with Syria
respectively.`` (short and verbless), ``Agreed.`` (a lone word). This module owns the
detector and the word-level shapes; clause shapes (subordinate openers, comma cuts, the
German checks) live in postedit.detectors.clauses and verb recognition in
postedit.detectors.verbs. Headlines, captions and attributions are verbless by nature and
are not judged; nor are list items, questions, exclamations and speech in quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from postedit.context import Context
from postedit.detectors import Detector, detector, triggers
from postedit.detectors.block_phrases import SIGN_OFF
from postedit.detectors.clauses import clause_fragment
from postedit.detectors.verbs import RELATIVIZERS, after_elided_clitic, has_verb, verb_groups
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import closed_class, verb_form
from postedit.tagging import SentenceTags

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Numbers kept: in "Smith, who was elected in 2019, resigned" the year stands between "in"
# and "resigned", which must not read as a noun after a preposition.
_WORD_OR_NUMBER = re.compile(r"[^\W_][\w’'-]*")
_DIGIT = re.compile(r"\d")
_JUDGED_KINDS = ("body",)
_LEAD_MAX_CHARS = 40  # "The first," "In 2020,": a lead-in of a few words before the comma
_LIST_MARKER = re.compile(r"\s*(?:[-*+•]|\d{1,3}[.)])\s")
_CITY_DATELINE = re.compile(r"[A-ZÀ-ÖØ-Þ]{2}[A-ZÀ-ÖØ-Þ'’ -]{1,28}\.\s*$")  # "MODENA.", "SAN REMO."


# German journalism writes short verbless sentences ("Ein Erfolg für die Regierung."):
# there only the clause shapes of postedit.detectors.clauses are judged.
_CLAUSE_ONLY = ("de",)
_OPENING_QUOTES = {"de": "„»"}  # German closes with “ (and « in the » « style)
_CLOSING_QUOTES = {"de": "“«"}
_ENDS_WITH_QUOTE = re.compile(r"[”»“\"]\s*[.,]?\s*$")
_QUOTE_MARK = re.compile(r"[“”«»„\"]")  # every mark of _OPENING_QUOTES and _CLOSING_QUOTES


@detector(
    "fragment",
    category="fluency/grammar",
    severity="major",
    description="A sentence fragment that cannot stand alone (Which is part of ..., "
    "Border with Syria respectively.)",
    languages=("en", "es", "fr", "it", "pt", "de"),
    trigger=triggers.in_blocks(*_JUDGED_KINDS),
)
def fragment(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind not in _JUDGED_KINDS or seg.text.rstrip().endswith(("?", "!", ":")):
        return
    if _LIST_MARKER.match(seg.text):
        return  # list items are often verbless by design
    if seg is block.segments[-1] and SIGN_OFF.match(seg.text.strip()):
        return  # "… the ministry. (NAN)": the agency's mark, no sentence
    if seg is block.segments[0] and len(block.segments) > 1 and _CITY_DATELINE.match(seg.text):
        return  # "MODENA. Tre feriti …": the newspaper's dateline opens the paragraph
    words = _WORD.findall(seg.text)
    reason = _fragment_reason(seg, words, ctx, block)
    if reason and not _mid_quotation(block, seg, ctx.lang):  # « … vent. Pas pour l’eau. … »
        yield det.flag(seg.start, seg.end, reason)


def _fragment_reason(seg: Segment, words: list[str], ctx: Context, block: Block) -> str | None:
    if not words:
        return None
    if not _in_speech(seg.text, ctx.lang):  # speech may be cut anywhere
        at = 0 if seg is block.segments[0] else _index_in(block, seg)
        after_quote = at > 0 and _ENDS_WITH_QUOTE.search(block.segments[at - 1].text) is not None
        reason = clause_fragment(seg.text, words, ctx.lang, at == 0, after_quote)
        if not reason and ctx.lang == "de" and at > 0 and not after_quote:
            reason = _german_prepositional_piece(words, ctx)
        if reason or ctx.lang in _CLAUSE_ONLY:
            return reason
    elif ctx.lang in _CLAUSE_ONLY:
        return None
    # a paragraph of its own may be a credit line ("Additional reporting by ...")
    first = seg is block.segments[0]
    tagged = ctx.tags.of(seg) if ctx.tags is not None else None
    return _word_fragment(seg.text, words, ctx, first, tagged) or _after_comma_cut(seg.text, ctx.lang)


_GERMAN_PREPOSITIONS = frozenset("""in im mit vor nach bei beim seit am zum zur von vom aus
    für gegen ohne unter über durch ins auf""".split())
_GERMAN_PIECE_MIN_WORDS = 3  # "Im Gegenteil.", "Zum Glück.": set phrases of two words
_GERMAN_ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
_GERMAN_DATES = frozenset("""januar februar märz april mai juni juli august september oktober
    november dezember montag dienstag mittwoch donnerstag freitag samstag sonntag""".split())


def _german_prepositional_piece(words: list[str], ctx: Context) -> str | None:
    """``Mit 3:0 beim VfL Wolfsburg.`` after a full sentence: a prepositional phrase cut
    from it. German writes verbless sentences, but they name something (``Ein Erfolg für
    die Regierung.``); a bare adverbial phrase of its own is a piece of the one before."""
    if len(words) > ctx.config.fragment_max_words or words[0].lower() not in _GERMAN_PREPOSITIONS:
        return None
    if len(words) < _GERMAN_PIECE_MIN_WORDS and words[-1].lower() not in _GERMAN_DATES:
        return None  # "Im Gegenteil.", "Zum Glück." stand alone; "Im September." does not
    # a capitalised word after an article is a noun ("Mit einem Schrumpfen der ...")
    rest = [word for before, word in zip(words, words[1:], strict=False)
            if word.lower() not in _GERMAN_PREPOSITIONS
            and not (word[:1].isupper() and before.lower() in _GERMAN_ARTICLES)]
    if has_verb(rest, "de"):
        return None  # "gegen" ends like a verb
    return "a short phrase without a verb after a full sentence: probably cut from it"


def _index_in(block: Block, seg: Segment) -> int:
    """The place of ``seg`` in its paragraph; 0 for a sentence that is not where its id says.
    The caller tells the first sentence by identity first: ``position`` parses the id."""
    position = seg.position
    return position if seg in block.segments[position : position + 1] else 0


def _in_speech(text: str, lang: str) -> bool:
    """The sentence (``text`` holds a word) opens a quotation or ends one opened in an
    earlier sentence."""
    if _QUOTE_MARK.search(text) is None:
        return False  # no mark at all (most sentences), so none opens the sentence either
    openers, closers = _OPENING_QUOTES.get(lang, "“«"), _CLOSING_QUOTES.get(lang, "”»")
    if text.lstrip()[:1] in openers + '"':
        return True
    opened = sum(text.count(mark) for mark in openers)
    return sum(text.count(mark) for mark in closers) > opened or text.count('"') % 2 == 1


def _mid_quotation(block: Block, seg: Segment, lang: str) -> bool:
    """``seg`` has no quotation mark and stands inside a quotation that an earlier sentence
    of its paragraph opens and a later one closes: quoted speech, which may be elliptical.
    A quotation never closed proves nothing (a lost mark is unbalanced-pair's)."""
    openers, closers = _OPENING_QUOTES.get(lang, "“«"), _CLOSING_QUOTES.get(lang, "”»")
    marks = openers + closers + '"'
    if not any(mark in block.text for mark in marks) or any(mark in seg.text for mark in marks):
        return False
    before = block.text[: seg.start - block.start]
    after = block.text[seg.end - block.start :]
    if before.count('"') % 2:
        return '"' in after
    opened = sum(before.count(m) for m in openers) > sum(before.count(m) for m in closers)
    return opened and any(mark in after for mark in closers)


def _word_fragment(
    text: str, words: list[str], ctx: Context, first: bool, tagged: SentenceTags | None
) -> str | None:
    if len(words) == 1 and not _may_stand_alone(words[0], ctx.lang):
        return f"a lone word, “{words[0]}”, is not a sentence"
    short = len(words) <= ctx.config.fragment_max_words
    verbless = short and not has_verb(words, ctx.lang, gerunds=first)
    if verbless and (reason := _verbless(tagged)):
        return reason  # cleared by the tagger, the sentence still meets the checks below
    if _subject_without_predicate(words, ctx.lang) and _subject_without_predicate(
        _WORD_OR_NUMBER.findall(text) if _DIGIT.search(text) else words, ctx.lang
    ):
        return (
            f"“{' '.join(words[:3])} …” is a noun and a relative clause with no main verb: "
            "it belongs to the sentence before"
        )
    return None


def _verbless(tagged: SentenceTags | None) -> str | None:
    """The short-verbless verdict, weighed by Apertium's tagger where it read the sentence:
    a finite verb it finds (``The army withdrew.``, ``Cupo todo.``: forms the word lists
    miss) clears the sentence; finding none backs the flag."""
    reason = "a short sentence without a verb: probably a piece of another sentence"
    if tagged is None:
        return reason
    if tagged.finite_verbs():
        return None
    return reason + " (Apertium's tagger finds no finite verb either)"


def _after_comma_cut(text: str, lang: str) -> str | None:
    """``The first, the commitment that the party had made.``: a short verbless lead-in, a
    comma, then a noun and a relative clause with no main verb."""
    comma = text.find(",", 0, _LEAD_MAX_CHARS)
    if comma < 0 or lang not in RELATIVIZERS:
        return None  # no lead-in, or no relative clause to look for after it
    lead_words = _WORD.findall(text, 0, comma)
    if not 1 <= len(lead_words) <= 4 or has_verb(lead_words, lang):
        return None
    # the first words decide most sentences: all of them are found only after a relative
    if not _relativizer_ahead((m.group() for m in _WORD_OR_NUMBER.finditer(text, comma + 1)), lang):
        return None
    words = _WORD_OR_NUMBER.findall(text, comma + 1)
    if not _subject_without_predicate(words, lang):
        return None
    return (
        f"“{' '.join(words[:3])} …” after “{text[:comma].strip()},” is a noun and a relative clause "
        "with no main verb: a piece of another sentence"
    )


def _may_stand_alone(word: str, lang: str) -> bool:
    """Closed-class words, and outside English a finite verb: "Llovió.", "Ganamos."."""
    lower = word.lower()
    lower = after_elided_clitic(lower, lang) or lower  # "J’arrive."
    return lower in closed_class(lang) or (lang != "en" and bool(verb_form(lower, lang)))


def _subject_without_predicate(words: list[str], lang: str) -> bool:
    """``Something that the Executive ruled out.``: one verb group, inside the relative clause."""
    if not _relativizer_ahead(words, lang):
        return False  # the common case
    relativizers = RELATIVIZERS[lang]
    head = next(i for i, word in enumerate(words) if word.lower() in relativizers)
    if head == 0 or has_verb(words[:head], lang):
        return False
    return verb_groups(words[head + 1 :], lang, up_to=2) == 1


def _relativizer_ahead(words: Iterable[str], lang: str) -> bool:
    """A relative pronoun among the first four ``words``: what ``_subject_without_predicate``
    needs first, and what most sentences lack (``map`` and ``isdisjoint`` run in C)."""
    relativizers = RELATIVIZERS.get(lang)
    return relativizers is not None and not relativizers.isdisjoint(map(str.lower, islice(words, 4)))
