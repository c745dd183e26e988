"""Score `postedit score --format jsonl` records against hand labels, as eval-labels does.

A labelled span counts as flagged when a segment overlapping it has a verdict
other than ``ok`` or is boilerplate; captions must overlap a ``caption``
segment; attributions must not be flagged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Evaluation:
    missed: list[str]
    false_flags: list[str]
    clean: int
    captions_missed: list[str]
    attributions_flagged: list[str]


def records_from_jsonl(output: str) -> list[dict]:
    rows = [json.loads(line) for line in output.splitlines() if line.strip()]
    return [row for row in rows if "start" in row and "end" in row]


def labels_for(article: Path) -> dict:
    return json.loads(article.with_name(article.stem + ".labels.json").read_text("utf-8"))


def evaluate(text: str, records: list[dict], labels: dict) -> Evaluation:
    def over(quote: str) -> list[dict]:
        start = text.index(quote)
        end = start + len(quote)
        return [r for r in records if r["start"] < end and r["end"] > start]

    def flagged(quote: str) -> bool:
        return any(r["verdict"] != "ok" or r["kind"] == "boilerplate" for r in over(quote))

    segments = labels["segments"]
    return Evaluation(
        missed=[s["quote"] for s in segments if s["garbled"] and not flagged(s["quote"])],
        false_flags=[s["quote"] for s in segments if not s["garbled"] and flagged(s["quote"])],
        clean=sum(not s["garbled"] for s in segments),
        captions_missed=[q for q in labels["captions"]
                         if not any(r["kind"] == "caption" for r in over(q))],
        attributions_flagged=[q for q in labels["attribution"] if flagged(q)],
    )
