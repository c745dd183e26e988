"""Block kinds: headline, caption, attribution, boilerplate or body, in en/es/fr/de/it/pt.

Captions and attributions are recognised, not errors: captions carry a photo
credit ``(Agency/Photographer)``, describe the picture in words (``(left)``,
``pictured``, an AP-style closing date) or stand just above a credit line;
attributions are source notes ``(with information from EFE)`` and wire
datelines ``CITY (Reuters) –``. Boilerplate is web chrome pasted into the
article: link lists (``Read also``, ``You may also like``) and the headlines
they introduce, paywall and advertisement lines, breadcrumbs, share bars and
closing author bios. The ``boilerplate`` detector flags it with a fix that
removes the block. Some kinds need the neighbours, so :func:`classify_blocks`
judges a whole article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from postedit.config import Config
from postedit.detectors import Detector, detector
from postedit.detectors.block_phrases import (
    ARCHIVE_PICTURE,
    ATTRIBUTIONS,
    BARE_CREDIT,
    BIO,
    BOILERPLATE,
    BREADCRUMB,
    CAPITAL_CREDIT,
    CONTINUATION,
    CREDIT_IN_BRACKETS,
    CREDIT_LABEL,
    CREDIT_ONLY,
    DATE_SUFFIX,
    DATED_CAPTION,
    DATELINE,
    INSERT_WORDS,
    LINK_LINE,
    LINK_LINES,
    LINK_OPENERS,
    LINK_PREFIX,
    NETWORKS,
    OUTLET_SUFFIX,
    PAYWALL,
    PAYWALL_CUES,
    PICTURE_CUES,
    PICTURED,
    POSITION,
    SENTENCE_END,
    SOCIAL_WORDS,
    TOPIC_STOPWORDS,
    VIA_CREDIT,
)
from postedit.flags import Flag

_SPACES = re.compile(r"\s+")
_BOILERPLATE_MAX_WORDS = 14
_LINK_MAX_WORDS = 30
_BIO_MAX_WORDS = 50
_SUBHEADING_MAX_WORDS = 10
_CLOSERS = tuple(".!?:;,…\"”’)»]-")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S")
_MARKDOWN_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
_HEADLINE_RUN = 3
# Compiled here: re.sub and re.findall look each pattern up in re's cache on every call,
# and the classifier calls them for every short paragraph.
_LEADING_NON_WORDS = re.compile(r"^[\W_]+")
_WORD_RUN = re.compile(r"\w+")
_HYPHENATED_RUN = re.compile(r"[\w-]+")
# Topic overlap: words of four letters or more, compared less their endings.
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_STEM = 4
_LONG_WORD = 6  # a shared word this long, or a name, tells the topic
_COMPOUND = 6  # a word this long may end a compound: Industrie, Mieter
_TOPIC_WINDOW = 2  # paragraphs of body on either side that show the topic
_TOPIC_SHARED = 2  # a headline shares at least two such words with the body it heads


def classify_blocks(paragraphs: Sequence[str], config: Config) -> list[str]:
    """The kind of each paragraph of an article, judged with its neighbours."""
    kinds = [classify_block(text, index, config) for index, text in enumerate(paragraphs)]
    texts = [text.strip() for text in paragraphs]
    _captions_above_credits(texts, kinds)
    _linked_headlines(texts, kinds)
    _headline_runs(texts, kinds)
    _closing_bios(texts, kinds)
    return kinds


def classify_block(text: str, index: int, config: Config) -> str:
    """The kind of the paragraph ``text``, the ``index``-th (0-based), judged on its own."""
    stripped = text.strip()
    words = len(stripped.split())
    if _is_boilerplate(stripped, words):
        return "boilerplate"
    if any(pattern.match(stripped) for pattern in ATTRIBUTIONS):
        return "attribution"
    if DATELINE.match(stripped) and DATELINE.sub("", stripped) == "":
        return "attribution"  # a dateline standing alone
    if words <= config.caption_max_words and is_caption(stripped):
        return "caption"
    if _MARKDOWN_HEADING.match(stripped):
        return "headline"
    if _MARKDOWN_IMAGE.match(stripped):
        return "caption"  # a picture with its alt text
    if index == 0 and words <= config.headline_max_words and "\n" not in stripped:
        if not stripped.endswith((".", "…")) or (stripped.count(". ") == 0 and words <= 20):
            return "headline"
    if words <= _SUBHEADING_MAX_WORDS and "\n" not in stripped and not stripped.endswith(_CLOSERS):
        return "headline"  # a subheading: short, one line, no closing punctuation
    return "body"


def dateline_end(text: str) -> int:
    """Length of the wire dateline opening ``text`` (``PARIS (AFP) - ``), 0 when there is none."""
    match = DATELINE.match(text)
    return match.end() if match else 0


def _strip_non_words(text: str) -> str:
    r"""``text`` without the punctuation, symbols and spaces at either end.

    A loop rather than ``re.sub(r"[\W_]+$")``, which backtracks quadratically
    on a long run of punctuation or spaces that a word follows.
    """
    start, end = 0, len(text)
    while start < end and not _is_word_char(text[start]):
        start += 1
    while end > start and not _is_word_char(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def is_boilerplate(text: str) -> bool:
    """Web chrome: a line of a known family, a link to another article, a paywall, an ad slot."""
    return _is_boilerplate(text, len(text.split()))


def _is_boilerplate(text: str, words: int) -> bool:
    """:func:`is_boilerplate` of a text of ``words`` words (the classifier has counted them)."""
    if words > _LINK_MAX_WORDS:
        return False
    normal = _SPACES.sub(" ", _strip_non_words(text))
    if not normal:
        return False
    if len(normal.split()) <= _BOILERPLATE_MAX_WORDS and (
        any(pattern.match(normal) for pattern in BOILERPLATE)
        or _is_link_line(normal)
        or _is_continuation(normal)
        or _is_share_bar(normal)
        or BREADCRUMB.match(normal)
    ):
        return True
    return _is_paywall(normal) or _is_link(text.strip())


def _is_paywall(text: str) -> bool:
    # map tests every mark and cue in C (a generator's step cost more than its test)
    if any(map(text.__contains__, "“”\"«»")):
        return False  # someone speaking, not a paywall
    return any(map(text.lower().__contains__, PAYWALL_CUES)) and bool(PAYWALL.search(text))


def _is_link_line(normal: str) -> bool:
    """A whole line that introduces links to other articles (``Read also``, ``Mehr lesen``)."""
    if normal.lower().replace("’", "'") in LINK_LINES:
        return True
    return _opens_with_link_phrase(normal) and bool(LINK_LINE.match(normal))


def _opens_with_link_phrase(text: str) -> bool:
    first = text.split(None, 1)[0].lower() if text else ""
    return first in LINK_OPENERS


def _is_link(text: str) -> bool:
    text = _LEADING_NON_WORDS.sub("", text)
    if not _opens_with_link_phrase(text):
        return False
    match = LINK_PREFIX.match(text)
    if not match:
        return False
    title = match.group("title")
    separated = match.start("title") > 0 and not text[match.start("title") - 1].isalpha()
    return separated or not title.rstrip().endswith(".")


def _is_continuation(text: str) -> bool:
    return bool(INSERT_WORDS.intersection(_WORD_RUN.findall(text.lower()))) and bool(
        CONTINUATION.search(text)
    )


def _is_share_bar(text: str) -> bool:
    words = _HYPHENATED_RUN.findall(text.lower())
    return bool(words) and set(words) <= SOCIAL_WORDS and bool(
        NETWORKS & set(words) or words[0] in ("share", "compartir", "teilen", "partager",
                                               "condividi", "compartilhar", "compartilhe")
    )


def is_caption(text: str) -> bool:
    """A photo caption: a credit (``(EFE/Ana Gil)``, ``... Baerbock. DAVID GANNON / AFP``),
    a file picture, or a description of who is where (``(left)``, ``pictured``, an AP date)."""
    credits = [ARCHIVE_PICTURE]
    if ":" in text:
        credits.append(CREDIT_LABEL)
    if "/" in text:
        credits.append(BARE_CREDIT)
    last = text.rstrip()[-1:]
    if "/" in text or last.isupper():
        credits.append(CAPITAL_CREDIT)
    if last == ")" and "(" in text:  # the bracketed credit closes the text
        credits.append(CREDIT_IN_BRACKETS)
    if "via " in text or "Cort" in text or "Court" in text or "aimable" in text or "gentile" in text:
        credits.append(VIA_CREDIT)
    if any(pattern.search(text) for pattern in credits):
        return True
    first, *rest = SENTENCE_END.split(text, maxsplit=1)
    if first.rstrip(" .")[-4:].isdigit() and "\n" not in first and DATED_CAPTION.search(first):
        return True  # the caption may run on into the article's next sentence
    if rest or "\n" in text:
        return False
    lower = text.lower()
    return ("(" in text and bool(POSITION.search(text))) or (
        any(cue in lower for cue in PICTURE_CUES) and bool(PICTURED.search(text))
    )


def _headline_like(text: str, kind: str) -> bool:
    """Short, one line, capitalised, no closing full stop: a headline or a link to one.

    The word count comes last: it splits the whole paragraph, and most body paragraphs are
    already ruled out by their last character."""
    return (
        kind in ("headline", "body")
        and "\n" not in text
        and text[:1].isupper()
        and not text.endswith((".", ",", ";", ":", "”", "\"", "»"))
        and 2 <= len(text.split()) <= 16
        and not _MARKDOWN_HEADING.match(text)
    )


def _captions_above_credits(texts: list[str], kinds: list[str]) -> None:
    """A one-sentence paragraph just above a credit line is that picture's caption."""
    for i in range(1, len(texts) - 1):
        below = texts[i + 1]
        if kinds[i + 1] == "caption" and CREDIT_ONLY.match(below) and ("/" in below or ":" in below):
            text = texts[i]
            if kinds[i] in ("body", "headline") and len(text.split()) <= 40 and "\n" not in text:
                if not re.search(r"[.!?]\s+[A-ZÀ-Þ]", text):
                    kinds[i] = "caption"


def _linked_headlines(texts: list[str], kinds: list[str]) -> None:
    """Headline-like lines right after ``Read also`` or ``continues after the ad`` are links,
    but not the headline of the story that follows (it shares its words with its body)."""
    linking = False  # inside a list of links that a marker introduced
    for i in range(1, len(texts)):
        if kinds[i - 1] == "boilerplate" and not linking:
            previous = _strip_non_words(texts[i - 1])
            linking = bool(
                _is_link_line(previous) or _is_continuation(previous) or _is_link(texts[i - 1])
            )
        linking = linking and _headline_like(texts[i], kinds[i])
        if linking and _heads_next_body(texts, kinds, i, _body_near(texts, kinds, i - 1, -1)):
            linking = False
        if linking:
            kinds[i] = "boilerplate"


def _headline_runs(texts: list[str], kinds: list[str]) -> None:
    """Related headlines pasted into the body: several in a row, or dated, between body text."""
    first_body = next((i for i, kind in enumerate(kinds) if kind == "body"), len(kinds))
    i = first_body + 1
    while i < len(texts):
        j = i
        while j < len(texts) and _headline_like(texts[j], kinds[j]):
            j += 1
        if j > i:
            _judge_run(texts, kinds, range(i, j))
        i = j + 1


def _judge_run(texts: list[str], kinds: list[str], run: range) -> None:
    """Mark a run of headline-like lines as boilerplate when it is a list of other stories.

    The last line stays a headline when it heads the body below it (a new story, a
    subheading); the rest is a list when it is long, dated, or off the topic around it.
    """
    before = _body_near(texts, kinds, run.start - 1, -1)
    after = _body_near(texts, kinds, run.stop, 1)
    if _heads_next_body(texts, kinds, run.stop - 1, before):
        run, after = range(run.start, run.stop - 1), ""  # the rest stands above a new story
    marked = [k for k in run if _dated(texts[k]) or OUTLET_SUFFIX.search(texts[k])]
    titles = all(kinds[k] == "headline" for k in run)
    if (
        (len(run) >= _HEADLINE_RUN and (marked or titles))
        or (len(run) >= 2 and len(marked) == len(run))
        or (len(run) >= 2 and titles and all(_off_topic(texts[k], before, after) for k in run))
    ):
        for k in run:
            kinds[k] = "boilerplate"
        return
    for k in run:
        if _dated(texts[k]) and ":" not in texts[k][-6:]:
            kinds[k] = "boilerplate"


def _body_near(texts: list[str], kinds: list[str], index: int, step: int) -> str:
    """Up to two body paragraphs from ``index`` on, going down (``step`` 1) or up (-1),
    past captions and chrome, up to the next headline."""
    found: list[str] = []
    while 0 <= index < len(texts) and len(found) < _TOPIC_WINDOW:
        if kinds[index] == "headline" or _headline_like(texts[index], kinds[index]):
            break
        if kinds[index] == "body":
            found.append(texts[index])
        index += step
    return " ".join(found)


def _heads_next_body(texts: list[str], kinds: list[str], index: int, before: str) -> bool:
    """The line at ``index`` is the headline of the body below it: it shares words
    with that body, more than with the body above."""
    below = _body_near(texts, kinds, index + 1, 1)
    if not below or kinds[index + 1] != "body":
        return False
    shared = _shared_stems(texts[index], below)
    return shared >= _TOPIC_SHARED and shared > _shared_stems(texts[index], before)


def _off_topic(line: str, before: str, after: str) -> bool:
    """A line of three words or more that shares almost no word with the text around it."""
    if len(line.split()) < 3:
        return False
    return max(_shared_stems(line, before), _shared_stems(line, after)) < _TOPIC_SHARED


def _shared_stems(line: str, text: str) -> int:
    """How many content words of ``line`` recur in ``text``, inflected or in a compound
    (``rejects`` in ``rejected``, ``Mietern`` in ``Vermieter``, ``Industrie`` in
    ``Industrieproduktion``). Short common words alone (``year``, ``voto``) count once at
    most, as any two texts share a few; a long word or a name says more."""
    if not text:
        return 0
    words = {m.lower() for m in _CONTENT_WORD.findall(text)} - TOPIC_STOPWORDS
    # Every word behind a separator, so one substring test in C asks all of them at once.
    joined = "\0" + "\0".join(words)
    cores = tuple(word[:-2] for word in words if len(word) >= _COMPOUND)
    shared, telling = 0, False
    for match in _CONTENT_WORD.finditer(line):
        head = match.group().lower()
        if head not in TOPIC_STOPWORDS and _recurs(head, joined, cores):
            shared += 1
            telling = telling or len(head) >= _LONG_WORD or (
                match.start() > 0 and match.group()[0].isupper()
            )
    return shared if telling else min(shared, 1)


def _recurs(head: str, joined: str, cores: tuple[str, ...]) -> bool:
    """``head`` is one of the ``"\\0"``-``joined`` words inflected (``rejects``, ``rejected``:
    a word opens with its stem), inside a compound (``Mietern`` in ``Vermieter``: the stem of a
    word over four letters is inside one) or holds one (``Industrie`` in
    ``Industrieproduktion``: ``cores`` are the words of six letters or more less their last
    two)."""
    stem = head[: max(_STEM, len(head) - 2)]
    if len(head) > _STEM:
        return stem in joined or any(map(head.__contains__, cores))
    return "\0" + stem in joined or any(map(head.__contains__, cores))


def _dated(text: str) -> bool:
    return text[-1:].isdigit() and bool(DATE_SUFFIX.search(text))


def _closing_bios(texts: list[str], kinds: list[str]) -> None:
    """``Ana Gil is a reporter covering ...`` in the last paragraphs is an author bio."""
    for i in range(max(1, len(texts) - 2), len(texts)):
        if kinds[i] == "body" and len(texts[i].split()) <= _BIO_MAX_WORDS and BIO.match(texts[i]):
            kinds[i] = "boilerplate"


@detector(
    "boilerplate",
    category="design/markup",
    severity="major",
    description="Web page chrome pasted into the article: link lists (Read also, You may also like) "
    "and the headlines they introduce, paywall and ad lines, breadcrumbs, share bars, closing "
    "author bios, Source link, Leave a Comment",
    scope="block",
)
def boilerplate(det: Detector, ctx, block) -> Iterator[Flag]:  # type: ignore[no-untyped-def]
    if block.kind == "boilerplate":
        yield det.flag(
            block.start,
            block.end,
            f"“{block.text[:40]}” is web page chrome, not part of the article: remove it",
            "",
        )
        return
    learnt = ctx.config.lexicon.boilerplate(block.text)
    if learnt is not None:  # a line an editor removed on this site before
        where = f"on {learnt.site}" if learnt.site else "on every site"
        yield det.flag(
            block.start,
            block.end,
            f"“{block.text[:40]}” is boilerplate {where} (lexicon, {learnt.who or 'an editor'}): "
            "remove it",
            "",
        )
