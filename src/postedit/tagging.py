"""Apertium's own analyser and tagger as optional evidence: lemma and part of speech per word.

The installed pair's first two stages (``lt-proc`` with its ``.automorf.bin``, then
``apertium-tagger -g`` with its ``.prob``: the files its mode file names) tag English and
Spanish far better than word lists: ``llegamos`` is a first-person present, ``London`` a
proper noun. The detectors use the tags only where they are sure and cheap
(:mod:`postedit.detectors.fragments`, :mod:`postedit.detectors.capitals`), and only when the
engine in use is Apertium, so that ``--engine none`` reports never depend on them.

A whole document is ONE run of the two programs: each sentence is one null-flushed chunk
(``-z``), so the boundaries are exact, and the chunks come back in order. Anything
unexpected (no pair for the language, a program missing or failing, a timeout, a chunk
count that does not add up) gives no evidence, never an error: the tags are an extra, and
the detectors work without them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from postedit.document import Document, Segment

TAGGED_LANGUAGES = ("en", "es")  # the languages whose tags the detectors know how to read
BASE_TIMEOUT = 10.0  # seconds for a document, plus CHARS_PER_SECOND's share
CHARS_PER_SECOND = 20000.0  # the two stages tag ~500,000 characters a second here
_ISO3 = {"en": "eng", "es": "spa"}
_STAGES = re.compile(
    r"lt-proc\s+(?:-\w+\s+)*'?(?P<morph>[^'\s|]+\.automorf\.bin)'?\s*\|\s*"
    r"apertium-tagger\s+-g\s+(?:\$\d\s+)?'?(?P<prob>[^'\s|]+\.prob)'?"
)
_ESCAPED = re.compile(r"([\\^$@/<>\[\]{}])")
_UNIT = re.compile(r"\\.|\^((?:\\.|[^\\$])*)\$")  # an escaped character outside units is blank
_TAG = re.compile(r"<([^>]*)>")
_UNESCAPE = re.compile(r"\\(.)")
# Verb categories of the English and Spanish dictionaries, and the tense/mood tags that
# make a verb finite there (``inf``, ``ger``, ``pp``, ``pprs``, ``subs`` do not).
_VERB_TAGS = frozenset("vblex vbser vbhaver vbdo vbmod vaux".split())
_FINITE_TAGS = frozenset("pres past pri pii ifi fti cni prs pis fts imp".split())
_ALWAYS_FINITE = frozenset("vbmod vaux".split())  # modals: "would", "can"


@dataclass(frozen=True)
class Analysis:
    """One part of a word's analysis (``won't`` has two: ``will<vaux>``, ``not<adv>``).

    Attributes:
        lemma: the dictionary form (``say``), with any invariable part (``take part``).
        tags: the tags in order (``("vblex", "past")``).
    """

    lemma: str
    tags: tuple[str, ...]

    @property
    def finite_verb(self) -> bool:
        """A verb in a finite form: what makes a sentence a sentence."""
        if not self.tags or self.tags[0] not in _VERB_TAGS:
            return False
        return self.tags[0] in _ALWAYS_FINITE or not _FINITE_TAGS.isdisjoint(self.tags)

    @property
    def verb(self) -> bool:
        return bool(self.tags) and self.tags[0] in _VERB_TAGS


@dataclass(frozen=True)
class TaggedWord:
    """A word as the tagger saw it.

    Attributes:
        surface: the word as written (``Llegamos``).
        parts: its analysis, chosen by the tagger; empty when the analyser does not know it.
    """

    surface: str
    parts: tuple[Analysis, ...]

    @property
    def known(self) -> bool:
        return bool(self.parts)

    @property
    def finite_verb(self) -> bool:
        return any(part.finite_verb for part in self.parts)

    @property
    def proper_noun(self) -> bool:
        return any(part.tags[:1] == ("np",) for part in self.parts)


@dataclass(frozen=True)
class SentenceTags:
    """The tags of one sentence, with the text they were made from.

    Attributes:
        text: the sentence's text when tagged (an edited sentence no longer matches it).
        words: its words in order.
    """

    text: str
    words: tuple[TaggedWord, ...]

    def finite_verbs(self) -> tuple[str, ...]:
        """The words the tagger reads as finite verbs, where it is sure enough: not a
        capitalised word after the first (a name: ``En Las Rozas``), nor a word right
        after a determiner (``The rebels``, which this tagger may read as a verb)."""
        found, previous, seen_word = [], None, False
        for word in self.words:
            lettered = any(char.isalpha() for char in word.surface)
            named = seen_word and word.surface[:1].isupper()
            after_determiner = previous is not None and previous.tags[:1] == ("det",)
            if lettered and word.finite_verb and not named and not after_determiner:
                found.append(word.surface)
            seen_word = seen_word or lettered
            previous = word.parts[-1] if word.parts else None
        return tuple(found)


@dataclass(frozen=True)
class DocumentTags:
    """Apertium's tags for one document's sentences.

    Attributes:
        mode: the Apertium pair whose analyser and tagger made them (``eng-spa``).
        sentences: segment id -> its tags.
        names: lower-case words of the document that the analyser knows only as proper
            nouns: unknown in lower case, a name (``np``) when capitalised (``lloyd``).
    """

    mode: str
    sentences: dict[str, SentenceTags]
    names: frozenset[str] = frozenset()

    def of(self, seg: Segment) -> SentenceTags | None:
        """The tags of ``seg``, or None if it was not tagged or its text has changed since."""
        tags = self.sentences.get(seg.id)
        return tags if tags is not None and tags.text == seg.text else None


def tag_document(document: Document, partner: str | None = None) -> DocumentTags | None:
    """Tags for every sentence of ``document``, or None when they cannot be had.

    ``partner`` is the other language of the engine's pair: its mode is tried first.
    """
    stages = tagger_files(document.lang, partner)
    if stages is None:
        return None
    mode, morph, prob = stages
    segments = [seg for seg in document.segments if seg.text.strip()]
    candidates = name_candidates(document.text)
    tagged = run_tagger(morph, prob, [seg.text for seg in segments]
                        + [word.capitalize() for word in candidates])
    if tagged is None:
        return None
    sentences = {seg.id: SentenceTags(seg.text, words)
                 for seg, words in zip(segments, tagged[: len(segments)], strict=True)}
    return DocumentTags(mode, sentences, _names(candidates, tagged[len(segments) :], sentences))


_LOWER = re.compile(r"(?<![\w’'-])([a-zà-öø-ÿ]{3,})(?![\w’'-])")
_CAPITALISED = re.compile(r"(?<![\w’'-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})(?![\w’'-])")


def name_candidates(text: str) -> list[str]:
    """Lower-case words the text also writes capitalised: the only ones
    ``lowercase-name`` may flag, so the only ones worth asking the analyser about."""
    capitalised = {word.lower() for word in _CAPITALISED.findall(text)}
    return sorted(capitalised.intersection(_LOWER.findall(text)))


def _names(candidates: list[str], capitalised: Sequence[tuple[TaggedWord, ...]],
           sentences: dict[str, SentenceTags]) -> frozenset[str]:
    """The candidates unknown in lower case whose capitalised form is tagged a proper noun."""
    known = {word.surface for tags in sentences.values() for word in tags.words if word.known}
    return frozenset(word for word, tagged in zip(candidates, capitalised, strict=True)
                     if word not in known and len(tagged) == 1 and tagged[0].proper_noun)


def tagger_files(lang: str, partner: str | None = None) -> tuple[str, Path, Path] | None:
    """The mode, analyser and tagger model for ``lang``, as an installed pair's mode runs them."""
    if lang not in TAGGED_LANGUAGES or not (shutil.which("lt-proc") and shutil.which("apertium-tagger")):
        return None
    for mode in _modes_from(lang, partner):
        files = _stage_files(mode)
        if files is not None:
            return (mode, *files)
    return None


def _modes_from(lang: str, partner: str | None) -> list[str]:
    from postedit.engines.apertium import ISO3, installed_modes

    prefix = _ISO3[lang] + "-"
    modes = sorted(m for m in installed_modes() if m.startswith(prefix) and m.count("-") == 1)
    first = prefix + ISO3.get(partner or "", "")
    return sorted(modes, key=lambda mode: mode != first)


@lru_cache(maxsize=8)
def _stage_files(mode: str) -> tuple[Path, Path] | None:
    from postedit.engines.apertium_pipeline import mode_file

    path = mode_file(mode)
    try:
        found = _STAGES.search(path.read_text("utf-8")) if path is not None else None
    except (OSError, UnicodeDecodeError):
        return None
    if found is None:
        return None
    morph, prob = Path(found.group("morph")), Path(found.group("prob"))
    return (morph, prob) if morph.is_file() and prob.is_file() else None


def run_tagger(morph: Path, prob: Path, texts: Sequence[str]) -> list[tuple[TaggedWord, ...]] | None:
    """Each text's tagged words, from one ``lt-proc -z | apertium-tagger -z -g -p`` run."""
    chunks = stream_input(texts)
    limit = BASE_TIMEOUT + len(chunks) / CHARS_PER_SECOND
    try:
        analysed = _stage(["lt-proc", "-z", str(morph)], chunks, limit)
        tagged = _stage(["apertium-tagger", "-z", "-g", "-p", str(prob)], analysed, limit)
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_output(tagged.decode("utf-8", "replace"), len(texts))


def _stage(command: list[str], data: bytes, limit: float) -> bytes:
    from postedit.engines.apertium_pipeline import apertium_env

    proc = subprocess.run(command, input=data, capture_output=True, timeout=limit,
                          env=apertium_env(), check=True)
    return proc.stdout


def stream_input(texts: Iterable[str]) -> bytes:
    """The texts as Apertium's stream: reserved characters escaped, one null-terminated
    chunk each. A chunk ends with a space: ``lt-proc -z`` drops the character right
    before a null (``went.`` would lose its stop)."""
    return b"".join(_ESCAPED.sub(r"\\\1", " ".join(text.replace("\0", " ").split())).encode()
                    + b" \0" for text in texts)


def parse_output(output: str, count: int) -> list[tuple[TaggedWord, ...]] | None:
    """``count`` chunks of tagged words from the tagger's null-separated output, or None
    if the output does not hold exactly ``count`` chunks. Every chunk sent comes back
    with at least its final blank; the stages add empty ones at the end of the stream."""
    chunks = output.split("\0")
    if len(chunks) < count or not all(chunks[:count]) or any(chunks[count:]):
        return None
    words: dict[str, TaggedWord] = {}  # a long article repeats most of its units: parse each once
    return [tuple(words[unit] if unit in words else words.setdefault(unit, _word(unit))
                  for unit in _UNIT.findall(chunk) if unit) for chunk in chunks[:count]]


def _word(unit: str) -> TaggedWord:
    """``Llegamos/llegar<vblex><pri><p1><pl>`` -> the word and its analysis parts."""
    surface, _, analysis = _split_unescaped(unit)
    if not analysis or analysis.startswith("*"):
        return TaggedWord(_unescape(surface), ())
    parts = tuple(_analysis(part) for part in _split_parts(analysis) if part)
    return TaggedWord(_unescape(surface), parts)


def _split_unescaped(unit: str) -> tuple[str, str, str]:
    """``unit`` split at its first unescaped ``/`` (surface / analysis)."""
    if "\\" not in unit:
        return unit.partition("/")
    index = 0
    while index < len(unit):
        if unit[index] == "\\":
            index += 2
            continue
        if unit[index] == "/":
            return unit[:index], "/", unit[index + 1 :]
        index += 1
    return unit, "", ""


def _split_parts(analysis: str) -> list[str]:
    """``will<vaux><inf>+not<adv>`` -> both parts (a ``+`` after a tag joins two words)."""
    return re.split(r"(?<=>)\+", analysis)


def _analysis(part: str) -> Analysis:
    tags = tuple(_TAG.findall(part))
    lemma = _TAG.sub("", part)  # "take<vblex><past># part": the lemma keeps its "# part"
    return Analysis(_unescape(lemma.replace("#", "")).strip(), tags)


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text) if "\\" in text else text
