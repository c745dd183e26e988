"""Where cluster results go: JSONL on stdout in input order, or one file per shard.

With ``--output-dir DIR`` the results of ``news/a.jsonl`` go to
``DIR/a.jsonl.scores.jsonl`` (paths below the inputs' common folder are kept),
written to a temporary file and renamed, then ``….manifest.json`` records the
input's SHA-256, the settings' signature and the result's SHA-256. A rerun skips
a shard whose manifest matches all three and that had no failures, so an
interrupted run loses at most the shards in flight.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from postedit import __version__
from postedit.batch import BatchSettings
from postedit.cluster import Shard, ShardResult, read_shard
from postedit.cluster_work import ArticleFailure, Outcome
from postedit.config import Config
from postedit.formats import jsonl
from postedit.reporting import jsonl_lines

RESULT_SUFFIX = ".scores.jsonl"
MANIFEST_SUFFIX = ".manifest.json"


def outcome_lines(outcome: Outcome) -> Iterator[str]:
    """The JSONL lines of a report (as ``postedit score``), or one ``error`` record."""
    if isinstance(outcome, ArticleFailure):
        yield jsonl.dumps(outcome.to_json(), ensure_ascii=False)
    else:
        yield from jsonl_lines(outcome)


def signature(config: Config, settings: BatchSettings) -> str:
    """What the results depend on besides the input: analysis and engine settings, version."""
    engine = settings.engine_config
    parts = (repr(config), settings.engine, settings.source_lang, engine.device, engine.use_cache,
             settings.source_text, __version__)
    return hashlib.sha256(repr(parts).encode()).hexdigest()


@dataclass(frozen=True)
class OutputDir:
    """The result and manifest files of every shard below ``root``."""

    directory: Path
    root: str
    signature: str

    @classmethod
    def for_inputs(cls, directory: str, files: list[str], sig: str) -> OutputDir:
        folders = [os.path.dirname(os.path.abspath(path)) for path in files]
        return cls(Path(directory), os.path.commonpath(folders) if folders else ".", sig)

    def result_path(self, shard_path: str) -> Path:
        return self.directory / (os.path.relpath(os.path.abspath(shard_path), self.root) + RESULT_SUFFIX)

    def manifest_path(self, shard_path: str) -> Path:
        return Path(str(self.result_path(shard_path)) + MANIFEST_SUFFIX)

    def is_complete(self, shard: Shard) -> bool:
        """Scored before, from the same bytes with the same settings, and the result intact."""
        try:
            manifest = json.loads(self.manifest_path(shard.path).read_text(encoding="utf-8"))
            result = self.result_path(shard.path).read_bytes()
        except (OSError, ValueError):
            return False
        return (manifest.get("input_sha256") == shard.sha256 and manifest.get("settings") == self.signature
                and manifest.get("failures") == 0
                and manifest.get("result_sha256") == hashlib.sha256(result).hexdigest())

    def write(self, result: ShardResult) -> int:
        """Write the shard's result file then its manifest; the number of failures."""
        lines = [line for outcome in result.outcomes for line in outcome_lines(outcome)]
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        failures = sum(isinstance(o, ArticleFailure) for o in result.outcomes)
        _atomic_write(self.result_path(result.shard.path), data)
        manifest = {"input": result.shard.path, "input_sha256": result.shard.sha256,
                    "settings": self.signature, "articles": len(result.outcomes), "failures": failures,
                    "result_sha256": hashlib.sha256(data).hexdigest(), "postedit": __version__}
        _atomic_write(self.manifest_path(result.shard.path), json.dumps(manifest, indent=1).encode())
        return failures


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def shards_to_score(
    files: Iterable[str], output: OutputDir | None, skipped: list[str], bar: Any
) -> Iterator[Shard]:
    """The shards of ``files`` in order, leaving out (and listing in ``skipped``) those done."""
    for path in files:
        shard = read_shard(path)
        if output is not None and shard.failure is None and output.is_complete(shard):
            skipped.append(path)
            bar.update(len(shard.articles))
            continue
        yield shard


def write_stdout(results: Iterable[ShardResult], out: IO[str], failures: list[ArticleFailure]) -> None:
    """Every outcome as JSONL, in input order; failures are also kept in ``failures``."""
    for result in results:
        for outcome in result.outcomes:
            if isinstance(outcome, ArticleFailure):
                failures.append(outcome)
            for line in outcome_lines(outcome):
                out.write(line + "\n")
        out.flush()
