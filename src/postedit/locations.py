"""Where postedit keeps its files: cache, config and data directories.

All paths come from platformdirs, or from ``$POSTEDIT_HOME/{cache,config,data}``
when ``POSTEDIT_HOME`` is set (tests and portable installs). Nothing is created
at import time; callers create what they write into.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "postedit"
HOME_ENV = "POSTEDIT_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def cache_dir() -> Path:
    """Directory for disposable data (the translation cache)."""
    home = _home()
    if home is not None:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


def config_dir() -> Path:
    """Directory for the user's configuration."""
    home = _home()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Directory for data the user would not want to lose (provenance, models)."""
    home = _home()
    if home is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))
