"""The ``score`` and ``rules`` commands: sentence scores of articles, and the rule catalogue."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import click

from postedit.cli.common import (
    analysis_options,
    config_from,
    engine_options,
    epilog,
    setting,
    source_lang_and_note,
)
from postedit.engines import ENGINE_CHOICES, EngineConfig
from postedit.errors import ExitCode
from postedit.reporting import FORMATS


def batch_settings(
    engine: str,
    source_lang: str,
    source_path: str | None,
    device: str,
    no_cache: bool,
    articles: tuple[str, ...],
    jobs: int,
) -> Any:
    """How ``score`` runs its engines and workers (see postedit.batch)."""
    from postedit.batch import BatchSettings
    from postedit.pairing import read_source_text

    if source_path is not None and len(articles) != 1:
        raise click.UsageError("--source needs exactly one ARTICLE")
    if source_path is not None and engine == "none":
        engines = [name for name in ENGINE_CHOICES if name != "none"]
        raise click.UsageError(
            f"--source needs an engine (--engine {', '.join(engines[:-1])} or {engines[-1]})")
    return BatchSettings(
        engine=engine,
        source_lang=source_lang,
        engine_config=EngineConfig(device=device, use_cache=not no_cache),
        source_text=read_source_text(source_path) if source_path else None,
        jobs=jobs,
        progress=sys.stderr.isatty(),
    )


@click.command(epilog=epilog("""
Examples:
  postedit score fixtures/articles/floods-valencia-en.txt
  postedit score news/ --format jsonl --fail-under 90 > scores.jsonl
  postedit score news/ -j 2 --engine apertium --source-lang es
  postedit score 'archive/*.jsonl' --cluster local:4 --output-dir scores/
"""))
@click.argument("articles", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    help="Output format (default: table on a terminal, jsonl otherwise).",
)
@click.option(
    "--fail-under",
    type=float,
    help="Exit 1 when any document's quality score (0-100) is below this.",
)
@click.option("--color/--no-color", default=None, help="Force colour on or off in the table.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
    help="Worker processes; output keeps the input order.",
)  # fmt: skip
@click.option("--cluster", "cluster_address", metavar="ADDRESS", help="Score on a Dask cluster: "
              "tcp://HOST:8786, local or local:N. Needs pip install 'postedit[cluster]'.")
@click.option("--output-dir", metavar="DIR", help="With --cluster: one result file per input shard "
              "in DIR; a rerun skips shards already scored.")
@engine_options
@analysis_options
def score(
    articles: tuple[str, ...],
    fmt: str | None,
    fail_under: float | None,
    color: bool | None,
    lang: str | None,
    rules: str | None,
    skip_rules: str | None,
    engine: str | None,
    source_lang: str | None,
    source_path: str | None,
    device: str,
    no_cache: bool,
    jobs: int,
    cluster_address: str | None,
    output_dir: str | None,
) -> None:
    """Score machine-translated ARTICLES sentence by sentence.

    ARTICLES are .txt/.md files (blank-line paragraphs), .jsonl collections
    ({"id", "text"} per line), directories of those, or - for stdin.
    """
    from dataclasses import replace

    from postedit.batch import score_paths
    from postedit.reporting import render

    engine = setting("engine", engine)
    source_lang, note = source_lang_and_note(source_lang, engine)
    config = config_from(lang, rules, skip_rules, source_lang=source_lang)
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    below: list[str] = []
    settings = batch_settings(engine, source_lang, source_path, device, no_cache, articles, jobs)
    settings = replace(settings, source_lang_note=note)
    if output_dir is not None and cluster_address is None:
        raise click.UsageError("--output-dir needs --cluster (try --cluster local)")
    if cluster_address is not None:
        from postedit.cli.cluster import score_on_cluster

        score_on_cluster(articles, config, settings, cluster_address, output_dir, fmt, color, fail_under)
        return

    def reports() -> Iterator[Any]:
        for report in score_paths(articles, config, settings):
            if fail_under is not None and report.score < fail_under:
                below.append(f"{report.document.id} scored {report.score:.1f} < {fail_under:g}")
            yield report

    render(reports(), fmt, sys.stdout, color)
    if below:
        for line in below:
            click.echo(f"postedit: {line}", err=True)
        sys.exit(int(ExitCode.QUALITY_BELOW_THRESHOLD))


@click.command(epilog=epilog("""
Examples:
  postedit rules
  postedit rules --format json | jq -r '.[].id'
"""))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def rules(fmt: str) -> None:
    """List the rule catalogue: detectors, then the engine evidence rules.

    For each: id, MQM category, severity, languages, scope (segment or block
    for detectors; engine: needs a round trip; source: needs --source).
    """
    import json

    rows = rule_rows()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        langs = row["languages"] if isinstance(row["languages"], str) else ",".join(row["languages"])
        click.echo(f"{row['id']:22} {row['category']:28} {row['severity']:6} {langs:18} "
                   f"{row['scope']:8} {row['description']}")


def rule_rows() -> list[dict]:
    """Every rule id with its metadata: the detectors, then the engine evidence rules."""
    from postedit.detectors import load_all
    from postedit.engine_rules import ENGINE_RULES

    rows = [
        {"id": det.id, "category": det.category, "severity": det.severity,
         "languages": sorted(det.languages) if det.languages else "all",
         "scope": det.scope, "origin": "detector", "description": det.description}
        for det in load_all().values()
    ]
    rows += [
        {"id": rule.id, "category": rule.category, "severity": rule.severity,
         "languages": "engine pairs", "scope": rule.scope, "origin": "engine",
         "description": rule.description}
        for rule in ENGINE_RULES.values()
    ]
    return rows

COMMANDS = [score, rules]
