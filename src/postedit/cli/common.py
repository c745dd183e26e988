"""What the ``postedit`` commands share: option decorators and the effective settings.

Settings come from the command line when given, else the config file (read once per
command and kept in the root click context), else the built-in defaults.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click

from postedit.config import Config, resolve
from postedit.engines import ENGINE_CHOICES
from postedit.verdict import Scoring, use_scoring

F = Callable[..., Any]


def epilog(examples: str) -> str:
    """Examples shown at the very end of ``--help`` (after the options), lines kept as written."""
    return "\b\n" + examples.strip("\n")


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Keep --lexicon/--site in the root context for :func:`chosen_lexicon`."""
    ctx.find_root().ensure_object(dict)[param.name or ""] = value
    return value


LEXICON_OPTIONS = [
    click.option("--lexicon", "lexicon_files", multiple=True, metavar="FILE", expose_value=False,
                 callback=_remember, help="A team lexicon (JSONL) on top of your own; "
                 "repeatable. See: postedit lexicon list"),
    click.option("--site", metavar="NAME", expose_value=False, callback=_remember,
                 help="The site the articles come from (for per-site boilerplate)."),
]


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
    chosen_rules = rule_list(rules)
    if chosen_rules is None and user_settings()["rules"].value is not None:
        chosen_rules = tuple(user_settings()["rules"].value)
    chosen_skip = rule_list(skip_rules)
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


def rule_list(value: str | None) -> tuple[str, ...] | None:
    """``--rules a,b`` as a tuple of checked ids (None when not given)."""
    from postedit.detectors import parse_rule_list

    return parse_rule_list(value)


def engine_options(func: F) -> F:
    """Back-translation engine options (see postedit.engines and postedit.backtranslation)."""
    options = [
        click.option(
            "--engine",
            type=click.Choice(ENGINE_CHOICES),
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



def use_color(color: bool | None, stream: Any = None) -> bool:
    """--color/--no-color when given, else colour on a terminal unless NO_COLOR is set."""
    if color is not None:
        return color
    stream = stream or sys.stdout
    return bool(stream.isatty()) and "NO_COLOR" not in os.environ


def emit(text: str, output: str | None, color: bool = False) -> None:
    """Write ``text`` to ``output`` (atomically, never clobbering) or stdout."""
    if not output or output == "-":
        click.echo(text, nl=False, color=color or None)  # click strips ANSI unless told
        return
    from postedit.writers import write_atomic

    write_atomic(output, text.encode("utf-8"))


def edit_memory(path: str | None) -> Any:
    """The edit memory at ``--memory-file`` (default: the user's data directory)."""
    from postedit.edit_memory import load

    return load(path)
