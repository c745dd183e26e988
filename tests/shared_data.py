"""Where the project's shared development data lives, in one place for every test.

The labelled corpus and the seed article are not in the repository (their sentences are
not ours to ship): they sit wherever ``$POSTEDIT_SHARED`` points, else in ``shared/`` next
to the checkout, else in the workspace's ``/work/shared`` (a clone made elsewhere).
Tests that read them skip with :data:`WHY_MISSING` where the folder is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PLACES = [Path(os.environ["POSTEDIT_SHARED"])] if os.environ.get("POSTEDIT_SHARED") else [
    ROOT.parent / "shared", Path("/work/shared")]
SHARED = next((place for place in _PLACES if place.is_dir()), _PLACES[0])
SEED = SHARED / "dev" / "seed-article.txt"
WHY_MISSING = f"the shared seed article is not here ({SEED}; set POSTEDIT_SHARED)"
