"""Capitalisation: capitals in mid-sentence, lowercase names, lowercase sentence starts.

``claimed this on Wednesday Three missile attacks``: machine translation often
keeps the capital of a word that began a sentence in the source, which shows a
clause moved or merged. Only closed-class words (pronouns, numerals,
determiners, auxiliaries, the commonest verbs) are judged, because nouns with
capitals inside sentences are usually names (``the White House``). German
capitalises all nouns, so these checks do not run there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from postedit import tokens
from postedit.context import Context, title_case
from postedit.detectors import Detector, article_facts, detector
from postedit.detectors.block_phrases import SIGN_OFF
from postedit.detectors.case_words import (
    AUXILIARIES,
    LETTER_LABELS,
    NEVER_NAME_START,
    SURNAME_PARTICLES,
    TITLE_NOUNS,
    TITLE_PREFIXES,
    closed_words,
    german_capitals,
    single_letter_closed,
)
from postedit.detectors.name_evidence import lowercased_name
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import closed_class, verb_form, zipf
from postedit.segmenter import ABBREVIATIONS

_LANGS = ("en", "es", "fr", "it", "pt")
# The patterns below start with the character class and look behind it afterwards
# (``[A-Z](?<![\w-].)`` for ``(?<![\w-])[A-Z]``): the same matches, but a pattern that
# opens with a class lets the search skip to its characters instead of trying every position.
_CAPITALISED = re.compile(r"([A-ZÀ-ÖØ-Þ](?<![\w’'-].)[a-zà-öø-ÿ]+)(?![\w’'-])")
_SINGLE_CAPITAL = re.compile(r"([A-ZÀ-ÖØ-Þ])(?<![\w’'.-].)(?= [^\W\d_])")
_OPENING_MARKS = "“\"‘'([«¿¡—–-•* "
_NEXT_WORD = re.compile(r"\s+[“\"‘(]?([^\W\d_][\w’'-]*)")
_SENTENCE_RESTART = ":;“\"‘([«—–-•*#>|"
_LOWER_WORD = re.compile(
    r"([a-zà-öø-ÿ](?<![\w’'@#/.-].)[a-zà-öø-ÿ]{2,}(?:-[a-zà-öø-ÿ]{2,})*)(?=[A-ZÀ-ÖØ-Þ]|(?![\w’'@/-]))"
)
_NOT_A_NAME_SUFFIXES = ("s", "ing", "ed", "ly", "tion", "ment", "men", "ness", "ity", "ers", "ist")
_FIRST_LETTER = re.compile(r"[^\W\d_]")
_INNER_START = re.compile(r"[.!?](?<![.…].)[”\"’)»]?\s+([a-zà-öø-ÿ])(?=[a-zà-öø-ÿ]+\s)")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december today yesterday tomorrow""".split()
)
_NAME_PARTICLES = frozenset("de del della di da du van von der den ter ten bin ibn le la".split())
# Adjective and adverb endings: "legitimate but Irresponsible", never a name or institution.
_MODIFIER_ENDINGS = ("ible", "able", "ous", "ful", "less", "ly")
# Subject pronouns: a capital one after a closing quote and a stop starts a new sentence.
_PRONOUNS = {
    "pt": frozenset("ele ela".split()),
    "es": frozenset("él".split()),
    "fr": frozenset("il elle".split()),
    "it": frozenset("egli esso essa".split()),
}


@detector(
    "mid-sentence-capital",
    category="fluency/spelling",
    severity="major",
    description="A capital in the middle of a sentence, often a sign of a merged or reordered "
    "clause (claimed this on Wednesday Three missile attacks)",
    languages=(*_LANGS, "de"),
)
def mid_sentence_capital(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind == "headline" and title_case(seg.text) and ctx.lang != "de":
        return  # German capitalises every noun, so its sentences look like Title Case
    if ctx.lang == "de":
        found = list(german_capitals(seg.text, ctx.document.text))
    else:
        found = [*_capitals(ctx, seg.text), *_single_letters(ctx, seg.text)]
    for pos, word in sorted(found):
        start = seg.start + pos
        yield det.flag(
            start,
            start + len(word),
            f"“{word}” is capitalised in the middle of a sentence; a clause may have been "
            "merged or reordered here",
            word.lower(),
        )


def _capitals(ctx: Context, text: str) -> Iterator[tuple[int, str]]:
    closed = closed_words(ctx.lang)
    never_name = NEVER_NAME_START.get(ctx.lang, frozenset())
    for match in _CAPITALISED.finditer(text, 1):  # the first word is never judged
        word = match.group(1)
        lower = word.lower()
        if lower not in closed and lower not in TITLE_NOUNS and not lower.endswith(_MODIFIER_ENDINGS):
            continue  # a name: neither a bare title nor a _suspect word (the common case)
        before = text[: match.start()].rstrip()
        if lower in TITLE_NOUNS and _bare_title(word, before, text, match.end(), ctx):
            yield match.start(), word  # "Stock Colonel a rappelé"
            continue
        if word == "I" or not _suspect(word, before, closed, ctx):
            continue
        if not before or _restarts(before, lower in closed):
            continue
        if lower in _PRONOUNS.get(ctx.lang, ()) and before.rstrip("”\"’») ")[-1] in ".!?…":
            continue  # « Nous allons reconstruire ! » Il a ajouté: a new sentence
        if word == "May" and _month(text, before, match.end()):
            continue  # "in May", "May 3", "until May."
        if text.startswith(".", match.end()) and lower in ABBREVIATIONS:
            continue  # "Pier No. 5"
        following = _NEXT_WORD.match(text, match.end())
        after = following.group(1) if following else ""
        previous = before.rsplit(None, 1)[-1].strip("“\"‘'(«,")
        if lower in never_name:
            yield match.start(), word  # "Banco Do Porto", "Parlamento Com caráter"
            continue
        if after[:1].isupper() and after.lower() not in _CALENDAR:
            if _particle_in_institution(word, previous):
                yield match.start(), word  # "Banque De France", "Ministry Of Finance"
                continue
            if not _lower_elsewhere(word, previous, after, ctx.document.text):
                continue  # part of a title or name: "The New York Times", "Three Gorges Dam"
        elif previous[:1].isupper() and not _plain_opener(previous, before, ctx):
            continue  # "Theresa May said", "Formula One", but not "on Wednesday Three missiles"
        yield match.start(), word


# Head nouns of institutions and places: the particle after them is written in lower
# case in every language (``Banco de Portugal``, ``Assembleia da República``); surnames
# (``Luigi Di Maio``) keep theirs.
_INSTITUTIONS = frozenset("""bank banque banco banca ministry ministère ministerio ministero
    ministério assembly assemblée asamblea assemblea assembleia tribunal court cour corte
    institute institut instituto istituto university université universidad università
    universidade stadium stade estadio stadio estádio council conseil consejo consiglio
    conselho chamber chambre cámara camera câmara palace palais palacio palazzo palácio museum
    musée museo museu hospital hôpital ospedale municipal federal nacional national nazionale
    regional provincial general generale department departamento port puerto porto""".split())
_INSTITUTION_PARTICLES = frozenset("of de del della di da do dos das du des".split())


def _particle_in_institution(word: str, previous: str) -> bool:
    return word.lower() in _INSTITUTION_PARTICLES and previous.lower() in _INSTITUTIONS


def _plain_opener(previous: str, before: str, ctx: Context) -> bool:
    """A common word capitalised only because it starts the sentence (``Devant Une salle``),
    or a day name (``on Wednesday Three``): no name for the next capital to belong to."""
    lower = previous.lower()
    if lower in _CALENDAR:
        return True
    opening = before == previous or not before[: -len(previous)].strip(_OPENING_MARKS)
    return opening and ctx.mid_sentence_counts[lower] <= 1 and zipf(lower, ctx.lang) >= 4.5


def _bare_title(word: str, before: str, text: str, end: int, ctx: Context) -> bool:
    """A Romance title noun with a capital after another capitalised word, then a verb
    in lower case: no name follows it, so the capital is wrong."""
    if ctx.lang == "en" or not before[-1:].isalpha():
        return False
    previous = before.rsplit(None, 1)[-1]
    following = _NEXT_WORD.match(text, end)
    verb = following.group(1) if following else ""
    if verb not in AUXILIARIES.get(ctx.lang, ()) and verb_form(verb, ctx.lang) is not True:
        return False
    closed = closed_class(ctx.lang) | TITLE_PREFIXES
    return previous[:1].isupper() and previous.lower() not in closed


def _lower_elsewhere(word: str, previous: str, after: str, text: str) -> bool:
    """``Banco De Portugal`` where the article also writes ``Banco de Portugal``."""
    if word.lower() not in SURNAME_PARTICLES and previous[:1].isupper():
        return False
    return article_facts.contains(text, f"{previous} {word.lower()} {after}")


def _single_letters(ctx: Context, text: str) -> Iterator[tuple[int, str]]:
    """``classificou O acordo``, ``mentre I contratti``, ``prefer A new election``."""
    if not any(needle in text for needle in _spaced_capitals(ctx.lang)):
        return  # most sentences: no capital letter standing alone
    letters = single_letter_closed(ctx.lang)
    for match in _SINGLE_CAPITAL.finditer(text):
        word = match.group(1)
        before = text[: match.start()].rstrip()
        if word.lower() not in letters or not before or not before[-1].isalpha():
            continue
        previous = before.rsplit(None, 1)[-1]
        if word.lower() in NEVER_NAME_START.get(ctx.lang, ()):
            yield match.start(), word  # "em frente À Assembleia"
        elif previous[:1].islower() and previous.lower() not in LETTER_LABELS:
            if text[match.end() + 1 : match.end() + 2].islower():
                yield match.start(), word


@lru_cache(maxsize=16)
def _spaced_capitals(lang: str) -> tuple[str, ...]:
    """`` O ``, `` I ``: the language's one-letter closed words as a capital between spaces."""
    return tuple(f" {letter.upper()} " for letter in single_letter_closed(lang))


# A capital after a lower-case letter. The capital first and the letter looked behind at:
# capitals are rare, so the scan skips most characters (only whether it matches is asked).
_CAMEL = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=[a-zà-öø-ÿ].)")


def _may_hold_lowercase_name(ctx: Context, block: Block, seg: Segment) -> bool:
    """The trigger: a lower-case word that is no closed-class word, written capitalised
    elsewhere (or name evidence), a hyphen, a word glued to a capital, or an acronym in
    brackets: what each of the rule's paths needs first."""
    text = seg.text
    if "-" in text or _CAMEL.search(text) or ctx.lang != "de" and _ACRONYM.search(text):
        return True
    candidates = article_facts.remembered(ctx.document.text, f"name candidates in {ctx.lang}",
                                          lambda: _name_candidates(ctx))
    return not candidates.isdisjoint(tokens.of(text).letters)  # as written: lower case


def _name_candidates(ctx: Context) -> frozenset[str]:
    """The words either path of the rule may take for names: ``_is_known_name``'s (name
    evidence, no closed-class word, rare in lower case or a sentence's subject) and
    ``lowercased_name``'s (capitalised somewhere, part of a two-word name or rare in lower
    case)."""
    counts = ctx.lowercase_counts
    known = {word for word in ctx.name_evidence - closed_class(ctx.lang)
             if word in ctx.names_as_subject or counts[word] <= 1}
    in_pairs = {word for pair in ctx.title_bigrams for word in pair} | ctx.name_tails
    return frozenset(known) | frozenset(
        word for word in ctx.capitalised_forms - closed_words(ctx.lang)
        if word in in_pairs or counts[word] <= 1
    )


@detector(
    "lowercase-name",
    category="fluency/spelling",
    severity="major",
    description="A name written in lower case (lloyd austin) although the article capitalises it",
    languages=(*_LANGS, "de"),
    trigger=_may_hold_lowercase_name,
)
def lowercase_name(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    spans: list[tuple[int, int, str]] = []
    forms = article_facts.remembered(ctx.document.text, f"name forms in {ctx.lang}",
                                     lambda: _name_forms(ctx))
    # most sentences hold no such word: findall and isdisjoint (both in C) settle them
    if "-" in seg.text or not forms.isdisjoint(_LOWER_WORD.findall(seg.text)):
        found: Iterable[re.Match[str]] = _LOWER_WORD.finditer(seg.text)
    else:
        found = ()
    for match in found:
        word = match.group(1)
        if word not in forms and "-" not in word:
            continue  # every kind of evidence needs the word capitalised somewhere
        parts = word.split("-") if "-" in word else (word,)
        if any(part in ctx.name_evidence and _is_known_name(part, ctx) for part in parts):
            start, text = _with_lowercase_given_name(seg, match.start(), word, ctx)
        elif block.kind != "headline" and lowercased_name(ctx, seg.text, *match.span(1)):
            start, text = match.start(), word
        else:
            continue
        if spans and spans[-1][0] >= start:
            spans.pop()  # "isabel" then "isabel rodríguez": keep the whole name once
        elif spans and seg.text[spans[-1][1] : start] == " ":
            start = spans.pop()[0]  # "audiencia nacional": one name, one flag
            text = seg.text[start : match.end(1)]
        spans.append((start, match.end(1), text))
    # German lower-cases adjectives in names: künstliche Intelligenz (KI). Without a span
    # or a bracket (every acronym's) there is nothing to filter or spell out.
    if ctx.lang != "de" and (spans or "(" in seg.text):
        spans = [span for span in spans if not _inside_connected_names_only(span[2], ctx)]
        spans = _without_overlaps(sorted({*spans, *_spelt_by_acronym(seg.text, ctx)}))
    for start, end, text in spans:
        yield det.flag(
            seg.start + start,
            seg.start + end,
            f"“{text}” looks like a name written in lower case{_tagger_names(text, ctx)}",
            text.title(),
        )


def _tagger_names(text: str, ctx: Context) -> str:
    """What Apertium's analyser adds, where it was asked: words of ``text`` it knows only
    as names (unknown in lower case, a proper noun capitalised)."""
    if ctx.tags is None:
        return ""
    names = [word.capitalize() for word in _NAME_WORD.findall(text) if word in ctx.tags.names]
    if not names:
        return ""
    quoted = ", ".join(f"“{name}”" for name in names)
    return f" (Apertium knows {quoted} only as {'a name' if len(names) == 1 else 'names'})"


def _name_forms(ctx: Context) -> frozenset[str]:
    """The capitalised forms that either evidence path of ``lowercase_name`` may still take
    for a name: not the closed words both reject (``lowercased_name`` every one,
    ``_is_known_name`` the closed-class ones and any without name evidence). Most lower-case
    words the article also capitalises are such words (``the``, ``in``): skipped at once."""
    closed, core = closed_words(ctx.lang), closed_class(ctx.lang)
    return frozenset(word for word in ctx.capitalised_forms
                     if word not in closed or (word not in core and word in ctx.name_evidence))

# ``Ministry of Marine Fisheries``, ``Centro de Alertas y Emergencias Sanitarias``: a
# capitalised word, a connector, then capitalised words up to the one in question.
_CONNECTED_NAME = re.compile(
    r"[A-ZÀ-ÖØ-Þ][^\W\d_]* (?:of|for|and|de|del|della|di|da|do|dos|das|du|des|y|e|et) "
    r"(?:[A-ZÀ-ÖØ-Þ][^\W\d_]* )+$"
)


def _inside_connected_names_only(text: str, ctx: Context) -> bool:
    """The last word of ``text`` is capitalised in the article only inside an institution's
    name (``Ministry of Marine Fisheries``): there it is a common word in a title, and in
    lower case elsewhere (``fisheries were the priority``) it is that common word."""
    word = text.rsplit(" ", 1)[-1]
    return article_facts.remembered(ctx.document.text, ("connected names only", word),
                                    lambda: _connected_only(word.capitalize(), ctx.document.text))


def _connected_only(word: str, text: str) -> bool:
    found = False
    # the word's first letter before the look-behind: a pattern that opens with a literal
    # is searched for at C speed, one that opens with a look-behind is tried at every offset
    head, rest = re.escape(word[:1]), re.escape(word[1:])
    for match in re.finditer(rf"{head}(?<![\w’'-].){rest}(?![\w’'-])", text):
        if not _CONNECTED_NAME.search(text, max(0, match.start() - 120), match.start()):
            return False
        found = True
    return found


_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
_NAME_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _spelt_by_acronym(text: str, ctx: Context) -> Iterator[tuple[int, int, str]]:
    """``instituto português do Mar e da Atmosfera (IPMA)``: the acronym spells the
    name's words, some of them capitalised, so the lower-case ones lost their capitals.
    A name written all in lower case (``gross domestic product (GDP)``) is left alone."""
    for acronym in _ACRONYM.finditer(text):
        words = _initials_match(text, acronym.start(), acronym.group(1), ctx)
        if words and any(w.group()[:1].isupper() for w in words):
            lower = [w for w in words if w.group()[:1].islower()]
            for run in _adjacent_runs(text, lower):
                start, end = run[0].start(), run[-1].end()
                yield start, end, text[start:end]


def _initials_match(text: str, end: int, acronym: str, ctx: Context) -> list[re.Match[str]]:
    """The words before ``end`` whose initials spell ``acronym`` (function words skipped)."""
    closed = closed_class(ctx.lang)
    words = list(_NAME_WORD.finditer(text, max(0, end - 160), end))
    letters = list(acronym.lower())
    matched: list[re.Match[str]] = []
    for word in reversed(words):
        if not letters:
            break
        if word.group().lower() in closed and matched:
            continue  # "do Mar e da Atmosfera"
        if word.group()[:1].lower() != letters[-1]:
            return []
        matched.insert(0, word)
        letters.pop()
    return matched if not letters else []


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _adjacent_runs(text: str, words: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    runs: list[list[re.Match[str]]] = []
    for word in words:
        if runs and text[runs[-1][-1].end() : word.start()] == " ":
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


_MONTH_PREPOSITIONS = frozenset(
    "in on of since until till by last next early late mid from through to before after "
    "during between and or en de di a em".split()
)


def _month(text: str, before: str, end: int) -> bool:
    """``May`` the month, not the modal verb: a day number, a preposition or a stop."""
    previous = before.rsplit(None, 1)[-1].lower() if before else ""
    after = text[end : end + 2]
    return previous in _MONTH_PREPOSITIONS or after[:1] in ".,;" or after[1:2].isdigit()


def _restarts(before: str, closed_word: bool) -> bool:
    """True when the text before a capital may end a sentence or open a quote or clause.

    A semicolon joins two clauses of one sentence, so a capital pronoun or article
    after it (``disse ele; Ele só perdeu``) is still wrong; names after it are fine.
    """
    last = before[-1]
    if last == ";":
        return not closed_word
    return last in _SENTENCE_RESTART or last in ".!?…"


def _suspect(word: str, before: str, closed: frozenset[str], ctx: Context) -> bool:
    lower = word.lower()
    if lower in closed:
        return True
    previous = before.rsplit(None, 1)[-1] if before else ""
    return (
        previous[:1].islower()  # "the Plurinational Legislative Assembly" is a name
        and lower.endswith(_MODIFIER_ENDINGS)
        and lower not in _CALENDAR
        and ctx.mid_sentence_counts[lower] <= 1
        and zipf(lower, ctx.lang) >= 3.0
        and (not lower.endswith("ly") or _adverb(lower, ctx.lang))
    )


def _adverb(word: str, lang: str) -> bool:
    """``quickly``, ``happily``, ``gently`` come from a word; ``Italy``, ``July``, ``Kelly`` do not."""
    stem = word[:-2]
    if len(stem) < 3:
        return False
    candidates = (stem, stem + "e", stem + "le", stem[:-1] + "y" if stem.endswith("i") else stem)
    return any(zipf(candidate, lang) >= 4.0 for candidate in candidates)


def _is_known_name(word: str, ctx: Context) -> bool:
    if word in closed_class(ctx.lang):
        return False
    if word in ctx.names_mid_sentence:
        return zipf(word, ctx.lang) < 4.0 and ctx.lowercase_counts[word] <= 1
    if word in ctx.names_as_subject:
        return zipf(word, ctx.lang) < 4.5 and not word.endswith(_NOT_A_NAME_SUFFIXES)
    return False


def _with_lowercase_given_name(
    seg: Segment, pos: int, word: str, ctx: Context
) -> tuple[int, str]:
    """Extend ``austin`` to ``lloyd austin`` when a rare lower-case word precedes it."""
    before = re.search(r"(?<![\w’'-])([a-z]{3,})\s+$", seg.text[:pos])
    if before:
        given = before.group(1)
        if given not in closed_class(ctx.lang) and 0 < zipf(given, ctx.lang) < 4.5:
            if not given.endswith(_NOT_A_NAME_SUFFIXES):
                return before.start(1), seg.text[before.start(1) : pos + len(word)]
    return pos, word


@detector(
    "lowercase-start",
    category="fluency/spelling",
    severity="minor",
    description="A sentence that starts with a lower-case letter",
    languages=(*_LANGS, "de"),
)
def lowercase_start(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind in ("attribution", "boilerplate"):
        return
    if seg is block.segments[-1] and SIGN_OFF.match(seg.text.strip()):
        return  # "… zurück. (dpa)": the agency's mark, no sentence
    yield from _inner_lowercase_starts(det, seg)
    first = _FIRST_LETTER.search(seg.text)
    if first is None or not first.group(0).islower():
        return
    token, _, rest = seg.text[first.start() :].partition(" ")
    if any(char.isupper() for char in token) or "." in token.rstrip(".") or "@" in token:
        return  # iPhone, eBay, al-Sadr, example.com, @handle
    if token in _NAME_PARTICLES and rest[:1].isupper():
        return  # "de Gaulle", "van Gogh", "bin Salman"
    pos = seg.start + first.start()
    yield det.flag(
        pos, pos + 1, "the sentence starts with a lower-case letter", first.group(0).upper()
    )


def _inner_lowercase_starts(det: Detector, seg: Segment) -> Iterator[Flag]:
    """``… day”. the country needs …``: a full stop, then a sentence in lower case."""
    for match in _INNER_START.finditer(seg.text):
        if match.group(0)[0] in "!?" and match.group(0)[1] in "”\"’»":
            continue  # "Go, go, go!" shouted the coach: the sentence goes on after the quote
        word = _TOKEN_BEFORE.search(seg.text, 0, match.start() + 1)
        stem = word.group(1).rstrip(".").lstrip("(“\"‘'") if word else ""
        if stem.lower() in ABBREVIATIONS or "." in stem or len(stem) <= 1:
            continue  # "a.m. local time", "U.S. officials", "etc. and"
        pos = seg.start + match.end() - 1
        yield det.flag(
            pos, pos + 1, "a new sentence starts with a lower-case letter", match.group(1).upper()
        )

