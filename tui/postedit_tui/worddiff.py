"""Word-level diff of two sentences, for suggestion previews and the diff screen.

Uses the library's diff core (:func:`postedit.diffing.segment_diff`) when it is
installed, so the UI and ``postedit diff`` agree; otherwise a difflib word diff
in :func:`_difflib_diff`. Either way the result is a list of ``(tag, before,
after)`` with ``tag`` one of ``equal``, ``delete``, ``insert``, ``replace``.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

DiffStep = tuple[str, str, str]

_TOKEN = re.compile(r"\s+|\w+(?:[’'\-]\w+)*|[^\w\s]")


def word_diff(before: str, after: str) -> list[DiffStep]:
    try:
        from postedit.diffing import segment_diff
    except ImportError:
        return _difflib_diff(before, after)
    return [(op.tag, op.before, op.after) for op in segment_diff(before, after)]


def _difflib_diff(before: str, after: str) -> list[DiffStep]:
    a = _TOKEN.findall(before)
    b = _TOKEN.findall(after)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [
        (tag, "".join(a[i1:i2]), "".join(b[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
