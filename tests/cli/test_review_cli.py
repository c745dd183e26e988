"""apply / diff / verify / export / import as an editor uses them, headless."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from shared_data import SEED, WHY_MISSING

from postedit.cli import main
from postedit.writers import FAULT_ENV, FAULT_EXIT_CODE

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
FLOODS = ARTICLES / "floods-valencia-en.txt"


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    target = tmp_path / FLOODS.name
    shutil.copy(FLOODS, target)
    return target


def edited_of(path: Path) -> Path:
    return path.with_name(f"{path.stem}.edited{path.suffix}")


def test_every_help_ends_with_an_example() -> None:
    for command in ("apply", "diff", "verify", "export", "import"):
        result = run(command, "--help")
        assert result.exit_code == 0, result.output
        last = [line for line in result.output.splitlines() if line.strip()][-1]
        assert last.strip().startswith("postedit "), (command, last)


def apply_verify_tamper(article: Path) -> None:
    """The headless check of the issue, on any article."""
    result = run("apply", str(article), "--remove-boilerplate", "--editor", "Ann")
    assert result.exit_code == 0, result.output
    output = edited_of(article)
    sidecar = Path(f"{output}.prov.json")
    assert output.exists() and sidecar.exists()
    ok = run("verify", str(output))
    assert ok.exit_code == 0 and ok.output.startswith("OK"), ok.output

    diff = run("diff", str(article), str(output), "--no-color")
    assert diff.exit_code == 0
    headers = [line for line in diff.output.splitlines() if not line.startswith("  ")]
    assert headers and all("rule:" in line for line in headers), diff.output

    original_output = output.read_bytes()
    changed = bytearray(original_output)
    changed[len(changed) // 2] ^= 0x01
    output.write_bytes(bytes(changed))
    broken = run("verify", str(output))
    assert broken.exit_code == 1 and "segment b" in broken.output, broken.output
    output.write_bytes(original_output)

    record = sidecar.read_text(encoding="utf-8")
    target = record.index('"after":"') + len('"after":"') + 3
    sidecar.write_text(record[:target] + "#" + record[target + 1:], encoding="utf-8")
    broken = run("verify", str(output))
    assert broken.exit_code == 1 and "segment b" in broken.output, broken.output


def test_apply_verify_and_tamper_on_a_fixture(article: Path) -> None:
    apply_verify_tamper(article)


def test_apply_verify_and_tamper_on_the_seed_article(tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip(WHY_MISSING)
    copy = tmp_path / "seed-article.txt"
    shutil.copy(SEED, copy)
    apply_verify_tamper(copy)


def test_apply_never_clobbers_and_in_place_keeps_a_backup(article: Path) -> None:
    assert run("apply", str(article)).exit_code == 0
    again = run("apply", str(article))
    assert again.exit_code == 2
    assert "already exists" in again.output and "Traceback" not in again.output
    assert run("apply", str(article), "--force").exit_code == 0
    original = article.read_bytes()
    in_place = run("apply", str(article), "--in-place")
    assert in_place.exit_code == 0, in_place.output
    assert Path(f"{article}.bak").read_bytes() == original
    assert article.read_bytes() != original
    assert run("verify", str(article)).exit_code == 0


def test_only_the_chosen_rules_are_applied(article: Path) -> None:
    result = run("apply", str(article), "--rules", "missing-space")
    assert result.exit_code == 0, result.output
    diff = run("diff", str(article), str(edited_of(article)), "--format", "json")
    import json

    notes = {note["by"] for doc in json.loads(diff.output)["documents"]
             for seg in doc["segments"] for note in seg["notes"]}
    assert notes == {"rule:missing-space"}
    bad = run("apply", str(article), "--rules", "no-such-rule", "--force")
    assert bad.exit_code == 2 and "unknown rule" in bad.output


def test_dry_run_prints_a_patch_and_writes_nothing(article: Path, tmp_path: Path) -> None:
    result = run("apply", str(article), "--dry-run", "--format", "unified")
    assert result.exit_code == 0, result.output
    assert f"--- a/{article.name}" in result.output
    assert not edited_of(article).exists()
    if shutil.which("git"):
        patch = tmp_path / "p.diff"
        patch.write_text(result.output, encoding="utf-8")
        subprocess.run(["git", "init", "-q", "."], cwd=tmp_path, check=True)
        subprocess.run(["git", "apply", "--check", "p.diff"], cwd=tmp_path, check=True)


def test_stdin_to_stdout(article: Path) -> None:
    result = CliRunner().invoke(main, ["apply", "-"], input=article.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(article.read_text(encoding="utf-8")[:20])
    assert "morningThe" not in result.stdout and "morning. The" in result.stdout


def test_many_files_in_parallel(tmp_path: Path) -> None:
    paths = []
    for fixture in sorted(ARTICLES.glob("*-en.txt"))[:2]:
        shutil.copy(fixture, tmp_path / fixture.name)
        paths.append(str(tmp_path / fixture.name))
    result = run("apply", *paths, "--jobs", "2")
    assert result.exit_code == 0, result.output
    for path in paths:
        assert run("verify", str(edited_of(Path(path)))).exit_code == 0


def test_diff_formats(article: Path, tmp_path: Path) -> None:
    run("apply", str(article), "--remove-boilerplate")
    edited = str(edited_of(article))
    html_file = tmp_path / "review.html"
    html = run("diff", str(article), edited, "--format", "html", "-o", str(html_file))
    assert html.exit_code == 0, html.output
    assert html_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    unified = run("diff", str(article), edited, "--format", "unified")
    assert "@@ -" in unified.output
    coloured = run("diff", str(article), edited, "--color")
    assert "\x1b[" in coloured.output


def test_crash_between_temp_write_and_rename_keeps_old_output_and_journal(
    article: Path,
) -> None:
    assert run("apply", str(article), "--rules", "missing-space").exit_code == 0
    output = edited_of(article)
    sidecar = Path(f"{output}.prov.json")
    before = (output.read_bytes(), sidecar.read_bytes())
    code = "from postedit.cli import main\nmain(obj={})"
    env = {**os.environ, FAULT_ENV: "before-rename"}
    done = subprocess.run(
        [sys.executable, "-c", code, "apply", str(article), "--remove-boilerplate", "--force"],
        env=env, capture_output=True, text=True, check=False,
    )
    assert done.returncode == FAULT_EXIT_CODE, done.stderr
    assert (output.read_bytes(), sidecar.read_bytes()) == before
    assert run("verify", str(output)).exit_code == 0


def test_export_import_round_trip_from_the_command_line(article: Path, tmp_path: Path) -> None:
    run("apply", str(article), "--remove-boilerplate")
    edited = edited_of(article)
    xlf = tmp_path / "a.xlf"
    assert run("export", str(edited), "-o", str(xlf)).exit_code == 0
    back = tmp_path / "back.txt"
    result = run("import", str(xlf), "-o", str(back))
    assert result.exit_code == 0, result.output
    assert back.read_bytes() == edited.read_bytes()
    assert run("verify", str(back)).exit_code == 0
    missing = run("import", str(tmp_path / "none.xlf"))
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_prov_json_export_mirrors_the_revisions(article: Path) -> None:
    import json

    run("apply", str(article), "--remove-boilerplate", "--editor", "Ann")
    edited = edited_of(article)
    result = run("export", str(edited), "--format", "prov-json", "-o", "-")
    assert result.exit_code == 0, result.output
    prov = json.loads(result.stdout)
    record = json.loads(Path(f"{edited}.prov.json").read_text(encoding="utf-8"))
    assert len(prov["activity"]) == record["chain"]["length"] > 0
    assert {a["prov:type"] for a in prov["agent"].values()} == {"prov:SoftwareAgent"}
    assert prov["entity"]["postedit:output"]["postedit:sha256"] == record["output"]["sha256"]
