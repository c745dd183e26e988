"""Crash trials: kill a review session with SIGKILL at random moments, resume, count losses.

Each trial runs a child process that opens a review session through the same
library code the review UI runs (``postedit.editing.session``, ``journal``,
``saving``; no Textual), makes a random number of edits, accepted fixes,
undos and saves, and prints ``ack`` to a pipe after each journal write
returns. The parent kills the child with SIGKILL at a random moment, then
resumes from the journal and checks:

- lost: an acknowledged action missing after resume, or a state that differs
  from the one the child acknowledged;
- corrupted journal: a journal that cannot be resumed although actions were
  acknowledged, or holds garbage before its last line;
- corrupted output: a saved output whose ``verify`` fails, that is not one of
  the texts the child asked to save, or temporaries left beside it.

Categories say where the kill lands: ``journal`` (while writing journal
lines, which are written in two halves with a pause between to widen the
window), ``save`` (at a random delay into a save), ``rename`` (at a named
stage of the atomic write: before the commit note, between renames).

    python bench/bench_crash.py --trials 100
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "tui" / "data" / "article.txt"
CATEGORIES = ("journal", "save", "rename")
RENAME_STAGES = ("before-commit", "between-renames", "before-rename")


# --- the child: a review session driven at random -----------------------------------------


def _session(article: str):  # type: ignore[no-untyped-def]
    from postedit.config import resolve
    from postedit.editing.session import ReviewSession
    from postedit.pipeline import analyse, make_document

    config = resolve()
    text = Path(article).read_text(encoding="utf-8")
    document = make_document(Path(article).name, text, path=article, config=config)
    return ReviewSession(analyse(document, config), config, "crash")


def state_hash(session) -> str:  # type: ignore[no-untyped-def]
    """What an acknowledged state is: texts, applied and undone changes."""
    state = [sorted(session.replacements().items()), len(session.done), len(session.undone)]
    return hashlib.sha256(json.dumps(state).encode()).hexdigest()[:16]


class _SlowHandle:
    """Writes each journal line in two halves with a pause, so a kill can tear it."""

    def __init__(self, handle, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
        self._handle, self._rng = handle, rng

    def write(self, data: str) -> int:
        half = len(data) // 2
        self._handle.write(data[:half])
        self._handle.flush()
        time.sleep(self._rng.uniform(0, 0.004))
        return self._handle.write(data[half:])

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._handle, name)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _stage_hook(rng: random.Random):  # type: ignore[no-untyped-def]
    def hook(stage: str, _temp: Path) -> None:
        _say(f"stage {stage}")
        time.sleep(rng.uniform(0.001, 0.02))
    return hook


def _act(session, rng: random.Random, step: int) -> str:  # type: ignore[no-untyped-def]
    from postedit.editing.suggestions import all_suggestions

    segment = rng.choice(session.ids)
    roll = rng.random()
    if roll < 0.15:
        return "undo" if session.undo() else ""
    if roll < 0.22:
        return "redo" if session.redo() else ""
    if roll < 0.5:
        text = session.text(segment)
        found = all_suggestions(segment, text, session.local_flags(segment))
        if found and session.apply(found[0].change):
            return "fix"
    if roll < 0.57:
        return "accept" if session.mark_fine(segment) else ""
    return "edit" if session.edit(segment, f"{session.text(segment)} e{step}") else ""


def child(article: str, output: str, seed: int, actions: int) -> None:
    """Run one trial's review session; never returns normally before the kill (it sleeps)."""
    from postedit import writers
    from postedit.editing import journal as journal_module
    from postedit.editing.save import save_review

    rng = random.Random(seed)
    writers.FAULT_HOOK = _stage_hook(rng)
    session = _session(article)
    sha = journal_module.sha256_of(article)
    path = journal_module.journal_path(output)
    opened = journal_module.open_journal(session, path, sha, resume=True, article=article,
                                         output=output, editor="crash")
    opened.journal._handle = _SlowHandle(opened.journal._handle, rng)
    _say(f"ready {state_hash(session)}")
    for step in range(actions):
        if _act(session, rng, step):
            _say(f"ack {len(session.log)} {state_hash(session)}")
        if rng.random() < 0.2:
            _say(f"saving {hashlib.sha256(session.output_text().encode()).hexdigest()[:16]}")
            save_review(session, article, output, force=True)
            session.mark_saved()
            opened.journal.saved(output)
            _say("saved")
    _say("done")
    time.sleep(60)


# --- the parent: kill, resume, count ---------------------------------------------------------


@dataclass
class Seen:
    """What the child acknowledged before it died."""

    acked: int = 0
    state: str = ""
    saving: set[str] = field(default_factory=set)
    lines: list[str] = field(default_factory=list)


def _spawn(article: str, output: str, seed: int, actions: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), str(ROOT / "tui"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, __file__, "--child", article, output, str(seed), str(actions)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def _note(seen: Seen, line: str) -> None:
    seen.lines.append(line)
    word, _, rest = line.partition(" ")
    if word == "ack":
        count, state = rest.split()
        seen.acked, seen.state = int(count), state
    elif word == "ready":
        seen.state = rest
    elif word == "saving":
        seen.saving.add(rest)


def _kill_when(line: str, category: str, rng: random.Random, plan: dict) -> bool:
    """True when this line is the moment to kill (then after a random short delay)."""
    word, _, rest = line.partition(" ")
    if word == "done":
        return True
    if category == "journal":
        return word == "ack" and int(rest.split()[0]) >= plan["after"]
    if category == "save":
        return word == "saving" and rng.random() < 0.5
    return word == "stage" and rest == plan["stage"] and rng.random() < 0.6


def run_child(category: str, article: str, output: str, seed: int) -> Seen:
    rng = random.Random(seed * 7919)
    actions = rng.randint(3, 25)
    plan = {"after": rng.randint(1, actions), "stage": rng.choice(RENAME_STAGES)}
    process = _spawn(article, output, seed, actions)
    seen = Seen()
    assert process.stdout is not None
    for raw in process.stdout:
        line = raw.rstrip("\n")
        _note(seen, line)
        if _kill_when(line, category, rng, plan):
            time.sleep(rng.uniform(0, 0.01))
            break
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate()
    if "Traceback" in err:
        raise RuntimeError(f"child failed:\n{err}")
    for line in out.splitlines():
        _note(seen, line)  # lines already in the pipe were acknowledged before the kill
    return seen


@dataclass(frozen=True)
class Outcome:
    lost: bool
    journal_corrupt: bool
    output_corrupt: bool
    why: str = ""


def check(article: str, output: str, seen: Seen) -> Outcome:
    """Resume the journal as the UI would and compare with what the child acknowledged."""
    from postedit.editing import journal as journal_module

    path = journal_module.journal_path(output)
    journal_bad, why = _journal_garbage(path)
    session = _session(article)
    resumable = journal_module.find_resumable(path, journal_module.sha256_of(article))
    lost = False
    if seen.acked and resumable is None:
        return Outcome(True, True, False, "acknowledged actions but nothing to resume")
    if resumable is not None:
        lost, why = _compare(session, resumable.entries, seen)
        journal_module.Journal.reopen(path).close()  # what resuming does to a torn tail
        journal_bad = journal_bad or _journal_garbage(path)[0]
    output_bad, out_why = _check_output(output, seen)
    return Outcome(lost, journal_bad, output_bad, why or out_why)


def _journal_garbage(path: str) -> tuple[bool, str]:
    """A journal is corrupt when a line other than the last does not parse."""
    if not os.path.exists(path):
        return False, ""
    lines = Path(path).read_bytes().split(b"\n")
    for number, line in enumerate(lines[:-1], 1):
        try:
            json.loads(line)
        except ValueError:
            return True, f"journal line {number} does not parse"
    return False, ""


def _compare(session, entries, seen: Seen) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
    from postedit.editing.journal import replay

    replayed = 0
    state_at_ack = state_hash(session) if seen.acked == 0 else None
    for entry in entries:
        replayed += replay(session, [entry])
        if replayed == seen.acked and state_at_ack is None and entry.get("type") != "save":
            state_at_ack = state_hash(session)
    if replayed < seen.acked:
        return True, f"{seen.acked} acknowledged, {replayed} resumed"
    if seen.acked and state_at_ack != seen.state:
        return True, "resumed state differs from the acknowledged one"
    return False, ""


def _check_output(output: str, seen: Seen) -> tuple[bool, str]:
    from postedit.verify import verify

    folder = Path(output).parent
    if os.path.exists(output) or os.path.exists(f"{output}.prov.json.commit"):
        result = verify(output)  # finishes a save interrupted between its renames
        if not result.ok:
            return True, f"verify: {result.message}"
        text_hash = hashlib.sha256(Path(output).read_bytes()).hexdigest()[:16]
        if text_hash not in seen.saving:
            return True, "output is not a text the session saved"
    left = [p.name for p in folder.glob(".*.tmp")]
    if left:
        from postedit.writers import finish_pending

        finish_pending(output, f"{output}.prov.json")  # what the next save does first
        left = [p.name for p in folder.glob(".*.tmp")]
    return (True, f"temporaries left: {left}") if left else (False, "")


def trial(category: str, seed: int, article: str = str(ARTICLE)) -> Outcome:
    """One trial in a fresh folder: run, kill, resume, check."""
    with tempfile.TemporaryDirectory(prefix="postedit-crash-") as folder:
        copy = Path(folder) / "article.txt"
        copy.write_bytes(Path(article).read_bytes())
        output = str(Path(folder) / "out" / "article.edited.txt")
        Path(output).parent.mkdir()
        seen = run_child(category, str(copy), output, seed)
        return check(str(copy), output, seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100, help="trials in all (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    tried: Counter = Counter()
    survived: Counter = Counter()
    losses: Counter = Counter()
    for n in range(args.trials):
        category = CATEGORIES[n % len(CATEGORIES)]
        outcome = trial(category, args.seed * 100_000 + n)
        tried[category] += 1
        bad = outcome.lost or outcome.journal_corrupt or outcome.output_corrupt
        survived[category] += not bad
        losses.update({"lost": outcome.lost, "journal corrupted": outcome.journal_corrupt,
                       "output corrupted": outcome.output_corrupt})
        if bad:
            print(f"trial {n} ({category}): {outcome.why}", file=sys.stderr)
    for category in CATEGORIES:
        print(f"{category:8} tried {tried[category]:4}  survived {survived[category]:4}")
    print("  ".join(f"{k}: {losses[k]}" for k in ("lost", "journal corrupted",
                                                    "output corrupted")))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        main()
