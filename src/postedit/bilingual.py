"""Bilingual checks (``--source ORIGINAL``): align the original with the MT and compare.

Sentences of the original are aligned to the segments of the machine
translation with the moves 1-1, 1-2, 2-1, 0-1 and 1-0 by dynamic programming
(Gale-Church lengths plus the Bleualign idea: how similar the engine's own
translation of the source is to the given MT). For every MT segment we then
report the forward chrF++ (engine translation of the source vs. the given MT),
the back chrF++ (back-translation of the MT vs. the source), numbers and names
found on one side only, and omissions or additions by length ratio.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from postedit.backtranslation import RoundTrip, sentence_scores
from postedit.document import Document, Segment
from postedit.engines.base import Engine
from postedit.flags import Flag
from postedit.pairing import source_sentences

MOVES = ((1, 1), (1, 2), (2, 1), (0, 1), (1, 0))
MERGE_COST = 0.3  # 1-2 and 2-1 must be clearly better than 1-1 to win
SKIP_COST = 0.65  # an unaligned sentence costs about as much as a poor match
LENGTH_WEIGHT = 0.3
OMISSION_RATIO = 0.5  # MT shorter than half what the source's length predicts
ADDITION_RATIO = 2.0
MIN_CHARS_FOR_RATIO = 25
_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")
_NAME = re.compile(r"(?<=[\w,;:)\]”\"]\s)[A-ZÁÉÍÓÚÑ][\w’'-]{2,}")  # not sentence-initial


@dataclass(frozen=True)
class Alignment:
    """Which source sentences (indices) correspond to which MT segments (indices)."""

    source: tuple[int, ...]
    target: tuple[int, ...]

    @property
    def move(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"


def align(sources: Sequence[str], targets: Sequence[str], forward: Sequence[str]) -> list[Alignment]:
    """Best monotone alignment; ``forward[i]`` is the engine's translation of ``sources[i]``."""
    n, m = len(sources), len(targets)
    ratio = (sum(map(len, targets)) + 1) / (sum(map(len, sources)) + 1)
    band = max(10, (max(n, m) + 4) // 5)
    cost = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) == (0, 0) or abs(i * m / max(n, 1) - j) > band + 2:
                continue
            best = _best_move(i, j, cost, sources, targets, forward, ratio)
            if best is not None:
                cost[(i, j)] = best
    return _backtrace(cost, n, m)


def _best_move(i, j, cost, sources, targets, forward, ratio):  # type: ignore[no-untyped-def]
    best = None
    for di, dj in MOVES:
        previous = cost.get((i - di, j - dj))
        if previous is None:
            continue
        step = _move_cost(sources[i - di : i], targets[j - dj : j], forward[i - di : i], ratio)
        total = previous[0] + step
        if best is None or total < best[0]:
            best = (total, (di, dj))
    return best


def _move_cost(src: Sequence[str], tgt: Sequence[str], fwd: Sequence[str], ratio: float) -> float:
    if not src or not tgt:
        return SKIP_COST
    chrf, _ = sentence_scores(" ".join(fwd), " ".join(tgt))
    expected = sum(map(len, src)) * ratio
    length = abs(math.log((sum(map(len, tgt)) + 1) / (expected + 1)))
    merge = MERGE_COST if len(src) + len(tgt) > 2 else 0.0
    return (1 - chrf / 100) + LENGTH_WEIGHT * length + merge


def _backtrace(cost: dict, n: int, m: int) -> list[Alignment]:
    out = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = cost[(i, j)][1]
        out.append(Alignment(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return out[::-1]


def numbers(text: str) -> set[str]:
    return {re.sub(r"[.,\s]", "", n) for n in _NUMBER.findall(text)}


def names(text: str) -> set[str]:
    return {n.rstrip("’'-") for n in _NAME.findall(text)}


def one_sided(source: str, target: str, forward: str) -> list[dict]:
    """Numbers and names found on one side only (names may be translated: the forward MT counts)."""
    found = []
    src_nums, tgt_nums = numbers(source), numbers(target)
    found += [{"side": "target", "kind": "number", "text": n} for n in sorted(tgt_nums - src_nums)]
    found += [{"side": "source", "kind": "number", "text": n} for n in sorted(src_nums - tgt_nums)]
    known = (source + " " + forward).lower()
    found += [
        {"side": "target", "kind": "name", "text": n} for n in sorted(names(target)) if n.lower() not in known
    ]
    return found


def bilingual_extras(
    engine: Engine,
    document: Document,
    segments: Sequence[Segment],
    trips: Sequence[RoundTrip],
    source_text: str,
    source_lang: str,
) -> tuple[dict[str, dict], list[Flag]]:
    """``{segment id: {"source": ...}}`` for the JSONL and the flags of the comparison."""
    sources = source_sentences(source_text)
    forward = [t.text for t in engine.translate(sources, source_lang, document.lang)]
    targets = [seg.text for seg in segments]
    back = {t.segment: t.pivot_text for t in trips}
    ratio = (sum(map(len, targets)) + 1) / (sum(map(len, sources)) + 1)
    extras: dict[str, dict] = {}
    flags: list[Flag] = []
    for link in align(sources, targets, forward):
        for j in link.target:
            seg = segments[j]
            info = _compare(link, sources, forward, seg, back.get(seg.id, ""), ratio, len(link.target))
            extras[seg.id] = {"source": info}
            flags += _bilingual_flags(seg, info, engine.name)
    return extras, flags


def _compare(link, sources, forward, seg, back_text, ratio, group_size):  # type: ignore[no-untyped-def]
    source = " ".join(sources[i] for i in link.source)
    fwd = " ".join(forward[i] for i in link.source)
    forward_chrf, _ = sentence_scores(fwd, seg.text)
    back_chrf, _ = sentence_scores(back_text, source)
    length_ratio = None
    if source and len(source) >= MIN_CHARS_FOR_RATIO:
        length_ratio = round(len(seg.text) * group_size / (len(source) * ratio), 3)
    return {
        "alignment": link.move,
        "text": source,
        "forward_text": fwd,
        "forward_chrf": forward_chrf,
        "back_chrf": back_chrf,
        "length_ratio": length_ratio,
        "one_sided": one_sided(source, seg.text, fwd) if source else [],
    }


def _bilingual_flags(seg: Segment, info: dict, engine: str) -> list[Flag]:
    found = [_length_problem(info)]
    mismatched = [d["text"] for d in info["one_sided"] if d["kind"] == "number"]
    if mismatched:
        why = f"Numbers differ from the original: {', '.join(mismatched)}."
        found.append(("engine-number-mismatch", "accuracy/mistranslation", why))
    return [_flag(seg, engine, *problem) for problem in found if problem is not None]


def _length_problem(info: dict) -> tuple[str, str, str] | None:
    ratio = info["length_ratio"]
    if info["alignment"] == "0-1":
        return "engine-addition", "accuracy/addition", "No sentence of the original matches this."
    if ratio is not None and ratio < OMISSION_RATIO:
        return "engine-omission", "accuracy/omission", "Much shorter than the original: a gap?"
    if ratio is not None and ratio > ADDITION_RATIO:
        return "engine-addition", "accuracy/addition", "Much longer than the original: an addition?"
    return None


def _flag(seg: Segment, engine: str, rule: str, category: str, message: str) -> Flag:
    return Flag(
        rule,
        category,
        "minor",
        seg.start,
        seg.end,
        message,
        origin=f"engine:{engine}",
        segment=seg.id,
    )
