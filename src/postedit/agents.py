"""Who made a change: the editor's name and the ``human:``/``rule:``/``engine:`` agents.

Provenance credits every revision to one of these names; engines that contributed
are described by :class:`EngineInfo`, with the sha256 of each model file.
"""

from __future__ import annotations

import getpass
import hashlib
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def resolve_editor(explicit: str | None = None) -> str:
    """``--editor``, else ``git config user.name``, else the login name."""
    if explicit and explicit.strip():
        return explicit.strip()
    try:
        done = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        )
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def human(name: str) -> str:
    return f"human:{name}"


def rule(rule_id: str) -> str:
    return f"rule:{rule_id}"


def engine(name: str, model: str) -> str:
    return f"engine:{name}/{model}"


@dataclass(frozen=True)
class EngineInfo:
    """An engine and model that contributed, with the sha256 of each model file."""

    name: str
    version: str
    model: str = ""
    files: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict:
        files = [{"path": p, "sha256": h} for p, h in self.files]
        return {"name": self.name, "version": self.version, "model": self.model, "files": files}


def engine_info(name: str, version: str, model: str = "", paths: Iterable[str] = ()) -> EngineInfo:
    """An :class:`EngineInfo` hashing every file under ``paths`` (files or folders)."""
    hashed: list[tuple[str, str]] = []
    for path in paths:
        root = Path(path)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        hashed.extend((str(p), _file_sha256(p)) for p in files)
    return EngineInfo(name, version, model, tuple(hashed))


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
