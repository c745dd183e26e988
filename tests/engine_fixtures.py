"""Pytest fixtures for engine tests: synthetic Argos packages and isolated homes.

Test modules import the fixtures they use (``from engine_fixtures import
homes_fixture``: the fixture is called ``homes``);
``tests/`` is put on ``sys.path`` by each module. The packages are built once
per test session (cached in this module) and take a couple of seconds.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from argos_factory import build_package, train_sentencepiece

PAIRS = (("en", "es"), ("es", "en"), ("en", "fr"), ("fr", "en"))
_BUILT: dict[str, dict[tuple[str, str], Path]] = {}

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None and not os.environ.get("CI"),
    reason="apertium is not installed (apt-get install apertium apertium-eng-spa); "
    "with CI set these tests fail instead of skipping",
)


@pytest.fixture(scope="session", name="argos_archives")
def argos_archives_fixture(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """``.argosmodel`` files for en<->es and en<->fr, built once per session."""
    pytest.importorskip("ctranslate2")
    pytest.importorskip("sentencepiece")
    if "archives" not in _BUILT:
        root = tmp_path_factory.mktemp("argos-build")
        sp_model = train_sentencepiece(root / "spm")
        _BUILT["archives"] = {
            pair: build_package(root, *pair, sp_model=sp_model, seed=seed)
            for seed, pair in enumerate(PAIRS, 1)
        }
    return _BUILT["archives"]


@pytest.fixture(name="homes")
def homes_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Empty Argos packages folder and postedit home; returns the packages folder."""
    packages = tmp_path / "argos-packages"
    packages.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setenv("POSTEDIT_HOME", str(tmp_path / "postedit-home"))
    return packages


@pytest.fixture(name="installed_en_es")
def installed_en_es_fixture(homes: Path, argos_archives: dict) -> Path:
    """en->es and es->en installed into the isolated packages folder."""
    from postedit.engines.argos_packages import install_from_file

    for pair in (("en", "es"), ("es", "en")):
        install_from_file(argos_archives[pair])
    return homes
