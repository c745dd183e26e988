"""Saving in the input's own format: bytes kept, records kept, atomic and no clobbering."""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path

import pytest

from postedit import writers
from postedit.document import Block, Document, build_segments, paragraph_spans
from postedit.errors import OutputError
from postedit.segmenter import split_sentences
from postedit.writers import (
    SimulatedCrash,
    backup_path,
    default_output,
    render,
    sidecar_path,
    sniff_encoding,
    write_atomic,
)


def make_doc(text: str, doc_id: str = "a.txt", fmt: str = "txt") -> Document:
    blocks = []
    for n, (start, end) in enumerate(paragraph_spans(text), 1):
        segs = build_segments(f"b{n}", text, split_sentences(text, start, end))
        blocks.append(Block(f"b{n}", "body", start, end, text[start:end], segs))
    return Document(doc_id, text, tuple(blocks), fmt=fmt)


CRLF_TEXT = "Headline\r\n\r\nOne here.Two here. Three.\r\n\r\nSource link\r\n"


def test_untouched_bytes_and_line_endings_are_kept() -> None:
    doc = make_doc(CRLF_TEXT)
    assert render(CRLF_TEXT, "txt", [doc], {}) == CRLF_TEXT
    out = render(CRLF_TEXT, "txt", [doc], {0: {"b2.s2": "Two, fixed."}})
    assert out == "Headline\r\n\r\nOne here.Two, fixed. Three.\r\n\r\nSource link\r\n"


def test_a_removed_block_leaves_no_blank_line_debris() -> None:
    doc = make_doc(CRLF_TEXT)
    out = render(CRLF_TEXT, "txt", [doc], {0: {"b3.s1": ""}})
    assert out == "Headline\r\n\r\nOne here.Two here. Three.\r\n"
    middle = render(CRLF_TEXT, "txt", [doc], {0: {"b2.s1": "", "b2.s2": "", "b2.s3": ""}})
    assert middle == "Headline\r\n\r\nSource link\r\n"


def test_jsonl_keeps_unedited_lines_and_other_fields() -> None:
    lines = [
        '{"id": "a", "text": "First one. Second.", "source": "Uno. Dos.", "n": 1}\n',
        "\n",
        '{"id":"b","text":"Other text here.","tags":["x"]}\r\n',
    ]
    file_text = "".join(lines)
    docs = [make_doc("First one. Second.", "a", "jsonl"),
            make_doc("Other text here.", "b", "jsonl")]
    out = render(file_text, "jsonl", docs, {1: {"b1.s1": "Other text, edited."}})
    out_lines = out.splitlines(keepends=True)
    assert out_lines[0] == lines[0] and out_lines[1] == "\n"
    assert out_lines[2].endswith("\r\n")
    record = json.loads(out_lines[2])
    assert record == {"id": "b", "text": "Other text, edited.", "tags": ["x"]}
    assert list(record) == ["id", "text", "tags"]


@pytest.mark.parametrize(
    "bom,name", [(b"", "utf-8"), (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                 (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_encoding_and_bom_come_back_as_they_were(bom: bytes, name: str) -> None:
    text = "Ñandú “quoted” text."
    data = bom + text.encode(name)
    encoding = sniff_encoding(data)
    assert encoding.name == name
    assert encoding.encode(text) == data


def test_output_names() -> None:
    assert default_output("news/article.txt") == str(Path("news/article.edited.txt"))
    assert default_output("a.jsonl") == "a.edited.jsonl"
    assert default_output("-") == "-"
    assert sidecar_path("a.edited.txt") == "a.edited.txt.prov.json"


def test_backups_never_overwrite_an_existing_backup(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    assert backup_path(str(article)) == f"{article}.bak"
    (tmp_path / "a.txt.bak").write_text("old")
    assert backup_path(str(article)) == f"{article}.bak.1"
    (tmp_path / "a.txt.bak.1").write_text("older")
    assert backup_path(str(article)) == f"{article}.bak.2"


def test_an_existing_output_is_never_clobbered_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(str(target), b"first")
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(str(target), b"second")
    assert target.read_bytes() == b"first"
    write_atomic(str(target), b"second", force=True)
    assert target.read_bytes() == b"second"


def test_overwriting_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"x")
    os.chmod(target, 0o640)
    write_atomic(str(target), b"y", force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_crash_between_temp_write_and_rename_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old output")
    seen: list[str] = []

    def crash(stage: str, temp: Path) -> None:
        seen.append(stage)
        assert temp.read_bytes() == b"new output"  # the temp file was fully written first
        raise SimulatedCrash(stage)

    monkeypatch.setattr(writers, "FAULT_HOOK", crash)
    with pytest.raises(SimulatedCrash):
        write_atomic(str(target), b"new output", force=True)
    assert seen == ["before-rename"]
    assert target.read_bytes() == b"old output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="folder does not exist"):
        write_atomic(str(tmp_path / "nope" / "out.txt"), b"x")
