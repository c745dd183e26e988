"""From text to reports: build documents, run the detectors, give verdicts.

``make_document`` parses an article into blocks and segments;
``analyse`` runs every enabled detector that supports the article's language
and returns a :class:`DocumentReport`; ``recheck`` re-runs them on one edited
sentence, which is what the review UI does after each edit.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from operator import attrgetter

from postedit.config import Config, resolve
from postedit.context import REPEAT_MIN_WORDS, Context, build_context, sentence_words
from postedit.detectors import Detector, load_all, triggers
from postedit.detectors.blocks import classify_blocks
from postedit.document import Block, Document, Segment, build_segments, paragraph_spans
from postedit.engine_scoring import score_document
from postedit.engines import Engine
from postedit.flags import Flag
from postedit.languages import SUPPORTED, detect_document
from postedit.notices import notice_once
from postedit.readers import expand_paths, read_articles
from postedit.segmenter import split_sentences
from postedit.tagging import DocumentTags, tag_document
from postedit.user_lexicon import filter_flags
from postedit.verdict import VERDICTS, penalty, quality, scoring, word_count


@dataclass(frozen=True)
class SegmentReport:
    """The verdict on one sentence.

    Attributes:
        segment: the sentence.
        block: the paragraph it belongs to (its ``kind`` matters to readers).
        flags: problems found, detectors' and engines' alike, in offset order.
        verdict: ``ok``, ``check`` or ``garbled`` (see ``verdict.py``).
        penalty: MQM penalty points of the flags.
        score: quality 0..100 of the sentence.
        lang: language of the sentence (the document's unless found untranslated).
        extra: engine results keyed by kind (``backtranslation``), for JSONL.
        words: how many words the sentence has (its score's measure, and its share of the
            document's), counted once here.
    """

    segment: Segment
    block: Block
    flags: tuple[Flag, ...]
    verdict: str
    penalty: float
    score: float
    lang: str
    extra: dict = field(default_factory=dict, compare=False)
    words: int = field(default=0, compare=False)


@dataclass(frozen=True)
class DocumentReport:
    """The verdict on one article, and on each of its sentences.

    ``notices`` say what was left out of this article's scoring and why (an engine
    that cannot translate its language pair, in a batch).
    """

    document: Document
    segments: tuple[SegmentReport, ...]
    skipped_rules: tuple[tuple[str, str], ...]
    penalty: float
    score: float
    words: int
    notices: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(VERDICTS, 0)
        for report in self.segments:
            out[report.verdict] += 1
        return out


def make_document(
    doc_id: str,
    text: str,
    *,
    fmt: str = "txt",
    path: str | None = None,
    meta: dict | None = None,
    encoding: str = "utf-8",
    config: Config | None = None,
) -> Document:
    """Parse ``text`` into paragraphs and sentences, and detect its language."""
    config = config or resolve()
    blocks = []
    spans = paragraph_spans(text)
    kinds = classify_blocks([text[start:end] for start, end in spans], config)
    for index, ((start, end), kind) in enumerate(zip(spans, kinds, strict=True)):
        block_id = f"b{index + 1}"
        segments = build_segments(block_id, text, split_sentences(text, start, end))
        blocks.append(Block(block_id, kind, start, end, text[start:end], segments))
    lang = config.lang or detect_document(_prose(text, blocks))
    return Document(doc_id, text, tuple(blocks), lang, path, fmt, dict(meta or {}), encoding)


def _prose(text: str, blocks: list[Block]) -> str:
    body = " ".join(b.text for b in blocks if b.kind in ("body", "headline"))
    return body or text


def load_documents(paths: Iterable[str], config: Config | None = None) -> Iterator[Document]:
    """Every article in ``paths`` (files, directories, ``-``), in order."""
    for path in expand_paths(list(paths)):
        for art in read_articles(path):
            yield make_document(
                art.doc_id, art.text, fmt=art.fmt, path=path, meta=art.meta,
                encoding=art.encoding, config=config,
            )


def active_detectors(lang: str, config: Config) -> tuple[list[Detector], list[tuple[str, str]]]:
    """Detectors to run on a ``lang`` article, and ``(id, reason)`` for those skipped."""
    run, skipped = [], []
    for det in load_all().values():
        if not config.enabled(det.id):
            continue
        if det.supports(lang):
            run.append(det)
        else:
            skipped.append((det.id, f"does not support language “{lang}”"))
    return run, sorted(skipped)  # registration order depends on import order: not part of the output


def detect(
    document: Document, config: Config | None = None, tags: DocumentTags | None = None
) -> tuple[dict[str, list[Flag]], list]:
    """Flags per segment id from every active detector, and the skipped detectors;
    ``tags`` is Apertium's tagging of the document, optional evidence for some rules."""
    config = config or resolve()
    detectors, skipped = active_detectors(document.lang, config)
    ctx = build_context(document, config, tags)
    flags: dict[str, list[Flag]] = {seg.id: [] for seg in document.segments}
    for block in document.blocks:
        for flag in _block_flags(detectors, ctx, block):
            flags[flag.segment].append(flag)
    return flags, skipped


def _block_flags(detectors: list[Detector], ctx: Context, block: Block) -> Iterator[Flag]:
    """Every detector's flags in ``block``; a detector whose trigger fails is not run."""
    if not block.segments:
        return
    gated = triggers.enabled()
    for det in detectors:
        trigger = det.trigger if gated else None
        if det.scope == "block":
            if trigger is None or trigger(ctx, block):
                for flag in det.func(det, ctx, block):
                    yield flag.for_segment(_owner(block, flag.start))
            continue
        for seg in block.segments:
            if trigger is None or trigger(ctx, block, seg):
                for flag in det.func(det, ctx, block, seg):
                    yield flag.for_segment(seg.id)


def _owner(block: Block, offset: int) -> str:
    owner = block.segments[0]
    for seg in block.segments:
        if seg.start <= offset:
            owner = seg
    return owner.id


def analyse(
    document: Document,
    config: Config | None = None,
    *,
    engine: Engine | None = None,
    source_text: str | None = None,
    tags: DocumentTags | None = None,
    **overrides: object,
) -> DocumentReport:
    """Run the detectors (and the engine's round trips, if given) and give verdicts.

    ``engine`` adds a ``backtranslation`` record per segment and engine flags
    (``origin="engine:<name>"``) to the same verdict; ``source_text`` is the original
    article for the bilingual comparison. When the engine is Apertium, its tagger's
    reading of the article is evidence for the detectors too (:func:`apertium_tags`);
    ``tags`` gives that reading without the engine (tests, benchmarks).
    """
    config = resolve(config, **overrides)
    _say_if_unsupported(document.lang)
    if tags is None:
        tags = apertium_tags(document, engine, config)
    with _collector_paused():
        flags, skipped = detect(document, config, tags)
    extra: dict[str, dict] = {}
    if engine is not None:  # engine evidence: see postedit.backtranslation
        extra, engine_flags = score_document(
            engine, document, config.source_lang, source_text=source_text
        )
        for flag in engine_flags:
            if config.enabled(flag.rule):  # --rules/--skip-rules name engine rules too
                flags[flag.segment].append(flag)
    with _collector_paused():
        for seg in document.segments:
            flags[seg.id], used = filter_flags(flags[seg.id], document.text, config.lexicon)
            if used:  # which remembered decisions changed this verdict, for JSONL and provenance
                extra[seg.id] = {**extra.get(seg.id, {}), "lexicon": [e.describe() for e in used]}
        reports = tuple(
            segment_report(block, seg, flags[seg.id], document.lang, extra.get(seg.id))
            for block, seg in document.iter_segments()
        )
    return summarise(document, reports, skipped)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the detectors run and the verdicts are given.

    They allocate flags, tokens and reports by the hundred thousand, and the collector kept
    scanning them (and, twice, all of memory) for cycles they do not form: 0.1 s CPU of a
    12,000-sentence article. Reference counting still frees them; the collector runs again
    when the block is done. (Not around an engine's round trips: those are not ours.)
    """
    if not gc.isenabled():  # paused already (a caller's own pause, or an outer analysis)
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def apertium_tags(document: Document, engine: Engine | None, config: Config) -> DocumentTags | None:
    """Apertium's tags of ``document`` when Apertium is the engine in use, else None: so a
    report without that engine (``--engine none``) never depends on them."""
    if engine is None or engine.name != "apertium":
        return None
    return tag_document(document, config.source_lang)


def _say_if_unsupported(lang: str) -> None:
    """One line, once per language, when most rules cannot check an article's language."""
    if lang not in SUPPORTED:
        notice_once(
            f"text in “{lang}”: postedit's language rules cover {', '.join(SUPPORTED)}, so only "
            "language-independent checks ran (if the language was guessed wrong, set it with --lang)"
        )


_FLAG_ORDER = attrgetter("start", "end", "rule")  # offset order; in C, asked once per sentence


def segment_report(
    block: Block, seg: Segment, flags: Iterable[Flag], lang: str, extra: dict | None = None
) -> SegmentReport:
    ordered = tuple(sorted(flags, key=_FLAG_ORDER))
    points = penalty(ordered) if ordered else 0
    seg_lang = next((f.lang for f in ordered if f.rule == "untranslated" and f.lang), lang)
    words = word_count(seg.text)
    return SegmentReport(
        seg,
        block,
        ordered,
        scoring().verdict_of(points),  # verdict(ordered), without adding the points up again
        points,
        quality(points, words),
        seg_lang,
        extra or {},
        words,
    )


def summarise(
    document: Document, reports: tuple[SegmentReport, ...], skipped: Iterable[tuple[str, str]]
) -> DocumentReport:
    points = sum(r.penalty for r in reports)
    words = sum(r.words for r in reports)
    return DocumentReport(
        document, reports, tuple(skipped), points, quality(points, words, min_words=1), words
    )


def _repeat_of(facts: _RecheckFacts, segment_id: str, new_text: str) -> dict[str, str]:
    """``{segment_id: earlier id}`` when the edited text repeats an earlier sentence."""
    words = sentence_words(new_text)
    if len(words) < REPEAT_MIN_WORDS:
        return {}
    earlier = facts.first_with.get(words)
    here = facts.positions.get(segment_id, len(facts.positions))
    if earlier is None or facts.positions[earlier] >= here:
        return {}
    return {segment_id: earlier}


@dataclass(frozen=True)
class _RecheckFacts:
    """What every recheck of one article needs, built once: ``apply`` and the review UI
    recheck one edited sentence at a time, and rebuilding these per sentence made a long
    article quadratic."""

    context: Context
    positions: dict[str, int]  # segment id -> reading position
    first_with: dict[tuple[str, ...], str]  # word sequence -> first segment id with it


_LAST_FACTS: list[_RecheckFacts] = []  # those of the article rechecked last


def _recheck_facts(document: Document, config: Config) -> _RecheckFacts:
    if _LAST_FACTS and _LAST_FACTS[0].context.document is document \
            and _LAST_FACTS[0].context.config == config:
        return _LAST_FACTS[0]
    positions: dict[str, int] = {}
    first_with: dict[tuple[str, ...], str] = {}
    for position, (_block, seg) in enumerate(document.iter_segments()):
        positions[seg.id] = position
        first_with.setdefault(sentence_words(seg.text), seg.id)
    facts = _RecheckFacts(build_context(document, config), positions, first_with)
    _LAST_FACTS[:] = [facts]
    return facts


def recheck(
    document: Document, segment_id: str, new_text: str, config: Config | None = None
) -> SegmentReport:
    """The report for ``segment_id`` if its text were ``new_text`` (offsets local to the edit).

    Builds a one-sentence copy of its paragraph so that sentence and paragraph
    detectors both run; the document-wide name evidence of the original is kept.
    """
    config = config or resolve()
    block = document.block_of(segment_id)
    segment = Segment(segment_id, 0, len(new_text), new_text)
    edited_block = Block(block.id, block.kind, 0, len(new_text), new_text, (segment,))
    if not new_text.strip():
        return segment_report(edited_block, segment, (), document.lang)
    detectors, _ = active_detectors(document.lang, config)
    facts = _recheck_facts(document, config)
    ctx = replace(
        facts.context,
        document=replace(document, blocks=(edited_block,)),
        repeats=_repeat_of(facts, segment_id, new_text),
    )
    flags = [f for f in _block_flags(detectors, ctx, edited_block) if f.segment == segment_id]
    flags, used = filter_flags(flags, new_text, config.lexicon)
    extra = {"lexicon": [e.describe() for e in used]} if used else None
    return segment_report(edited_block, segment, flags, document.lang, extra)

