"""XLIFF import: an exported file (possibly edited in a CAT tool) back to article and provenance.

The record and segment offsets ride in the export's ``mda:`` metadata (see
:mod:`.xliff`), so the article is rebuilt exactly; each target a CAT tool
changed becomes an ``import`` revision by ``human:EDITOR``.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from postedit.agents import human, resolve_editor
from postedit.edit_memory import EditMemory, session_fixes
from postedit.editing.record import SavedFiles, Session
from postedit.errors import InputError
from postedit.formats.xliff import MDA_NS, XLIFF_NS, _q
from postedit.provenance import load_input_for, locate_recorded, revisions_of


def parse_xliff(data: bytes, path: str = "xliff") -> tuple[dict, dict[tuple[int, str], str]]:
    """The provenance record carried by an exported XLIFF, and every unit's target text."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"not well-formed XML ({exc})", path=path) from None
    if root.tag != _q(XLIFF_NS, "xliff") or root.get("version") not in ("2.0", "2.1"):
        raise InputError("not an XLIFF 2.x document", path=path)
    files = root.findall(_q(XLIFF_NS, "file"))
    header = _file_meta(files[0], "postedit:record", path) if files else None
    if header is None:
        raise InputError("not exported by postedit (no postedit:record metadata)", path=path)
    record = dict(header)
    record["documents"] = []
    targets: dict[tuple[int, str], str] = {}
    for index, element in enumerate(files):
        record["documents"].append(_document_of(element, index, targets, path))
    return record, targets


def _file_meta(element: ET.Element, kind: str, path: str) -> Any:
    for meta in element.iterfind(f"{_q(MDA_NS, 'metadata')}/{_q(MDA_NS, 'metaGroup')}/"
                                 f"{_q(MDA_NS, 'meta')}"):
        if meta.get("type") == kind:
            return _json(meta.text, path)
    return None


def _json(text: str | None, path: str) -> Any:
    try:
        return json.loads(text or "")
    except json.JSONDecodeError as exc:
        raise InputError(f"damaged postedit metadata ({exc})", path=path) from None


def _document_of(
    element: ET.Element, index: int, targets: dict[tuple[int, str], str], path: str
) -> dict:
    doc = _file_meta(element, "postedit:document", path)
    if doc is None:
        raise InputError(f"file {element.get('id')} has no postedit:document metadata", path=path)
    doc["segments"] = []
    for unit in element.iter(_q(XLIFF_NS, "unit")):
        seg = _unit_meta(unit, "postedit:segment", path)[0]
        seg["revisions"] = _unit_meta(unit, "postedit:revision", path)
        doc["segments"].append(seg)
        target = unit.find(f"{_q(XLIFF_NS, 'segment')}/{_q(XLIFF_NS, 'target')}")
        if target is not None:
            targets[(index, seg["id"])] = "".join(target.itertext())
    return doc


def _unit_meta(unit: ET.Element, kind: str, path: str) -> list:
    found = [
        _json(meta.text, path)
        for meta in unit.iter(_q(MDA_NS, "meta"))
        if meta.get("type") == kind
    ]
    if kind == "postedit:segment" and len(found) != 1:
        raise InputError(f"unit {unit.get('id')} has no postedit:segment metadata", path=path)
    return found


def import_file(
    xliff: str,
    *,
    output: str | None = None,
    input_path: str | None = None,
    editor: str | None = None,
    force: bool = False,
    memory: EditMemory | None = None,
) -> SavedFiles:
    """Rebuild the edited article and its provenance from ``xliff``; changed targets
    become ``import`` revisions by ``human:EDITOR``, and the article's fixes are
    remembered in ``memory`` (the edit memory) once saved."""
    from postedit.readers import read_bytes

    record, targets = parse_xliff(read_bytes(xliff), xliff)
    base_dir = os.path.dirname(os.path.abspath(xliff))
    source = load_input_for(record, input_path, base_dir)
    session = Session.resume(source, record, **({"editor": editor} if editor else {}))
    by = human(resolve_editor(editor))
    _check_revisions(record, xliff)
    for (index, seg_id), text in targets.items():
        session.record(seg_id, text, by, "import", doc=index)
    target = output or locate_recorded(record["output"]["path"], base_dir)
    saved = session.save(target, force=force)
    if memory is not None:
        memory.remember(session_fixes(session, source.path, site=""))
    return saved


def _check_revisions(record: Mapping, path: str) -> None:
    for n, rev in enumerate(revisions_of(record), 1):
        if rev.seq != n or rev.compute_hash() != rev.hash:
            raise InputError(f"revision {n} of segment {rev.segment} was altered", path=path)
