"""The editing model, provenance, scoring and source pairing sit in no import cycle.

The graph is read from the source (``ast``), lazy imports inside functions included:
a cycle hidden in a function body is still a cycle (import order decides whether it
works). Each module named here may import the others only one way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import postedit

ROOT = Path(postedit.__file__).parent
ACYCLIC = ("postedit.editing", "postedit.provenance", "postedit.agents", "postedit.input_file",
           "postedit.applying", "postedit.engine_scoring", "postedit.backtranslation",
           "postedit.bilingual", "postedit.pairing", "postedit.formats")


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if full in modules else node.module)
        elif isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
    return out & set(modules)


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), list(graph[start])
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            todo += graph.get(name, ())
    return False


def test_the_graph_is_read() -> None:
    modules = _modules()
    graph = {name: _imports(path, modules) for name, path in modules.items()}
    assert "postedit.editing.record" in graph["postedit.editing.save"]
    assert "postedit.bilingual" in graph["postedit.engine_scoring"]


def test_no_import_cycle_through_the_editing_model_provenance_or_scoring() -> None:
    modules = _modules()
    graph = {name: _imports(path, modules) for name, path in modules.items()}
    watched = [name for name in graph if name.startswith(ACYCLIC)]
    cycles = [name for name in watched if _reaches(graph, name, name)]
    assert cycles == []
