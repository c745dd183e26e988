"""The ``export`` and ``import`` commands: XLIFF 2.1 for CAT tools, and the W3C PROV view.

Thin click commands over :mod:`postedit.formats.xliff`, :mod:`postedit.formats.xliff_import`
and :mod:`postedit.formats.prov`.
"""

from __future__ import annotations

import os

import click

from postedit.cli.common import chosen_scoring, chosen_source_lang, edit_memory, epilog, setting


@click.command("export", epilog=epilog("""
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
    return chosen_source_lang(None, "export")


def _prov_json(article: str, prov: str | None) -> bytes:
    from postedit.formats.prov import dumps
    from postedit.provenance import read_record
    from postedit.writers import sidecar_path

    return dumps(read_record(prov or sidecar_path(article)))


@click.command("import", epilog=epilog("""
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
    from postedit.formats.xliff_import import import_file

    saved = import_file(xliff, output=output, input_path=input_path,
                        editor=setting("editor", editor), force=force,
                        memory=edit_memory(memory_file))
    click.echo(f"{xliff}: imported to {saved.output}, provenance {saved.sidecar}", err=True)



COMMANDS = [export_command, import_command]
