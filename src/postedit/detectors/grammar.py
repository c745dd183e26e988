"""Cheap, sure grammar checks: errors an editor fixes without a second thought.

``a ambitious`` / ``an package`` (the English article that does not fit the next
sound), ``He Minister said`` (a subject pronoun where the Romance or German
article belonged: ``El ministro`` -> ``He minister``), and ``Berlin Almost half``
(a dateline glued to the first sentence). Each check fires only on shapes with
no grammatical reading, and stays silent where pronunciation is not written
(``an historic``, acronyms read as words like ``NATO``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from postedit.context import Context
from postedit.detectors import Detector, article_facts, detector, triggers
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import closed_class, verb_form, zipf

# No leading \b: a pattern that starts with a character set is scanned much faster; the
# word boundary is checked by hand.
_ARTICLE = re.compile(r"([aA]n?)\s+[“\"‘'(]?(\w+(?:[’'.-]\w+)*)")
# What a flagged match needs: "a" or "an" that starts a word, then a space and a word. It
# only says whether to look (the loop below must see every match, skipped ones included:
# each consumes its text); opening with the letter, it is scanned at C speed.
_ARTICLE_HINT = re.compile(r"[aA](?<![\w’'.-][aA])n?\s+[“\"‘'(]?\w")
# Spelled with a vowel, said with a consonant: "a university", "a European", "a one-off".
_YOU_SOUND = re.compile(
    r"(?:uni(?![nmd])|unani|use|usu|uti|utop|ura|uri|uro|ubiq|eu|ewe|one(?![a-z])|once)", re.I
)
# Spelled with a "u", said with a vowel: "an unusual", "an umbrella", "an upcoming".
_UH_SOUND = re.compile(r"(?:un(?!i)|uni[dmn]|um|up|ult|urg|urb|ush|utt|ugl|und|unde)", re.I)
# A silent h: "an hour", "an honest".
_SILENT_H = re.compile(r"(?:hour|honest|honou?r|heir)", re.I)
# Letter names that start with a vowel sound: "an MP", "an F-16", "an SPD".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_LETTERS_ONLY = re.compile(r"[B-DF-HJ-NP-TV-Z]{2,5}")  # no vowel: read letter by letter
_LETTER_NUMBER = re.compile(r"[A-Z]-?\d")  # "F-16", "M4", "G7"
_NUMBER = re.compile(r"\d[\d,.]*")
_HYPHEN = re.compile(r"[-’']")
_AFTER_DIGITS = re.compile(r"[^\d,].*")
_FOREIGN_AFTER_A = frozenset("la le el los las priori posteriori fortiori capella cappella".split())


@detector(
    "article-agreement",
    category="fluency/grammar",
    severity="major",
    description="English a/an that does not fit the next sound (a ambitious, an package); "
    "fix: the right article",
    languages=("en",),
)
def article_agreement(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    text = seg.text
    if _ARTICLE_HINT.search(text) is None:
        return
    for match in _ARTICLE.finditer(text):
        article, word = match.group(1), match.group(2)
        at = match.start()
        if at and (text[at - 1].isalnum() or text[at - 1] in "_’'.-"):
            continue  # "data shows", "d’a", "U.S.-a": not the article
        if article[0] == "A" and at > 1 or (at == 1 and text[0] not in "“\"‘("):
            continue  # "Plan A", "Type A": a capital A inside a sentence is a letter
        wanted = _article_for(word)
        if wanted is None or wanted == article.lower() or not _english(word):
            continue
        replacement = wanted.capitalize() if article[0] == "A" else wanted
        start = seg.start + match.start(1)
        yield det.flag(
            start,
            seg.start + match.end(2),
            f"“{article} {word}”: write “{replacement}” before this sound",
            replacement,
            fix_span=(start, start + len(article)),
        )


@lru_cache(maxsize=1 << 14)
def _article_for(word: str) -> str | None:
    """``a`` or ``an`` for ``word``, or None when its pronunciation is not sure."""
    if _NUMBER.match(word):
        return _article_for_number(word)
    if _LETTER_NUMBER.match(word) or _LETTERS_ONLY.fullmatch(word):
        return "an" if word[0] in _VOWEL_LETTERS else "a"
    if word.isupper() and len(word) > 1:
        return None  # NATO, UEFA, EU: read as a word or letter by letter, not sure which
    if not word.isalpha() and "-" not in word and "’" not in word and "'" not in word:
        return None
    if word.lower() in _FOREIGN_AFTER_A:
        return None  # "a la carte", "a priori"
    first = word[0].lower()
    if first in "aei" or (first == "o" and not _YOU_SOUND.match(word)):
        return "a" if _YOU_SOUND.match(word) else "an"
    if first == "u":
        return "a" if _YOU_SOUND.match(word) else "an" if _UH_SOUND.match(word) else None
    if first == "h":
        return "an" if _SILENT_H.match(word) else None  # "an historic" is a style, not an error
    if first == "o":
        return "a"  # "a one-off", "a once-great"
    return "a" if first.isalpha() and first not in "xy" else None


def _english(word: str) -> bool:
    """A number, an acronym, or a word English knows: not a Romance "a" before its noun."""
    return not word[0].isalpha() or word.isupper() or zipf(_HYPHEN.split(word)[0], "en") >= 1.0


def _article_for_number(word: str) -> str:
    digits = _AFTER_DIGITS.sub("", word).replace(",", "")
    if digits.startswith("8"):
        return "an"  # eight, eighty, 800
    if digits[:2] in ("11", "18") and len(digits) in (2, 4):
        return "an"  # eleven, eighteen, 1800 ("eighteen hundred")
    return "a"


_PRONOUN_BEFORE = re.compile(r"(?:^|,\s+)[“\"‘']?(He|She|It|he|she|it)\s+([A-Za-z][a-z]+)\b")
# Nouns that a subject pronoun can never precede: the heads a Romance or German article
# ("El", "Le", "Il", "Der") was translated from as "He" / "She" / "It".
_HEAD_NOUNS = frozenset("""
    president minister government chancellor premier leader party mayor governor senator
    prime secretary spokesman spokeswoman spokesperson king queen pope prince princess
    ambassador chairman chairwoman director judge prosecutor candidate deputy commissioner
    parliament congress senate court ministry cabinet coalition opposition executive
    country city region province police army company committee commission council union
    agreement decision law bill plan proposal report statement meeting summit war crisis
    economy budget tax election campaign vote people population president-elect
    """.split())
_PRONOUN_OPENINGS = tuple(
    quote + pronoun + " " for quote in ("", "“", '"', "‘", "'") for pronoun in ("He", "She", "It")
)
_PRONOUN_AFTER_COMMA = (", he ", ", she ", ", it ", ", He ", ", She ", ", It ")
_NOUN_SUFFIXES = ("tion", "sion", "ment", "ity", "ness", "ship", "ism", "ance", "ence")


@detector(
    "pronoun-article",
    category="fluency/grammar",
    severity="major",
    description="A subject pronoun where an article belongs, from El/Le/Il/Der (He minister "
    "said, She government); fix: The",
    languages=("en",),
    # Every opening contains "He ", "She " or "It ", and ", He " contains "He ": six needles
    # say the same as the 21 of the openings and commas.
    trigger=triggers.containing("He ", "She ", "It ", ", he ", ", she ", ", it "),
)
def pronoun_article(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    text = seg.text
    if not text.startswith(_PRONOUN_OPENINGS) and not any(
        comma in text for comma in _PRONOUN_AFTER_COMMA
    ):
        return
    for match in _PRONOUN_BEFORE.finditer(text):
        pronoun, word = match.group(1), match.group(2)
        if not _is_head_noun(word):
            continue
        article = "The" if pronoun[0].isupper() else "the"
        start = seg.start + match.start(1)
        yield det.flag(
            start,
            seg.start + match.end(2),
            f"“{pronoun} {word}”: a pronoun cannot stand before a noun; probably “{article} "
            f"{word}” (a translated article)",
            article,
            fix_span=(start, start + len(pronoun)),
        )


def _is_head_noun(word: str) -> bool:
    lower = word.lower()
    if lower in _HEAD_NOUNS:
        return True
    if not lower.endswith(_NOUN_SUFFIXES) or lower in closed_class("en"):
        return False
    # "He commented": a noun whose -ed form is common may be a verb ("they comment")
    return max(zipf(lower + "ed", "en"), zipf(lower + "d", "en")) < 2.5


_DATELINE_OPENERS = frozenset("almost nearly around roughly only just last earlier".split())
# Capitalised words that open sentences without being places.
_NOT_PLACES = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday
    tonight tomorrow now earlier later finally overall update breaking watch read photo video
    """.split())
# Words that open a sentence right after a glued place name: articles and determiners.
_SENTENCE_DETERMINERS = {
    "de": frozenset("""der die das den dem des ein eine einen einem einer eines kein keine
        dieser diese dieses diesen nach vor seit bei im am mit für auch mehr fast rund
        knapp etwa erst noch""".split()),
}
# First words of multiword place names: the next capitalised word continues the name.
_NAME_OPENERS = frozenset("""los las san santa santo são sao new buenos rio hong sri costa el la
    le st saint sainte port fort mount cape north south east west upper lower great""".split())
_ELIDED_ARTICLE = re.compile(r"L[’'][^\W\d_]|D[’'][a-zà-ÿ]")  # "L’Inter", "L’azienda", "D’après"
_PLURAL_NOUN_ZIPF = 3.0  # "Pendler" (3.5), "Vermieter" (4.1)
_COMMON_WORD_ZIPF = 4.0  # "Heavy", "Vermieter": a word too common to be a place's second part
_SENTENCE_END = tuple(".!?…:;\"”»’)")
_DATELINE_BLOCKS = 3  # a dateline opens one of the first body paragraphs of a story


@detector(
    "glued-dateline",
    category="fluency/punctuation",
    severity="minor",
    description="A dateline run into the first sentence without a dash (Berlin Almost half "
    "of ..., MADRID The government ...); fix: a dash after the place",
    languages=("en", "es", "fr", "it", "pt", "de"),
    trigger=triggers.capital_opens_body_block,
)
def glued_dateline(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if seg is not block.segments[0] or block.kind != "body" or not seg.text[:1].isupper():
        return
    place_end = _glued_place(seg.text.split(" ", 5), ctx)
    if place_end is None or not _early_body_block(ctx, block):
        return
    start = seg.start + place_end
    yield det.flag(
        seg.start,
        start + 1 + len(seg.text[place_end + 1 :].split(" ", 1)[0]),
        f"“{seg.text[:place_end]}” looks like a dateline run into the sentence: add a dash",
        " – ",
        fix_span=(start, start + 1),
    )


def _glued_place(tokens: list[str], ctx: Context) -> int | None:
    """Length of the place name when ``tokens`` are a place (1-3 words) and a sentence."""
    closed = closed_class(ctx.lang)
    for index in range(1, min(4, len(tokens) - 1)):
        place, opener, after = tokens[:index], tokens[index], tokens[index + 1]
        if not all(_place_word(word, closed, ctx) for word in place):
            return None
        if place[-1].lower() in _NAME_OPENERS:
            continue  # "Los Angeles", "New York", "Buenos Aires"
        if _opens_sentence(opener, after, ctx) or _name_seen_alone(place, tokens[index:], ctx):
            return len(" ".join(place))
    return None


def _name_seen_alone(place: list[str], rest: list[str], ctx: Context) -> bool:
    """``London Harbour City won``: the article names ``Harbour City`` again, never after
    ``London``, so the place is a dateline. A one-word name is too weak evidence
    (``Manchester United`` and then ``United``)."""
    words = list(itertools.takewhile(lambda word: word[:1].isupper() and word.isalpha(), rest[:3]))
    if len(words) < 2:
        return False
    name, text = " ".join(words), ctx.document.text
    uses = len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))
    return uses >= 2 and text.count(" ".join(place) + " " + name) == 1


def _opens_sentence(opener: str, after: str, ctx: Context) -> bool:
    """``The central``, ``Heavy rain``, ``Vermieter dürfen``: a sentence's first words, which
    cannot continue the place name before them."""
    if not opener[:1].isupper() or not after[:1].isalpha():
        return False
    lower = opener.lower()
    if _ELIDED_ARTICLE.match(opener) or lower in _determiners(ctx.lang):
        # After an article a name may follow ("El Real Betis"); German capitalises nouns.
        return opener.isalpha() or bool(_ELIDED_ARTICLE.match(opener))
    if not opener.isalpha() or not opener[1:].islower() or not after[:1].islower():
        return False
    if ctx.lang == "en" and lower in _DATELINE_OPENERS:
        return True
    if ctx.lang != "de" and lower.endswith("s"):
        return False  # a plural ends many names: "New York Times reporters", "Rangers fans"
    if ctx.lang == "de" and _plural_subject(opener, after, ctx):
        return True
    return _common_word(opener, ctx) and (ctx.lang == "de" or not _verb_after(after, ctx.lang))


def _plural_subject(opener: str, after: str, ctx: Context) -> bool:
    """``Berlin Vermieter dürfen``: a common noun, then a plural verb agreeing with it; a
    place or a club takes a singular verb (``Bayern München hat``), and a name the
    article repeats (``Leverkusen hat``, later ``Leverkusen baut``) is no common noun."""
    if not after.endswith("en") or not verb_form(after, "de") or zipf(opener, "de") < _PLURAL_NOUN_ZIPF:
        return False
    return len(re.findall(rf"\b{re.escape(opener)}\b", ctx.document.text)) == 1


def _determiners(lang: str) -> frozenset[str]:
    return _SENTENCE_DETERMINERS.get(lang) or closed_class(lang)


def _common_word(word: str, ctx: Context) -> bool:
    """A frequent word that the article never capitalises mid-sentence; in German, where
    nouns are capitalised, a noun the article also writes after an article (die Vermieter)."""
    lower = word.lower()
    if ctx.lang == "de":
        return article_facts.search(ctx.document.text, _GERMAN_ARTICLES + re.escape(word) + r"\b")
    if zipf(lower, ctx.lang) < _COMMON_WORD_ZIPF and not ctx.lowercase_counts.get(lower):
        return False
    # its one capital mid-sentence may be this very one, glued to the place
    return ctx.mid_sentence_counts[lower] <= 1 and lower not in ctx.names_as_subject


_GERMAN_ARTICLES = r"\b(?i:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine) "


def _verb_after(word: str, lang: str) -> bool:
    """``Harbour City won``, ``Buenos Aires registró``: a verb makes the words its subject."""
    lower = word.lower()
    if lower in closed_class(lang):
        return lower in _COMMON_VERBS.get(lang, frozenset())
    if lang == "en":
        return lower.endswith(("ed", "s")) or lower in _COMMON_VERBS["en"]
    return bool(verb_form(lower, lang))


_COMMON_VERBS = {
    "en": frozenset("""is are was were has have had will would can could may might must said
        says told won lost beat took made gave went came got saw hit fell rose""".split()),
    "es": frozenset("es son era fue está están ha han hay tiene dijo".split()),
    "fr": frozenset("est sont était a ont fait dit".split()),
    "it": frozenset("è sono era ha hanno fa disse".split()),
    "pt": frozenset("é são era foi está tem disse".split()),
}


def _place_word(word: str, closed: frozenset[str], ctx: Context) -> bool:
    lower = word.lower()
    return (
        word[:1].isupper()
        and word.replace("-", "").isalpha()
        and lower not in closed
        and lower not in _SENTENCE_DETERMINERS.get(ctx.lang, ())
        and lower not in _NOT_PLACES
        and not ctx.lowercase_counts.get(lower)
    )


def _early_body_block(ctx: Context, block: Block) -> bool:
    """One of the first body paragraphs after the latest headline (or the document start):
    walk back from the block (ids are ``b<n>`` in reading order) to a headline-like one."""
    blocks = ctx.document.blocks
    at = int(block.id[1:]) - 1
    if not 0 <= at < len(blocks) or blocks[at] is not block:
        at = blocks.index(block)
    seen = 0
    for index in range(at - 1, -1, -1):  # no blocks[:at] copy: that made long files quadratic
        other = blocks[index]
        if other.kind != "body" or not other.text.rstrip().endswith(_SENTENCE_END):
            return True  # a new story: a headline, even one read as boilerplate or body
        seen += 1
        if seen >= _DATELINE_BLOCKS:
            return False
    return True
