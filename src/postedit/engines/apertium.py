"""Apertium (rule-based, Debian packages) as a batch translation engine.

A whole batch is ONE request per direction, to this process's long-lived pipeline
for that direction (:mod:`postedit.engines.apertium_pipeline`, which says why articles
are not batched together): segments are joined with blank lines (which Apertium's
text deformatter passes through as formatting) and split again afterwards; a count
check guards the boundaries and falls back to smaller batches if Apertium ever merged
or split a paragraph.
The run is made without ``-u`` so that unknown words come back marked
(``*SyriaAfter``); the markers become :class:`UnknownWord` spans of the input
and are stripped from the translation.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from functools import lru_cache

from postedit.engines.apertium_pipeline import MODES_DIRS, pipeline_for, run_once
from postedit.engines.base import EngineConfig, ForcedScore, Hypothesis, Translation, UnknownWord
from postedit.errors import EngineError, EnginePairError

# ISO 639-1 (what postedit uses) to ISO 639-3 (what Apertium mode names use).
ISO3 = {
    "en": "eng", "es": "spa", "ca": "cat", "fr": "fra", "pt": "por", "it": "ita", "gl": "glg",
    "oc": "oci", "ro": "ron", "eu": "eus", "de": "deu", "nl": "nld", "da": "dan", "sv": "swe",
    "nb": "nob", "nn": "nno", "is": "isl", "eo": "epo", "ar": "ara", "ru": "rus", "uk": "ukr",
}  # fmt: skip
ISO1 = {three: one for one, three in ISO3.items()}
# Debian's Apertium pair packages (apt-cache search '^apertium-', Debian 12/13), by ISO 639-1
# pair. Hints name only these: guessing ``apertium-spa-deu`` sends people after a package that
# does not exist.
DEBIAN_PAIRS = {
    frozenset(pair.split("-")): package
    for pair, package in {
        "af-nl": "apertium-afr-nld", "an-ca": "apertium-arg-cat", "be-ru": "apertium-bel-rus",
        "br-fr": "apertium-br-fr", "ca-it": "apertium-cat-ita", "ca-sc": "apertium-cat-srd",
        "da-nb": "apertium-dan-nor", "en-gl": "apertium-en-gl", "en-ca": "apertium-eng-cat",
        "en-es": "apertium-eng-spa", "eo-ca": "apertium-eo-ca", "eo-en": "apertium-eo-en",
        "eo-es": "apertium-eo-es", "eo-fr": "apertium-eo-fr", "es-gl": "apertium-es-gl",
        "es-pt": "apertium-es-pt", "es-ro": "apertium-es-ro", "eu-en": "apertium-eu-en",
        "eu-es": "apertium-eu-es", "fr-es": "apertium-fr-es", "fr-ca": "apertium-fra-cat",
        "is-en": "apertium-isl-eng", "is-sv": "apertium-isl-swe", "id-ms": "apertium-ind-zlm",
        "mk-bg": "apertium-mkd-bul", "mk-en": "apertium-mkd-eng", "nn-nb": "apertium-nno-nob",
        "oc-ca": "apertium-oc-ca", "oc-es": "apertium-oc-es", "oc-fr": "apertium-oci-fra",
        "pt-ca": "apertium-por-cat", "pt-gl": "apertium-pt-gl", "ru-uk": "apertium-rus-ukr",
        "es-an": "apertium-spa-arg", "es-ast": "apertium-spa-ast", "es-ca": "apertium-spa-cat",
        "es-it": "apertium-spa-ita", "sc-it": "apertium-srd-ita", "sv-da": "apertium-swe-dan",
        "sv-nb": "apertium-swe-nor", "ur-hi": "apertium-urd-hin",
    }.items()
}  # fmt: skip
SEPARATOR = "\n\n"
_MARKED = re.compile(r"(?<![\w*#@])([*#@])(\w+(?:['’-]\w+)*)")
_BLANK_RUN = re.compile(r"\s*\n\s*")


def debian_package(src: str, tgt: str) -> str | None:
    """The Debian package with Apertium's ``src``-``tgt`` pair, when Debian has one."""
    return DEBIAN_PAIRS.get(frozenset((src, tgt)))


def install_hint(src: str, tgt: str) -> str:
    """How to get Apertium for ``src<->tgt``, naming only packages that exist."""
    package = debian_package(src, tgt)
    binary = "" if apertium_binary() else "apertium "
    if package is None:
        return (f"Debian has no Apertium pair for {src}-{tgt}; use --engine argos "
                f"(postedit models install {src} {tgt})")
    return f"install it with: apt-get install {binary}{package}"


def apertium_binary() -> str | None:
    return shutil.which("apertium")


@lru_cache(maxsize=1)
def installed_modes() -> tuple[str, ...]:
    """Translation directions Apertium offers here (``eng-spa``, ``spa-eng``, ...)."""
    binary = apertium_binary()
    if binary is None:
        return ()
    try:
        out = subprocess.run([binary, "-l"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    modes = [line.strip() for line in out.splitlines() if line.strip()]
    return tuple(modes or [p.stem for d in MODES_DIRS if d.is_dir() for p in d.glob("*.mode")])


def installed_pairs() -> list[tuple[str, str]]:
    """Language pairs (ISO 639-1 where known) with a direct Apertium mode."""
    pairs = []
    for mode in installed_modes():
        parts = mode.split("-")
        if len(parts) == 2:
            pairs.append((ISO1.get(parts[0], parts[0]), ISO1.get(parts[1], parts[1])))
    return pairs


def mode_for(src: str, tgt: str) -> str | None:
    """The Apertium mode name translating ``src`` to ``tgt``, if installed."""
    modes = set(installed_modes())
    for candidate in (f"{ISO3.get(src, src)}-{ISO3.get(tgt, tgt)}", f"{src}-{tgt}"):
        if candidate in modes:
            return candidate
    return None


@lru_cache(maxsize=1)
def apertium_version() -> str:
    binary = apertium_binary()
    if binary is None:
        return "absent"
    try:
        out = subprocess.run([binary, "-V"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.strip().split()[-1] if out.strip() else "unknown"


def _data_version(mode: str) -> str:
    """Version of the language-pair data (Debian package), for the cache key."""
    package = "apertium-" + mode.split("_", 1)[0]
    for name in (package, "apertium-" + "-".join(sorted(mode.split("_", 1)[0].split("-")))):
        try:
            out = subprocess.run(
                ["dpkg-query", "-W", "-f", "${Version}", name],
                capture_output=True, text=True, timeout=30,
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            break
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return "local"


def run_apertium(mode: str, text: str) -> str:
    """What ``apertium -f txt MODE`` (markers on) prints for ``text``: through this
    process's long-lived pipeline for ``mode``, or one process where there is none."""
    binary = apertium_binary()
    if binary is None:
        raise EngineError("apertium is not installed (Debian: apt-get install apertium)")
    pipeline = pipeline_for(mode)
    return pipeline.translate(text) if pipeline is not None else run_once(binary, mode, text)


def _prepare(text: str) -> str:
    """One line per segment: newlines inside a segment would break the separator."""
    return _BLANK_RUN.sub(" ", text.strip())


def translate_raw(mode: str, texts: Sequence[str]) -> list[str]:
    """Translate ``texts`` with markers kept, through as few processes as boundaries allow."""
    prepared = [_prepare(t) for t in texts]
    out: list[str] = [""] * len(texts)
    todo = [i for i, t in enumerate(prepared) if t]
    _translate_indices(mode, prepared, todo, out)
    return out


def _translate_indices(mode: str, texts: list[str], indices: list[int], out: list[str]) -> None:
    if not indices:
        return
    batch = SEPARATOR.join(texts[i] for i in indices) + "\n"
    parts = run_apertium(mode, batch).strip("\n").split(SEPARATOR)
    if len(parts) == len(indices):
        for i, part in zip(indices, parts, strict=True):
            out[i] = part.strip()
        return
    if len(indices) == 1:  # Apertium produced paragraph breaks of its own: keep them as spaces
        out[indices[0]] = _prepare(" ".join(parts))
        return
    half = len(indices) // 2
    _translate_indices(mode, texts, indices[:half], out)
    _translate_indices(mode, texts, indices[half:], out)


def strip_markers(source: str, marked: str) -> tuple[str, tuple[UnknownWord, ...]]:
    """Remove Apertium's ``*``/``#``/``@`` markers; map ``*`` words back to ``source`` offsets.

    An unknown word passes through untranslated, so a ``*word`` whose word is not in
    the source had its asterisk in the source already (``*star`` -> ``*Estrella``) and
    is kept as text; so are ``#``/``@`` when the source itself uses that character.
    """
    unknown: list[UnknownWord] = []
    pieces: list[str] = []
    pos = 0
    search_from = 0
    for match in _MARKED.finditer(marked):
        marker, word = match.group(1), match.group(2)
        if marker == "*":
            found = _locate(source, word, search_from)
            if found is None:
                continue
            unknown.append(UnknownWord(found, found + len(word), source[found : found + len(word)]))
            search_from = found + len(word)
        elif marker in source:
            continue
        pieces.append(marked[pos : match.start()])
        pos = match.start(1) + 1
    pieces.append(marked[pos:])
    return "".join(pieces), tuple(unknown)


def _locate(source: str, word: str, start: int) -> int | None:
    """Offset of ``word`` in ``source``: after ``start`` first (Apertium may reorder words),
    whole words before substrings, exact case before any case."""
    whole = r"(?<!\w)" + re.escape(word) + r"(?!\w)"
    for pattern, flags in ((whole, 0), (whole, re.IGNORECASE), (re.escape(word), re.IGNORECASE)):
        for begin in (start, 0):
            found = re.compile(pattern, flags).search(source, begin)
            if found:
                return found.start()
    return None


class ApertiumEngine:
    """Apertium through one request per batch and direction."""

    name = "apertium"
    can_score = False

    def __init__(self, src: str, tgt: str) -> None:
        if apertium_binary() is None:
            raise EngineError(f"apertium is not installed; {install_hint(src, tgt)}")
        self.pair = (src, tgt)
        modes = [m for m in (mode_for(src, tgt), mode_for(tgt, src)) if m]
        self.version = apertium_version()
        self.model_id = "+".join(f"{m}@{_data_version(m)}" for m in modes) or "none"

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        nbest: int = 1,
        with_scores: bool = False,
    ) -> list[Translation]:
        mode = mode_for(src, tgt)
        if mode is None:
            raise EnginePairError(f"Apertium has no {src}->{tgt} pair installed; "
                                  f"{install_hint(src, tgt)}")
        results = []
        for source, marked in zip(texts, translate_raw(mode, texts), strict=True):
            clean, unknown = strip_markers(source, marked)
            results.append(Translation(source, clean, (Hypothesis(clean),), unknown))
        return results

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[ForcedScore]:
        raise EngineError("Apertium is rule-based and cannot score translations (use argos)")


def available(src: str, tgt: str) -> bool:
    """Whether Apertium pairs for both directions are installed (the engine registry asks)."""
    return mode_for(src, tgt) is not None and mode_for(tgt, src) is not None


def build(src: str, tgt: str, config: EngineConfig) -> ApertiumEngine:
    """The Apertium engine for ``src<->tgt``, or an error saying what to install."""
    if apertium_binary() is None:
        raise EngineError(f"apertium is not installed; {install_hint(src, tgt)}")
    if not available(src, tgt):
        raise EnginePairError(f"Apertium cannot translate {src}<->{tgt} here; {install_hint(src, tgt)}")
    return ApertiumEngine(src, tgt)
