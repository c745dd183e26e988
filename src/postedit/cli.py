"""The ``postedit`` command line: thin click commands over the library.

stdout is data, stderr is diagnostics. Every :class:`PosteditError` is printed
as one line (``postedit: error: FILE: problem``) with its exit code; a
traceback appears only with ``--debug``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from postedit import __version__
from postedit.cli_lexicon import LEXICON_OPTIONS
from postedit.config import Config, resolve
from postedit.errors import ExitCode, PosteditError
from postedit.verdict import Scoring, use_scoring

F = Callable[..., Any]


class PosteditGroup(click.Group):
    """A click group that turns PosteditError into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PosteditError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"postedit: error: {exc}", err=True)
            ctx.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("postedit: interrupted", err=True)
            ctx.exit(int(ExitCode.INTERRUPTED))
        except BrokenPipeError:
            ctx.exit(0)


def _epilog(examples: str) -> str:
    """Examples shown at the very end of ``--help`` (after the options), lines kept as written."""
    return "\b\n" + examples.strip("\n")


@click.group(cls=PosteditGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=_epilog("""
Examples:
  postedit score article.txt
  postedit rules
"""))
@click.version_option(__version__, prog_name="postedit")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("--config", "config_file", metavar="FILE",
              help="Settings file (TOML; default: $POSTEDIT_CONFIG, else config.toml in the user "
              "config directory). See: postedit config show")
@click.option("--max-input-mb", type=click.FloatRange(min=0, min_open=True), metavar="MB",
              help="Largest input to read (default 64, or $POSTEDIT_MAX_INPUT_MB).")
@click.pass_context
def main(ctx: click.Context, debug: bool, config_file: str | None,
         max_input_mb: float | None) -> None:
    """Find and repair garbled machine translation."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["config_file"] = config_file
    if max_input_mb is not None:  # readers and --jobs workers read it from the environment
        import os

        from postedit.readers import MAX_INPUT_ENV

        os.environ[MAX_INPUT_ENV] = str(max_input_mb)


def user_settings() -> dict[str, Any]:
    """The effective settings of the config file (read once per command)."""
    from postedit.user_config import load_settings

    obj = click.get_current_context().find_root().ensure_object(dict)
    if "settings" not in obj:
        obj["settings"] = load_settings(obj.get("config_file"))
    return obj["settings"]


def setting(key: str, option: Any) -> Any:
    """The command-line option when given, else the config file's value, else the default."""
    return option if option is not None else user_settings()[key].value


def source_lang_and_note(option: str | None, engine: str) -> tuple[str, str | None]:
    """--source-lang, else the config file's; with the built-in default, also a notice that
    says so and how to change it (None when nothing was assumed or no engine needs it)."""
    from postedit.user_config import DEFAULT_ORIGIN

    if option is not None:
        return option, None
    chosen = user_settings()["source_lang"]
    if chosen.origin != DEFAULT_ORIGIN or engine == "none":
        return str(chosen.value), None
    return str(chosen.value), (
        f"assuming the articles were translated from “{chosen.value}” (the default); name the "
        "language with --source-lang, or set source_lang in the config file (postedit config show)"
    )


def chosen_source_lang(option: str | None, engine: str) -> str:
    """:func:`source_lang_and_note`, saying the notice at once."""
    lang, note = source_lang_and_note(option, engine)
    if note:
        from postedit.notices import notice_once

        notice_once(note)
    return lang


def analysis_options(func: F) -> F:
    """Options shared by every command that analyses articles."""
    options = [
        click.option("--lang", help="Language of the text (ISO 639-1); detected when omitted."),
        click.option(
            "--rules",
            help="Comma-separated detector ids to run (default: all). See the README catalogue.",
        ),
        click.option("--skip-rules", help="Comma-separated detector ids not to run."),
        *LEXICON_OPTIONS,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def chosen_site() -> str:
    """The ``--site`` name (recorded with remembered fixes too), "" when not given."""
    return str(click.get_current_context().find_root().ensure_object(dict).get("site") or "")


def chosen_lexicon() -> Any:
    """The user's lexicon, the config file's ``lexicon`` files, then the --lexicon files."""
    from postedit.user_lexicon import load

    obj = click.get_current_context().find_root().ensure_object(dict)
    files = [*user_settings()["lexicon"].value, *obj.get("lexicon_files", ())]
    return load(files, obj.get("site") or "")


def config_from(lang: str | None, rules: str | None, skip_rules: str | None, **more: Any) -> Config:
    """The analysis settings: the options, else the config file's rules and skip_rules."""
    chosen_rules = _rule_list(rules)
    if chosen_rules is None and user_settings()["rules"].value is not None:
        chosen_rules = tuple(user_settings()["rules"].value)
    chosen_skip = _rule_list(skip_rules)
    if chosen_skip is None:
        chosen_skip = tuple(user_settings()["skip_rules"].value)
    return resolve(lang=lang, rules=chosen_rules, skip_rules=chosen_skip,
                   scoring=chosen_scoring(), lexicon=chosen_lexicon(), **more)


def chosen_scoring() -> Scoring:
    """The config file's weights and thresholds, in force for this process from now on
    (``--jobs`` workers get them with the Config)."""
    scoring = Scoring.from_settings(user_settings()["weights"].value,
                                    user_settings()["thresholds"].value)
    use_scoring(scoring)
    return scoring


def _rule_list(value: str | None) -> tuple[str, ...] | None:
    from postedit.detectors import parse_rule_list

    return parse_rule_list(value)


def engine_options(func: F) -> F:
    """Back-translation engine options (see postedit.engines and postedit.backtranslation)."""
    options = [
        click.option(
            "--engine",
            type=click.Choice(["auto", "argos", "apertium", "none"]),
            help="Engine for round-trip scores: auto (the default, or engine in the config "
            "file) uses Argos if installed, else Apertium.",
        ),
        click.option(
            "--source-lang",
            help="Language the articles were translated from (default: source_lang in the "
            "config file, else es).",
        ),
        click.option(
            "--source",
            "source_path",
            help="The original (source-language) article, for bilingual checks.",
        ),
        click.option(
            "--device",
            type=click.Choice(["cpu", "cuda"]),
            default="cpu",
            show_default=True,
            help="Where Argos models run.",
        ),
        click.option("--no-cache", is_flag=True, help="Do not use the translation cache."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


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
    from postedit.engines import EngineConfig
    from postedit.pairing import read_source_text

    if source_path is not None and len(articles) != 1:
        raise click.UsageError("--source needs exactly one ARTICLE")
    if source_path is not None and engine == "none":
        raise click.UsageError("--source needs an engine (--engine auto, argos or apertium)")
    return BatchSettings(
        engine=engine,
        source_lang=source_lang,
        engine_config=EngineConfig(device=device, use_cache=not no_cache),
        source_text=read_source_text(source_path) if source_path else None,
        jobs=jobs,
        progress=sys.stderr.isatty(),
    )


@main.command(epilog=_epilog("""
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
    type=click.Choice(["table", "jsonl", "csv", "json"]),
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
        from postedit.cli_cluster import score_on_cluster

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


@main.command(epilog=_epilog("""
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


@main.command(epilog=_epilog("""
Examples:
  postedit review fixtures/articles/floods-valencia-en.txt
  postedit review news.jsonl --record 42 --editor "Ann Editor"
"""))
@click.argument("article")
@click.option("--source", "source_path", help="The original (source-language) article, if known.")
@click.option("--source-lang", help="Language translated from (default: the config file's, else es).")
@click.option(
    "--engine",
    type=click.Choice(["auto", "argos", "apertium", "none"]),
    help="Back-translation engine for round-trip scores (default: the config file's, else auto).",
)
@click.option("-o", "--output", help="Where to save the edited article (default ARTICLE.edited.EXT).")
@click.option("--editor", help="Name recorded in the provenance (default: the config file's editor, "
              "else git user.name, else the login name).")
@click.option("--record", "record_id", help="For a .jsonl collection: the id of the article to review.")
@click.option("--memory-file", type=click.Path(dir_okay=False),
              help="Edit memory to suggest from and add to (default: the user's data directory).")
@analysis_options
def review(
    article: str,
    source_path: str | None,
    source_lang: str | None,
    engine: str | None,
    output: str | None,
    editor: str | None,
    record_id: str | None,
    memory_file: str | None,
    lang: str | None,
    rules: str | None,
    skip_rules: str | None,
) -> None:
    """Open ARTICLE in the review UI to repair it sentence by sentence."""
    from postedit.extras import require_extra

    run_review = require_extra("tui", "the review UI", "postedit_tui", "run_review")
    engine = setting("engine", engine)
    # The UI covers stderr while it runs: the assumed language is not said here.
    config = config_from(lang, rules, skip_rules,
                         source_lang=source_lang_and_note(source_lang, engine)[0])
    run_review(
        article,
        config=config,
        source_path=source_path,
        engine=engine,
        output=output,
        editor=setting("editor", editor),
        record=record_id,
        memory=memory_file,
        site=chosen_site(),
    )


def _register_commands() -> None:
    from postedit.cli_cluster import cluster_group
    from postedit.cli_config import config_group
    from postedit.cli_engines import cache_group, models_group
    from postedit.cli_lexicon import lexicon_group
    from postedit.cli_review import COMMANDS
    from postedit.cli_sign import COMMANDS as SIGN_COMMANDS

    groups = (models_group, cache_group, config_group, cluster_group, lexicon_group)
    for command in (*COMMANDS, *SIGN_COMMANDS, *groups):
        main.add_command(command)


_register_commands()


def run() -> None:
    main(obj={})


if __name__ == "__main__":
    run()
