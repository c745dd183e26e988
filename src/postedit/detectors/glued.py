"""Glued words: ``SyriaAfter``, ``PISthat``, ``Elyséethe``, ``ofthe``, ``Romanovskydelivered``.

Whether a token is one word or two run together is decided by the shared model in
``postedit.segmentation`` (the same one that sorts the engine's unknown words), with
the article's own words as context. Hashtags, handles, URLs and e-mail addresses
are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit import tokens
from postedit.context import Context
from postedit.detectors import Detector, article_facts, detector
from postedit.detectors.case_words import closed_words
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.segmentation import MIN_TOKEN, DocumentWords, Split, document_words, split_glued

# Letters only, not part of a handle, hashtag, path, address or hyphenated/apostrophised word.
# An elided article or preposition before the token is no part of it (d'ouvertureLéo).
_TOKEN = re.compile(
    r"(?:(?<=(?<!\w)[dlDL][’'])|(?<![\w#@/.’'-]))[^\W\d_]{4,}(?![\w@/’'-]|\.\w)"
)


_MEMO: list = [None, "", {}]  # [document words, language, token -> split]: one article's answers


def _split(token: str, lang: str, words: DocumentWords) -> Split | None:
    """``split_glued`` remembered for the article: its words recur from sentence to sentence."""
    if _MEMO[0] is not words or _MEMO[1] != lang:
        _MEMO[:] = [words, lang, {}]
    memo = _MEMO[2]
    if token not in memo:
        memo[token] = split_glued(token, lang, words)
    return memo[token]  # type: ignore[no-any-return]


def _article_words(text: str) -> DocumentWords:
    """The article's words, looked up by the text's identity: document_words' cache compares
    an equal text of another article (the same article scored twice) in full every time."""
    return article_facts.remembered(text, "words", lambda: document_words(text))


def _may_be_glued(ctx: Context, block: Block, seg: Segment) -> bool:
    """The trigger: a run of letters of the sentence that ``_split`` cuts (every token the rule
    looks at is one). Each run is asked once per article; the plain ones are remembered."""
    runs = tokens.of(seg.text).letters
    text = ctx.document.text
    plain: set[str] = article_facts.remembered(text, f"plain runs in {ctx.lang}", set)
    if plain.issuperset(runs):
        return False
    words = _article_words(text)
    for run in runs:
        if run not in plain:
            if len(run) >= MIN_TOKEN and _split(run, ctx.lang, words) is not None:
                return True
            plain.add(run)
    return False


@detector(
    "glued-words",
    category="fluency/spelling",
    severity="major",
    description="Two words run together without a space (SyriaAfter, PISthat, Elyséethe, ofthe)",
    trigger=_may_be_glued,
)
def glued_words(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    words = None
    for match in _TOKEN.finditer(seg.text):
        token = match.group(0)
        if words is None:
            words = _article_words(ctx.document.text)
        split = _split(token, ctx.lang, words)
        if split is None:
            continue
        start = seg.start + match.start()
        stop = _lost_stop(split, block, ctx.lang)
        gap = ". " if stop else " "
        yield det.flag(
            start,
            start + len(token),
            f"“{token}” looks like two words run together: “{split.left}{gap}{split.right}”"
            + (" (a new sentence starts there)" if stop else ""),
            gap,
            fix_span=(start + split.cut, start + split.cut),
        )


def _lost_stop(split: Split, block: Block, lang: str) -> bool:
    """``morningThe regional``, ``SyriaAfter Washington``: a capitalised function word
    after a lower-case letter opens the next sentence, so its full stop was lost too
    (link text glued mid-sentence keeps its lower case: ``channelthe``)."""
    if split.kind != "case" or block.kind == "headline" or lang == "de":
        return False
    return split.left[-1:].islower() and split.right.lower() in closed_words(lang)
