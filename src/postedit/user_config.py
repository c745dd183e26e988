"""The user's configuration file: TOML, read with tomllib, and where each setting came from.

One file is read: ``--config FILE``, else ``$POSTEDIT_CONFIG``, else
``config.toml`` in the platformdirs config directory (see :mod:`postedit.locations`;
a missing default file is fine). Command-line options override the file;
:func:`load_settings` keeps, for every key, its value and its origin, which is
what ``postedit config show`` prints.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from postedit.engines import ENGINE_CHOICES
from postedit.errors import InputError
from postedit.verdict import GARBLED_AT, SEVERITY_WEIGHTS

ENV = "POSTEDIT_CONFIG"
FILE_NAME = "config.toml"
DEFAULTS: dict[str, Any] = {
    "source_lang": "es",
    "engine": "auto",
    "editor": None,  # None: git config user.name, else the login name
    "rules": None,  # None: every rule
    "skip_rules": [],
    "lexicon": [],
    "weights": dict(SEVERITY_WEIGHTS),
    "thresholds": {"garbled": GARBLED_AT},
}
DEFAULT_ORIGIN = "default"


@dataclass(frozen=True)
class Setting:
    """One effective setting: its value and where it came from (``default``, a file, an option)."""

    value: Any
    origin: str


def config_file(explicit: str | None = None) -> tuple[Path, str, bool]:
    """The file to read, how it was chosen, and whether it must exist."""
    if explicit:
        return Path(explicit), "--config", True
    if os.environ.get(ENV):
        return Path(os.environ[ENV]), ENV, True
    from postedit.locations import config_dir

    return config_dir() / FILE_NAME, "user config directory", False


def load_settings(explicit: str | None = None) -> dict[str, Setting]:
    """Every setting with its origin: the defaults, overlaid with the config file's values."""
    path, _how, required = config_file(explicit)
    settings = {key: Setting(value, DEFAULT_ORIGIN) for key, value in DEFAULTS.items()}
    if not path.exists():
        if required:
            raise InputError("config file not found", path=str(path))
        return settings
    for key, value in _read(path).items():
        settings[key] = Setting(_checked(key, value, path), str(path))
    return settings


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML ({exc})", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the config file ({exc})", path=str(path)) from None


def _checked(key: str, value: Any, path: Path) -> Any:
    """``value`` if it fits ``key``; an InputError naming the file and the key otherwise."""
    if key not in DEFAULTS:
        raise InputError(f"unknown setting {key!r} (known: {', '.join(DEFAULTS)})", path=str(path))
    problem = _problem(key, value)
    if problem:
        raise InputError(f"{key}: {problem}", path=str(path))
    if key in ("rules", "skip_rules"):
        from postedit.detectors import parse_rule_list

        try:
            return list(parse_rule_list(",".join(value)) or ())
        except InputError as exc:
            raise InputError(f"{key}: {exc}", path=str(path)) from None
    if key == "lexicon":  # relative to the config file, as people write them
        return [str((path.parent / item).resolve()) for item in value]
    return dict(DEFAULTS[key], **value) if isinstance(value, dict) else value


def _problem(key: str, value: Any) -> str | None:
    if key in ("source_lang", "editor") and not (isinstance(value, str) and value.strip()):
        return "expected a non-empty string"
    if key == "engine" and value not in ENGINE_CHOICES:
        return f"expected one of {', '.join(ENGINE_CHOICES)}"
    if key in ("rules", "skip_rules", "lexicon") and not (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    ):
        return "expected a list of strings"
    if key in ("weights", "thresholds"):
        return _number_table_problem(value, DEFAULTS[key])
    return None


def _number_table_problem(value: Any, default: Mapping[str, float]) -> str | None:
    if not isinstance(value, dict):
        return f"expected a table with {', '.join(default)}"
    unknown = [k for k in value if k not in default]
    if unknown:
        return f"unknown keys {', '.join(unknown)} (known: {', '.join(default)})"
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and v >= 0
               for v in value.values()):
        return "expected numbers of 0 or more"
    return None


def effective(settings: Mapping[str, Setting], key: str, option: Any, option_name: str) -> Setting:
    """The option's value when given on the command line, else the setting's."""
    if option is not None:
        return Setting(option, option_name)
    return settings[key]
