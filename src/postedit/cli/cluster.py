"""``postedit score --cluster`` and ``postedit cluster info``: scoring on a Dask cluster.

The commands only wire options to ``postedit.cluster`` (which imports Dask) and
``postedit.cluster_output``; without the ``cluster`` extra they say in one line
how to install it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click

from postedit.errors import ExitCode

CLUSTER_HELP = ("Score on a Dask cluster: tcp://HOST:8786 (a running scheduler), local or local:N "
                "(N worker processes here). Needs pip install 'postedit[cluster]'.")


def score_on_cluster(
    articles: tuple[str, ...], config: Any, settings: Any, where: str, output_dir: str | None,
    fmt: str, color: bool | None, fail_under: float | None,
) -> None:  # fmt: skip
    """Run ``postedit score`` on the cluster ``where`` and exit with the run's code."""
    from postedit import cluster, cluster_output

    spec = cluster.parse_spec(where)
    cluster.distributed_module()
    if output_dir is not None and "-" in articles:
        raise click.UsageError("--output-dir needs files, not - (stdin)")
    files, settings = cluster.prepared(articles, settings, spec)
    output = None
    if output_dir is not None:
        output = cluster_output.OutputDir.for_inputs(output_dir, files,
                                                     cluster_output.signature(config, settings))
    skipped: list[str] = []
    failures: list[Any] = []
    below: list[str] = []
    bar = cluster.progress(settings.progress, _count(files))
    with cluster.connect(spec) as client, bar:
        shards = cluster_output.shards_to_score(files, output, skipped, bar)
        results = cluster.score_shards(client, shards, config, settings, bar)
        results = _checked(results, fail_under, below)
        if output is not None:
            _write_dir(results, output, failures)
        else:
            _write_stdout(results, fmt, color, failures)
    _finish(skipped, failures, below, output_dir)


def _count(files: list[str]) -> int | None:
    from postedit.batch import count_articles

    return count_articles(files)


def _checked(results: Iterable[Any], fail_under: float | None, below: list[str]) -> Iterator[Any]:
    for result in results:
        for outcome in result.outcomes:
            score = getattr(outcome, "score", None)
            if fail_under is not None and score is not None and score < fail_under:
                below.append(f"{outcome.document.id} scored {score:.1f} < {fail_under:g}")
        yield result


def _write_dir(results: Iterable[Any], output: Any, failures: list[Any]) -> None:
    from postedit.cluster_work import ArticleFailure

    for result in results:
        output.write(result)
        failures.extend(o for o in result.outcomes if isinstance(o, ArticleFailure))


def _write_stdout(results: Iterable[Any], fmt: str, color: bool | None, failures: list[Any]) -> None:
    from postedit.cluster_output import write_stdout

    if fmt == "jsonl":
        write_stdout(results, sys.stdout, failures)
        return
    from postedit.reporting import render

    render(_reports(results, failures), fmt, sys.stdout, color)


def _reports(results: Iterable[Any], failures: list[Any]) -> Iterator[Any]:
    """The reports, for formats without error records: failures are said on stderr."""
    from postedit.cluster_work import ArticleFailure

    for result in results:
        for outcome in result.outcomes:
            if isinstance(outcome, ArticleFailure):
                failures.append(outcome)
                click.echo(f"postedit: error: {outcome.message}", err=True)
            else:
                yield outcome


def _finish(skipped: list[str], failures: list[Any], below: list[str], output_dir: str | None) -> None:
    if skipped:
        click.echo(f"postedit: skipped {len(skipped)} shards already scored in {output_dir}", err=True)
    for line in below:
        click.echo(f"postedit: {line}", err=True)
    if failures:
        click.echo(f"postedit: {len(failures)} articles or shards could not be scored "
                   "(see the error records)", err=True)
        sys.exit(max(int(f.exit_code) for f in failures))
    if below:
        sys.exit(int(ExitCode.QUALITY_BELOW_THRESHOLD))


@click.group("cluster", epilog="\b\nExamples:\n  postedit cluster info --cluster local:4\n"
             "  postedit cluster info --cluster tcp://scheduler:8786")
def cluster_group() -> None:
    """Dask clusters for postedit score --cluster (needs pip install 'postedit[cluster]')."""


@cluster_group.command("info", epilog="\b\nExample:\n  postedit cluster info --cluster tcp://10.0.0.5:8786")
@click.option("--cluster", "where", default="local", show_default=True, help=CLUSTER_HELP)
def cluster_info(where: str) -> None:
    """Say what --cluster would connect to: scheduler, workers and threads.

    A local cluster is described, not started; a scheduler address is asked.
    """
    from postedit import cluster

    spec = cluster.parse_spec(where)
    cluster.distributed_module()
    if spec.local_workers:
        click.echo(f"{spec.describe()} (started by postedit score for the run)")
        return
    with cluster.connect(spec) as client:
        info = client.scheduler_info()
        workers = info.get("workers", {})
        threads = sum(w.get("nthreads", 0) for w in workers.values())
        address = info.get("address", spec.address)
        click.echo(f"scheduler {address}: {len(workers)} workers, {threads} threads")
        for name, worker in sorted(workers.items()):
            click.echo(f"  {name} {worker.get('nthreads', 0)} threads, {worker.get('host', '')}")


COMMANDS = [cluster_group]
