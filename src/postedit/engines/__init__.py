"""Translation engines: a registry with stable names and ``--engine auto`` selection.

``get_engine(name, src, tgt)`` returns an engine bound to the pair ``src<->tgt``
(both directions, as a round trip needs), wrapped in the translation cache unless
``use_cache`` is off, or ``None`` for ``none``. ``auto`` picks Argos when both
directions are installed (directly or through English), else Apertium, else
none, which is said once on stderr and is never an error. Asking for a named
engine that is not installed is an :class:`~postedit.errors.EngineError` saying
how to install it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from postedit.engines.base import Engine, EngineInfo, ForcedScore, Translation
from postedit.errors import EngineError, EnginePairError
from postedit.notices import notice_once

ENGINES: dict[str, EngineInfo] = {
    "argos": EngineInfo("argos", "Argos Translate models (neural, CTranslate2), with scores"),
    "apertium": EngineInfo("apertium", "Apertium (rule-based, Debian packages), unknown words"),
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
]


@dataclass(frozen=True)
class EngineConfig:
    """How engines are built.

    Attributes:
        device: ``cpu`` or ``cuda`` (Argos only; falls back to CPU with a notice).
        use_cache: keep results in the SQLite translation cache (``--no-cache`` turns it off).
        cache_path: the cache database; None for the user cache directory.
        threads: CPU threads per Argos model; None uses every core (``--jobs`` divides them).
    """

    device: str = "cpu"
    use_cache: bool = True
    cache_path: Path | None = None
    threads: int | None = None


def argos_available(src: str, tgt: str) -> bool:
    try:
        from postedit.engines.argos_packages import find_route, installed_packages

        packages = installed_packages()
    except ImportError:
        return False
    return all(find_route(a, b, packages) for a, b in ((src, tgt), (tgt, src)))


def apertium_available(src: str, tgt: str) -> bool:
    from postedit.engines.apertium import mode_for

    return mode_for(src, tgt) is not None and mode_for(tgt, src) is not None


def available_engine(src: str, tgt: str) -> str:
    """What ``--engine auto`` resolves to for this pair."""
    if argos_available(src, tgt):
        return "argos"
    if apertium_available(src, tgt):
        return "apertium"
    return "none"


def auto_choice(src: str, tgt: str) -> str:
    """What ``auto`` picks for ``src<->tgt``; says once on stderr when that is no engine."""
    name = available_engine(src, tgt)
    if name == "none" and src != tgt:
        notice_once(
            f"no translation engine for {src}<->{tgt} is installed; scoring with detectors "
            f"only (install one with: postedit models install {src} {tgt})"
        )
    return name


def get_engine(
    name: str, src: str, tgt: str, config: EngineConfig | None = None, **overrides: object
) -> Engine | None:
    """The engine called ``name`` (or chosen by ``auto``) for ``src<->tgt``; None for none."""
    config = replace(config or EngineConfig(), **overrides)  # type: ignore[arg-type]
    if name not in ENGINE_CHOICES:
        raise EngineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINE_CHOICES)}")
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
    engine = _build(name, src, tgt, config)
    if config.use_cache:
        from postedit.cache import CachedEngine, TranslationCache

        return CachedEngine(engine, TranslationCache(config.cache_path))  # type: ignore[return-value]
    return engine


def _build(name: str, src: str, tgt: str, config: EngineConfig) -> Engine:
    if name == "argos":
        from postedit.engines.argos import ArgosEngine
        from postedit.extras import EXTRA_MODULES, MissingExtraError, missing_extra_message

        try:
            return ArgosEngine(src, tgt, device=config.device, threads=config.threads)
        except ModuleNotFoundError as exc:  # ctranslate2/sentencepiece load lazily
            missing = (exc.name or "").split(".", 1)[0]
            if missing not in EXTRA_MODULES["argos"]:
                raise
            raise MissingExtraError(
                missing_extra_message("argos", "--engine argos", missing)
            ) from None
    from postedit.engines.apertium import ApertiumEngine, apertium_binary, install_hint

    if apertium_binary() is None:
        raise EngineError(f"apertium is not installed; {install_hint(src, tgt)}")
    if not apertium_available(src, tgt):
        raise EnginePairError(f"Apertium cannot translate {src}<->{tgt} here; {install_hint(src, tgt)}")
    return ApertiumEngine(src, tgt)


class EngineSelector:
    """One engine per document language, built on first use (``postedit score`` on many files).

    With ``skip_pairs`` (a batch), a language the named engine cannot translate is
    scored with detectors only: one notice, and :attr:`skipped` keeps the reason.
    """

    def __init__(
        self, name: str, source_lang: str, config: EngineConfig | None = None,
        *, skip_pairs: bool = False,
    ) -> None:  # fmt: skip
        if name not in ENGINE_CHOICES:
            raise EngineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINE_CHOICES)}")
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
