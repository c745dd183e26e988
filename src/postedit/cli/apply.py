"""The ``apply`` command: the detectors' mechanical fixes, saved with provenance.

A thin click command over :func:`postedit.applying.apply_file`; ``--dry-run``
prints the diff in one of :data:`postedit.diff_render.FORMATS`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import click

from postedit.cli.common import (
    LEXICON_OPTIONS,
    chosen_lexicon,
    chosen_scoring,
    chosen_site,
    edit_memory,
    epilog,
    rule_list,
    setting,
    use_color,
)
from postedit.diff_render import FORMATS
from postedit.errors import ExitCode, InputError, PosteditError


@click.command("apply", epilog=epilog("""
Examples:
  postedit apply article.txt --rules glued-words,missing-space --remove-boilerplate
  postedit apply news/*.txt --jobs 2 --editor "Ann Editor"
  postedit apply article.txt --dry-run --format unified | less
"""))
@click.argument("articles", nargs=-1, required=True)
@click.option("--rules", help="Comma-separated rules to fix (default: every rule with a fix).")
@click.option("--remove-boilerplate", is_flag=True, help="Remove web chrome (Source link...).")
@click.option("-o", "--output", help="Output file (one ARTICLE only; default ARTICLE.edited.EXT).")
@click.option("--prov", help="Provenance sidecar path (default OUTPUT.prov.json).")
@click.option("--in-place", is_flag=True, help="Overwrite ARTICLE, keeping ARTICLE.EXT.bak.")
@click.option("--force", is_flag=True, help="Overwrite an existing output and sidecar.")
@click.option("--editor", help="Name recorded in the provenance (default: git user.name, login).")
@click.option("--dry-run", is_flag=True, help="Print the diff instead of writing anything.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="term",
              show_default=True, help="Diff format for --dry-run.")
@click.option("--color/--no-color", default=None, help="Force colour on or off (--dry-run).")
@click.option("--lang", help="Language of the text (ISO 639-1); detected when omitted.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Articles processed in parallel.")
@click.option("--memory", "use_memory", is_flag=True,
              help="Apply fixes remembered for exactly the same sentence (edit memory).")
@click.option("--memory-file", type=click.Path(dir_okay=False),
              help="Edit memory to read and add to (default: the user's data directory).")
@LEXICON_OPTIONS[0]
@LEXICON_OPTIONS[1]
def apply_command(
    articles: tuple[str, ...], rules: str | None, remove_boilerplate: bool, output: str | None,
    prov: str | None, in_place: bool, force: bool, editor: str | None, dry_run: bool, fmt: str,
    color: bool | None, lang: str | None, jobs: int, use_memory: bool, memory_file: str | None,
) -> None:
    """Apply the detectors' mechanical fixes to ARTICLES and save them with provenance.

    Each change is recorded as a rule:ID revision in OUTPUT.prov.json, exactly
    as the review UI would record it. ARTICLES are .txt/.md/.jsonl files or -.
    """
    from postedit.readers import expand_paths

    paths = expand_paths(list(articles))
    if (output or prov) and len(paths) > 1:
        raise InputError("-o/--prov name one file; give one ARTICLE (or none of them)")
    if in_place and output:
        raise InputError("use either --in-place or -o, not both")
    options = {"lexicon": chosen_lexicon(), "scoring": chosen_scoring(), "rules": rule_list(rules),
               "remove_boilerplate": remove_boilerplate,
               "output": output, "sidecar": prov, "in_place": in_place, "force": force,
               "editor": setting("editor", editor), "dry_run": dry_run, "lang": lang,
               "memory": edit_memory(memory_file), "use_memory": use_memory,
               "site": chosen_site()}
    failures = 0
    for _path, result in _run_all(paths, options, jobs):
        if isinstance(result, PosteditError):
            click.echo(f"postedit: error: {result}", err=True)
            failures += 1
        else:
            _report_apply(result, fmt, color)
    if failures:
        sys.exit(int(ExitCode.USAGE_OR_INPUT))


def _run_all(paths: Sequence[str], options: dict, jobs: int) -> Any:
    if jobs == 1 or len(paths) == 1:
        for path in paths:
            yield path, _apply_one(path, options)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        yield from zip(paths, pool.map(_apply_one, paths, [options] * len(paths)), strict=True)


def _apply_one(path: str, options: dict) -> Any:
    """One article; errors come back as values so the other articles still run."""
    from postedit.applying import apply_file
    from postedit.config import resolve
    from postedit.verdict import use_scoring

    options = dict(options)
    use_scoring(options["scoring"])  # a --jobs worker process starts with the defaults
    config = resolve(lang=options.pop("lang"), lexicon=options.pop("lexicon"),
                     scoring=options.pop("scoring"))
    try:
        return apply_file(path, config=config, **options)
    except PosteditError as exc:
        return exc


def _report_apply(result: Any, fmt: str, color: bool | None) -> None:
    if result.output is None:  # dry run
        colored = fmt == "term" and use_color(color)
        click.echo(_format_diffs(result, colored, fmt), nl=False, color=colored or None)
        return
    where = "stdout" if result.output == "-" else result.output
    extra = f", backup {result.backup}" if result.backup else ""
    sidecar = f", provenance {result.sidecar}" if result.sidecar else ""
    counts = f"{result.revisions} revision(s) on {result.segments} segment(s)"
    click.echo(f"{result.input}: {counts} -> {where}{sidecar}{extra}", err=True)


def _format_diffs(result: Any, color: bool, fmt: str) -> str:
    from postedit.diff_render import DiffPage, render

    page = DiffPage(result.diffs, result.original_text, result.output_text, result.input,
                    "(dry run)", color)
    return render(fmt, page)


COMMANDS = [apply_command]
