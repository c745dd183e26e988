"""The ``postedit`` command line: thin click commands over the library.

stdout is data, stderr is diagnostics. Every :class:`PosteditError` is printed
as one line (``postedit: error: FILE: problem``) with its exit code; a
traceback appears only with ``--debug``.

Each module of this package holds a few commands in its ``COMMANDS`` list
(``score``, ``review``, ``apply``, ``verify``, ``xliff``, ``engines``, ``config``,
``cluster``, ``lexicon``, ``sign``); :mod:`postedit.cli.common` holds the options
and settings they share. Heavy work is imported inside the commands.
"""

from __future__ import annotations

from typing import Any

import click

from postedit import __version__
from postedit.cli import (
    apply,
    cluster,
    common,
    config,
    engines,
    lexicon,
    review,
    score,
    sign,
    verify,
    xliff,
)
from postedit.errors import ExitCode, PosteditError


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


@click.group(cls=PosteditGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=common.epilog("""
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


def _register_commands() -> None:
    for module in (score, review, apply, verify, xliff, engines, config, cluster, lexicon, sign):
        for command in module.COMMANDS:
            main.add_command(command)


_register_commands()


def run() -> None:
    main(obj={})
