"""`postedit score --cluster`: a real Dask LocalCluster (2 worker processes) gives the output
of `--jobs 1`, survives a dead worker, reports bad shards and resumes into --output-dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import distributed  # the [cluster] extra, installed by ./run setup
import pytest
from click.testing import CliRunner

from postedit.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "fixtures" / "articles"


@pytest.fixture(scope="module")
def address() -> Iterator[str]:
    """One LocalCluster for the whole module: starting one takes seconds."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 short articles cut from the fixtures (with wire-copy repeats) in 3 .jsonl shards."""
    folder = tmp_path_factory.mktemp("archive")
    sources = [p.read_text(encoding="utf-8").split("\n\n") for p in sorted(ARTICLES.glob("*.txt"))]
    for shard in range(3):
        lines = []
        for n in range(100):
            paragraphs = sources[(shard * 100 + n) % len(sources)]
            body = [paragraphs[0], *paragraphs[1 + n % 3: 3 + n % 3]]
            lines.append(json.dumps({"id": f"s{shard}-{n}", "text": "\n\n".join(body)}))
        (folder / f"shard-{shard}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def score(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["score", *args, "--engine", "none", "--format", "jsonl"], obj={})
    return result.exit_code, result.stdout, result.stderr


def test_fixtures_and_archive_match_jobs_1(address: str, archive: Path) -> None:
    inputs = (str(ARTICLES), str(archive / "*.jsonl"))
    code, serial, _ = score(str(ARTICLES), *sorted(str(p) for p in archive.glob("*.jsonl")))
    cluster_code, clustered, stderr = score(*inputs, "--cluster", address)
    assert code == cluster_code == 0, stderr
    assert clustered == serial
    assert sum('"type": "document"' in line for line in clustered.splitlines()) == 300 + 7


def test_a_killed_worker_has_its_tasks_retried(address: str, archive: Path, tmp_path: Path) -> None:
    marker = tmp_path / "killed"

    def plugin_for(marker_path: str):  # type: ignore[no-untyped-def]
        class KillOnce(distributed.WorkerPlugin):
            """Kills its worker process as the second chunk starts, once in the whole cluster."""

            name = "kill-once"
            started = 0

            def transition(self, key, start, finish, **kwargs):  # type: ignore[no-untyped-def]
                if finish != "executing":
                    return
                self.started += 1
                if self.started == 2:
                    try:
                        os.close(os.open(marker_path, os.O_CREAT | os.O_EXCL))
                    except FileExistsError:
                        return
                    os._exit(1)

        return KillOnce()

    shards = sorted(str(p) for p in archive.glob("*.jsonl"))
    _, serial, _ = score(*shards)
    with distributed.Client(address) as client:
        client.register_plugin(plugin_for(str(marker)))
        try:
            code, clustered, stderr = score(*shards, "--cluster", address)
        finally:
            client.unregister_worker_plugin("kill-once")
            client.wait_for_workers(2, timeout=60)
    assert marker.exists(), "no worker was killed"
    assert code == 0, stderr
    assert clustered == serial


def test_a_bad_shard_is_reported_and_the_rest_scored(address: str, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text((ARTICLES / "clean-harbour-en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"caf\xe9 \xff\xfe\xfd")
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"id": "fine", "text": "The port will stay closed until Friday."}\nnot json\n',
                     encoding="utf-8")
    code, out, stderr = score(str(binary), str(good), str(mixed), "--cluster", address)
    assert code == 2
    records = [json.loads(line) for line in out.splitlines()]
    errors = [(r["path"], r["line"]) for r in records if r["type"] == "error"]
    assert errors == [(str(binary), None), (str(mixed), 2)]
    docs = [r["doc"] for r in records if r["type"] == "document"]
    assert docs == [str(good), "fine"]
    assert "2 articles or shards could not be scored" in stderr
    _, serial, _ = score(str(good))
    assert serial in out


def test_rerun_with_output_dir_skips_finished_shards(address: str, archive: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for shard in sorted(archive.glob("*.jsonl")):
        lines = shard.read_text(encoding="utf-8").splitlines()[:10]
        (inputs / shard.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = score(str(inputs), "--cluster", address, "--output-dir", str(out))
    assert (code, stdout) == (0, ""), stderr
    results = sorted(p.name for p in out.glob("*.scores.jsonl"))
    assert results == [f"shard-{n}.jsonl.scores.jsonl" for n in range(3)]
    assert (out / "shard-1.jsonl.scores.jsonl").read_text(encoding="utf-8") == score(
        str(inputs / "shard-1.jsonl"))[1]
    changed = inputs / "shard-2.jsonl"
    changed.write_text(changed.read_text(encoding="utf-8").replace('"s2-0"', '"s2-zero"'), encoding="utf-8")
    code, _, stderr = score(str(inputs), "--cluster", address, "--output-dir", str(out))
    assert code == 0, stderr
    assert f"skipped 2 shards already scored in {out}" in stderr
    assert '"s2-zero"' in (out / "shard-2.jsonl.scores.jsonl").read_text(encoding="utf-8")


def test_cluster_info_names_the_scheduler_and_its_workers(address: str) -> None:
    result = CliRunner().invoke(main, ["cluster", "info", "--cluster", address], obj={})
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"scheduler {address}: 2 workers, 2 threads"


def test_without_dask_cluster_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = CliRunner().invoke(main, ["score", str(ARTICLES), "--cluster", "local"], obj={})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "postedit: error: --cluster needs the [cluster] extra (distributed is missing): "
        "pip install 'postedit[cluster]'"
    ]


def test_dask_is_imported_only_when_a_cluster_is_used() -> None:
    check = ("import sys, postedit.cli, postedit.cluster, postedit.cluster_output; "
             "print(sorted(name for name in ('dask', 'distributed') if name in sys.modules))")
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
