"""Headless editing: apply the detectors' mechanical fixes and save with provenance.

:func:`apply_fixes_in_session` makes each segment's fixes one
:func:`~postedit.editing.changes.fix_change` and records it in a
:class:`~postedit.editing.record.Session` exactly as the review UI records an
accepted "all fixes": one ``rule:ID`` revision per fix (flags before and after, the
fix itself as data). :func:`apply_file` reads, analyses, applies and saves (or, for
a dry run, returns the diff instead).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace

from postedit.agents import rule
from postedit.config import Config, resolve
from postedit.diffing import DocumentDiff, document_diff
from postedit.edit_memory import EditMemory, session_fixes
from postedit.editing.changes import BOILERPLATE, fix_change
from postedit.editing.record import Session, note_lexicon, record_change
from postedit.flags import Fix, Flag
from postedit.input_file import load_source
from postedit.pipeline import DocumentReport, SegmentReport, analyse, recheck
from postedit.provenance import Revision, flags_json, sha256_hex
from postedit.writers import default_output


@dataclass(frozen=True)
class ApplyResult:
    """What :func:`apply_file` did to one input.

    Attributes:
        input: the input path.
        output: where the edited article went (None for a dry run).
        sidecar: where its provenance went, if anywhere.
        backup: the backup of the input (``--in-place`` only).
        revisions: number of revisions recorded.
        segments: number of segments changed.
        diffs: per-document diffs (filled for a dry run).
        output_text: the edited file's text.
        original_text: the input file's text.
    """

    input: str
    output: str | None
    sidecar: str | None
    backup: str | None
    revisions: int
    segments: int
    diffs: tuple[DocumentDiff, ...] = field(default=())
    output_text: str = ""
    original_text: str = ""


def apply_fixes_in_session(
    session: Session,
    reports: Sequence[DocumentReport],
    *,
    rules: Iterable[str] | None = None,
    remove_boilerplate: bool = False,
    config: Config | None = None,
    skip: Set[tuple[int, str]] = frozenset(),
) -> list[Revision]:
    """Record the chosen rules' fixes (and boilerplate removals) as revisions.

    Segments in ``skip`` (``(doc, segment id)``, e.g. fixed from the edit memory) are left.
    """
    wanted = set(rules) if rules is not None else None
    done: list[Revision] = []
    for index, report in enumerate(reports):
        for seg_report in report.segments:
            if (index, seg_report.segment.id) in skip:
                continue
            if remove_boilerplate and _is_boilerplate(seg_report):
                done += _remove(session, index, seg_report)
            else:
                done += _fix_segment(session, index, report, seg_report, wanted, config)
    return done


def apply_memory_in_session(
    session: Session, reports: Sequence[DocumentReport], memory: EditMemory
) -> list[tuple[int, Revision]]:
    """Record each exact remembered fix as a ``memory:ARTICLE`` revision (near ones: never)."""
    done = []
    for index, report in enumerate(reports):
        for seg_report in report.segments:
            seg = seg_report.segment
            entry = memory.exact(seg.text)
            if entry is None or entry.fixed == seg.text:
                continue
            revision = session.record(seg.id, entry.fixed, entry.agent(), "suggestion",
                                      doc=index, flags_before=flags_json(seg_report.flags, seg.start))
            if revision is not None:
                done.append((index, revision))
    return done


def _is_boilerplate(seg_report: SegmentReport) -> bool:
    return seg_report.block.kind == BOILERPLATE or any(
        f.rule == BOILERPLATE for f in seg_report.flags
    )


def _remove(session: Session, index: int, seg_report: SegmentReport) -> list[Revision]:
    """Remove the segment: by its boilerplate fix when that removes it all (as the UI does)."""
    seg = seg_report.segment
    change = fix_change(seg.id, seg.text,
                        _local_fixes(seg_report, lambda flag: flag.rule == BOILERPLATE))
    if change is not None and change.after == "":
        return record_change(session, change, doc=index, flags_of=lambda text: (
            flags_json(seg_report.flags, seg.start) if text == seg.text else []))
    flags = flags_json(seg_report.flags, seg.start)
    revision = session.record(seg.id, "", rule(BOILERPLATE), "remove", doc=index,
                              flags_before=flags)
    return [revision] if revision else []


def _fix_segment(
    session: Session,
    index: int,
    report: DocumentReport,
    seg_report: SegmentReport,
    wanted: set[str] | None,
    config: Config | None,
) -> list[Revision]:
    seg = seg_report.segment
    fixes = _local_fixes(seg_report, lambda flag: _chosen(flag, wanted))
    change = fix_change(seg.id, seg.text, fixes)
    if change is None:
        return []
    return record_change(session, change, doc=index,
                         flags_of=_flags_of(report, seg_report, config))


def _chosen(flag: Flag, wanted: set[str] | None) -> bool:
    return flag.rule != BOILERPLATE and (wanted is None or flag.rule in wanted)


def _local_fixes(seg_report: SegmentReport, chosen: Callable[[Flag], bool]) -> list[Fix]:
    """The fixes of the chosen flags, offsets local to the segment's text."""
    start = seg_report.segment.start
    fixes = [f.fix for f in seg_report.flags if f.fix is not None and chosen(f)]
    return [replace(fix, start=fix.start - start, end=fix.end - start) for fix in fixes]


def _flags_of(report: DocumentReport, seg_report: SegmentReport,
              config: Config | None) -> Callable[[str], list[dict]]:
    """Flags of the segment with a text (offsets local to it), each text checked once."""
    seg = seg_report.segment
    found = {seg.text: flags_json(seg_report.flags, seg.start)}

    def flags_of(text: str) -> list[dict]:
        if text not in found:
            found[text] = flags_json(recheck(report.document, seg.id, text, config).flags)
        return found[text]

    return flags_of


def apply_file(
    path: str,
    *,
    rules: Iterable[str] | None = None,
    remove_boilerplate: bool = False,
    output: str | None = None,
    in_place: bool = False,
    force: bool = False,
    editor: str | None = None,
    dry_run: bool = False,
    sidecar: str | None = None,
    config: Config | None = None,
    memory: EditMemory | None = None,
    use_memory: bool = False,
    site: str = "",
) -> ApplyResult:
    """Analyse ``path``, apply fixes, then save output + provenance (or diff, for a dry run).

    With ``use_memory``, sentences ``memory`` holds an exact fix for get that fix first
    (provenance ``memory:ARTICLE``); near matches are never applied here. The saved
    fixes are remembered in ``memory``.
    """
    config = config or resolve()
    rule_list = sorted(rules) if rules is not None else None
    settings = {"command": "apply", "rules": rule_list, "remove_boilerplate": remove_boilerplate,
                "memory": use_memory}
    session = Session(load_source(path, config=config), editor=editor, settings=settings)
    reports = [analyse(doc, config) for doc in session.documents]
    note_lexicon(session, reports, config.lexicon)
    recalled = apply_memory_in_session(session, reports, memory) if use_memory and memory else []
    skip = {(doc, rev.segment) for doc, rev in recalled}
    revisions = [rev for _, rev in recalled] + apply_fixes_in_session(
        session, reports, rules=rules, remove_boilerplate=remove_boilerplate, config=config,
        skip=skip)
    changed = sum(len(edits) for edits in session.replacements().values())
    if dry_run:
        return _dry_run(session, path, output, len(revisions), changed)
    saved = session.save(output, in_place=in_place, force=force, sidecar=sidecar)
    if memory is not None:
        memory.remember(session_fixes(session, path, site=site))
    return ApplyResult(path, saved.output, saved.sidecar, saved.backup, len(revisions), changed,
                       output_text=session.output_text())


def _dry_run(
    session: Session, path: str, output: str | None, revisions: int, changed: int
) -> ApplyResult:
    data = session.output_bytes()
    record = session.build_record(output or default_output(path), sha256_hex(data))
    diffs = tuple(document_diffs(session, record))
    return ApplyResult(path, None, None, None, revisions, changed, diffs, session.output_text(),
                       session.source.text)


def document_diffs(session: Session, record: Mapping) -> list[DocumentDiff]:
    """One diff per document of the session, annotated from ``record``."""
    from postedit.document import rebuild

    edits = session.replacements()
    return [
        document_diff(doc.text, rebuild(doc, edits.get(n, {})), record, doc=n, doc_id=doc.id)
        for n, doc in enumerate(session.documents)
    ]
