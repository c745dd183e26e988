"""Cheap triggers: what a sentence or paragraph must hold for a detector to find anything.

A detector may declare ``trigger=`` at registration: a predicate ``trigger(ctx, block, seg)``
(``trigger(ctx, block)`` for paragraph detectors) that the dispatcher asks before running it,
so that most sentences skip most rules. A trigger only reads what is cheap to know (a
character, a pattern search, the shared tokens of ``postedit.tokens``, a fact the context
already holds) and must be a sound over-approximation: it may let through a sentence the rule
then ignores, never stop one the rule would flag. ``tests/unit/test_triggers.py`` checks that
on every fixture by running each rule with and without its trigger.

:func:`ignoring_triggers` runs every rule on every sentence, for that check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from postedit import tokens

if TYPE_CHECKING:
    from postedit.context import Context
    from postedit.document import Block, Segment

Trigger = Callable[..., bool]

_STATE = {"on": True}


def enabled() -> bool:
    """False inside :func:`ignoring_triggers`."""
    return _STATE["on"]


@contextmanager
def ignoring_triggers() -> Iterator[None]:
    """Run every detector on everything it supports, as if no trigger were declared."""
    _STATE["on"] = False
    try:
        yield
    finally:
        _STATE["on"] = True


def containing(*needles: str) -> Trigger:
    """The sentence contains one of ``needles`` (characters or strings)."""

    def trigger(ctx: Context, block: Block, seg: Segment) -> bool:
        text = seg.text
        return any(needle in text for needle in needles)

    return trigger


def matching(pattern: re.Pattern[str]) -> Trigger:
    """``pattern`` is found in the sentence (the rule's own first search, lifted out)."""
    search = pattern.search

    def trigger(ctx: Context, block: Block, seg: Segment) -> bool:
        return search(seg.text) is not None

    return trigger


def in_blocks(*kinds: str, then: Trigger | None = None) -> Trigger:
    """The sentence's paragraph is of one of ``kinds`` (and ``then`` holds, if given)."""
    wanted = frozenset(kinds)

    def trigger(ctx: Context, block: Block, seg: Segment) -> bool:
        return block.kind in wanted and (then is None or then(ctx, block, seg))

    return trigger


def not_in_blocks(*kinds: str, then: Trigger | None = None) -> Trigger:
    """The sentence's paragraph is of none of ``kinds`` (and ``then`` holds, if given)."""
    unwanted = frozenset(kinds)

    def trigger(ctx: Context, block: Block, seg: Segment) -> bool:
        return block.kind not in unwanted and (then is None or then(ctx, block, seg))

    return trigger


def not_ascii(ctx: Context, block: Block, seg: Segment) -> bool:
    """Some character is outside ASCII (mojibake needs one)."""
    return not seg.text.isascii()


def capital_opens_body_block(ctx: Context, block: Block, seg: Segment) -> bool:
    """The first sentence of a body paragraph, starting with a capital (a dateline's place)."""
    return seg is block.segments[0] and block.kind == "body" and seg.text[:1].isupper()


def words_of_other_language(share: Callable[[list[str], str], float], floor: float,
                            min_words: Callable[[Any], int]) -> Trigger:
    """At least ``min_words(config)`` words, under ``floor`` of them the article language's
    function words (``share``): the cheap first tests of ``languages.foreign_language``."""

    def trigger(ctx: Context, block: Block, seg: Segment) -> bool:
        words = tokens.of(seg.text).lower_letters
        if len(words) < min_words(ctx.config):
            return False
        return share(list(words), ctx.lang) < floor

    return trigger


def any_word_in(words_for: Callable[[str], Any]) -> Trigger:
    """One of the sentence's lower-cased runs of letters is in ``words_for(lang)``."""

    def trigger(ctx: Context, block: Block, seg: Segment) -> bool:
        return not words_for(ctx.lang).isdisjoint(tokens.of(seg.text).lower_letters)

    return trigger


def either(*triggers: Trigger) -> Trigger:
    """One of ``triggers`` holds."""

    def trigger(*args: Any) -> bool:
        return any(each(*args) for each in triggers)

    return trigger
