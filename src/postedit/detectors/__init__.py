"""The detector catalogue: a registry of garble detectors with stable names.

Each detector module registers its checks with :func:`detector`, giving the
id used everywhere (CLI flags, JSONL, provenance, fixtures), the MQM category,
the default severity, the languages it supports (``None``: all) and its scope:
``segment`` detectors see one sentence, ``block`` detectors a whole paragraph. A detector
may also declare a cheap trigger (``postedit.detectors.triggers``) so that the sentences
that cannot hold its error skip it.
Adding a detector is one module here and one test file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from postedit.flags import Fix, Flag

REGISTRY: dict[str, Detector] = {}


@dataclass(frozen=True)
class Detector:
    """A registered check and its metadata."""

    id: str
    category: str
    severity: str
    description: str
    languages: frozenset[str] | None
    scope: str
    func: Callable[..., Iterable[Flag]]
    trigger: Callable[..., bool] | None = None  # see postedit.detectors.triggers

    def supports(self, lang: str) -> bool:
        return self.languages is None or lang in self.languages

    def flag(
        self,
        start: int,
        end: int,
        message: str,
        replacement: str | None = None,
        *,
        severity: str | None = None,
        fix_span: tuple[int, int] | None = None,
    ) -> Flag:
        """A flag of this detector; ``replacement`` (for ``fix_span`` or the flag span) is its fix."""
        fix = None
        if replacement is not None:
            fix_start, fix_end = fix_span or (start, end)
            fix = Fix(fix_start, fix_end, replacement, self.id)
        return Flag(self.id, self.category, severity or self.severity, start, end, message, fix)


def detector(
    id: str,
    *,
    category: str,
    severity: str,
    description: str,
    languages: Iterable[str] | None = None,
    scope: str = "segment",
    trigger: Callable[..., bool] | None = None,
) -> Callable[[Callable[..., Iterable[Flag]]], Callable[..., Iterable[Flag]]]:
    """Register ``func(det, ctx, block, segment)`` (or ``func(det, ctx, block)`` for blocks).

    ``trigger(ctx, block, segment)`` (``trigger(ctx, block)`` for blocks), when given, is a cheap
    precondition asked first: the detector runs only where it holds (see ``triggers``).
    """

    def register(func: Callable[..., Iterable[Flag]]) -> Callable[..., Iterable[Flag]]:
        langs = frozenset(languages) if languages is not None else None
        REGISTRY[id] = Detector(id, category, severity, description, langs, scope, func, trigger)
        return func

    return register


def parse_rule_list(value: str | None) -> tuple[str, ...] | None:
    """Detector ids from a comma-separated option value; None for an empty value.

    Raises InputError naming the unknown ids and listing the known ones.
    """
    if not value:
        return None
    from postedit.engine_rules import ENGINE_RULES
    from postedit.errors import InputError

    names = tuple(name.strip() for name in value.split(",") if name.strip())
    catalogue = {**load_all(), **ENGINE_RULES}  # engine evidence rules have ids too
    unknown = [name for name in names if name not in catalogue]
    if unknown:
        known = ", ".join(sorted(catalogue))
        raise InputError(f"unknown rule {', '.join(unknown)} (known: {known})")
    return names


def load_all() -> dict[str, Detector]:
    """Import every detector module (registration happens at import) and return the registry."""
    from postedit.detectors import (  # noqa: F401
        blocks,
        calques,
        capitals,
        consistency,
        fragments,
        glued,
        grammar,
        headline_calques,
        language,
        literal,
        markup,
        pairs,
        pronoun_context,
        punctuation,
        redundancy,
        repetition,
        sentence_joins,
        subjects,
    )

    return REGISTRY
