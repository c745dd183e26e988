"""Argos through CTranslate2 on synthetic packages: install, translate, score, pivot."""

from __future__ import annotations

import json
import os
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine_fixtures import (  # noqa: E402,F401
    argos_archives_fixture,
    homes_fixture,
    installed_en_es_fixture,
)

from postedit.engines import available_engine, get_engine  # noqa: E402
from postedit.engines.argos_packages import (  # noqa: E402
    install_from_file,
    installed_packages,
    remove_package,
)
from postedit.errors import EngineError  # noqa: E402

SENTENCES = [
    "The regional council said in a statement that prices rose.",
    "Fog.",
    "",
    "Two opposition parties denied on Thursday that the strike would end before the holidays.",
    "¿Por qué ahora?",
]


def _engine(src: str = "es", tgt: str = "en"):
    return get_engine("argos", src, tgt, use_cache=False)


def test_install_from_file_lists_pair_version_and_size(homes: Path, argos_archives: dict) -> None:
    package = install_from_file(argos_archives[("en", "es")])
    assert (package.from_code, package.to_code, package.version) == ("en", "es", "1.0")
    assert package.size_bytes > 0
    assert [p.model_id for p in installed_packages()] == ["en_es@1.0"]
    assert sorted(os.listdir(homes)) == [package.path.name]


def test_reinstall_replaces_the_same_pair(homes: Path, argos_archives: dict) -> None:
    install_from_file(argos_archives[("en", "es")])
    install_from_file(argos_archives[("en", "es")])
    assert len(installed_packages()) == 1
    assert not [name for name in os.listdir(homes) if name.startswith(".")]


def test_translate_keeps_order_count_and_is_deterministic(installed_en_es: Path) -> None:
    engine = _engine()
    first = engine.translate(SENTENCES, "en", "es")
    again = engine.translate(list(reversed(SENTENCES)), "en", "es")
    assert len(first) == len(SENTENCES)
    assert [t.source for t in first] == SENTENCES
    assert [t.text for t in first] == [t.text for t in reversed(again)]
    assert first[2].text == ""
    assert all(t.text for i, t in enumerate(first) if SENTENCES[i])


def test_translate_nbest_with_scores(installed_en_es: Path) -> None:
    result = _engine().translate(SENTENCES[:2], "en", "es", nbest=2, with_scores=True)
    assert all(len(t.hypotheses) == 2 for t in result)
    assert all(h.score is not None and h.score <= 0 for t in result for h in t.hypotheses)
    assert result[0].text == result[0].hypotheses[0].text
    plain = _engine().translate(SENTENCES[:1], "en", "es")
    assert plain[0].score is None


def test_forced_decoding_gives_token_logprobs_with_offsets(installed_en_es: Path) -> None:
    target = SENTENCES[0]
    [score] = _engine().score(["El consejo regional dijo algo."], [target], "es", "en")
    assert score.target == target
    assert score.mean_logprob < 0
    assert score.tokens[-1].token == "</s>"
    for token in score.tokens[:-1]:
        assert token.token.replace("▁", "") == target[token.start : token.end]
    lowest = score.lowest(2)
    assert lowest[0].logprob <= lowest[1].logprob
    assert all(t.end > t.start for t in lowest)


def test_pivot_through_english(homes: Path, argos_archives: dict, capsys: pytest.CaptureFixture) -> None:
    for pair in (("es", "en"), ("en", "fr"), ("fr", "en"), ("en", "es")):
        install_from_file(argos_archives[pair])
    engine = get_engine("argos", "es", "fr", use_cache=False)
    assert engine.pivots("es", "fr")
    assert "no direct es->fr model; translating through English" in capsys.readouterr().err
    [result] = engine.translate(["Hola a todos."], "es", "fr")
    assert result.pivot  # the English in between is kept
    [scored] = engine.score(["Hola."], ["Bonjour."], "es", "fr")
    assert scored.tokens


def test_missing_model_says_what_and_how_to_install(homes: Path, argos_archives: dict) -> None:
    install_from_file(argos_archives[("en", "es")])
    with pytest.raises(EngineError, match=r"es->en .*postedit models install es en"):
        _engine()


def test_auto_prefers_argos_when_installed(installed_en_es: Path) -> None:
    assert available_engine("es", "en") == "argos"
    assert get_engine("auto", "es", "en", use_cache=False).name == "argos"


def test_remove_package(installed_en_es: Path) -> None:
    remove_package("en", "es")
    assert [p.model_id for p in installed_packages()] == ["es_en@1.0"]
    with pytest.raises(EngineError, match="no Argos model for en->es"):
        remove_package("en", "es")


def test_cuda_request_falls_back_to_cpu(capsys: pytest.CaptureFixture) -> None:
    ctranslate2 = pytest.importorskip("ctranslate2")
    from postedit.engines.argos import resolve_device

    if ctranslate2.get_cuda_device_count() > 0:
        assert resolve_device("cuda")[0] == "cuda"
        return
    assert resolve_device("cuda") == ("cpu", "int8")
    assert "no CUDA device" in capsys.readouterr().err


# --- unsafe archives are refused and leave nothing behind -------------------------------


def _rezip(source: Path, target: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """Copy ``source`` into ``target`` letting ``edit(name, data)`` change or drop entries."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            changed = edit(info.filename, zin.read(info))
            if changed is not None:
                zout.writestr(changed[0], changed[1])
    return target


def _assert_nothing_installed(homes: Path) -> None:
    assert os.listdir(homes) == []


def test_refuses_path_traversal(homes: Path, argos_archives: dict, tmp_path: Path) -> None:
    bad = _rezip(argos_archives[("en", "es")], tmp_path / "slip.argosmodel", lambda n, d: (n, d))
    with zipfile.ZipFile(bad, "a") as zf:
        zf.writestr("translate-en_es-1_0/../../evil.txt", b"owned")
    with pytest.raises(EngineError, match="refused: path traversal"):
        install_from_file(bad)
    _assert_nothing_installed(homes)
    assert not (homes.parent / "evil.txt").exists()


def test_refuses_absolute_paths(homes: Path, argos_archives: dict, tmp_path: Path) -> None:
    bad = tmp_path / "abs.argosmodel"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("/tmp/evil.txt", b"owned")
    with pytest.raises(EngineError, match="refused: absolute path"):
        install_from_file(bad)
    _assert_nothing_installed(homes)


def test_refuses_symlinks(homes: Path, argos_archives: dict, tmp_path: Path) -> None:
    bad = _rezip(argos_archives[("en", "es")], tmp_path / "link.argosmodel", lambda n, d: (n, d))
    link = zipfile.ZipInfo("translate-en_es-1_0/model/escape")
    link.external_attr = 0o120777 << 16  # a symbolic link
    with zipfile.ZipFile(bad, "a") as zf:
        zf.writestr(link, "/etc/passwd")
    with pytest.raises(EngineError, match="refused: symbolic link"):
        install_from_file(bad)
    _assert_nothing_installed(homes)


def test_refuses_missing_metadata(homes: Path, argos_archives: dict, tmp_path: Path) -> None:
    bad = _rezip(
        argos_archives[("en", "es")],
        tmp_path / "nometa.argosmodel",
        lambda n, d: None if n.endswith("metadata.json") else (n, d),
    )
    with pytest.raises(EngineError, match="metadata.json is missing"):
        install_from_file(bad)
    _assert_nothing_installed(homes)


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (json.dumps({"to_code": "es", "package_version": "1"}).encode(), "'from_code'"),
        (json.dumps({"from_code": "../x", "to_code": "es"}).encode(), "'from_code'"),
    ],
)
def test_refuses_malformed_metadata(
    homes: Path, argos_archives: dict, tmp_path: Path, metadata: bytes, message: str
) -> None:
    bad = _rezip(
        argos_archives[("en", "es")],
        tmp_path / "badmeta.argosmodel",
        lambda n, d: (n, metadata) if n.endswith("metadata.json") else (n, d),
    )
    with pytest.raises(EngineError, match=message):
        install_from_file(bad)
    _assert_nothing_installed(homes)


def test_refuses_archives_that_unpack_too_big(homes: Path, argos_archives: dict) -> None:
    with pytest.raises(EngineError, match="unpacks to more than 1000 bytes"):
        install_from_file(argos_archives[("en", "es")], max_bytes=1000)
    _assert_nothing_installed(homes)


def test_refuses_non_zip_files(homes: Path, tmp_path: Path) -> None:
    bad = tmp_path / "plain.argosmodel"
    bad.write_text("hello")
    with pytest.raises(EngineError, match="not an Argos package"):
        install_from_file(bad)
    _assert_nothing_installed(homes)


def test_failed_replacement_keeps_the_installed_package(
    installed_en_es: Path, argos_archives: dict, tmp_path: Path
) -> None:
    bad = _rezip(
        argos_archives[("en", "es")],
        tmp_path / "nomodel.argosmodel",
        lambda n, d: None if n.endswith("model.bin") else (n, d),
    )
    with pytest.raises(EngineError, match="model/model.bin is missing"):
        install_from_file(bad)
    assert [p.model_id for p in installed_packages()] == ["en_es@1.0", "es_en@1.0"]


def test_argos_compute_type_setting_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ctranslate2")
    from postedit.engines.argos import resolve_device

    monkeypatch.setenv("ARGOS_COMPUTE_TYPE", "float32")
    assert resolve_device("cpu") == ("cpu", "float32")
    monkeypatch.setenv("ARGOS_COMPUTE_TYPE", "auto")
    assert resolve_device("cpu") == ("cpu", "int8")
