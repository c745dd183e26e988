"""The wheel as users get it: built from a copy of the tree, installed into a fresh venv, run.

Offline by design: the wheel is built without build isolation (the running
interpreter's setuptools) and installed with ``--no-deps``; the fresh venv sees
the running environment's site-packages through a ``.pth`` line placed after
its own, so the dependencies resolve while ``postedit`` itself comes from the
wheel (checked), never from the source tree or an editable install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "fixtures" / "articles" / "floods-valencia-en.txt"
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE", "src", "tui")

pytestmark = pytest.mark.packaging


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess:
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, **kwargs)  # type: ignore[call-overload]
    assert done.returncode == 0, (args, done.stdout[-2000:], done.stderr[-2000:])
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.egg-info", ".mypy_cache"))
        else:
            shutil.copy(source, tree / name)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
          "--no-index", "-q", "-w", str(dist), str(tree)])
    [built] = dist.glob("postedit-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns its bin directory."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=False, symlinks=True)
    python = env_dir / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
          "--no-index", "-q", str(wheel)])
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    (Path(purelib.stdout.strip()) / "zz-dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return env_dir / "bin"


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["POSTEDIT_HOME"] = str(tmp_path / "home")
    return env


def test_the_wheel_holds_the_code_styles_schema_and_licence(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "postedit/cli/__init__.py" in names and "postedit_tui/__init__.py" in names
    assert "postedit/schemas/provenance-1.schema.json" in names
    assert any(name.startswith("postedit_tui/") and name.endswith(".tcss") for name in names)
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "License-Expression: MIT" in text
    assert not any(name.startswith(("tests/", "build/")) for name in names)


def test_the_installed_command_runs_version_and_score(installed: Path, tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    where = _run([str(installed / "python"), "-c", "import postedit; print(postedit.__file__)"],
                 env=env, cwd=tmp_path)
    assert where.stdout.startswith(str(installed.parent)), where.stdout
    version = _run([str(installed / "postedit"), "--version"], env=env, cwd=tmp_path)
    assert version.stdout.startswith("postedit, version ")
    score = _run([str(installed / "postedit"), "score", str(ARTICLE), "--engine", "none",
                  "--format", "jsonl"], env=env, cwd=tmp_path)
    assert '"type": "document"' in score.stdout


def test_building_leaves_no_build_folder_in_the_tree() -> None:
    assert not (ROOT / "build").exists() or "/build/" in (ROOT / ".gitignore").read_text()
