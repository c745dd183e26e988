"""Shared test helpers: paths to the bundled fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"


@pytest.fixture
def articles_dir() -> Path:
    return ARTICLES
