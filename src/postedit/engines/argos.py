"""Argos Translate models run directly through CTranslate2, in batches.

We reuse Argos' packages (see :mod:`postedit.engines.argos_packages`) but not its
per-sentence ``argostranslate.translate`` path: texts are tokenised with the
package's SentencePiece (or BPE) model, sorted by length, translated with
``Translator.translate_batch(..., return_scores=True)`` and put back in input
order. ``score`` forced-decodes given targets with ``Translator.score_batch``
and returns per-token log-probabilities with character offsets. When only
``xx->en`` and ``en->yy`` exist, translations chain through English, as Argos does.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from postedit.engines.argos_packages import (
    ArgosPackage,
    find_route,
    installed_packages,
    missing_model_error,
)
from postedit.engines.base import EngineConfig, ForcedScore, Hypothesis, TokenScore, Translation
from postedit.errors import EngineError
from postedit.notices import notice_once

BATCH_SIZE = 32
BEAM_SIZE = 4
LENGTH_PENALTY = 0.2  # what Argos uses
MAX_INPUT_TOKENS = 1024


class Tokenizer:
    """SentencePiece (or Argos' BPE) tokenisation with character offsets."""

    def __init__(self, package: ArgosPackage) -> None:
        if package.tokenizer is None:
            raise EngineError(f"{package.path}: no sentencepiece.model or bpe.model")
        self.path = package.tokenizer
        self.is_sentencepiece = package.tokenizer.name == "sentencepiece.model"
        if self.is_sentencepiece:
            import sentencepiece

            self._sp = sentencepiece.SentencePieceProcessor(model_file=str(self.path))
        else:
            from argostranslate.tokenizer import BPETokenizer

            self._bpe = BPETokenizer(self.path, package.from_code, package.to_code)

    def encode(self, text: str) -> list[str]:
        if self.is_sentencepiece:
            return list(self._sp.encode(text, out_type=str))
        return list(self._bpe.encode(text))

    def decode(self, tokens: Sequence[str]) -> str:
        if self.is_sentencepiece:
            return str(self._sp.decode_pieces(list(tokens))).strip()
        return str(self._bpe.decode(list(tokens))).strip()

    def encode_with_spans(self, text: str) -> tuple[list[str], list[tuple[int, int]]]:
        """Tokens of ``text`` and the character span each one covers (spaces excluded)."""
        if self.is_sentencepiece:
            proto = self._sp.encode(text, out_type="proto")
            byte_to_char = _byte_to_char(text)
            pieces = [p.piece for p in proto.pieces]
            spans = [_trim(text, byte_to_char[p.begin], byte_to_char[p.end]) for p in proto.pieces]
            return pieces, spans
        tokens = self.encode(text)
        return tokens, _search_spans(text, [t.replace("@@", "") for t in tokens])


def _byte_to_char(text: str) -> list[int]:
    mapping = []
    for index, char in enumerate(text):
        mapping.extend([index] * len(char.encode("utf-8")))
    mapping.append(len(text))
    return mapping


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _search_spans(text: str, pieces: Sequence[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for piece in pieces:
        found = text.find(piece, pos) if piece else -1
        spans.append((found, found + len(piece)) if found >= 0 else (pos, pos))
        pos = found + len(piece) if found >= 0 else pos
    return spans


def resolve_device(device: str) -> tuple[str, str]:
    """CTranslate2 device and compute type: int8 on CPU, int8_float16 on CUDA where supported."""
    import ctranslate2

    if device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
        print("postedit: no CUDA device available; running Argos on the CPU", file=sys.stderr)
        device = "cpu"
    if device not in ("cpu", "cuda"):
        raise EngineError(f"unknown device {device!r} (use cpu or cuda)")
    supported = ctranslate2.get_supported_compute_types(device)
    configured = argos_setting("ARGOS_COMPUTE_TYPE", "auto")
    if configured not in ("auto", "default") and configured in supported:
        return device, configured
    wanted = "int8" if device == "cpu" else "int8_float16"
    return device, wanted if wanted in supported else "default"


def argos_setting(key: str, default: str) -> str:
    """An Argos setting: environment first, then Argos' settings.json (as Argos reads it)."""
    if key in os.environ:
        return os.environ[key]
    from argostranslate import settings

    return str(settings.get_setting(key, default))


class ArgosEngine:
    """Argos packages for one language pair (both directions), run in batches."""

    name = "argos"
    can_score = True

    def __init__(self, src: str, tgt: str, *, device: str = "cpu", threads: int | None = None) -> None:
        import ctranslate2

        packages = installed_packages()
        self.routes: dict[tuple[str, str], list[ArgosPackage]] = {}
        for a, b in ((src, tgt), (tgt, src)):
            route = find_route(a, b, packages)
            if route is None:
                raise missing_model_error(a, b)
            self.routes[(a, b)] = route
            if len(route) > 1:
                notice_once(f"argos: no direct {a}->{b} model; translating through English")
        self.device, self.compute_type = resolve_device(device)
        self.version = ctranslate2.__version__
        used = {p.model_id for route in self.routes.values() for p in route}
        self.model_id = "+".join(sorted(used))
        self.threads = threads or os.cpu_count() or 1
        self._loaded: dict[Path, tuple[Any, Tokenizer]] = {}

    def pivots(self, src: str, tgt: str) -> bool:
        """True when ``src->tgt`` chains two packages through English."""
        return len(self._route(src, tgt)) > 1

    def _route(self, src: str, tgt: str) -> list[ArgosPackage]:
        if (src, tgt) not in self.routes:
            route = find_route(src, tgt, installed_packages())
            if route is None:
                raise missing_model_error(src, tgt)
            self.routes[(src, tgt)] = route
        return self.routes[(src, tgt)]

    def _load(self, package: ArgosPackage) -> tuple[Any, Tokenizer]:
        if package.path not in self._loaded:
            import ctranslate2

            translator = ctranslate2.Translator(
                str(package.path / "model"),
                device=self.device,
                compute_type=self.compute_type,
                inter_threads=1,
                intra_threads=self.threads,
            )
            self._loaded[package.path] = (translator, Tokenizer(package))
        return self._loaded[package.path]

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        nbest: int = 1,
        with_scores: bool = False,
    ) -> list[Translation]:
        route = self._route(src, tgt)
        current = list(texts)
        pivot: list[str] | None = None
        for hop, package in enumerate(route):
            last = hop == len(route) - 1
            results = self._translate_hop(package, current, nbest if last else 1)
            if not last:
                pivot = [r[0].text for r in results]
                current = pivot
        return [
            Translation(
                source=text,
                text=hyps[0].text,
                hypotheses=tuple(h if with_scores else Hypothesis(h.text) for h in hyps),
                pivot=pivot[i] if pivot is not None else None,
            )
            for i, (text, hyps) in enumerate(zip(texts, results, strict=True))
        ]

    def _translate_hop(self, package: ArgosPackage, texts: list[str], nbest: int) -> list[list[Hypothesis]]:
        translator, tokenizer = self._load(package)
        tokens = [tokenizer.encode(t)[:MAX_INPUT_TOKENS] for t in texts]
        out: list[list[Hypothesis]] = [[Hypothesis("")] for _ in texts]
        for batch in length_sorted_batches(tokens):
            todo = [i for i in batch if tokens[i]]
            if not todo:
                continue
            longest = max(len(tokens[i]) for i in todo)
            prefix = [[package.target_prefix]] * len(todo) if package.target_prefix else None
            results = translator.translate_batch(
                [tokens[i] for i in todo],
                target_prefix=prefix,
                beam_size=max(nbest, BEAM_SIZE),
                num_hypotheses=nbest,
                length_penalty=LENGTH_PENALTY,
                max_decoding_length=int(longest * 1.5) + 10,
                replace_unknowns=True,
                return_scores=True,
            )
            for i, result in zip(todo, results, strict=True):
                out[i] = [
                    Hypothesis(self._detokenize(tokenizer, hyp, package), float(score))
                    for hyp, score in zip(result.hypotheses, result.scores, strict=True)
                ]
        return out

    @staticmethod
    def _detokenize(tokenizer: Tokenizer, tokens: list[str], package: ArgosPackage) -> str:
        if package.target_prefix and tokens[:1] == [package.target_prefix]:
            tokens = tokens[1:]
        return tokenizer.decode(tokens)

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[ForcedScore]:
        """Per-token log-probabilities of each target given its source (pivot: via English)."""
        route = self._route(src, tgt)
        inputs = list(sources)
        if len(route) > 1:
            inputs = [hyps[0].text for hyps in self._translate_hop(route[0], inputs, 1)]
        translator, tokenizer = self._load(route[-1])
        source_tokens = [tokenizer.encode(s)[:MAX_INPUT_TOKENS] or ["</s>"] for s in inputs]
        encoded = [tokenizer.encode_with_spans(t) for t in targets]
        prefix = [route[-1].target_prefix] if route[-1].target_prefix else []
        target_tokens = [prefix + pieces[:MAX_INPUT_TOKENS] for pieces, _ in encoded]
        out = [ForcedScore(s, t) for s, t in zip(sources, targets, strict=True)]
        for batch in length_sorted_batches(target_tokens):
            todo = [i for i in batch if len(target_tokens[i]) > len(prefix)]
            if not todo:
                continue
            results = translator.score_batch(
                [source_tokens[i] for i in todo], [target_tokens[i] for i in todo]
            )
            for i, result in zip(todo, results, strict=True):
                out[i] = _forced_score(sources[i], targets[i], encoded[i], result, len(prefix))
        return out


def _forced_score(
    source: str,
    target: str,
    encoded: tuple[list[str], list[tuple[int, int]]],
    result: Any,
    skip: int,
) -> ForcedScore:
    pieces, spans = encoded
    end = len(target)
    tokens = []
    for index, logprob in enumerate(list(result.log_probs)[skip:]):
        if index < len(pieces):
            start, stop = spans[index]
            tokens.append(TokenScore(pieces[index], float(logprob), start, stop))
        else:
            tokens.append(TokenScore("</s>", float(logprob), end, end))
    return ForcedScore(source, target, tuple(tokens))


def length_sorted_batches(tokens: Sequence[Sequence[str]], size: int = BATCH_SIZE) -> list[list[int]]:
    """Indices grouped into batches of similar length (less padding, faster decoding)."""
    order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
    return [order[i : i + size] for i in range(0, len(order), size)]


def available(src: str, tgt: str) -> bool:
    """Whether Argos packages (direct or through English) cover both directions."""
    try:
        packages = installed_packages()
    except ImportError:
        return False
    return all(find_route(a, b, packages) for a, b in ((src, tgt), (tgt, src)))


def build(src: str, tgt: str, config: EngineConfig) -> ArgosEngine:
    """The Argos engine for ``src<->tgt``; without the ``[argos]`` extra, one line naming it."""
    from postedit.extras import EXTRA_MODULES, MissingExtraError, missing_extra_message

    try:
        return ArgosEngine(src, tgt, device=config.device, threads=config.threads)
    except ModuleNotFoundError as exc:  # ctranslate2/sentencepiece load lazily
        missing = (exc.name or "").split(".", 1)[0]
        if missing not in EXTRA_MODULES["argos"]:
            raise
        raise MissingExtraError(missing_extra_message("argos", "--engine argos", missing)) from None
