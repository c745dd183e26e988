"""Edit memory: fixes an editor saved, offered again when the same sentence comes back.

Wire copy repeats: the same agency sentence turns up in many articles. Every saved
fix (``postedit review`` save, ``postedit apply``) is appended to a JSONL store as
one :class:`Remembered` (original sentence, fixed sentence, article, site, editor,
time). A later article's sentence is looked up exactly (whitespace-normalised) or
nearly (rapidfuzz ``ratio`` at or above :data:`NEAR_CUTOFF`). Exact matches may be
applied in batch (``apply --memory``, provenance ``memory:ARTICLE``); near matches
are only ever suggested to a person.

The store lives at ``data_dir()/edit-memory.jsonl`` unless a file is named
(``--memory-file FILE``); a newsroom shares one by pointing everyone at the same
file. One line per fix, so concurrent appends and ``cat a b > c`` merges work.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from postedit.errors import InputError

FILE_NAME = "edit-memory.jsonl"
NEAR_CUTOFF = 90.0
MEMORY_PREFIX = "memory:"


@dataclass(frozen=True)
class Remembered:
    """One fix an editor saved.

    Attributes:
        original: the sentence as it was.
        fixed: the sentence as the editor saved it ("" when removed).
        article: the article's file name (its base name, no folders).
        site: the ``--site`` name or source the article came from ("" when unknown).
        editor: who saved it.
        at: when (UTC, ISO 8601).
    """

    original: str
    fixed: str
    article: str
    site: str = ""
    editor: str = ""
    at: str = ""

    def label(self) -> str:
        """Where the fix came from, for the review UI: ``memory: a.txt, 2026-12-03, ana``."""
        parts = [self.article, self.at[:10], self.editor]
        return "memory: " + ", ".join(part for part in parts if part)

    def agent(self) -> str:
        """The provenance agent of a revision replaying this fix: ``memory:ARTICLE``."""
        return f"{MEMORY_PREFIX}{self.article or 'unknown'}"


@dataclass(frozen=True)
class Match:
    """A remembered fix for a sentence: ``exact`` or near (``score`` out of 100)."""

    entry: Remembered
    score: float
    exact: bool


def carried(entry: Remembered, sentence: str) -> str | None:
    """The remembered edits made on ``sentence`` (a near match), or None when one does not fit.

    Each region the editor changed in ``entry.original`` is found in ``sentence`` by
    alignment and must read the same there; the rest of ``sentence`` (its own wording)
    is kept, so a near match does not bring back the other article's words.
    """
    from difflib import SequenceMatcher

    edits = [op for op in SequenceMatcher(None, entry.original, entry.fixed,
                                          autojunk=False).get_opcodes() if op[0] != "equal"]
    blocks = SequenceMatcher(None, entry.original, sentence, autojunk=False).get_matching_blocks()
    out = sentence
    for _, i1, i2, j1, j2 in reversed(edits):
        k1, k2 = _mapped(blocks, i1), _mapped(blocks, i2)
        if k1 is None or k2 is None or sentence[k1:k2] != entry.original[i1:i2]:
            return None
        out = out[:k1] + entry.fixed[j1:j2] + out[k2:]
    return out


def _mapped(blocks: Sequence, index: int) -> int | None:
    """Where offset ``index`` of the first text falls in the second, per matching blocks."""
    for a, b, size in blocks:
        if a <= index <= a + size and size:
            return b + index - a
    return None


def default_path() -> Path:
    """The user's store under the platformdirs data directory (not created here)."""
    from postedit.locations import data_dir

    return data_dir() / FILE_NAME


def normalise(sentence: str) -> str:
    """The lookup key: whitespace collapsed, ends trimmed."""
    return " ".join(sentence.split())


class EditMemory:
    """Remembered fixes, newest last; look-ups prefer the newest."""

    def __init__(self, entries: Iterable[Remembered] = (), path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.entries: list[Remembered] = []
        self._exact: dict[str, Remembered] = {}
        for entry in entries:
            self._index(entry)

    def _index(self, entry: Remembered) -> None:
        self.entries.append(entry)
        self._exact[normalise(entry.original)] = entry

    def __len__(self) -> int:
        return len(self.entries)

    def exact(self, sentence: str) -> Remembered | None:
        """The newest fix of exactly this sentence (up to whitespace), if any."""
        return self._exact.get(normalise(sentence))

    def lookup(self, sentence: str, cutoff: float = NEAR_CUTOFF) -> Match | None:
        """The exact fix, else the closest near-identical sentence's fix, else None."""
        found = self.exact(sentence)
        if found is not None:
            return Match(found, 100.0, True)
        if not self._exact or not sentence.strip():
            return None
        from rapidfuzz import fuzz, process

        best = process.extractOne(normalise(sentence), self._exact.keys(), scorer=fuzz.ratio,
                                  score_cutoff=cutoff)
        if best is None:
            return None
        return Match(self._exact[best[0]], float(best[1]), False)

    def _known(self, entry: Remembered) -> bool:
        known = self.exact(entry.original)
        return known is not None and known.fixed == entry.fixed

    def remember(self, entries: Sequence[Remembered]) -> int:
        """Add ``entries`` (in memory and, when the store has a path, on disk)."""
        fresh = []
        for entry in entries:
            if entry.original.strip() and entry.original != entry.fixed and not self._known(entry):
                self._index(entry)
                fresh.append(entry)
        if self.path is not None and fresh:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as handle:
                for entry in fresh:
                    handle.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        return len(fresh)


def load(path: str | Path | None = None) -> EditMemory:
    """The store at ``path`` (default :func:`default_path`); a missing file is empty."""
    where = Path(path) if path is not None else default_path()
    if not where.exists():
        return EditMemory(path=where)
    try:
        lines = where.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the edit memory: {exc}", path=str(where)) from exc
    return EditMemory((_entry(line, where, n) for n, line in enumerate(lines, 1) if line.strip()),
                      path=where)


def _entry(line: str, where: Path, number: int) -> Remembered:
    try:
        data = json.loads(line)
        return Remembered(**{key: str(data.get(key, "")) for key in Remembered.__annotations__})
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"line {number} of the edit memory is not a fix record",
                         path=str(where)) from exc


def session_fixes(session, article: str, *, site: str = "", at: str = "") -> list[Remembered]:  # type: ignore[no-untyped-def]
    """The fixes a :class:`postedit.editing.record.Session` holds, as memory entries.

    :meth:`EditMemory.remember` leaves out those it already holds.
    """
    from postedit.provenance import utc_now

    name = os.path.basename(article)
    moment = at or utc_now()
    out = []
    for doc, edits in session.replacements().items():
        for seg_id, fixed in edits.items():
            original = session.original(seg_id, doc)
            out.append(Remembered(original, fixed, name, site, session.editor, moment))
    return out
