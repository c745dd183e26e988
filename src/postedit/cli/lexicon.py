"""``postedit lexicon``: list, add, remove, import and export remembered decisions.

The lexicon itself lives in :mod:`postedit.user_lexicon`; the ``--lexicon`` and
``--site`` options that ``score``, ``apply`` and ``review`` share are in
:mod:`postedit.cli.common`.
"""

from __future__ import annotations

import json

import click

from postedit.cli.common import setting


@click.group("lexicon", epilog="\b\nExample:\n  postedit lexicon add Romero --why 'mayor'")
def lexicon_group() -> None:
    """Words and names marked fine, rules dismissed, boilerplate per site."""


@lexicon_group.command("list", epilog="\b\nExample:\n  postedit lexicon list --format jsonl")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def list_command(fmt: str) -> None:
    """The entries of your own lexicon file (its path goes to stderr)."""
    from postedit.user_lexicon import read_entries, user_file

    path = user_file()
    click.echo(f"# {path}", err=True)
    for entry in read_entries(path) if path.exists() else []:
        if fmt == "jsonl":
            click.echo(json.dumps(entry.to_json(), ensure_ascii=False))
        else:
            click.echo(f"{entry.describe()}\t{entry.who}\t{entry.when}\t{entry.why}")


@lexicon_group.command("add", epilog="\b\nExample:\n  postedit lexicon add Romerosaid "
                       "--kind dismiss --rule glued-words")
@click.argument("text")
@click.option("--kind", type=click.Choice(["fine", "dismiss", "boilerplate"]), default="fine",
              show_default=True)
@click.option("--rule", default="", help="The rule (needed for dismiss).")
@click.option("--site", "site_name", default="", help="The site (boilerplate).")
@click.option("--why", default="", help="Why, for whoever reads the lexicon later.")
@click.option("--who", default=None, help="Who decided (default: the config file's editor).")
def add_command(text: str, kind: str, rule: str, site_name: str, why: str,
                who: str | None) -> None:
    """Add an entry to your own lexicon."""
    from postedit import user_lexicon
    from postedit.errors import InputError
    from postedit.provenance import utc_now

    entry = user_lexicon.Entry(kind, text, rule, site_name, who or setting("editor", None) or "",
                               utc_now(), why)
    problem = user_lexicon.entry_problem(entry)
    if problem:
        raise InputError(problem)
    added = user_lexicon.add(entry)
    click.echo(f"{'added' if added else 'already there'}: {entry.describe()}", err=True)


@lexicon_group.command("remove", epilog="\b\nExample:\n  postedit lexicon remove Romero")
@click.argument("text")
@click.option("--kind", type=click.Choice(["fine", "dismiss", "boilerplate"]), default="fine")
@click.option("--rule", default="")
@click.option("--site", "site_name", default="")
def remove_command(text: str, kind: str, rule: str, site_name: str) -> None:
    """Remove an entry from your own lexicon."""
    from postedit.user_lexicon import remove

    click.echo(f"removed {remove(kind, text, rule, site_name)} entry(ies)", err=True)


@lexicon_group.command("import", epilog="\b\nExample:\n  postedit lexicon import team.jsonl")
@click.argument("path")
def import_command(path: str) -> None:
    """Add a team file's entries to your own lexicon (entries already there are kept once)."""
    from postedit.user_lexicon import add, read_entries

    added = sum(add(entry) for entry in read_entries(path))
    click.echo(f"imported {added} entry(ies)", err=True)


@lexicon_group.command("export", epilog="\b\nExample:\n  postedit lexicon export > team.jsonl")
def export_command() -> None:
    """Your own lexicon as JSON lines on stdout, to share as a team file."""
    from postedit.user_lexicon import read_entries, user_file

    path = user_file()
    for entry in read_entries(path) if path.exists() else []:
        click.echo(json.dumps(entry.to_json(), ensure_ascii=False))


COMMANDS = [lexicon_group]
