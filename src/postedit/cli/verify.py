"""The ``diff`` and ``verify`` commands: what changed and who changed it; is the record intact.

Thin click commands over :mod:`postedit.diffing` (rendered by :mod:`postedit.diff_render`)
and :mod:`postedit.verify`.
"""

from __future__ import annotations

import sys

import click

from postedit.cli.common import emit, epilog, use_color
from postedit.diff_render import FORMATS
from postedit.errors import ExitCode, InputError, PosteditError


@click.command("diff", epilog=epilog("""
Examples:
  postedit diff article.txt article.edited.txt
  postedit diff article.txt article.edited.txt --format unified | git apply --check
  postedit diff article.txt article.edited.txt --format html -o review.html
"""))
@click.argument("original")
@click.argument("edited")
@click.option("--prov", help="Provenance of EDITED (default EDITED.prov.json when it exists).")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
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
    from postedit.diff_render import DiffPage, render
    from postedit.diffing import diff_files

    result = diff_files(original, edited, prov)
    colored = fmt == "term" and use_color(color) and not (output and output != "-")
    page = DiffPage(result.diffs, result.original_text, result.edited_text, original, edited,
                    colored)
    emit(render(fmt, page), output, colored)


@click.command("verify", epilog=epilog("""
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



COMMANDS = [diff_command, verify_command]
