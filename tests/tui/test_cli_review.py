"""``postedit review`` reports input and output problems as one line before any screen opens."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from postedit.cli import main


def test_a_missing_article_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", str(tmp_path / "missing.txt")], obj={})
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "missing.txt" in result.output


def test_an_output_in_a_missing_folder_is_refused_before_opening(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A short article. It is fine.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["review", str(article), "-o", str(tmp_path / "nowhere" / "out.txt")], obj={})
    assert result.exit_code == 2
    assert "does not exist" in result.output


def _collection(tmp_path: Path) -> Path:
    import json

    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "text": "The first article is fine."}) + "\n"
        + json.dumps({"id": "a2", "text": "The town was bombed.Which is bad.", "source": "x"}) + "\n",
        encoding="utf-8",
    )
    return path


def test_a_collection_needs_a_record_id(tmp_path: Path) -> None:
    path = _collection(tmp_path)
    result = CliRunner().invoke(main, ["review", str(path)], obj={})
    assert result.exit_code == 2 and "--record" in result.output and "a1, a2" in result.output
    result = CliRunner().invoke(main, ["review", str(path), "--record", "zz"], obj={})
    assert result.exit_code == 2 and "no record with id 'zz'" in result.output


def test_reviewing_one_record_saves_the_whole_collection(tmp_path: Path) -> None:
    import json

    from postedit.config import resolve
    from postedit.editing.review_context import load_context
    from postedit.editing.save import save_review
    from postedit.editing.session import ReviewSession
    from postedit.pipeline import analyse
    from postedit.verify import verify

    path = _collection(tmp_path)
    config = resolve(lang="en")
    context = load_context(str(path), config=config, engine="none", record="a2", editor="Ann")
    assert context.record_index == 1 and context.output.endswith("batch.a2.edited.jsonl")
    session = ReviewSession(analyse(context.document, config), config, "Ann")
    session.edit("b1.s1", "The town was bombed. ")
    saved = save_review(session, str(path), context.output, doc=context.record_index)
    records = [json.loads(line) for line in Path(saved.output).read_text("utf-8").splitlines()]
    assert records[0] == {"id": "a1", "text": "The first article is fine."}
    assert records[1]["id"] == "a2" and records[1]["source"] == "x"
    assert records[1]["text"] == "The town was bombed. Which is bad."
    assert verify(saved.output).ok


def test_review_without_a_terminal_exits_2_with_one_line(tmp_path: Path) -> None:
    """``postedit review article.txt < /dev/null``: a real process, stdin not a terminal."""
    import os
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("A short article. It is fine.\n", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root / "tui")])}
    with open(os.devnull, "rb") as nothing:
        done = subprocess.run([sys.executable, "-m", "postedit", "review", str(article)],
                              stdin=nothing, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "needs a terminal" in done.stderr
