"""`postedit models`, `postedit cache` and `postedit score --engine` end to end (CliRunner)."""

from __future__ import annotations

import json
import sys
import urllib.error
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine_fixtures import (  # noqa: E402,F401
    argos_archives_fixture,
    homes_fixture,
    installed_en_es_fixture,
    needs_apertium,
)
from shared_data import SEED, WHY_MISSING

from postedit.cli import main  # noqa: E402

ARTICLE = """Storm closes the harbour

The harbour authority said on Monday that the port will stay closed until Friday. Fishermen complained about the delay.

Officials promised SyriaAfter checks to avoid further closures. The minister visited the bay.
"""  # noqa: E501


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), obj={})


def segments(output: str) -> list[dict]:
    return [r for r in map(json.loads, output.splitlines()) if r.get("type") == "segment"]


@pytest.mark.parametrize(
    "command",
    [["models"], ["models", "list"], ["models", "install"], ["models", "remove"], ["cache"],
     ["cache", "info"], ["cache", "clear"]],
)  # fmt: skip
def test_help_ends_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].strip().startswith(("postedit", "-h", "--"))


def test_install_file_then_list_and_remove(homes: Path, argos_archives: dict) -> None:
    result = run("models", "install", "--file", str(argos_archives[("en", "es")]))
    assert result.exit_code == 0, result.output
    assert "installed en->es v1.0" in result.output
    listing = run("models", "list").output
    assert "en->es  v1.0" in listing and "KB" in listing
    assert run("models", "remove", "en", "es").exit_code == 0
    assert "none installed" in run("models", "list").output


def test_zip_slip_is_refused_with_one_line(homes: Path, argos_archives: dict, tmp_path: Path) -> None:
    bad = tmp_path / "slip.argosmodel"
    bad.write_bytes(argos_archives[("en", "es")].read_bytes())
    with zipfile.ZipFile(bad, "a") as zf:
        zf.writestr("translate-en_es-1_0/../../../evil.sh", b"#!/bin/sh")
    result = run("models", "install", "--file", str(bad))
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("postedit: error: ") and "path traversal" in result.stderr
    assert list(homes.iterdir()) == []


def test_malformed_metadata_is_refused(homes: Path, argos_archives: dict, tmp_path: Path) -> None:
    bad = tmp_path / "meta.argosmodel"
    with zipfile.ZipFile(argos_archives[("en", "es")]) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = b"{oops" if info.filename.endswith("metadata.json") else zin.read(info)
            zout.writestr(info.filename, data)
    result = run("models", "install", "--file", str(bad))
    assert result.exit_code == 3 and "metadata.json is not valid JSON" in result.stderr


def test_online_install_fails_clearly_offline(homes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def offline(*args: object, **kwargs: object) -> None:
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr("urllib.request.urlopen", offline)
    result = run("models", "install", "es", "en")
    assert result.exit_code == 3
    assert "cannot reach the Argos package index" in result.stderr
    assert "postedit models install --file PATH" in result.stderr


def test_install_needs_a_pair_or_a_file(homes: Path) -> None:
    assert run("models", "install", "es").exit_code == 2


def test_score_with_argos_then_from_the_cache(
    installed_en_es: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    args = ("score", str(article), "--engine", "argos", "--source-lang", "es", "--format", "jsonl")
    first = run(*args)
    assert first.exit_code in (0, 1), first.output
    records = segments(first.stdout)
    trips = [r["backtranslation"] for r in records]
    assert all(t["engine"] == "argos" and "logprob" in t and "chrf" in t for t in trips)
    assert trips[0]["model"] == "en_es@1.0+es_en@1.0"
    assert "entries: " in run("cache", "info").output

    from postedit.engines.argos import ArgosEngine

    def no_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("the engine ran although everything was cached")

    monkeypatch.setattr(ArgosEngine, "_translate_hop", no_model)
    monkeypatch.setattr(ArgosEngine, "score", no_model)
    second = run(*args)
    assert second.exit_code == first.exit_code
    assert second.stdout == first.stdout
    assert "removed" in run("cache", "clear").output
    assert run("cache", "info").output.splitlines()[1] == "entries: 0"


def test_no_cache_leaves_no_cache_file(installed_en_es: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("score", str(article), "--engine", "argos", "--no-cache", "--format", "jsonl")
    assert result.exit_code in (0, 1)
    assert not (tmp_path / "postedit-home" / "cache").exists()


def test_engine_none_and_auto_without_engines(
    homes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    none = run("score", str(article), "--engine", "none", "--format", "jsonl")
    assert all("backtranslation" not in r for r in segments(none.stdout))
    monkeypatch.setattr("postedit.engines.apertium.available", lambda s, t: False)
    auto = run("score", str(article), "--engine", "auto", "--format", "jsonl")
    assert auto.exit_code in (0, 1)
    assert all("backtranslation" not in r for r in segments(auto.stdout))
    assert "no translation engine for es<->en" in auto.stderr


@needs_apertium
def test_apertium_round_trip_on_our_article(homes: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("score", str(article), "--engine", "apertium", "--format", "jsonl")
    records = segments(result.stdout)
    assert all({"chrf", "bleu", "signature"} <= set(r["backtranslation"]) for r in records)
    flags = [f for r in records for f in r["flags"] if f["origin"] == "engine:apertium"]
    assert [(ARTICLE[f["start"] : f["end"]], f["rule"]) for f in flags] == [
        ("SyriaAfter", "engine-unknown-word")
    ]


@needs_apertium
def test_bilingual_source_adds_alignment(homes: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The port will reopen on Friday. The storm damaged 14 boats.\n")
    source = tmp_path / "source.txt"
    source.write_text("El puerto reabrirá el viernes. La tormenta dañó 40 barcos.\n")
    result = run("score", str(article), "--engine", "apertium", "--source", str(source),
                 "--format", "jsonl")  # fmt: skip
    records = segments(result.stdout)
    assert [r["backtranslation"]["source"]["alignment"] for r in records] == ["1-1", "1-1"]
    assert "engine-number-mismatch" in [f["rule"] for f in records[1]["flags"]]


@needs_apertium
@pytest.mark.skipif(not SEED.exists(), reason=WHY_MISSING)
def test_seed_article_round_trips_and_unknown_words(homes: Path) -> None:
    result = run("score", str(SEED), "--engine", "apertium", "--source-lang", "es",
                 "--format", "jsonl")  # fmt: skip
    records = segments(result.stdout)
    text = SEED.read_text(encoding="utf-8")
    body = [r for r in records if r["kind"] == "body"]
    assert body and all({"chrf", "bleu"} <= set(r["backtranslation"]) for r in body)
    unknown = {
        text[e["start"] : e["end"]]
        for r in records
        for e in r.get("backtranslation", {}).get("evidence", [])
        if e["kind"] == "unknown-word"
    }
    assert {"SyriaAfter", "Romanovskydelivered", "austinThe"} <= unknown


def test_online_install_from_an_argos_index(
    homes: Path, argos_archives: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real index and download path, against a package index served on localhost."""
    import functools
    import http.server
    import shutil
    import threading

    from argos_factory import metadata
    from argostranslate import settings

    served = tmp_path / "served"
    served.mkdir()
    shutil.copy(argos_archives[("en", "es")], served / "en_es.argosmodel")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    entry = dict(metadata("en", "es"), links=[f"{base}/en_es.argosmodel"])
    (served / "index.json").write_text(json.dumps([entry]))
    monkeypatch.setattr(settings, "remote_package_index", f"{base}/index.json")
    monkeypatch.setattr(settings, "local_package_index", tmp_path / "index.json")
    monkeypatch.setattr(settings, "downloads_dir", tmp_path)
    try:
        result = run("models", "install", "en", "es")
        missing = run("models", "install", "en", "de")
    finally:
        server.shutdown()
    assert result.exit_code == 0, result.output
    assert "installed en->es v1.0" in result.stdout
    assert missing.exit_code == 3 and "has no model for en->de" in missing.stderr


def _rewritten(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of the archive ``source`` with ``change(info, data)`` -> (info, data) per member."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            new_info, data = change(info, zin.read(info))
            zout.writestr(new_info, data)
    return target


def test_language_code_with_a_newline_is_refused(homes: Path, argos_archives: dict, tmp_path: Path) -> None:
    def newline_code(info, data):  # type: ignore[no-untyped-def]
        if info.filename.endswith("metadata.json"):
            meta = json.loads(data)
            meta["from_code"] = "en\n"
            data = json.dumps(meta).encode()
        return info, data

    bad = _rewritten(argos_archives[("en", "es")], tmp_path / "nl.argosmodel", newline_code)
    result = run("models", "install", "--file", str(bad))
    assert result.exit_code == 3 and "no valid 'from_code'" in result.stderr
    assert list(homes.iterdir()) == []


def test_zip_bomb_is_refused_by_its_compression_ratio(
    homes: Path, argos_archives: dict, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.argosmodel"
    bomb.write_bytes(argos_archives[("en", "es")].read_bytes())
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("translate-en_es-1_0/padding.bin", b"\0" * (300 * 1024 * 1024))
    assert bomb.stat().st_size < 3 * 1024 * 1024
    result = run("models", "install", "--file", str(bomb))
    assert result.exit_code == 3 and "at most 100x its size" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("damage", ["crc", "encrypted", "method", "long-name"])
def test_damaged_archives_are_one_line(
    homes: Path, argos_archives: dict, tmp_path: Path, damage: str
) -> None:
    def rename(info, data):  # type: ignore[no-untyped-def]
        if damage == "long-name" and info.filename.endswith("metadata.json"):
            info = zipfile.ZipInfo(info.filename.replace("metadata", "m" * 300), info.date_time)
        return info, data

    bad = _rewritten(argos_archives[("en", "es")], tmp_path / f"{damage}.argosmodel", rename)
    if damage != "long-name":
        bad.write_bytes(_patched(bad.read_bytes(), "metadata.json", damage))
    result = run("models", "install", "--file", str(bad))
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith("postedit: error: ") and result.stderr.count("\n") == 1
    assert list(homes.iterdir()) == []


def _patched(archive: bytes, member_suffix: str, damage: str) -> bytes:
    """The zip bytes with one member's data flipped (crc) or its central entry altered."""
    raw = bytearray(archive)
    central = raw.find(b"PK\x01\x02")
    while central >= 0:
        name_len = int.from_bytes(raw[central + 28 : central + 30], "little")
        name = bytes(raw[central + 46 : central + 46 + name_len]).decode()
        if name.endswith(member_suffix):
            break
        central = raw.find(b"PK\x01\x02", central + 4)
    if damage == "encrypted":
        raw[central + 8] |= 0x1
    elif damage == "method":
        raw[central + 10 : central + 12] = (99).to_bytes(2, "little")
    else:  # crc: flip a byte inside the member's data
        local = int.from_bytes(raw[central + 42 : central + 46], "little")
        extra_len = int.from_bytes(raw[local + 28 : local + 30], "little")
        raw[local + 30 + name_len + extra_len + 2] ^= 0xFF
    return bytes(raw)


def test_a_missing_model_error_names_the_article(homes: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("score", str(article), "--engine", "argos", "--format", "jsonl")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"postedit: error: {article}: no Argos model")
    assert result.stderr.count("\n") == 1
