"""Save edited articles in the input's own format, atomically and without clobbering.

Two halves. :func:`render` turns the original file text plus the edited
segments into the new file text: ``.txt``/``.md`` through
:func:`postedit.document.rebuild` (untouched bytes stay byte-identical), ``.jsonl``
line by line (records without edits keep their exact line, edited ones get a
new ``text`` with every other field kept in order). :func:`write_atomic` then
puts bytes on disk the safe way: temp file in the same folder, fsync, rename,
fsync of the folder, so a crash leaves either the old file or the new one.

``FAULT_HOOK`` (or ``POSTEDIT_FAULT=before-rename`` in the environment) lets
tests kill the writer between the temp write and the rename.
"""

from __future__ import annotations

import codecs
import glob
import json
import os
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from postedit.document import Document, rebuild
from postedit.errors import OutputError
from postedit.formats import jsonl

# Called as ``FAULT_HOOK(stage, temp_path)`` at each stage of a write; tests set it.
FAULT_HOOK: Callable[[str, Path], None] | None = None
FAULT_ENV = "POSTEDIT_FAULT"
FAULT_EXIT_CODE = 86  # what a writer killed by ``POSTEDIT_FAULT`` exits with


class SimulatedCrash(BaseException):
    """Raised by test fault hooks; a BaseException so nothing catches it by accident."""


@dataclass(frozen=True)
class Encoding:
    """How the input file was encoded, so the output is encoded the same way."""

    name: str  # ``utf-8`` or ``utf-16-le`` / ``utf-16-be``
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.name)


def sniff_encoding(data: bytes) -> Encoding:
    """The encoding the readers accepted ``data`` with (UTF-16 needs a BOM)."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return Encoding("utf-16-le", codecs.BOM_UTF16_LE)
    if data.startswith(codecs.BOM_UTF16_BE):
        return Encoding("utf-16-be", codecs.BOM_UTF16_BE)
    if data.startswith(codecs.BOM_UTF8):
        return Encoding("utf-8", codecs.BOM_UTF8)
    return Encoding("utf-8")


def decode_with(data: bytes, encoding: Encoding) -> str:
    return data[len(encoding.bom) :].decode(encoding.name)


def render(
    file_text: str,
    fmt: str,
    documents: Sequence[Document],
    replacements: Mapping[int, Mapping[str, str]],
) -> str:
    """The new file text; ``replacements`` maps document index -> {segment id: new text}."""
    if fmt == "jsonl":
        return _render_jsonl(file_text, documents, replacements)
    if len(documents) != 1:
        raise OutputError(f"a {fmt} file holds one article, got {len(documents)}")
    return rebuild(documents[0], dict(replacements.get(0, {})))


def _render_jsonl(
    file_text: str, documents: Sequence[Document], replacements: Mapping[int, Mapping[str, str]]
) -> str:
    lines = jsonl.split_lines(file_text, keepends=True)
    out = []
    index = 0
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        edits = replacements.get(index) or {}
        if edits and index < len(documents):
            out.append(_edited_record_line(line, rebuild(documents[index], dict(edits))))
        else:
            out.append(line)
        index += 1
    return "".join(out)


def _edited_record_line(line: str, text: str) -> str:
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    record = json.loads(body)
    record["text"] = text
    ascii_only = body.isascii() and "\\u" in body
    compact = '":' in body and '": ' not in body
    separators = (",", ":") if compact else (", ", ": ")
    return jsonl.dumps(record, ensure_ascii=ascii_only, separators=separators) + ending


def default_output(input_path: str) -> str:
    """``ARTICLE.edited.EXT`` next to ``ARTICLE.EXT`` (stdout for stdin)."""
    if input_path == "-":
        return "-"
    path = Path(input_path)
    return str(path.with_name(f"{path.stem}.edited{path.suffix}"))


def sidecar_path(output_path: str) -> str:
    """Where the provenance of ``output_path`` lives: ``OUTPUT.prov.json``."""
    return f"{output_path}.prov.json"


def backup_path(input_path: str) -> str:
    """A backup name that does not exist yet: ``ARTICLE.EXT.bak``, then ``.bak.1``, ``.bak.2``."""
    candidate = f"{input_path}.bak"
    n = 0
    while os.path.lexists(candidate):
        n += 1
        candidate = f"{input_path}.bak.{n}"
    return candidate


EXISTS = "already exists; use --force to overwrite or -o elsewhere"


def check_writable(paths: Sequence[str], *, force: bool, exists: str = EXISTS) -> None:
    """Refuse to overwrite an existing file unless ``force`` (saying ``exists`` if so)."""
    for path in paths:
        if path == "-":
            continue
        if os.path.isdir(path):
            raise OutputError("is a directory", path=path)
        if os.path.lexists(path) and not force:
            raise OutputError(exists, path=path)


def write_atomic(path: str, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, never half.

    ``-`` writes to stdout. Without ``force`` an existing file is an :class:`OutputError`.
    """
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    check_writable([path], force=force)
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("folder does not exist", path=str(folder))
    temp = _write_temp(folder, target.name, data)
    try:
        _fault("before-rename", temp)
        _keep_mode(target, temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)


def write_pair(files: Sequence[tuple[str, bytes]], *, force: bool = False) -> None:
    """Write several files (an output and its sidecar) so that all appear or none does.

    Every file is first written to a temporary file beside its target and
    fsynced; then a commit note ``LAST.commit`` (beside the last file, the
    sidecar) lists the renames still to do, and the renames follow. A crash
    before the note leaves only the old files (the temporaries are cleaned up
    by :func:`finish_pending`); a crash after it is finished by
    :func:`finish_pending` on the next run, so a pair is never half-written.
    """
    targets = [path for path, _ in files]
    check_writable(targets, force=force)
    folders = [_folder_of(path) for path in targets]
    temps: list[Path] = []
    try:
        for (path, data), folder in zip(files, folders, strict=True):
            temps.append(_write_temp(folder, Path(path).name, data))
        note = commit_note(targets[-1])
        moves = [(str(temp), path) for temp, path in zip(temps, targets, strict=True)]
        _fault("before-commit", temps[-1])
        write_atomic(note, json.dumps(moves).encode(), force=True)
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
    _fault("between-renames", temps[-1])
    _finish(note, moves)


def commit_note(last_path: str) -> str:
    """Where :func:`write_pair` notes the renames it has still to do."""
    return f"{last_path}.commit"


def finish_pending(*paths: str) -> bool:
    """Finish a :func:`write_pair` of ``paths`` that a crash interrupted; True when there was one.

    Without a commit note, temporaries of a pair that crashed before committing are removed.
    """
    note = commit_note(paths[-1])
    if not os.path.exists(note):
        _remove_stale_temps(paths)
        return False
    try:
        moves = json.loads(Path(note).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        Path(note).unlink(missing_ok=True)  # the note is written atomically: this cannot be ours
        return False
    _finish(note, [(str(temp), str(path)) for temp, path in moves])
    return True


def _finish(note: str, moves: Sequence[tuple[str, str]]) -> None:
    for temp, path in moves:
        if os.path.exists(temp):
            _keep_mode(Path(path), Path(temp))
            os.replace(temp, path)
            _fsync_dir(_folder_of(path))
    Path(note).unlink(missing_ok=True)
    _fsync_dir(_folder_of(note))


def _remove_stale_temps(paths: Sequence[str]) -> None:
    """Temporaries of an uncommitted pair (no note names them): safe to delete."""
    for path in paths:
        target = Path(path)
        folder = target.parent if str(target.parent) else Path(".")
        for temp in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
            temp.unlink(missing_ok=True)


def _folder_of(path: str) -> Path:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("folder does not exist", path=str(folder))
    return folder


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", path=str(folder)) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(folder / name)) from None
    return temp


def _keep_mode(target: Path, temp: Path) -> None:
    """An overwritten file keeps its permission bits (mkstemp makes 0600 files)."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(temp, mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open folders; the rename itself is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fault(stage: str, temp: Path) -> None:
    if FAULT_HOOK is not None:
        FAULT_HOOK(stage, temp)
    if os.environ.get(FAULT_ENV) == stage:
        os._exit(FAULT_EXIT_CODE)  # like a kill: no cleanup, no flush


_OPEN, _CLOSE = "\ue000", "\ue001"


def output_spans(document: Document, replacements: Mapping[str, str]) -> list[tuple[str, int, int]]:
    """``(segment id, start, end)`` of each kept segment in the rebuilt output text.

    Computed by rebuilding with private-use markers around each segment, so it
    always agrees with :func:`postedit.document.rebuild`.
    """
    order = [seg.id for seg in document.segments if replacements.get(seg.id, seg.text) != ""]
    marked = {
        seg.id: _OPEN + replacements.get(seg.id, seg.text) + _CLOSE
        for seg in document.segments
        if seg.id in order
    }
    marked.update({sid: "" for sid, text in replacements.items() if text == ""})
    text = rebuild(document, marked)
    spans, removed, ids = [], 0, iter(order)
    start = 0
    for pos, char in enumerate(text):
        if char == _OPEN:
            start = pos - removed
            removed += 1
        elif char == _CLOSE:
            spans.append((next(ids), start, pos - removed))
            removed += 1
    return spans
