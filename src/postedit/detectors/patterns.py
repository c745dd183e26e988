"""Regular expressions compiled on first use.

Python compiles every ``re.compile`` of a module when the module is imported: for
the block classifier's hundred-odd phrase patterns that is a sixth of scoring a
short article, and most articles only ever test a few of them. :func:`compile`
returns a stand-in that compiles its pattern the first time a method is asked for
and from then on hands out the compiled pattern's own bound methods (no lookup
cost on later calls).
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class _Pending:
    """A pattern not compiled yet; any attribute compiles it."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(*self._source)
            # Later look-ups of these find them in the instance dict, without __getattr__.
            for method in _METHODS:
                self.__dict__[method] = getattr(compiled, method)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"patterns.compile({self._source[0]!r}, {self._source[1]!r})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 (re's name)
    """``re.compile(pattern, flags)``, done on first use."""
    return cast("re.Pattern[str]", _Pending(pattern, flags))
