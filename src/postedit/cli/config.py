"""The ``config`` command: the effective settings and where each one came from."""

from __future__ import annotations

import json

import click

from postedit.cli.common import user_settings

# Settings the file accepts and validates that the analysis does not use yet.
NOT_APPLIED: tuple[str, ...] = ()


@click.group("config", epilog="\b\nExample:\n  postedit config show")
def config_group() -> None:
    """The settings file (TOML): defaults for source language, engine, editor, rules..."""


@config_group.command("show", epilog="\b\nExamples:\n  POSTEDIT_CONFIG=team.toml postedit config show\n"
                      "  postedit --config team.toml config show --format json")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def show_config(fmt: str) -> None:
    """Print every effective setting and where it came from (default or the file).

    Options given to a command override these for that command.
    """
    from postedit.user_config import config_file

    root = click.get_current_context().find_root().ensure_object(dict)
    path, how, _required = config_file(root.get("config_file"))
    settings = user_settings()
    if fmt == "json":
        click.echo(json.dumps({
            "file": {"path": str(path), "chosen_by": how, "exists": path.exists()},
            "settings": {k: {"value": s.value, "origin": s.origin, "applied": k not in NOT_APPLIED}
                         for k, s in settings.items()},
        }, ensure_ascii=False, indent=2))
        return
    state = "" if path.exists() else " (not there: defaults apply)"
    click.echo(f"# config file: {path} (from {how}){state}")
    for key, item in settings.items():
        pending = " (read and checked; not applied yet)" if key in NOT_APPLIED else ""
        click.echo(f"{key} = {_toml(item.value)}  # {item.origin}{pending}")


def _toml(value: object) -> str:
    """A value as it would be written in the TOML file (None: not set)."""
    if value is None:
        return "(not set)"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    return json.dumps(value, ensure_ascii=False)


COMMANDS = [config_group]
