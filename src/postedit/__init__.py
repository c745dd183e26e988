"""postedit: find and repair garbled machine translation.

The library never imports Textual; the review UI lives in the separate
``postedit_tui`` package and only calls into this one.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
