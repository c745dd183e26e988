"""The core library never imports the UI: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import postedit
import postedit.cli
import postedit.pipeline
leaked = sorted(name for name in ("textual", "postedit_tui") if name in sys.modules)
print(",".join(leaked))
"""


def test_core_and_cli_do_not_import_textual_or_the_ui() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == ""
