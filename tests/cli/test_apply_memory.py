"""``postedit apply --memory``: exact remembered fixes applied with provenance, near ones not."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from postedit.cli import main
from postedit.edit_memory import Remembered, load

WIRE = "The minister said on Monday that the the talks would resume next week."
FIXED = "The minister said on Monday that the talks would resume next week."
OTHER = "Farmers blocked the main road into the capital for a third day."


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def remembered(tmp_path: Path) -> Path:
    path = tmp_path / "team-memory.jsonl"
    load(path).remember([Remembered(WIRE, FIXED, "article-a.txt", "wire", "ana",
                                    "2026-12-03T10:00:00Z")])
    return path


def test_exact_match_is_applied_with_memory_provenance_that_verifies(tmp_path: Path) -> None:
    memory = remembered(tmp_path)
    article = tmp_path / "article-b.txt"
    article.write_text(f"Talks to resume\n\n{OTHER} {WIRE}\n", encoding="utf-8")
    result = run("apply", str(article), "--memory", "--memory-file", str(memory),
                 "--editor", "Ben")
    assert result.exit_code == 0, result.output
    output = tmp_path / "article-b.edited.txt"
    assert FIXED in output.read_text(encoding="utf-8")
    assert WIRE not in output.read_text(encoding="utf-8")
    record = json.loads(Path(f"{output}.prov.json").read_text(encoding="utf-8"))
    agents = [rev["by"] for doc in record["documents"] for seg in doc["segments"]
              for rev in seg["revisions"]]
    assert "memory:article-a.txt" in agents
    verified = run("verify", str(output))
    assert verified.exit_code == 0 and verified.output.startswith("OK"), verified.output


def test_near_match_is_not_applied_in_batch(tmp_path: Path) -> None:
    memory = remembered(tmp_path)
    near = WIRE.replace("Monday", "Sunday")
    article = tmp_path / "article-c.txt"
    article.write_text(f"Talks to resume\n\n{near}\n", encoding="utf-8")
    result = run("apply", str(article), "--memory", "--memory-file", str(memory),
                 "--rules", "whitespace")
    assert result.exit_code == 0, result.output
    assert near in (tmp_path / "article-c.edited.txt").read_text(encoding="utf-8")


def test_without_memory_flag_the_memory_is_not_applied(tmp_path: Path) -> None:
    memory = remembered(tmp_path)
    article = tmp_path / "article-d.txt"
    article.write_text(f"Talks to resume\n\n{WIRE}\n", encoding="utf-8")
    result = run("apply", str(article), "--memory-file", str(memory), "--rules", "whitespace")
    assert result.exit_code == 0, result.output
    assert WIRE in (tmp_path / "article-d.edited.txt").read_text(encoding="utf-8")


def test_provenance_names_the_lexicon_entry_that_changed_a_verdict(tmp_path: Path) -> None:
    team = tmp_path / "team-lexicon.jsonl"
    team.write_text('{"kind": "fine", "text": "Romerosaid", "who": "ana"}\n', encoding="utf-8")
    article = tmp_path / "article-e.txt"
    article.write_text("City funds\n\nThe mayor Carla Romerosaid the city would ask for funds.\n",
                       encoding="utf-8")
    result = run("apply", str(article), "--lexicon", str(team))
    assert result.exit_code == 0, result.output
    output = tmp_path / "article-e.edited.txt"
    record = json.loads(Path(f"{output}.prov.json").read_text(encoding="utf-8"))
    used = [item for doc in record["documents"] for seg in doc["segments"]
            for item in seg.get("lexicon", ())]
    assert used == [{"entry": "fine:Romerosaid", "source": str(team)}]
    verified = run("verify", str(output))
    assert verified.exit_code == 0, verified.output


def test_a_fix_made_in_a_cat_tool_is_remembered_by_import(tmp_path: Path) -> None:
    """export -> the translator fixes a target -> import: the fix joins the edit memory,
    and a later article with the same sentence gets it from ``apply --memory``."""
    memory = tmp_path / "memory.jsonl"
    first = tmp_path / "article-a.txt"
    first.write_text(f"Talks to resume\n\n{WIRE} {OTHER}\n", encoding="utf-8")
    xlf = tmp_path / "article-a.xlf"
    assert run("export", str(first), "-o", str(xlf)).exit_code == 0
    xml = xlf.read_text(encoding="utf-8")
    targets = [m for m in re.finditer(r"<target[^>]*>(.*?)</target>", xml, re.S)
               if re.sub(r"<[^>]+>", "", m.group(1)) == WIRE]  # its findings are <mrk> inside
    assert len(targets) == 1
    found = targets[0]
    edited = f"{xml[:found.start(1)]}{FIXED}{xml[found.end(1):]}"
    xlf.write_text(edited, encoding="utf-8")
    imported = run("import", str(xlf), "-o", str(tmp_path / "article-a.cat.txt"),
                   "--editor", "Cat", "--memory-file", str(memory))
    assert imported.exit_code == 0, imported.output
    assert [(e.original, e.fixed, e.article) for e in load(memory).entries] == [
        (WIRE, FIXED, "article-a.txt")]
    second = tmp_path / "article-b.txt"
    second.write_text(f"Farm protests\n\n{WIRE}\n", encoding="utf-8")
    applied = run("apply", str(second), "--memory", "--memory-file", str(memory))
    assert applied.exit_code == 0, applied.output
    assert FIXED in (tmp_path / "article-b.edited.txt").read_text(encoding="utf-8")
