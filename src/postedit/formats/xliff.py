"""XLIFF 2.1 export and import, with ITS 2.0 annotations, for CAT tools.

One ``<file>`` per article (one per JSONL record), one ``<group>`` per
paragraph, one ``<unit>`` per sentence. ``<source>`` is the source-language
sentence when a source article is known, else the machine translation;
``<target>`` is the edited text. ITS 2.0 data categories, in the ITS namespace
(``its:version="2.0"`` on the root):

- Localization Quality Issue: one ``<mrk type="its:generic">`` per flag on its
  exact span of the sentence it was found on (the machine translation: in
  ``<source>`` when no source article is known, in ``<target>`` while it is
  unchanged, else in an ``mtc:match`` holding it), see :mod:`.xliff_issues`;
  the same findings as ``<note category="postedit">`` for tools without ITS;
- Provenance: each revision as an ``its:provenanceRecord`` (``revPerson`` for
  people, ``revTool`` for rules and engines), referenced from the target;
- MT Confidence: a score of the machine translation, ``its:mtConfidence`` (0..1).

``state``/``subState`` tell garbled, to-check, fine and edited units apart.
``srcLang`` is the language translated from; paths are relative to the XLIFF
file (never absolute), and an unedited article's export names no editor.

Everything postedit needs to rebuild the article and its provenance exactly
(segment offsets, full revisions with their hashes) rides along in the XLIFF
Metadata module (``mda:``), so ``import`` after ``export`` is lossless; targets a
CAT tool changed come back as new ``human:`` revisions.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

from postedit.editing.record import Session
from postedit.errors import OutputError
from postedit.formats.xliff_issues import (  # noqa: F401  (re-exported: the mapping tables)
    ISSUE_TYPES,
    SEVERITY_SCORES,
    UNIT_STATES,
    fill_marked,
    issue_type,
    notes_element,
    unit_state,
)
from postedit.input_file import load_source
from postedit.pairing import pair_one_to_one, read_source_text
from postedit.provenance import (
    document_from_record,
    expand_record,
    load_input_for,
    read_record,
    sha256_hex,
)
from postedit.writers import default_output, sidecar_path

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
ITS_NS = "http://www.w3.org/2005/11/its"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XLIFF_VERSION = "2.1"
ITS_VERSION = "2.0"

ET.register_namespace("", XLIFF_NS)
ET.register_namespace("its", ITS_NS)
ET.register_namespace("mda", MDA_NS)
ET.register_namespace("mtc", MTC_NS)

_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


# --- export ------------------------------------------------------------------------------


def export_file(
    article: str,
    *,
    prov_path: str | None = None,
    source_path: str | None = None,
    source_lang: str | None = None,
    input_path: str | None = None,
    xliff_path: str | None = None,
) -> bytes:
    """XLIFF bytes for ``article``: an edited output with a sidecar, or an unedited article
    (``-``: read from stdin). ``input_path`` is the original of an edited output that moved;
    ``xliff_path`` where the XLIFF goes (its paths are made relative to it).

    ``source_lang`` becomes ``srcLang``; without it, the language detected in the
    source article, else the default source language (:class:`~postedit.config.Config`).
    """
    record, source, base_dir = _record_for(article, prov_path, input_path)
    flags = _flags_by_segment(record, source)
    sources = _source_sentences(record, source, source_path)
    record = relocated(record, base_dir, xliff_path)
    return export_record(record, flags, sources, source_lang or _source_lang(sources))


def _source_lang(sources: Mapping[tuple[int, str], str]) -> str:
    if sources:
        from postedit.languages import detect_document

        return detect_document(" ".join(sources.values()))
    from postedit.config import resolve

    return resolve().source_lang


def relocated(record: Mapping, base_dir: str | None, xliff_path: str | None) -> dict:
    """The record with its paths relative to the XLIFF's folder (``xliff_path`` None:
    left as they are, or made relative to the working folder when absolute)."""
    def move(path: str) -> str:
        if path == "-":
            return path
        if xliff_path is None:  # beside the record: only an absolute path changes
            return os.path.relpath(path) if os.path.isabs(path) else path
        full = os.path.abspath(os.path.join(base_dir or ".", path))
        return os.path.relpath(full, os.path.dirname(os.path.abspath(xliff_path)))

    out = dict(record)
    out["input"] = {**record["input"], "path": move(record["input"]["path"])}
    out["output"] = {**record["output"], "path": move(record["output"]["path"])}
    out["documents"] = [  # a document named by its absolute path: name it as the input
        {**doc, "id": out["input"]["path"]} if os.path.isabs(doc["id"]) else doc
        for doc in record["documents"]
    ]
    return out


def _record_for(
    article: str, prov_path: str | None, input_path: str | None
) -> tuple[dict, Any, str | None]:
    """The record to export, the input article it was made from, and the folder the
    record's paths are relative to (None: as given)."""
    if prov_path is None and article != "-" and os.path.exists(sidecar_path(article)):
        prov_path = sidecar_path(article)
    if prov_path is not None:
        record = read_record(prov_path)
        base_dir = os.path.dirname(os.path.abspath(prov_path))
        source = load_input_for(record, input_path, base_dir)
        expand_record(record, source.documents)
        return record, source, base_dir
    source = load_source(article)  # read once: stdin cannot be read again
    session = Session(source, editor="-")
    data = session.output_bytes()
    record = session.build_record(default_output(article), sha256_hex(data))
    record.pop("editor")  # nobody edited it: name nobody (import names the CAT editor)
    return record, source, None


def _flags_by_segment(record: Mapping, source: Any) -> dict[tuple[int, str], list[dict]]:
    """The detectors' flags on the original of every segment (offsets relative to it)."""
    from postedit.pipeline import analyse
    from postedit.provenance import flags_json

    out: dict[tuple[int, str], list[dict]] = {}
    for index, (doc_record, doc) in enumerate(zip(record["documents"], source.documents,
                                                  strict=True)):
        document = document_from_record(doc_record, doc.text, doc.id)
        for seg_report in analyse(document).segments:
            seg = seg_report.segment
            out[(index, seg.id)] = flags_json(seg_report.flags, seg.start)
    return out


def _source_sentences(
    record: Mapping, source: Any, source_path: str | None
) -> dict[tuple[int, str], str]:
    """Source-language sentences paired with segments, when a source article is known."""
    out: dict[tuple[int, str], str] = {}
    for index, doc_record in enumerate(record["documents"]):
        text = _source_text(source.documents[index].meta, source_path, index)
        if text is None:
            continue
        ids = [seg["id"] for seg in doc_record["segments"]]
        paired = pair_one_to_one(ids, text, source_path or "source")
        out.update({(index, sid): sentence for sid, sentence in paired.items()})
    return out


def _source_text(meta: Mapping, source_path: str | None, index: int) -> str | None:
    if source_path is not None:
        return None if index else read_source_text(source_path)
    value = meta.get("source")
    return value if isinstance(value, str) and value.strip() else None


def export_record(
    record: Mapping,
    flags: Mapping[tuple[int, str], Sequence[Mapping]] | None = None,
    sources: Mapping[tuple[int, str], str] | None = None,
    source_lang: str | None = None,
) -> bytes:
    """Serialise a provenance record (plus flags and source sentences) as XLIFF 2.1."""
    flags, sources = flags or {}, sources or {}
    documents = record["documents"]
    trg_lang = documents[0]["lang"] if documents else "en"
    root = ET.Element(_q(XLIFF_NS, "xliff"), {
        "version": XLIFF_VERSION,
        "srcLang": source_lang or trg_lang,
        "trgLang": trg_lang,
        _q(ITS_NS, "version"): ITS_VERSION,
    })
    for index, doc in enumerate(documents):
        header = _header(record) if index == 0 else None
        root.append(_file_element(index, doc, flags, sources, header))
    _indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + _escape_cr(body) + "\n").encode()


def _indent(element: ET.Element, level: int = 0) -> None:
    """Pretty-print, leaving ``xml:space="preserve"`` content exactly as it is."""
    if element.get(_q(XML_NS, "space")) == "preserve" or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _header(record: Mapping) -> dict:
    return {k: v for k, v in record.items() if k not in ("documents", "seal", "$schema")}


def _escape_cr(xml_text: str) -> str:
    """A raw CR would become LF when parsed; ``&#13;`` survives (text and attributes)."""
    return xml_text.replace("\r", "&#13;")


def _file_element(
    index: int, doc: Mapping, flags: Mapping, sources: Mapping, header: Mapping | None
) -> ET.Element:
    file_id = f"f{index + 1}"
    element = ET.Element(_q(XLIFF_NS, "file"), {"id": file_id, "original": doc["id"]})
    metas: list[tuple[str, Any]] = [
        ("postedit:document", {k: v for k, v in doc.items() if k != "segments"})
    ]
    if header is not None:
        metas.insert(0, ("postedit:record", header))
    element.append(_metadata(metas))
    by_block: dict[str, list[Mapping]] = {}
    for seg in doc["segments"]:
        by_block.setdefault(seg["id"].split(".", 1)[0], []).append(seg)
    for block in doc["blocks"]:
        segments = by_block.get(block["id"], [])
        if segments:
            element.append(_group(file_id, index, block, segments, flags, sources))
    return element


def _metadata(metas: Sequence[tuple[str, Any]]) -> ET.Element:
    metadata = ET.Element(_q(MDA_NS, "metadata"))
    group = ET.SubElement(metadata, _q(MDA_NS, "metaGroup"), {"category": "postedit"})
    for kind, value in metas:
        meta = ET.SubElement(group, _q(MDA_NS, "meta"), {"type": kind})
        meta.text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return metadata


def _group(
    file_id: str, index: int, block: Mapping, segments: Sequence[Mapping],
    flags: Mapping, sources: Mapping,
) -> ET.Element:
    attrs = {"id": block["id"], "name": block["kind"], "type": f"postedit:{block['kind']}"}
    group = ET.Element(_q(XLIFF_NS, "group"), attrs)
    for seg in segments:
        key = (index, seg["id"])
        group.append(_unit(file_id, seg, flags.get(key, ()), sources.get(key)))
    return group


def _unit(
    file_id: str, seg: Mapping, flags: Sequence[Mapping], source_sentence: str | None
) -> ET.Element:
    _check_xml_text(seg, source_sentence)
    unit = ET.Element(_q(XLIFF_NS, "unit"), {"id": seg["id"]})
    metas = [("postedit:segment", {k: v for k, v in seg.items() if k != "revisions"})]
    metas += [("postedit:revision", rev) for rev in seg["revisions"]]
    unit.append(_metadata(metas))
    local = f"{file_id}.{seg['id']}"
    if seg["revisions"]:
        unit.append(_provenance_records(f"{local}.prov", seg["revisions"]))
    # The flags were found on the machine translation: mark them where it stands.
    where = "source" if source_sentence is None else (
        "target" if seg["final"] == seg["original"] else "match")
    mt_attrs = _mt_attrs(seg["revisions"])
    if where == "match" and flags:
        unit.append(_mt_match(seg, flags, mt_attrs, source_sentence or ""))
    if flags:
        unit.append(notes_element(flags, "source" if where == "source" else "target"))
    segment = ET.SubElement(unit, _q(XLIFF_NS, "segment"), _segment_attrs(seg, flags))
    _content(segment, "source", source_sentence or seg["original"],
             mt_attrs if where == "source" else {}, flags if where == "source" else (),
             f"{seg['id']}.m")
    target_attrs = dict(mt_attrs) if where == "target" else {}
    if seg["revisions"]:
        target_attrs[_q(ITS_NS, "provenanceRecordsRef")] = f"#{local}.prov"
    _content(segment, "target", seg["final"], target_attrs, flags if where == "target" else (),
             f"{seg['id']}.m")
    return unit


def _mt_match(seg: Mapping, flags: Sequence[Mapping], mt_attrs: Mapping,
              source_sentence: str) -> ET.Element:
    """The machine translation an edit replaced, with its flags, as a translation candidate."""
    matches = ET.Element(_q(MTC_NS, "matches"))
    match = ET.SubElement(matches, _q(MTC_NS, "match"), {
        "id": f"{seg['id']}.mt", "ref": f"#{seg['id']}.seg", "type": "mt", "origin": "postedit",
    })
    _content(match, "source", source_sentence, {}, (), f"{seg['id']}.mt.s")
    _content(match, "target", seg["original"], mt_attrs, flags, f"{seg['id']}.mt.m")
    return matches


def _check_xml_text(seg: Mapping, source_sentence: str | None) -> None:
    for text in (seg["original"], seg["final"], source_sentence or ""):
        if _BAD_XML_CHARS.search(text):
            raise OutputError(f"segment {seg['id']} holds a control character XML cannot carry")


def _segment_attrs(seg: Mapping, flags: Sequence[Mapping]) -> dict[str, str]:
    state, sub_state = unit_state(seg, flags)
    return {"id": f"{seg['id']}.seg", "state": state, "subState": sub_state}


def _mt_attrs(revisions: Sequence[Mapping]) -> dict:
    attrs = {}
    confidence = _mt_confidence(revisions)
    if confidence is not None:
        attrs[_q(ITS_NS, "mtConfidence")] = f"{confidence:.4g}"
        attrs[_q(ITS_NS, "annotatorsRef")] = "mt-confidence|postedit"
    return attrs


def _mt_confidence(revisions: Sequence[Mapping]) -> float | None:
    """The first score recorded on the machine translation, scaled to 0..1."""
    for rev in revisions:
        for score in rev.get("scores_before", {}).values():
            value = float(score["value"])
            return max(0.0, min(1.0, value / 100 if value > 1 else value))
    return None


def _content(
    parent: ET.Element, tag: str, text: str, attrs: Mapping, flags: Sequence[Mapping],
    mrk_prefix: str,
) -> None:  # fmt: skip
    """``<source>``/``<target>`` holding ``text``, with one ITS issue ``<mrk>`` per flag."""
    element = ET.SubElement(parent, _q(XLIFF_NS, tag), {_q(XML_NS, "space"): "preserve"})
    if attrs:
        outer = ET.SubElement(element, _q(XLIFF_NS, "mrk"),
                              {"id": f"{mrk_prefix}0", "type": "its:generic", **attrs})
        fill_marked(outer, text, flags, mrk_prefix)
    else:
        fill_marked(element, text, flags, mrk_prefix)


def _provenance_records(xml_id: str, revisions: Sequence[Mapping]) -> ET.Element:
    records = ET.Element(_q(ITS_NS, "provenanceRecords"), {_q(XML_NS, "id"): xml_id})
    for rev in revisions:
        who = rev["by"]
        if who.startswith("human:"):
            attrs = {"revPerson": who[len("human:"):]}
        else:
            attrs = {"revTool": f"postedit {who}"}
        ET.SubElement(records, _q(ITS_NS, "provenanceRecord"), attrs)
    return records

