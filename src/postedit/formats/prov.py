"""W3C PROV-JSON view of a postedit provenance record.

The same history as the sidecar, in the vocabulary of the W3C PROV data model
(https://www.w3.org/submissions/prov-json/): each revision is an activity that
used the segment text before it and generated the text after it, associated
with a person (``prov:Person``) or a rule or engine (``prov:SoftwareAgent``).
The input and output files are entities identified by their sha256.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from postedit.provenance import revisions_of

PREFIXES = {
    "prov": "http://www.w3.org/ns/prov#",
    "postedit": "urn:postedit:",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _local(text: str) -> str:
    """A safe QName local part: letters, digits, ``-``, ``_`` and ``.``."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "x"


def _agent_id(by: str) -> str:
    kind, _, name = by.partition(":")
    return f"postedit:{kind}.{_local(name)}"


def to_prov_json(record: Mapping) -> dict[str, Any]:
    """The record as a PROV-JSON document (a dict ready for ``json.dumps``)."""
    doc: dict[str, dict[str, Any]] = {
        "prefix": dict(PREFIXES),
        "entity": {
            "postedit:input": _file_entity(record["input"]),
            "postedit:output": _file_entity(record["output"]),
        },
        "activity": {}, "agent": {}, "used": {}, "wasGeneratedBy": {},
        "wasAssociatedWith": {}, "wasDerivedFrom": {
            "_:output": {"prov:generatedEntity": "postedit:output",
                         "prov:usedEntity": "postedit:input"},
        },
    }
    latest: dict[tuple[int, str], str] = {}
    for rev in revisions_of(record):
        key = (rev.doc, rev.segment)
        before = latest.get(key, f"postedit:original.d{rev.doc}.{_local(rev.segment)}")
        latest[key] = _add_revision(doc, rev.to_json(), before)
    return doc


def _file_entity(info: Mapping) -> dict[str, Any]:
    return {"prov:label": info["path"], "postedit:sha256": info["sha256"],
            "prov:type": "postedit:File"}


def _add_revision(doc: dict[str, dict[str, Any]], rev: Mapping, before: str) -> str:
    """Add one revision; returns the id of the text entity it generated."""
    seq = rev["seq"]
    activity = f"postedit:revision.{seq}"
    after = f"postedit:text.{seq}.{_local(rev['segment'])}"
    agent = _agent_id(rev["by"])
    doc["activity"][activity] = {
        "prov:startTime": {"$": rev["at"], "type": "xsd:dateTime"},
        "prov:type": f"postedit:{rev['action']}",
        "postedit:segment": rev["segment"], "postedit:hash": rev["hash"],
    }
    doc["entity"].setdefault(before, {"prov:value": rev["before"],
                                      "postedit:segment": rev["segment"]})
    doc["entity"][after] = {"prov:value": rev["after"], "postedit:segment": rev["segment"]}
    kind = "prov:Person" if rev["by"].startswith("human:") else "prov:SoftwareAgent"
    doc["agent"][agent] = {"prov:type": kind, "prov:label": rev["by"]}
    doc["used"][f"_:u{seq}"] = {"prov:activity": activity, "prov:entity": before}
    doc["wasGeneratedBy"][f"_:g{seq}"] = {"prov:entity": after, "prov:activity": activity}
    doc["wasAssociatedWith"][f"_:a{seq}"] = {"prov:activity": activity, "prov:agent": agent}
    doc["wasDerivedFrom"][f"_:d{seq}"] = {"prov:generatedEntity": after,
                                          "prov:usedEntity": before, "prov:activity": activity}
    return after


def dumps(record: Mapping) -> bytes:
    return (json.dumps(to_prov_json(record), ensure_ascii=False, indent=2) + "\n").encode()
