"""The core library never imports the UI, and loads heavy libraries only when used.

Checked in a fresh interpreter per module: ``import postedit.X`` must not pull in Textual
or the UI package (the core never depends on them), nor Rich, the engines' runtimes,
langdetect or dask (start-up time: they load when a command needs them).
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import postedit

NEVER = ("textual", "postedit_tui")
LAZY = ("rich", "argostranslate", "stanza", "torch", "ctranslate2", "langdetect", "dask")
CHECK = """
import importlib, sys
importlib.import_module({module!r})
print(",".join(sorted(name for name in {watched!r} if name in sys.modules)))
"""


def _core_modules() -> list[str]:
    found = pkgutil.walk_packages(postedit.__path__, prefix="postedit.")
    return sorted(module.name for module in found if not module.name.endswith(".__main__"))


def _leaked(module: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(module=module, watched=NEVER + LAZY)],
        capture_output=True, text=True, check=True,
    )
    return done.stdout.strip()


def test_every_core_module_is_walked() -> None:
    modules = _core_modules()
    assert {"postedit.cli", "postedit.pipeline", "postedit.notices"} <= set(modules)
    assert len(modules) > 40


def test_core_modules_import_neither_the_ui_nor_heavy_libraries() -> None:
    script = "\n".join(
        ["import importlib, sys", f"watched = {NEVER + LAZY!r}", "bad = []"]
        + [
            f"importlib.import_module({name!r}); "
            f"bad += [({name!r}, n) for n in watched if n in sys.modules]"
            for name in _core_modules()
        ]
        + ["print(sorted(set(bad)))"]
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_the_cli_alone_stays_light() -> None:
    assert _leaked("postedit.cli") == ""

