"""Shared test set-up: fixture paths, and a private home for caches and models.

Every test session gets its own ``POSTEDIT_HOME`` (translation cache) and an
empty ``ARGOS_PACKAGES_DIR``, so tests never read or write the developer's
caches or installed models; tests that need packages install their own.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"
_SESSION_HOME = tempfile.TemporaryDirectory(prefix="postedit-tests-")


def pytest_configure(config: pytest.Config) -> None:
    os.environ["POSTEDIT_HOME"] = os.path.join(_SESSION_HOME.name, "home")
    os.environ["ARGOS_PACKAGES_DIR"] = os.path.join(_SESSION_HOME.name, "argos-packages")


@pytest.fixture
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture(autouse=True)
def _default_scoring():  # type: ignore[no-untyped-def]
    """A command run with a config file's weights must not change the next test's verdicts."""
    from postedit.verdict import Scoring, use_scoring

    yield
    use_scoring(Scoring())


@pytest.fixture(autouse=True)
def _own_edit_memory(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Each test its own default edit memory: a fix saved by one test is no suggestion in the next."""
    from postedit import edit_memory

    path = tmp_path_factory.mktemp("memory") / edit_memory.FILE_NAME
    monkeypatch.setattr(edit_memory, "default_path", lambda: path)
