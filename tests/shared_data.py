"""Where the project's shared development data lives, in one place for every test.

The labelled corpus and the seed article are not in the repository (their sentences are
not ours to ship): they sit in ``shared/`` next to the checkout, or wherever
``$POSTEDIT_SHARED`` points. Tests that read them skip with :data:`WHY_MISSING` where
the folder is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POSTEDIT_SHARED") or ROOT.parent / "shared")
SEED = SHARED / "dev" / "seed-article.txt"
WHY_MISSING = f"the shared seed article is not here ({SEED}; set POSTEDIT_SHARED)"
