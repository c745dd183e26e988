"""``postedit models`` and ``postedit cache``: thin commands over engines and the cache.

:mod:`postedit.cli` adds :data:`models_group` and :data:`cache_group` to the
main group; errors are :class:`~postedit.errors.EngineError` and print as one line.
"""

from __future__ import annotations

from pathlib import Path

import click

from postedit.errors import EngineError


def _size(num_bytes: int) -> str:
    size = float(num_bytes)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


@click.group(
    "models",
    help="List, install and remove translation models (Argos packages; Apertium pairs are listed).",
    epilog="\b\nExample:\n  postedit models install --file translate-es_en-1_9.argosmodel",
)
def models_group() -> None:
    """Translation models."""


@models_group.command(
    "list",
    help="Show installed Argos packages (pair, version, size, folder) and Apertium pairs.",
    epilog="\b\nExample:\n  postedit models list",
)
def list_models() -> None:
    from postedit.engines.apertium import apertium_version, installed_modes
    from postedit.engines.argos_packages import installed_packages, packages_dirs

    packages = installed_packages()
    click.echo(f"argos ({', '.join(str(d) for d in packages_dirs())}):")
    if not packages:
        click.echo("  none installed (postedit models install FROM TO)")
    for p in packages:
        click.echo(f"  {p.from_code}->{p.to_code}  v{p.version}  {_size(p.size_bytes)}  {p.path}")
    modes = installed_modes()
    click.echo(f"apertium ({apertium_version()}):" if modes else "apertium: not installed")
    for mode in modes:
        click.echo(f"  {mode}")


@models_group.command(
    "install",
    help="Install an Argos model: FROM TO downloads it from the Argos index (online); "
    "--file installs a downloaded .argosmodel (offline). Archives are checked before "
    "anything is written.",
    epilog="\b\nExamples:\n  postedit models install es en\n"
    "  postedit models install --file translate-es_en-1_9.argosmodel",
)
@click.argument("from_code", required=False)
@click.argument("to_code", required=False)
@click.option(
    "--file", "file_path", type=click.Path(dir_okay=False, path_type=Path),
    help="A .argosmodel file to install instead of downloading.",
)  # fmt: skip
def install_model(from_code: str | None, to_code: str | None, file_path: Path | None) -> None:
    from postedit.engines import argos_packages

    if file_path is not None:
        if from_code or to_code:
            raise click.UsageError("give either FROM TO or --file, not both")
        installed = [argos_packages.install_from_file(file_path)]
    elif from_code and to_code:
        installed = argos_packages.install_from_index(from_code, to_code)
    else:
        raise click.UsageError("give FROM TO (for example: es en) or --file PATH")
    for p in installed:
        click.echo(f"installed {p.from_code}->{p.to_code} v{p.version} in {p.path}")


@models_group.command(
    "remove",
    help="Remove the installed Argos model FROM->TO.",
    epilog="\b\nExample:\n  postedit models remove es en",
)
@click.argument("from_code")
@click.argument("to_code")
def remove_model(from_code: str, to_code: str) -> None:
    from postedit.engines.argos_packages import remove_package

    package = remove_package(from_code, to_code)
    click.echo(f"removed {package.from_code}->{package.to_code} v{package.version}")


@click.group(
    "cache",
    help="The translation cache (SQLite under the user cache directory; POSTEDIT_HOME moves it).",
    epilog="\b\nExample:\n  postedit cache info",
)
def cache_group() -> None:
    """Translation cache."""


@cache_group.command(
    "info", help="Where the cache is, how many results it holds and its size.",
    epilog="\b\nExample:\n  postedit cache info",
)  # fmt: skip
def cache_info() -> None:
    from postedit.engines.cache import TranslationCache

    info = TranslationCache().info()
    click.echo(f"path: {info.path}")
    click.echo(f"entries: {info.entries}")
    click.echo(f"size: {_size(info.size_bytes)}")
    for name, count in info.engines.items():
        click.echo(f"  {name}: {count}")


@cache_group.command(
    "clear",
    help="Delete every cached translation and score.",
    epilog="\b\nExample:\n  postedit cache clear",
)
def cache_clear() -> None:
    from postedit.engines.cache import TranslationCache

    try:
        removed = TranslationCache().clear()
    except OSError as exc:
        raise EngineError(f"cannot clear the translation cache: {exc}") from exc
    click.echo(f"removed {removed} cached results")


COMMANDS = [models_group, cache_group]
