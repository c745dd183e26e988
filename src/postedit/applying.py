"""Headless editing: apply the detectors' mechanical fixes and save with provenance.

:func:`apply_fixes_in_session` records each rule's fixes on each segment as one
``rule:ID`` revision (flags before and after, the fixes themselves as data) in
a :class:`~postedit.session.Session`, exactly as the review UI records its
edits; :func:`apply_file` reads, analyses, applies and saves (or, for a dry run,
returns the diff instead).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field

from postedit.config import Config, resolve
from postedit.diffing import DocumentDiff, document_diff
from postedit.edit_memory import EditMemory, session_fixes
from postedit.flags import Fix, Flag, apply_fixes
from postedit.pipeline import DocumentReport, SegmentReport, analyse, recheck
from postedit.provenance import (
    Revision,
    fix_json,
    flags_json,
    load_source,
    rule,
    sha256_hex,
)
from postedit.session import Session
from postedit.user_lexicon import Lexicon
from postedit.writers import default_output

BOILERPLATE = "boilerplate"


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


def note_lexicon(session: Session, reports: Sequence[DocumentReport], lexicon: Lexicon,
                 first_doc: int = 0) -> None:
    """Record, per segment, the lexicon entries (and their files) that changed its verdict."""
    by_name = {entry.describe(): entry for entry in lexicon.entries}
    for index, report in enumerate(reports, first_doc):
        for seg_report in report.segments:
            names = (seg_report.extra or {}).get("lexicon") or ()
            if names:
                session.lexicon_used[(index, seg_report.segment.id)] = [
                    {"entry": name, "source": by_name[name].source if name in by_name else ""}
                    for name in names]


def _is_boilerplate(seg_report: SegmentReport) -> bool:
    return seg_report.block.kind == BOILERPLATE or any(
        f.rule == BOILERPLATE for f in seg_report.flags
    )


def _remove(session: Session, index: int, seg_report: SegmentReport) -> list[Revision]:
    seg = seg_report.segment
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
    fixes = [f.fix for f in seg_report.flags if _chosen(f, wanted)]
    if not fixes:
        return []
    _, chosen = apply_fixes(seg.text, [fx for fx in fixes if fx is not None], offset=seg.start)
    flags_before = flags_json(seg_report.flags, seg.start)
    applied: list[Fix] = []
    done = []
    for rule_id in dict.fromkeys(fx.rule for fx in chosen):
        group = [fx for fx in chosen if fx.rule == rule_id]
        relative = [_relative(fx, applied, seg.start) for fx in group]
        applied += group
        after = apply_fixes(seg.text, applied, offset=seg.start)[0]
        flags_after = flags_json(recheck(report.document, seg.id, after, config).flags)
        revision = session.record(seg.id, after, rule(rule_id), "fix", doc=index,
                                  flags_before=flags_before, flags_after=flags_after,
                                  fixes=relative)
        if revision is not None:
            done.append(revision)
            flags_before = flags_after
    return done


def _chosen(flag: Flag, wanted: set[str] | None) -> bool:
    if flag.fix is None or flag.rule == BOILERPLATE:
        return False
    return wanted is None or flag.rule in wanted


def _relative(fix: Fix, applied: Sequence[Fix], base: int) -> dict:
    """``fix`` in the coordinates of the segment text after the ``applied`` fixes."""
    shift = sum(len(f.replacement) - (f.end - f.start) for f in applied if f.start < fix.start)
    return fix_json(fix, base - shift)


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
