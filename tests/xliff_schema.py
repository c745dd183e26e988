"""The OASIS XLIFF 2.1 schemas, for tests that validate exports.

A copy of the OASIS XLIFF 2.1 core and module schemas (copyright OASIS Open, unchanged, with
the README that says where they come from) lives in ``tests/data/xliff-2.1-schemas``, so
every run validates; ``$POSTEDIT_XLIFF_SCHEMAS`` points at another folder holding
``all.xsd``. Should the folder be missing, ``schema()`` is ``None`` and
``test_xliff.py::test_exports_pass_the_oasis_schemas`` skips with the reason; under CI
(``$CI`` set) a missing schema is a failure, never a skip.
``tests/`` is put on ``sys.path`` by each module that imports this one.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parent / "data" / "xliff-2.1-schemas"
WHY_MISSING = ("the XLIFF 2.1 schemas are not here: set POSTEDIT_XLIFF_SCHEMAS to a folder "
               "with the OASIS all.xsd (exports were checked for well-formedness only)")


def schema_entry() -> Path:
    return Path(os.environ.get("POSTEDIT_XLIFF_SCHEMAS") or SHARED) / "all.xsd"


@functools.cache
def schema() -> Any:
    """The compiled lxml ``XMLSchema``, or ``None`` where the schemas are absent."""
    entry = schema_entry()
    if not entry.exists():
        return None
    from lxml import etree  # a translate-toolkit dependency; listed in the dev extra too

    return etree.XMLSchema(etree.parse(str(entry)))


def schema_errors(xml: bytes) -> list[str]:
    """The schema's complaints about ``xml`` (empty when valid, or when there is no schema)."""
    compiled = schema()
    if compiled is None:
        return []
    from lxml import etree

    if compiled.validate(etree.fromstring(xml)):
        return []
    return [f"{error.line}: {error.message}" for error in compiled.error_log][:5]
