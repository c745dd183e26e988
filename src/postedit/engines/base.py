"""The Engine protocol and the values engines return.

An engine is bound to one language pair (both directions) when it is created by
:func:`postedit.engines.get_engine`. It translates whole batches at once and,
where it can, scores given target sentences by forced decoding. Results are
frozen dataclasses that round-trip through JSON, so the translation cache can
store them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Hypothesis:
    """One candidate translation.

    Attributes:
        text: the translation.
        score: engine score (CTranslate2: length-normalised log-probability), if asked for.
    """

    text: str
    score: float | None = None


@dataclass(frozen=True)
class UnknownWord:
    """A word of the input the engine did not know (Apertium's ``*word`` marker).

    Attributes:
        start, end: offsets into the input text given to ``translate``.
        word: ``text[start:end]``.
    """

    start: int
    end: int
    word: str


@dataclass(frozen=True)
class Translation:
    """The result of translating one input text.

    Attributes:
        source: the input text.
        text: the best translation, free of engine markers.
        hypotheses: the n-best list, best first (``hypotheses[0].text == text``).
        unknown: words of ``source`` the engine did not know.
        pivot: the intermediate English text when the engine pivoted through ``en``.
    """

    source: str
    text: str
    hypotheses: tuple[Hypothesis, ...] = ()
    unknown: tuple[UnknownWord, ...] = ()
    pivot: str | None = None

    @property
    def score(self) -> float | None:
        return self.hypotheses[0].score if self.hypotheses else None

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Translation:
        return cls(
            source=data["source"],
            text=data["text"],
            hypotheses=tuple(Hypothesis(**h) for h in data.get("hypotheses", ())),
            unknown=tuple(UnknownWord(**u) for u in data.get("unknown", ())),
            pivot=data.get("pivot"),
        )


@dataclass(frozen=True)
class TokenScore:
    """Log-probability of one target token under forced decoding.

    Attributes:
        token: the subword as the tokenizer wrote it (``▁Syria``).
        logprob: natural-log probability of the token given the source and the prefix.
        start, end: character offsets of the token in the scored target text
            (``start == end`` for the end-of-sentence token).
    """

    token: str
    logprob: float
    start: int
    end: int


@dataclass(frozen=True)
class ForcedScore:
    """How likely the engine finds ``target`` as a translation of ``source``.

    Attributes:
        source, target: the pair that was scored.
        tokens: per-token log-probabilities, in target order.
    """

    source: str
    target: str
    tokens: tuple[TokenScore, ...] = field(default_factory=tuple)

    @property
    def mean_logprob(self) -> float:
        """Mean log-probability per token (0 is certain; lower is less likely)."""
        return sum(t.logprob for t in self.tokens) / len(self.tokens) if self.tokens else 0.0

    def lowest(self, count: int = 3) -> list[TokenScore]:
        """The ``count`` least likely tokens that cover text, least likely first."""
        spans = [t for t in self.tokens if t.end > t.start]
        return sorted(spans, key=lambda t: t.logprob)[:count]

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> ForcedScore:
        tokens = tuple(TokenScore(**t) for t in data.get("tokens", ()))
        return cls(source=data["source"], target=data["target"], tokens=tokens)


@dataclass(frozen=True)
class EngineInfo:
    """One entry of the engine registry (:data:`postedit.engines.ENGINES`).

    Attributes:
        name: registry name (``argos``, ``apertium``, ``none``): ``--engine``, JSONL, the cache key.
        description: one line for ``--help``, listings and the README's engine table.
        module: the module that builds it (an :class:`EngineModule`), imported only
            when the engine is asked about; "" for ``none``.
    """

    name: str
    description: str
    module: str = ""


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


@runtime_checkable
class Engine(Protocol):
    """A machine translation engine bound to a language pair.

    Attributes:
        name: registry name, used in JSONL, flags (``engine:<name>``) and the cache key.
        version: version of the engine software (CTranslate2, Apertium).
        model_id: the models used, with their versions (part of the cache key).
        can_score: whether :meth:`score` works (forced decoding).
    """

    name: str
    version: str
    model_id: str
    can_score: bool

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        nbest: int = 1,
        with_scores: bool = False,
    ) -> list[Translation]:
        """Translate a batch; one result per input, in input order."""
        ...

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[ForcedScore]:
        """Forced-decode each target given its source; raise EngineError if unsupported."""
        ...


class EngineModule(Protocol):
    """What an engine's module (``EngineInfo.module``) defines for the registry."""

    def available(self, src: str, tgt: str) -> bool:
        """Whether both directions ``src->tgt`` and ``tgt->src`` are installed here."""
        ...

    def build(self, src: str, tgt: str, config: EngineConfig) -> Engine:
        """The engine for ``src<->tgt``; EngineError (how to install it) when it cannot be."""
        ...
