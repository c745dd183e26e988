"""JSON Lines: records are separated by ``\\n`` and nothing else.

``str.splitlines`` also breaks at U+2028, U+2029, U+0085 and other characters
that JSON allows unescaped inside strings, which would cut a valid record in
two. Reading splits on ``\\n`` only (a ``\\r`` before it belongs to the line
ending); writing escapes those characters so any line splitter reads the
output back.
"""

from __future__ import annotations

import json
from typing import Any

# Characters str.splitlines() breaks at that may appear raw inside a JSON string.
_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085",
                  "\x1c": "\\u001c", "\x1d": "\\u001d", "\x1e": "\\u001e",
                  "\x0b": "\\u000b", "\x0c": "\\u000c"}
_ESCAPES = str.maketrans(_LINE_BREAKERS)
# json escapes every control character (\x0b, \x0c, \x1c-\x1e among them): of the characters
# above only these can stand raw in its output, and only in a line that is not ASCII. Three
# substring tests cost a twentieth of a search for the whole class.
_RAW_IN_JSON = ("\u2028", "\u2029", "\u0085")


def split_lines(text: str, *, keepends: bool = False) -> list[str]:
    """The lines of ``text``, split at ``\\n`` only (``\\r\\n`` endings stay with their line)."""
    pieces = text.split("\n")
    if keepends:
        lines = [piece + "\n" for piece in pieces[:-1]]
        return lines + [pieces[-1]] if pieces[-1] else lines
    if pieces and pieces[-1] == "":
        pieces.pop()
    return [piece[:-1] if piece.endswith("\r") else piece for piece in pieces]


# ``json.dumps(value, ensure_ascii=False)`` builds a new encoder on every call: a report
# writes one line per sentence, so it keeps one (the same C encoder, the same bytes).
_UNICODE = json.JSONEncoder(ensure_ascii=False).encode


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` whose output never contains a character that splits lines."""
    text = _UNICODE(value) if options == {"ensure_ascii": False} else json.dumps(value, **options)
    # str.translate walks every character: most lines have nothing to escape.
    if text.isascii() or not any(map(text.__contains__, _RAW_IN_JSON)):
        return text
    return text.translate(_ESCAPES)
