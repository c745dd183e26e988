"""Garble recall: inject every surface garble type into clean news text and score it.

Run: .venv/bin/python bench/bench_garble.py [--seed 1] [--per-type 10] [--lang en,de] [-v]

Builds garbled copies of fixtures/clean/{lang}.txt with tests/garble.py (seeded), runs
postedit's detectors (no engine) and prints recall per garble type, per language and
overall, and the false-flag rate on untouched sentences, with the targets beside them.
A garble is found when a segment overlapping its span is not ``ok`` or is in a
``boilerplate`` block (the rule of /work/shared/tools/eval-corpus). A segment that
overlaps no garble and is flagged is a false flag. With -v every miss is listed.
Prints figures only; no assertion.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from garble import LANGS, TYPES, Garble, GarbledText, garble_texts  # noqa: E402

from postedit.config import resolve  # noqa: E402
from postedit.pipeline import SegmentReport, analyse, make_document  # noqa: E402

RECALL_TARGET = 0.95
FALSE_FLAG_TARGET = 0.02


@dataclass
class BenchResult:
    """Counts behind the table: found/injected per (type, lang), false flags per lang."""

    injected: Counter[tuple[str, str]] = field(default_factory=Counter)
    found: Counter[tuple[str, str]] = field(default_factory=Counter)
    untouched: Counter[str] = field(default_factory=Counter)
    false_flags: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[Garble, str]] = field(default_factory=list)
    false_flag_texts: list[tuple[str, str, str]] = field(default_factory=list)

    def recall(self, type_id: str | None = None, lang: str | None = None) -> float | None:
        keys = [k for k in self.injected
                if type_id in (None, k[0]) and lang in (None, k[1])]
        total = sum(self.injected[k] for k in keys)
        return sum(self.found[k] for k in keys) / total if total else None

    def false_flag_rate(self, lang: str | None = None) -> float | None:
        total = sum(n for k, n in self.untouched.items() if lang in (None, k))
        flagged = sum(n for k, n in self.false_flags.items() if lang in (None, k))
        return flagged / total if total else None


def flagged(report: SegmentReport) -> bool:
    return report.verdict != "ok" or report.block.kind == "boilerplate"


def score(doc: GarbledText, result: BenchResult) -> None:
    """Run the detectors on one garbled document and add its counts to ``result``."""
    config = resolve(lang=doc.lang)
    report = analyse(make_document(doc.doc_id, doc.text, config=config), config)
    segments = report.segments
    for garble in doc.garbles:
        over = [s for s in segments
                if s.segment.start < garble.end and s.segment.end > garble.start]
        key = (garble.type, doc.lang)
        result.injected[key] += 1
        if any(flagged(s) for s in over):
            result.found[key] += 1
        else:
            context = " ".join(s.segment.text for s in over)
            result.misses.append((garble, context))
    for seg in segments:
        if any(seg.segment.start < g.site_end and seg.segment.end > g.site_start
               for g in doc.garbles):
            continue
        result.untouched[doc.lang] += 1
        if flagged(seg):
            result.false_flags[doc.lang] += 1
            rules = ",".join(sorted({f.rule for f in seg.flags})) or seg.block.kind
            result.false_flag_texts.append((doc.lang, rules, seg.segment.text))


def run_bench(seed: int = 1, per_type: int = 10, langs: tuple[str, ...] = LANGS,
              types: list[str] | None = None) -> BenchResult:
    """Garble, score, count: the bench without its printing."""
    result = BenchResult()
    for doc in garble_texts(seed, per_type, langs, types):
        score(doc, result)
    return result


def _cell(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def table(result: BenchResult, langs: tuple[str, ...]) -> list[str]:
    """Recall per type (rows) and language (columns), then per language, then false flags."""
    width = max(len(t) for t in TYPES) + 2
    head = "".join(f"{lang:>6}" for lang in langs)
    lines = [f"{'recall':<{width}}{head}   all  n   (target >= {RECALL_TARGET:.2f})"]
    for type_id in TYPES:
        cells = "".join(f"  {_cell(result.recall(type_id, lang))}" for lang in langs)
        total = sum(n for (t, _), n in result.injected.items() if t == type_id)
        overall = result.recall(type_id)
        mark = "" if overall is not None and overall >= RECALL_TARGET else "  <"
        lines.append(f"{type_id:<{width}}{cells}  {_cell(overall)} {total:3d}{mark}")
    cells = "".join(f"  {_cell(result.recall(lang=lang))}" for lang in langs)
    lines.append(f"{'all types':<{width}}{cells}  {_cell(result.recall())} "
                 f"{sum(result.injected.values()):3d}")
    cells = "".join(f"  {_cell(result.false_flag_rate(lang))}" for lang in langs)
    lines.append(f"{'false flags':<{width}}{cells}  {_cell(result.false_flag_rate())} "
                 f"{sum(result.untouched.values()):3d}   (target <= {FALSE_FLAG_TARGET:.2f})")
    return lines


def details(result: BenchResult) -> list[str]:
    lines = ["misses:"]
    for garble, context in result.misses:
        lines.append(f"  {garble.lang} {garble.type}: {garble.text!r} in {context!r}")
    lines.append("false flags (distinct):")
    for lang, rules, text in sorted(set(result.false_flag_texts)):
        lines.append(f"  {lang} [{rules}] {text!r}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-type", type=int, default=10)
    parser.add_argument("--lang", default=",".join(LANGS), help="comma-separated codes")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false flags")
    args = parser.parse_args()
    langs = tuple(args.lang.split(","))
    result = run_bench(args.seed, args.per_type, langs)
    if args.verbose:
        print("\n".join(details(result)))
    print(f"garble bench: seed {args.seed}, {args.per_type} per type and language")
    print("\n".join(table(result, langs)))


if __name__ == "__main__":
    main()
