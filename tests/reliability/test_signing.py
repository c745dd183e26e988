"""Signed records: what the hash chain cannot catch (a full rewrite with recomputed hashes),
a signature by the editor's own key does."""

from __future__ import annotations

import shutil
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from postedit.cli import main
from postedit.editing.record import Session

ARTICLE = (
    "Harbour reopens after the storm\n\n"
    "The harbour reopened on Monday.Ferries resumed at noon.\n\n"
    "Fishermen counted the damage to their boats.\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def signed(tmp_path: Path) -> tuple[Path, Path, Path]:
    """``(article, output, public key)``: an edited article whose record Ann signed."""
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    session = Session.open(str(article), editor="Ann")
    session.record("b2.s2", "Ferries started again at noon.")
    output = Path(session.save().output)
    key = tmp_path / "ann.key"
    assert run("keygen", str(key)).exit_code == 0
    result = run("sign", str(output), "--key", str(key))
    assert result.exit_code == 0, result.output
    return article, output, Path(f"{key}.pub")


def test_a_signed_record_verifies_with_the_public_key(signed: tuple[Path, Path, Path]) -> None:
    _article, output, public = signed
    result = run("verify", str(output), "--pubkey", str(public))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: ") and "signed by the key of" in result.output
    assert stat.S_IMODE((public.parent / "ann.key").stat().st_mode) == 0o600


def test_a_rewrite_with_recomputed_hashes_fails_the_signature(
    signed: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    article, output, public = signed
    forged_dir = tmp_path / "forged"
    forged_dir.mkdir()
    shutil.copy(article, forged_dir / article.name)
    session = Session.open(str(forged_dir / article.name), editor="Ann")
    session.record("b2.s2", "Ferries never resumed.")
    forged = session.save()
    shutil.copy(forged.output, output)
    shutil.copy(forged.sidecar or "", f"{output}.prov.json")
    assert run("verify", str(output)).exit_code == 0  # the chain alone is satisfied
    result = run("verify", str(output), "--pubkey", str(public))
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith("BROKEN: ") and "signature does not match" in line


def test_another_key_or_no_signature_fails(signed: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _article, output, _public = signed
    assert run("keygen", str(tmp_path / "eve.key")).exit_code == 0
    other = run("verify", str(output), "--pubkey", str(tmp_path / "eve.key.pub"))
    assert other.exit_code == 1 and "signature does not match" in other.output
    Path(f"{output}.prov.json.sig").unlink()
    unsigned = run("verify", str(output), "--pubkey", str(tmp_path / "eve.key.pub"))
    assert unsigned.exit_code == 1 and "no signature here" in unsigned.output


def test_a_broken_record_is_not_signed(signed: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _article, output, _public = signed
    output.write_text(output.read_text(encoding="utf-8").replace("noon", "dawn"), encoding="utf-8")
    result = run("sign", str(output), "--key", str(tmp_path / "ann.key"))
    assert result.exit_code == 2 and "not signed, the record does not verify" in result.output


def test_without_cryptography_each_command_names_the_extra(
    signed: tuple[Path, Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _article, output, public = signed
    for name in [name for name in sys.modules if name.split(".")[0] == "cryptography"]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "cryptography", None)
    expected = "postedit: error: signing needs the [sign] extra (cryptography is missing): " \
        "pip install 'postedit[sign]'\n"
    for args in (["keygen", str(tmp_path / "new.key")],
                 ["sign", str(output), "--key", str(tmp_path / "ann.key")],
                 ["verify", str(output), "--pubkey", str(public)]):
        result = run(*args)
        assert result.exit_code == 2 and result.stderr == expected, (args, result.output)
    assert not (tmp_path / "new.key").exists()
