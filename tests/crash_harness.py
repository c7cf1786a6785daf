"""Kill the write path at random moments; every write confirmed before a kill must survive.

    python -m tests.crash_harness [--kills N] [--seed S]

A forked child process opens a copy of the demo agency the way the app does (writer lock, WAL,
synchronous=FULL) and writes in a loop: a new brief, then an edit of one fixed brief, each
followed by a line on stdout once the operation has returned. The parent kills it with
SIGKILL after a random delay, then checks the file with `integrity_check` and looks for every
confirmed write. The next child must get the writer lock back: a crash leaves no stale lock.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _writer(path: Path, project: str, brief: str, run: int, out: int) -> None:
    """The child: the app's own write path, reporting each write once it has returned."""
    from accdesk.ops.briefs import create_brief, get_brief, update_brief
    from accdesk.storage.db import open_database

    def say(line: str) -> None:
        os.write(out, (line + "\n").encode())

    db = open_database(path, check_pages=False)
    say("ready")
    n = 0
    while True:
        n += 1
        create_brief(
            db, uuid.UUID(project), {"title": f"run {run} brief {n}", "notes": "текст " * (n % 50)}
        )
        say(f"created run {run} brief {n}")
        current = get_brief(db, uuid.UUID(brief))
        update_brief(
            db,
            current.id,
            {"title": current.title, "notes": f"run {run} edit {n}"},
            expected_version=current.version,
        )
        say(f"edited run {run} edit {n}")


@dataclass
class Report:
    kills: int = 0
    confirmed: int = 0
    lost: int = 0
    damaged: int = 0

    def line(self) -> str:
        return (
            f"{self.kills} kills, {self.confirmed} confirmed writes, {self.lost} lost, "
            f"{self.damaged} integrity failures"
        )


def prepare(folder: Path) -> tuple[Path, str, str]:
    sys.path.insert(0, str(ROOT))
    from accdesk.demo.agency import create_demo
    from accdesk.ops.briefs import briefs_for_project
    from accdesk.ops.queue import list_queue
    from accdesk.storage.db import open_database

    path = folder / "crash.db"
    db = open_database(path)
    create_demo(db, now=datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    project = next(row for row in list_queue(db) if briefs_for_project(db, row.id))
    brief = briefs_for_project(db, project.id)[0]
    db.close()
    return path, str(project.id), str(brief.id)


def check(path: Path, created: set[str], last_edit: str | None) -> tuple[bool, int]:
    """(file healthy, confirmed writes missing)."""
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        healthy = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        titles = {row[0] for row in con.execute("SELECT title FROM brief")}
        bodies = {row[0] for row in con.execute("SELECT body FROM brief")}
    finally:
        con.close()
    lost = len(created - titles)
    # The fixed brief holds the last confirmed edit, or a later one that was committed but killed
    # before it was reported: later in the same run, or in any later run.
    if last_edit is not None:
        edits = [_edit_order(b) for b in bodies if b.startswith("run ") and " edit " in b]
        if not any(order >= _edit_order(last_edit) for order in edits):
            lost += 1
    return healthy, lost


def _edit_order(body: str) -> tuple[int, int]:
    """("run 12 edit 3") -> (12, 3): the order in which the writers made their edits."""
    run, n = body.removeprefix("run ").split(" edit ")
    return int(run), int(n)


def _spawn(path: Path, project: str, brief: str, run: int) -> tuple[int, int]:
    """Fork a writer (the core is already imported, so it starts at once); (pid, pipe)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into the caller's code
        try:
            os.close(read_end)
            _writer(path, project, brief, run, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    return pid, read_end


def run(kills: int, seed: int, folder: Path) -> Report:
    rng = random.Random(seed)
    path, project, brief = prepare(folder)
    report = Report()
    created: set[str] = set()
    last_edit: str | None = None
    for k in range(kills):
        pid, pipe = _spawn(path, project, brief, k)
        with os.fdopen(pipe, encoding="utf-8") as lines:
            first = lines.readline().strip()
            if first != "ready":
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise RuntimeError(f"the writer did not start: {first!r}")
            time.sleep(rng.uniform(0.0, 0.3))
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            output = lines.read()
        for line in output.splitlines():
            if line.startswith("created "):
                created.add(line.removeprefix("created "))
                report.confirmed += 1
            elif line.startswith("edited "):
                last_edit = line.removeprefix("edited ")
                report.confirmed += 1
        report.kills += 1
        healthy, lost = check(path, created, last_edit)
        report.damaged += not healthy
        report.lost = lost
    return report


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        report = run(args.kills, args.seed, Path(folder))
    print(report.line())
    return 0 if report.lost == report.damaged == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
