"""Translation engines: a registry with stable names and ``--engine auto`` selection.

``ENGINES`` is the registry: each name maps to an :class:`EngineInfo` naming the
module that builds it; that module (an :class:`~postedit.engines.base.EngineModule`)
defines ``available(src, tgt)`` and ``build(src, tgt, config)`` and is imported only
when the engine is asked about, so no engine's runtime loads at import. The order
of ``ENGINES`` is the order ``auto`` tries them in. ``--engine`` choices, the config
file's ``engine`` key and the README's engine table all follow the registry.

``get_engine(name, src, tgt)`` returns an engine bound to the pair ``src<->tgt``
(both directions, as a round trip needs), wrapped in the translation cache unless
``use_cache`` is off, or ``None`` for ``none``. ``auto`` picks Argos when both
directions are installed (directly or through English), else Apertium, else
none, which is said once on stderr and is never an error. Asking for a named
engine that is not installed is an :class:`~postedit.errors.EngineError` saying
how to install it.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from typing import cast

from postedit.engines.base import (
    Engine,
    EngineConfig,
    EngineInfo,
    EngineModule,
    ForcedScore,
    Translation,
)
from postedit.errors import EngineError, EnginePairError
from postedit.notices import notice_once

ENGINES: dict[str, EngineInfo] = {
    "argos": EngineInfo("argos", "Argos Translate models (neural, CTranslate2), with scores",
                        "postedit.engines.argos"),
    "apertium": EngineInfo("apertium", "Apertium (rule-based, Debian packages), unknown words",
                           "postedit.engines.apertium"),
    "none": EngineInfo("none", "no engine: detectors only"),
}
ENGINE_CHOICES = ("auto", *ENGINES)

__all__ = [
    "ENGINES",
    "ENGINE_CHOICES",
    "Engine",
    "EngineConfig",
    "EngineSelector",
    "ForcedScore",
    "Translation",
    "available_engine",
    "get_engine",
    "is_available",
]


def engine_module(name: str) -> EngineModule:
    """The module that builds the engine called ``name`` (imported now, on first use)."""
    module = ENGINES[name].module
    if not module:
        raise EngineError(f"the {name!r} engine translates nothing")
    return cast(EngineModule, importlib.import_module(module))


def is_available(name: str, src: str, tgt: str) -> bool:
    """Whether the engine called ``name`` can translate ``src<->tgt`` here."""
    return bool(ENGINES[name].module) and engine_module(name).available(src, tgt)


def available_engine(src: str, tgt: str) -> str:
    """What ``--engine auto`` resolves to for this pair: the first installed engine."""
    return next((name for name in ENGINES if is_available(name, src, tgt)), "none")


def auto_choice(src: str, tgt: str) -> str:
    """What ``auto`` picks for ``src<->tgt``; says once on stderr when that is no engine."""
    name = available_engine(src, tgt)
    if name == "none" and src != tgt:
        notice_once(
            f"no translation engine for {src}<->{tgt} is installed; scoring with detectors "
            f"only (install one with: postedit models install {src} {tgt})"
        )
    return name


def _check_name(name: str) -> None:
    if name not in ENGINE_CHOICES:
        raise EngineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINE_CHOICES)}")


def get_engine(
    name: str, src: str, tgt: str, config: EngineConfig | None = None, **overrides: object
) -> Engine | None:
    """The engine called ``name`` (or chosen by ``auto``) for ``src<->tgt``; None for none."""
    config = replace(config or EngineConfig(), **overrides)  # type: ignore[arg-type]
    _check_name(name)
    if name == "none":
        return None
    if src == tgt:
        notice_once(
            f"the article is in “{tgt}”, the same as --source-lang: no round trip "
            "(name the language it was translated from with --source-lang)"
        )
        return None
    if name == "auto":
        name = auto_choice(src, tgt)
        if name == "none":
            return None
    engine = engine_module(name).build(src, tgt, config)
    if config.use_cache:
        from postedit.engines.cache import CachedEngine, TranslationCache

        return CachedEngine(engine, TranslationCache(config.cache_path))  # type: ignore[return-value]
    return engine


class EngineSelector:
    """One engine per document language, built on first use (``postedit score`` on many files).

    With ``skip_pairs`` (a batch), a language the named engine cannot translate is
    scored with detectors only: one notice, and :attr:`skipped` keeps the reason.
    """

    def __init__(
        self, name: str, source_lang: str, config: EngineConfig | None = None,
        *, skip_pairs: bool = False,
    ) -> None:  # fmt: skip
        _check_name(name)
        self.name = name
        self.source_lang = source_lang
        self.config = config or EngineConfig()
        self.skip_pairs = skip_pairs
        self.skipped: dict[str, str] = {}
        self._engines: dict[str, Engine | None] = {}

    def for_language(self, lang: str) -> Engine | None:
        if lang not in self._engines:
            try:
                self._engines[lang] = get_engine(self.name, self.source_lang, lang, self.config)
            except EnginePairError as exc:
                if not self.skip_pairs:
                    raise
                self.skipped[lang] = f"{self.name} skipped: {exc}"
                notice_once(f"{exc}; “{lang}” articles are scored with detectors only")
                self._engines[lang] = None
        return self._engines[lang]
