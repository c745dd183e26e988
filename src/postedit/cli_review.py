"""The ``apply``, ``diff``, ``verify``, ``export`` and ``import`` commands.

Thin click commands: each calls one core function (:mod:`postedit.applying`,
:mod:`postedit.diffing`, :mod:`postedit.verify`, :mod:`postedit.formats.xliff`)
and formats its result. ``cli.py`` adds everything in ``COMMANDS`` to the
``postedit`` group, which prints :class:`PosteditError` as one line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import click

from postedit.cli_lexicon import LEXICON_OPTIONS
from postedit.errors import ExitCode, InputError, PosteditError


def _rules(value: str | None) -> tuple[str, ...] | None:
    from postedit.detectors import parse_rule_list

    return parse_rule_list(value)


def _epilog(examples: str) -> str:
    """Examples shown at the very end of ``--help``, lines kept as written."""
    return "\b\n" + examples.strip("\n")


def _color(color: bool | None, stream: Any = None) -> bool:
    if color is not None:
        return color
    stream = stream or sys.stdout
    return bool(stream.isatty()) and "NO_COLOR" not in os.environ


def _emit(text: str, output: str | None, color: bool = False) -> None:
    """Write ``text`` to ``output`` (atomically, never clobbering) or stdout."""
    if not output or output == "-":
        click.echo(text, nl=False, color=color or None)  # click strips ANSI unless told
        return
    from postedit.writers import write_atomic

    write_atomic(output, text.encode("utf-8"))


# --- apply ---------------------------------------------------------------------------------


@click.command("apply", epilog=_epilog("""
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
@click.option("--format", "fmt", type=click.Choice(["term", "unified", "json"]), default="term",
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
    from postedit.cli import chosen_lexicon, chosen_scoring, chosen_site, setting

    options = {"lexicon": chosen_lexicon(), "scoring": chosen_scoring(), "rules": _rules(rules),
               "remove_boilerplate": remove_boilerplate,
               "output": output, "sidecar": prov, "in_place": in_place, "force": force,
               "editor": setting("editor", editor), "dry_run": dry_run, "lang": lang,
               "memory": _memory(memory_file), "use_memory": use_memory,
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


def _memory(path: str | None) -> Any:
    from postedit.edit_memory import load

    return load(path)


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
        use_color = fmt == "term" and _color(color)
        click.echo(_format_diffs(result, use_color, fmt), nl=False, color=use_color or None)
        return
    where = "stdout" if result.output == "-" else result.output
    extra = f", backup {result.backup}" if result.backup else ""
    sidecar = f", provenance {result.sidecar}" if result.sidecar else ""
    counts = f"{result.revisions} revision(s) on {result.segments} segment(s)"
    click.echo(f"{result.input}: {counts} -> {where}{sidecar}{extra}", err=True)


def _format_diffs(result: Any, color: bool, fmt: str) -> str:
    from postedit import diff_render

    if fmt == "unified":
        name = os.path.basename(result.input)
        return diff_render.render_unified(result.original_text, result.output_text, name,
                                          result.diffs)
    if fmt == "json":
        return diff_render.render_json(result.diffs, result.input, "(dry run)")
    return diff_render.render_term(result.diffs, color=color)


# --- diff ----------------------------------------------------------------------------------


@click.command("diff", epilog=_epilog("""
Examples:
  postedit diff article.txt article.edited.txt
  postedit diff article.txt article.edited.txt --format unified | git apply --check
  postedit diff article.txt article.edited.txt --format html -o review.html
"""))
@click.argument("original")
@click.argument("edited")
@click.option("--prov", help="Provenance of EDITED (default EDITED.prov.json when it exists).")
@click.option("--format", "fmt", type=click.Choice(["term", "unified", "json", "html"]),
              default="term", show_default=True, help="Output format.")
@click.option("--color/--no-color", default=None, help="Force colour on or off (term).")
@click.option("-o", "--output", help="Write to this file instead of stdout.")
def diff_command(
    original: str, edited: str, prov: str | None, fmt: str, color: bool | None,
    output: str | None,
) -> None:
    """Show word-level changes per sentence between ORIGINAL and EDITED.

    With a provenance record, each change says who made it and why (the rule
    and its message, or the editor). The unified format feeds git apply/patch.
    """
    from postedit import diff_render
    from postedit.diffing import diff_files

    result = diff_files(original, edited, prov)
    if fmt == "unified":
        text = diff_render.render_unified(result.original_text, result.edited_text,
                                          os.path.basename(original), result.diffs)
    elif fmt == "json":
        text = diff_render.render_json(result.diffs, original, edited)
    elif fmt == "html":
        text = diff_render.render_html(result.diffs, original, edited)
    else:
        use_color = _color(color) and not (output and output != "-")
        text = diff_render.render_term(result.diffs, color=use_color)
        _emit(text, output, use_color)
        return
    _emit(text, output)


# --- verify --------------------------------------------------------------------------------


@click.command("verify", epilog=_epilog("""
Examples:
  postedit verify article.edited.txt
  postedit verify news/*.edited.txt --format json
  postedit verify article.edited.txt --pubkey editor.key.pub
"""))
@click.argument("edited", nargs=-1, required=True)
@click.option("--prov", help="Provenance record (one EDITED only; default EDITED.prov.json).")
@click.option("--input", "input_path", help="The original article, if it moved (one EDITED only).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one line per file; json: one object per line.")
@click.option("--pubkey", help="Also require the sidecar's signature (SIDECAR.sig) by this "
              "public key (postedit keygen; needs the [sign] extra).")
def verify_command(edited: tuple[str, ...], prov: str | None, input_path: str | None,
                   fmt: str, pubkey: str | None) -> None:
    """Check each EDITED file against its provenance: hashes, chain, replay of every revision.

    Prints OK, or the first broken link (file, segment, revision), per file
    (prefixed with the file's name when there are several); exits 1 when any
    is broken, 2 when one cannot be read.
    """
    if (prov or input_path) and len(edited) > 1:
        raise InputError("--prov and --input name one record; give one EDITED")
    if "-" in edited and not prov:
        raise InputError("reading EDITED from stdin needs --prov")
    outcomes = [_verify_one(path, prov, input_path, fmt, len(edited) > 1, pubkey) for path in edited]
    if ExitCode.USAGE_OR_INPUT in outcomes:
        sys.exit(int(ExitCode.USAGE_OR_INPUT))
    if ExitCode.QUALITY_BELOW_THRESHOLD in outcomes:
        sys.exit(int(ExitCode.QUALITY_BELOW_THRESHOLD))


def _verify_one(path: str, prov: str | None, input_path: str | None, fmt: str,
                named: bool, pubkey: str | None = None) -> ExitCode:
    """Verify one file and print its line; an unreadable one is an error line, not a stop."""
    import json

    from postedit.verify import verify
    from postedit.writers import sidecar_path

    try:
        result = verify(path, prov, input_path)
        if pubkey:
            from postedit.signing import signed_result

            result = signed_result(result, prov or sidecar_path(path), pubkey)
    except PosteditError as exc:
        if not named:
            raise
        click.echo(f"postedit: error: {exc}", err=True)
        return ExitCode.USAGE_OR_INPUT
    if fmt == "json":
        click.echo(json.dumps({"path": path, **result.to_json()}))
    else:
        click.echo(f"{path}: {result.line()}" if named else result.line())
    return ExitCode.OK if result.ok else ExitCode.QUALITY_BELOW_THRESHOLD


# --- export / import -----------------------------------------------------------------------


@click.command("export", epilog=_epilog("""
Examples:
  postedit export article.edited.txt -o article.xlf
  postedit export article.edited.txt --format prov-json -o - | jq .activity
  postedit export article.txt --source original-es.txt --source-lang es
"""))
@click.argument("article")
@click.option("--format", "fmt", type=click.Choice(["xliff", "prov-json"]), default="xliff",
              show_default=True, help="xliff for CAT tools; prov-json: the W3C PROV view of "
              "the provenance record.")
@click.option("--prov", help="Provenance of ARTICLE when it is an edited output "
              "(default ARTICLE.prov.json when it exists).")
@click.option("--source", "source_path", help="The source-language article, if known.")
@click.option("--source-lang", help="Language of --source (ISO 639-1).")
@click.option("--input", "input_path", help="The original article of an edited ARTICLE, if it "
              "moved or was read from stdin.")
@click.option("-o", "--output", help="Output file (default ARTICLE.xlf; - for stdout).")
@click.option("--force", is_flag=True, help="Overwrite an existing output.")
def export_command(
    article: str, fmt: str, prov: str | None, source_path: str | None,
    source_lang: str | None, input_path: str | None, output: str | None, force: bool,
) -> None:
    """Export ARTICLE (and its edits) as XLIFF 2.1 with ITS 2.0 annotations.

    Flags become Localization Quality Issues, revisions Provenance records and
    scores MT Confidence, so a CAT tool can continue the work.
    """
    from postedit.cli import chosen_scoring
    from postedit.writers import write_atomic

    chosen_scoring()  # unit states follow the config file's weights, as score's verdicts do
    if fmt == "prov-json":
        data = _prov_json(article, prov)
        target = output or f"{os.path.splitext(article)[0]}.prov-w3c.json"
    else:
        from postedit.formats.xliff import export_file

        target = output or ("-" if article == "-" else f"{os.path.splitext(article)[0]}.xlf")
        data = export_file(article, prov_path=prov, source_path=source_path,
                           source_lang=source_lang or _assumed_source_lang(source_path),
                           input_path=input_path, xliff_path=None if target == "-" else target)
    if article == "-" and not output:
        target = "-"
    write_atomic(target, data, force=force)
    if target != "-":
        click.echo(f"{article}: exported to {target}", err=True)


def _assumed_source_lang(source_path: str | None) -> str | None:
    """Without --source-lang or --source, srcLang is the default source language: say so."""
    if source_path is not None:
        return None  # detected in the source article
    from postedit.cli import chosen_source_lang

    return chosen_source_lang(None, "export")


def _prov_json(article: str, prov: str | None) -> bytes:
    from postedit.formats.prov import dumps
    from postedit.provenance import read_record
    from postedit.writers import sidecar_path

    return dumps(read_record(prov or sidecar_path(article)))


@click.command("import", epilog=_epilog("""
Example:
  postedit import article.xlf -o article.edited.txt
"""))
@click.argument("xliff")
@click.option("-o", "--output", help="Edited article (default: the output named in the file).")
@click.option("--input", "input_path", help="The original article, if it moved.")
@click.option("--editor", help="Name for changes made in the CAT tool (default: git user.name).")
@click.option("--force", is_flag=True, help="Overwrite an existing output and sidecar.")
@click.option("--memory-file", type=click.Path(dir_okay=False),
              help="Edit memory to add the fixes to (default: the user's data directory).")
def import_command(
    xliff: str, output: str | None, input_path: str | None, editor: str | None, force: bool,
    memory_file: str | None,
) -> None:
    """Bring an XLIFF file back as an edited article plus provenance.

    Targets changed in the CAT tool become new human revisions.
    """
    from postedit.cli import setting
    from postedit.formats.xliff_import import import_file

    saved = import_file(xliff, output=output, input_path=input_path,
                        editor=setting("editor", editor), force=force,
                        memory=_memory(memory_file))
    click.echo(f"{xliff}: imported to {saved.output}, provenance {saved.sidecar}", err=True)


COMMANDS = [apply_command, diff_command, verify_command, export_command, import_command]
