"""The lexicon that learns: words and names marked fine, rules dismissed, boilerplate per site.

Entries are JSON lines. The user's own file is ``lexicon.jsonl`` in the config
directory (:func:`postedit.locations.config_dir`); a newsroom shares team files
passed with ``--lexicon FILE`` or listed in the config file's ``lexicon``
setting. :func:`filter_flags` is the one place where the analysis consults the
lexicon: a flag whose span text matches an entry is dropped, and the entry is
reported so that JSONL and provenance can say which entry changed a verdict.

Kinds of entry:

- ``fine``: ``text`` is correct (a name, a word); with ``rule``, only for that rule.
- ``dismiss``: ``rule`` is never to flag ``text``.
- ``boilerplate``: the line ``text`` is web chrome on ``site`` (any site when empty).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

from postedit.errors import InputError
from postedit.flags import Flag

KINDS = ("fine", "dismiss", "boilerplate")
FILE_NAME = "lexicon.jsonl"
_TRIM = " \t\n.,;:!?\"'“”«»()[]"


@dataclass(frozen=True)
class Entry:
    """One remembered decision.

    Attributes:
        kind: one of ``KINDS``.
        text: the word, name or line it is about.
        rule: the rule it applies to (``dismiss``; optional for ``fine``).
        site: the site a ``boilerplate`` line belongs to ('' for any).
        who, when, why: who decided, when (UTC ISO 8601) and why, for the record.
        source: the file the entry was read from (not written back).
    """

    kind: str
    text: str
    rule: str = ""
    site: str = ""
    who: str = ""
    when: str = ""
    why: str = ""
    source: str = field(default="", compare=False)

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("source")
        return data

    def key(self) -> tuple[str, str, str, str]:
        return (self.kind, normal(self.text), self.rule, self.site)

    def describe(self) -> str:
        """``fine:Romero``, ``dismiss:glued-words:Romerosaid``, ``boilerplate:site:line``."""
        middle = self.site if self.kind == "boilerplate" else self.rule
        return ":".join(part for part in (self.kind, middle, self.text) if part)


@dataclass(frozen=True)
class Lexicon:
    """The entries in force for a run (user file, team files), and the article's site."""

    entries: tuple[Entry, ...] = ()
    site: str = ""

    @cached_property
    def _by_text(self) -> dict[str, tuple[Entry, ...]]:
        """Word entries by their normal text: a team lexicon of thousands is looked up, not scanned."""
        index: dict[str, list[Entry]] = {}
        for entry in self.entries:
            if entry.kind != "boilerplate":
                index.setdefault(normal(entry.text), []).append(entry)
        return {text: tuple(found) for text, found in index.items()}

    def match(self, flag: Flag, span: str) -> Entry | None:
        """The entry that dismisses ``flag`` on ``span`` (its text), if any."""
        for entry in self._by_text.get(normal(span), ()):
            if entry.kind == "fine" and entry.rule in ("", flag.rule):
                return entry
            if entry.kind == "dismiss" and entry.rule == flag.rule:
                return entry
        return None

    def boilerplate(self, line: str, site: str | None = None) -> Entry | None:
        """The entry saying ``line`` is boilerplate on this site (or any site)."""
        site = self.site if site is None else site
        for entry in self.entries:
            if entry.kind == "boilerplate" and normal(entry.text) == normal(line) \
                    and entry.site in ("", site):
                return entry
        return None


def normal(text: str) -> str:
    """Text as entries compare it: trimmed of spaces and punctuation, case folded."""
    return " ".join(text.strip(_TRIM).split()).casefold()


def filter_flags(flags: Iterable[Flag], text: str, lexicon: Lexicon, offset: int = 0
                 ) -> tuple[list[Flag], list[Entry]]:
    """Flags the lexicon does not dismiss, and the entries that dismissed the others.

    ``text`` holds the flags' spans, starting at document offset ``offset``.
    """
    if not lexicon.entries:
        return list(flags), []
    kept: list[Flag] = []
    used: list[Entry] = []
    for flag in flags:
        entry = lexicon.match(flag, text[flag.start - offset : flag.end - offset])
        if entry is None:
            kept.append(flag)
        elif entry not in used:
            used.append(entry)
    return kept, used


# --- files -------------------------------------------------------------------------------------


def user_file() -> Path:
    """The user's own lexicon: ``lexicon.jsonl`` in the config directory."""
    from postedit.locations import config_dir

    return config_dir() / FILE_NAME


def read_entries(path: str | Path) -> list[Entry]:
    """The entries of a lexicon file (a missing user file is empty; a bad line is an error)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError("lexicon file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the lexicon ({exc})", path=str(path)) from None
    return [_entry(line, path, number) for number, line in enumerate(lines, 1) if line.strip()]


def _entry(line: str, path: Path, number: int) -> Entry:
    try:
        data = json.loads(line)
        entry = Entry(**{k: str(v) for k, v in data.items()}, source=str(path))
    except (ValueError, TypeError) as exc:
        raise InputError(f"line {number}: not a lexicon entry ({exc})", path=str(path)) from None
    problem = entry_problem(entry)
    if problem:
        raise InputError(f"line {number}: {problem}", path=str(path))
    return entry


def entry_problem(entry: Entry) -> str | None:
    if entry.kind not in KINDS:
        return f"kind must be one of {', '.join(KINDS)}"
    if not normal(entry.text):
        return "text is empty"
    if entry.kind == "dismiss" and not entry.rule:
        return "a dismiss entry needs a rule"
    return None


def write_entries(path: str | Path, entries: Sequence[Entry]) -> None:
    """Write ``entries`` to ``path`` atomically (its folder is created)."""
    from postedit.writers import write_atomic

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in entries)
    write_atomic(str(path), body.encode("utf-8"), force=True)


def load(team_files: Sequence[str] = (), site: str = "") -> Lexicon:
    """The user's lexicon (when it exists) and the team files, in that order."""
    entries: list[Entry] = []
    mine = user_file()
    if mine.exists():
        entries += read_entries(mine)
    for path in team_files:
        entries += read_entries(path)
    return Lexicon(tuple(entries), site)


def add(entry: Entry, path: Path | None = None) -> bool:
    """Add ``entry`` to the user's file (or ``path``); False when an equal entry is there."""
    path = path or user_file()
    entries = read_entries(path) if path.exists() else []
    if any(e.key() == entry.key() for e in entries):
        return False
    write_entries(path, [*entries, entry])
    return True


def remove(kind: str, text: str, rule: str = "", site: str = "",
           path: Path | None = None) -> int:
    """Remove matching entries from the user's file (or ``path``); how many went."""
    path = path or user_file()
    entries = read_entries(path) if path.exists() else []
    key = (kind, normal(text), rule, site)
    kept = [e for e in entries if e.key() != key]
    if len(kept) != len(entries):
        write_entries(path, kept)
    return len(entries) - len(kept)
