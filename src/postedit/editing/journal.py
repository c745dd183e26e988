"""The append-only session journal: every action, one JSON line, fsync'd at once.

It lives beside the output (``OUTPUT.journal``). The first line says which
article (path and sha256) the session edits; each following line is one
``do``/``undo``/``redo`` of a :class:`~postedit.editing.changes.Change`, or a
``save``. A crash or kill loses at most the action in flight, and a torn last
line is ignored on reading. Reopening the same article replays the journal on a
fresh session to resume where the editor stopped.

While a session writes a journal it holds ``OUTPUT.journal.lock`` (an
``flock``, released by the kernel when the process dies, so a killed session
never leaves a stale lock) with its pid inside: a second review of the same
article is told who holds it instead of taking over the first one's journal.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, journals are not guarded
    fcntl = None  # type: ignore[assignment]

from postedit.editing.changes import Change
from postedit.editing.session import ReviewSession
from postedit.provenance import utc_now

VERSION = 1
ACTION_TYPES = ("do", "undo", "redo")


def journal_path(output: str) -> str:
    return f"{output}.journal"


def sha256_of(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


class JournalBusy(OSError):
    """Another live session holds the journal (``pid``, 0 when unknown)."""

    def __init__(self, path: str, pid: int) -> None:
        holder = f"process {pid}" if pid else "another process"
        super().__init__(f"{path}: being reviewed by {holder}; this session keeps no journal")
        self.strerror = f"already in use by {holder}"
        self.pid = pid


def lock_journal(path: str) -> int | None:
    """Hold ``PATH.lock`` for this process; its fd (None without ``fcntl``).

    Raises :class:`JournalBusy` when a live process holds it.
    """
    if fcntl is None:
        return None
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pid = _pid_in(fd)
        os.close(fd)
        raise JournalBusy(path, pid) from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def journal_holder(path: str) -> int | None:
    """The pid of the live session holding the journal at ``path`` (0: unknown), else None."""
    try:
        fd = lock_journal(path)
    except JournalBusy as busy:
        return busy.pid
    except OSError:
        return None  # cannot even create the lock: opening the journal will say why
    _unlock(fd)
    return None


def _pid_in(fd: int) -> int:
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or 0)
    except (OSError, ValueError):
        return 0


def _unlock(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)  # closing the only descriptor releases the flock


class Journal:
    """An open journal file; :meth:`write` appends one entry and fsyncs it.

    A write that fails (a full disk, a vanished folder) never takes the session
    down: the journal stops, ``failure`` says why, and ``on_failure`` is told
    once, so the editor can save before anything is lost.
    """

    def __init__(self, path: str, handle: IO[str], lock: int | None = None) -> None:
        self.path = path
        self._handle = handle
        self._lock = lock
        self.failure: str | None = None
        self.on_failure: Callable[[str], None] | None = None

    @classmethod
    def start(cls, path: str, article: str, sha256: str, output: str, editor: str) -> Journal:
        """A new journal (an older one is kept as ``PATH.old``); JournalBusy when held."""
        lock = lock_journal(path)
        try:
            if os.path.exists(path):
                os.replace(path, f"{path}.old")
            journal = cls(path, open(path, "a", encoding="utf-8"), lock)
        except OSError:
            _unlock(lock)
            raise
        journal.write({"type": "session", "version": VERSION, "article": os.path.abspath(article),
                       "sha256": sha256, "output": output, "editor": editor})
        return journal

    @classmethod
    def reopen(cls, path: str) -> Journal:
        """Continue an existing journal (after resuming it); JournalBusy when held."""
        lock = lock_journal(path)
        try:
            _drop_torn_tail(path)
            return cls(path, open(path, "a", encoding="utf-8"), lock)
        except OSError:
            _unlock(lock)
            raise

    def write(self, entry: dict) -> None:
        if self.failure is not None:
            return
        entry = {**entry, "at": entry.get("at") or utc_now()}
        try:
            self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._handle.flush()
            os.fsync(self._handle.fileno())
        except OSError as exc:
            self._fail(exc.strerror or str(exc))

    def _fail(self, reason: str) -> None:
        self.failure = reason
        try:
            self._handle.close()
        except OSError:
            pass  # the buffer that could not be written is lost with the handle
        if self.on_failure is not None:
            self.on_failure(reason)

    def record(self, kind: str, change: Change, at: str | None = None) -> None:
        self.write({"type": kind, "change": change.to_json(), "at": at})

    def saved(self, output: str) -> None:
        self.write({"type": "save", "output": output})

    def close(self) -> None:
        try:
            self._handle.close()
        except OSError:
            pass
        _unlock(self._lock)
        self._lock = None

    def remove(self) -> None:
        """Close and delete: the session ended cleanly, nothing is left to resume."""
        for path in (self.path, f"{self.path}.old", f"{self.path}.lock"):
            try:
                os.unlink(path)
            except OSError:
                pass
        self.close()


def _drop_torn_tail(path: str) -> None:
    data = Path(path).read_bytes()
    if data and not data.endswith(b"\n"):
        with open(path, "r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)


@dataclass(frozen=True)
class Resumable:
    """A journal that can be replayed: its entries and a summary for the resume prompt."""

    path: str
    entries: tuple[dict, ...]
    started: str
    actions: int
    saved: bool
    saved_to: tuple[str, ...] = ()


def read_entries(path: str) -> list[dict]:
    """Every complete entry of the journal (a torn or garbled last line is skipped)."""
    entries = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                break
    return entries


def find_resumable(path: str, article_sha256: str) -> Resumable | None:
    """The journal at ``path`` if it belongs to this article and holds actions."""
    if not os.path.exists(path):
        return None
    entries = read_entries(path)
    if not entries or entries[0].get("type") != "session":
        return None
    if entries[0].get("sha256") != article_sha256:
        return None
    actions = [e for e in entries[1:] if e.get("type") in ACTION_TYPES]
    if not actions:
        return None
    saved = entries[-1].get("type") == "save"
    saved_to = tuple(str(e.get("output")) for e in entries if e.get("type") == "save")
    return Resumable(path, tuple(entries[1:]), entries[0].get("at", ""), len(actions), saved,
                     saved_to)


def replay(session: ReviewSession, entries: tuple[dict, ...] | list[dict]) -> int:
    """Re-apply the journal's actions to a fresh session, at their original times.

    Returns how many actions were replayed.
    """
    hook, clock, session.on_change = session.on_change, session.clock, None
    count = 0
    try:
        for entry in entries:
            session.clock = _fixed_clock(str(entry.get("at") or utc_now()))
            count += _replay_one(session, entry)
    finally:
        session.on_change, session.clock = hook, clock
    return count


def _fixed_clock(at: str) -> Callable[[], str]:
    return lambda: at


def _replay_one(session: ReviewSession, entry: dict) -> int:
    kind = entry.get("type")
    if kind == "do":
        session.apply(Change.from_json(entry["change"]))
    elif kind == "undo":
        session.undo()
    elif kind == "redo":
        session.redo()
    elif kind == "save":
        session.mark_saved()
        return 0
    else:
        return 0
    return 1


@dataclass(frozen=True)
class Opened:
    """A journal opened for a session: resumed (``replayed`` actions) or new."""

    journal: Journal
    replayed: int = 0
    wrote_output: bool = False


def open_journal(session: ReviewSession, path: str, sha256: str, *, resume: bool, article: str,
                 output: str, editor: str) -> Opened:
    """Resume the journal at ``path`` into ``session`` (when asked), or start a new one.

    Either way the session's actions are journalled from now on. Raises OSError when
    the journal cannot be written.
    """
    resumable = find_resumable(path, sha256) if resume else None
    if resumable is None:
        opened = Opened(Journal.start(path, article, sha256, output, editor))
    else:
        count = replay(session, resumable.entries)
        opened = Opened(Journal.reopen(path), count, output in resumable.saved_to)
    session.on_change = opened.journal.record
    return opened
