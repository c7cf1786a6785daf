"""Kill every write path at random moments; every write it confirmed must survive.

    python -m tests.crash_harness [--kills N] [--paths brief,request,...] [--power-loss]
                                  [--plant sync-off] [--seed S]

A child process opens a database the way the app does (writer lock, WAL, synchronous=FULL)
and runs one write path in a loop, printing a line once each operation has returned. The
parent kills it with SIGKILL after a random delay, then checks the file: `integrity_check`,
every confirmed write present, nothing half-written, and the next child gets the writer lock
back (a crash leaves no stale lock).

SIGKILL cannot show a missing flush to disk: the kernel still holds what the process wrote.
`--power-loss` runs each child with `tests/powerloss/shim.c` preloaded, which records every
write, truncate, sync, rename and unlink under the folder; after the kill the parent rebuilds
the files as a disk would hold them had the power gone then: each file up to its last sync,
plus a random subset of what came after (writes may reach the platter in any order). File
names (creation, rename, unlink) are taken as durable in the order they were made, which is
what a journalling file system gives once they are written; a missing directory sync is
therefore not among what this finds.

`--plant sync-off` runs the children with `PRAGMA synchronous=OFF`: the power-loss mode must
then report lost writes, which shows it can fail.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHIM = ROOT / "tests" / "powerloss" / "shim.c"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
OLD_REVISION = "0004"
COUNTED = (
    "client",
    "project",
    "request",
    "brief",
    "contact",
)  # "open" migrates a copy of the demo agency from here to the head


# --- The children: one write path each ---------------------------------------------------------
def _open(path: Path, plant: str | None) -> Any:
    from accdesk.storage import db as storage

    if plant == "sync-off":
        honest = storage._writer_pragmas

        def careless(dbapi_connection: Any, record: Any) -> None:
            honest(dbapi_connection, record)
            dbapi_connection.execute("PRAGMA synchronous=OFF")

        storage._writer_pragmas = careless
    return storage.open_database(path, check_pages=False)


def _brief_ids(db: Any) -> tuple[uuid.UUID, uuid.UUID]:
    from accdesk.ops.briefs import briefs_for_project
    from accdesk.ops.queue import list_queue

    project = next(row for row in list_queue(db) if briefs_for_project(db, row.id))
    return project.id, briefs_for_project(db, project.id)[0].id


Step = Callable[[str], object]
Steps = Callable[[Path, "str | None"], Step]


def _on_database(make: Callable[[Any], Step]) -> Steps:
    """A write path that works on the open database."""
    return lambda path, plant: make(_open(path, plant))


def _brief(db: Any) -> Step:
    from accdesk.ops.briefs import create_brief

    project, _ = _brief_ids(db)
    return lambda tag: create_brief(db, project, {"title": tag, "notes": "текст " * 40})


def _brief_edit(db: Any) -> Step:
    from accdesk.ops.briefs import get_brief, update_brief

    _, brief = _brief_ids(db)

    def edit(tag: str) -> None:
        current = get_brief(db, brief)
        update_brief(
            db, brief, {"title": current.title, "notes": tag}, expected_version=current.version
        )

    return edit


def _request(db: Any) -> Step:
    from sqlmodel import select

    from accdesk.models import Client
    from accdesk.ops.requests import add_request

    with db.reading() as s:
        client = s.execute(select(Client.id).order_by(Client.number)).scalars().first()
    return lambda tag: add_request(db, {"client_id": client, "text": tag, "received_at": NOW})


IMPORT_PARTS = ("a", "b", "c")


def _import(db: Any) -> Step:
    from accdesk.ops.importing import guess_mapping, import_rows
    from accdesk.storage.sheets_in import read_table

    def bring_in(tag: str) -> None:
        out = io.StringIO()
        lines = csv.writer(out, delimiter=";")
        lines.writerow(["Клиент", "Часовой пояс"])
        for part in IMPORT_PARTS:
            lines.writerow([f"{tag} {part}", "Asia/Omsk"])
        table = read_table(out.getvalue().encode(), "clients.csv")
        import_rows(db, "clients", table, guess_mapping("clients", table.headers))

    return bring_in


def _reassign(db: Any) -> Step:
    from sqlmodel import col, select

    from accdesk.models import Manager, Project
    from accdesk.ops.workload import ProjectMove, reassign

    with db.reading() as s:
        first, second = s.execute(select(Manager.id).order_by(Manager.name).limit(2)).scalars()
        project = (
            s.execute(
                select(Project.id)
                .where(col(Project.manager_id).is_not(None))
                .order_by(Project.number)
            )
            .scalars()
            .first()
        )

    def move(tag: str) -> None:
        with db.reading() as s:
            now = s.get(Project, project).manager_id
        target = second if now == first else first
        reassign(db, [ProjectMove(project, now, target)], tag, [uuid.uuid4()])

    return move


def _settings(db: Any) -> Step:
    from accdesk.ops.briefs import save_template

    _, brief = _brief_ids(db)
    return lambda tag: save_template(db, brief, tag)


def _restore(database: Path, plant: str | None) -> Step:
    """Put one of two backups in place of the database, the other one next time."""
    from accdesk.storage.backup import restore

    backups = sorted(database.parent.glob("source-*.db"))
    return lambda tag: restore(backups[_order(tag)[1] % 2], database, label="aside")


def _reopen(database: Path, plant: str | None) -> Step:
    """Open the database, which the first time migrates it from an old schema."""
    return lambda tag: _open(database, plant).close()


def child(name: str, database: Path, plant: str | None, run: int) -> None:
    """Run one write path until killed, saying "ready" and then each confirmed tag."""
    step = PATHS[name].steps(database, plant)
    os.write(1, b"ready\n")
    n = 0
    while True:
        n += 1
        tag = f"run {run} step {n}"
        step(tag)
        os.write(1, f"done {tag}\n".encode())


# --- What the parent finds after a kill -------------------------------------------------------
@dataclass(frozen=True)
class Found:
    tags: frozenset[str] = frozenset()
    torn: int = 0  # writes found in part: a transaction that was not atomic
    healthy: bool = True


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)  # read-write: a WAL left by a crash is recovered
    try:
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity_check failed")
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _tags(sql: str) -> Callable[[Path], Found]:
    def found(path: Path) -> Found:
        try:
            return Found(frozenset(row[0] for row in _rows(path, sql)))
        except sqlite3.DatabaseError:
            return Found(healthy=False)

    return found


def _imported(path: Path) -> Found:
    try:
        names = [r[0] for r in _rows(path, "SELECT name FROM client WHERE name LIKE 'run %'")]
    except sqlite3.DatabaseError:
        return Found(healthy=False)
    parts: dict[str, int] = {}
    for name in names:
        tag, _ = name.rsplit(" ", 1)
        parts[tag] = parts.get(tag, 0) + 1
    whole = frozenset(t for t, n in parts.items() if n == len(IMPORT_PARTS))
    return Found(whole, torn=len(parts) - len(whole))


def _moved(path: Path) -> Found:
    """Every move is a history row, and the project sits with the last one's target."""
    try:
        history = _rows(
            path,
            "SELECT a.reason, a.manager_id, p.manager_id FROM assignment a "
            "JOIN project p ON p.id = a.project_id WHERE a.reason LIKE 'run %' "
            "ORDER BY a.assigned_at, a.rowid",
        )
    except sqlite3.DatabaseError:
        return Found(healthy=False)
    torn = int(bool(history) and history[-1][1] != history[-1][2])
    return Found(frozenset(r[0] for r in history), torn=torn)


def _templates(path: Path) -> Found:
    import json

    try:
        rows = _rows(path, "SELECT value FROM setting WHERE key = 'brief_templates'")
    except sqlite3.DatabaseError:
        return Found(healthy=False)
    stored = json.loads(rows[0][0]) if rows and rows[0][0] else []
    return Found(frozenset(t["name"] for t in stored))


def _restored(path: Path) -> Found:
    """The database is whole and one of the two backups, never missing or mixed."""
    try:
        marks = _rows(path, "SELECT value FROM setting WHERE key = 'crash_source'")
    except sqlite3.DatabaseError:
        return Found(healthy=False)
    return Found(torn=int(len(marks) != 1))


def _opened(path: Path) -> Found:
    """The app opens it (migrating what a kill left half-way) with every row there."""
    from accdesk.storage.db import open_database
    from accdesk.storage.migrations import SCHEMA_HEAD
    from accdesk.storage.sqlitefile import table_counts

    try:
        db = open_database(path)
        db.close()
        con = sqlite3.connect(path)
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            con.close()
        counts = table_counts(path, COUNTED)
    except Exception as exc:
        print(f"open: {exc}", file=sys.stderr)
        return Found(healthy=False)
    expected = json_counts(path.parent / "counts.json")
    return Found(torn=int(revision != SCHEMA_HEAD or counts != expected))


def json_counts(path: Path) -> dict[str, int]:
    import json

    counts: dict[str, int] = json.loads(path.read_text())
    return counts


@dataclass(frozen=True)
class WritePath:
    """One way the app writes, how to find its writes, and about how long one takes (the
    first kill lands in that window, which then follows what the runs show)."""

    steps: Steps
    found: Callable[[Path], Found]
    window: float = 0.3
    latest: bool = False  # only the last confirmed value need be there (an edit in place)


PATHS: dict[str, WritePath] = {
    "brief": WritePath(
        _on_database(_brief), _tags("SELECT title FROM brief WHERE title LIKE 'run %'")
    ),
    "brief-edit": WritePath(
        _on_database(_brief_edit),
        _tags("SELECT body FROM brief WHERE body LIKE 'run %'"),
        latest=True,
    ),
    "request": WritePath(
        _on_database(_request), _tags("SELECT text FROM request WHERE text LIKE 'run %'")
    ),
    "import": WritePath(_on_database(_import), _imported, window=0.5),
    "reassign": WritePath(_on_database(_reassign), _moved),
    "settings": WritePath(_on_database(_settings), _templates),
    "restore": WritePath(_restore, _restored, window=0.6),
    "open": WritePath(_reopen, _opened, window=0.15),
}


# --- Power loss --------------------------------------------------------------------------------
def shim(folder: Path) -> Path:
    """The recorder, compiled once per source (a C compiler is part of the test setup)."""
    digest = hashlib.sha256(SHIM.read_bytes()).hexdigest()[:12]
    built = folder / f"powerloss-{digest}.so"
    if not built.exists():
        compiler = shutil.which("cc") or shutil.which("gcc")
        if compiler is None:
            raise RuntimeError("the power-loss mode needs a C compiler (cc or gcc)")
        subprocess.run(
            [compiler, "-shared", "-fPIC", "-O1", "-o", str(built), str(SHIM), "-ldl"], check=True
        )
    return built


@dataclass
class _File:
    durable: bytearray
    pending: list[tuple[str, int, bytes]] = field(default_factory=list)

    def sync(self) -> None:
        for op in self.pending:
            _apply(self.durable, op)
        self.pending.clear()


def _apply(content: bytearray, op: tuple[str, int, bytes]) -> None:
    kind, at, data = op
    if kind == "W":
        if len(content) < at:
            content.extend(bytes(at - len(content)))
        content[at : at + len(data)] = data
    else:
        del content[at:]
        content.extend(bytes(max(0, at - len(content))))


def _records(log: bytes) -> Iterator[tuple[str, str, Any]]:
    """The recorder's log; a record cut short by the kill ends it (what it describes had
    not been synced, so a power cut may lose it)."""
    i = 0
    try:
        while i < len(log):
            kind = chr(log[i])
            end = log.index(0, i + 1)
            path = log[i + 1 : end].decode()
            i = end + 1
            extra: Any = None
            if kind == "W":
                at, size = struct.unpack("<qq", log[i : i + 16])
                if i + 16 + size > len(log):
                    return
                extra = (at, log[i + 16 : i + 16 + size])
                i += 16 + size
            elif kind == "T":
                (extra,) = struct.unpack("<q", log[i : i + 8])
                i += 8
            elif kind == "R":
                end = log.index(0, i)
                extra = log[i:end].decode()
                i = end + 1
            yield kind, path, extra
    except (ValueError, struct.error):
        return


def cut_power(folder: Path, before: dict[str, bytes], log: bytes, rng: random.Random) -> None:
    """Put on disk what a power cut at the end of `log` would leave of the folder."""
    files = {path: _File(bytearray(data)) for path, data in before.items()}
    for kind, path, extra in _records(log):
        if kind in "WT":
            target = files.setdefault(path, _File(bytearray()))
            op = ("W", *extra) if kind == "W" else ("T", extra, b"")
            target.pending.append(op)
        elif kind == "S" and path in files:
            files[path].sync()
        elif kind == "U":
            files.pop(path, None)
        elif kind == "R" and path in files:
            files[extra] = files.pop(path)
    for path in _files(folder):
        if str(path) not in files:
            path.unlink()
    for name, file in files.items():
        content = file.durable
        for op in file.pending:
            if rng.random() < 0.5:
                _apply(content, op)
        Path(name).write_bytes(bytes(content))
    for shm in folder.rglob("*-shm"):
        shm.unlink()  # memory shared between connections, never the data


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("powerloss")]


# --- The parent ---------------------------------------------------------------------------------
@dataclass
class Report:
    kills: int = 0
    confirmed: int = 0
    lost: int = 0
    torn: int = 0
    damaged: int = 0

    def line(self) -> str:
        return (
            f"{self.kills} kills, {self.confirmed} confirmed writes, {self.lost} lost, "
            f"{self.torn} half-written, {self.damaged} integrity failures"
        )

    def add(self, other: Report) -> None:
        for name in ("kills", "confirmed", "lost", "torn", "damaged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def prepare(folder: Path, name: str) -> Path:
    """The database a path writes to, made from the demo agency."""
    sys.path.insert(0, str(ROOT))
    from accdesk.demo.agency import create_demo
    from accdesk.storage.db import open_database
    from accdesk.storage.sqlitefile import copy_database

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "crash.db"
    db = open_database(path)
    create_demo(db, now=NOW)
    db.close()
    if name == "restore":
        for n in (1, 2):
            source = folder / f"source-{n}.db"
            copy_database(path, source)
            con = sqlite3.connect(source)
            con.execute(
                "INSERT INTO setting (id, version, created_at, updated_at, key, value) "
                "VALUES (?, 1, '2026-11-23', '2026-11-23', 'crash_source', ?)",
                (uuid.uuid4().hex, f'"{n}"'),
            )
            con.commit()
            con.close()
        shutil.copyfile(folder / "source-1.db", path)
    if name == "open":
        import json

        from alembic import command
        from sqlalchemy import create_engine

        from accdesk.storage.migrations import alembic_config
        from accdesk.storage.sqlitefile import table_counts

        (folder / "counts.json").write_text(json.dumps(table_counts(path, COUNTED)))
        engine = create_engine(f"sqlite:///{path}")
        with engine.begin() as con:
            command.downgrade(alembic_config(con), OLD_REVISION)
        engine.dispose()
        shutil.copyfile(path, folder / "old.db")
    return path


class _Writer:
    """A child running one write path: forked from this process (quick), or started
    afresh with the power-loss recorder preloaded (a preload takes effect only at exec)."""

    def __init__(
        self, name: str, path: Path, run: int, plant: str | None, preload: Path | None, log: Path
    ) -> None:
        if preload is None:
            read_end, write_end = os.pipe()
            self.pid = os.fork()
            if self.pid == 0:  # the child never returns into the caller's code
                try:
                    os.dup2(write_end, 1)
                    child(name, path, plant, run)
                finally:
                    os._exit(1)
            os.close(write_end)
            self.output = os.fdopen(read_end, encoding="utf-8")
            self.process: subprocess.Popen[str] | None = None
            return
        env = os.environ | {
            "PYTHONPATH": str(ROOT),
            "LD_PRELOAD": str(preload),
            "POWERLOSS_LOG": str(log),
            "POWERLOSS_DIR": str(path.parent),
        }
        command = [sys.executable, "-m", "tests.crash_harness", "--child", name]
        command += ["--db", str(path), "--run", str(run)] + (["--plant", plant] if plant else [])
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert process.stdout is not None
        self.pid, self.output, self.process = process.pid, process.stdout, process

    def kill(self) -> list[str]:
        """SIGKILL it; the tags it confirmed. `failed` tells if it had ended by itself
        (a write refused: the file was damaged)."""
        os.kill(self.pid, signal.SIGKILL)
        if self.process is not None:
            self.failed = self.process.wait() != -signal.SIGKILL
        else:
            _, status = os.waitpid(self.pid, 0)
            self.failed = not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL)
        done = [line.removeprefix("done ") for line in self.output.read().splitlines()]
        self.output.close()
        return done


def run(
    name: str,
    kills: int,
    seed: int,
    folder: Path,
    *,
    power_loss: bool = False,
    plant: str | None = None,
) -> Report:
    rng = random.Random(f"{seed} {name}")
    write_path = PATHS[name]
    path = prepare(folder / name, name)
    preload = shim(folder) if power_loss else None
    log = folder / name / "powerloss.log"
    report = Report()
    confirmed: set[str] = set()
    last: str | None = None
    window = write_path.window
    for k in range(kills):
        if name == "open":
            shutil.copyfile(path.parent / "old.db", path)
            for stale in path.parent.glob("crash.db-*"):
                stale.unlink()
        before = {str(p): p.read_bytes() for p in _files(path.parent)} if power_loss else {}
        log.unlink(missing_ok=True)
        writer = _Writer(name, path, k, plant, preload, log)
        started = writer.output.readline().strip() == "ready"
        if started:
            time.sleep(rng.uniform(0.0, window))
        done = writer.kill()
        # Kills should land among the first few operations, however long one takes here.
        window *= 1.5 if not done else 0.8 if len(done) > 3 else 1.0
        if not started or writer.failed:  # it could not open or write the file left before
            report.damaged += 1
            break
        if power_loss:
            cut_power(path.parent, before, log.read_bytes() if log.exists() else b"", rng)
        for aside in path.parent.glob("crash.aside-*"):
            aside.unlink()  # what a restore set aside is not checked here
        report.kills += 1
        report.confirmed += len(done)
        if name == "open":
            confirmed = set()  # each run starts again from the old file
        confirmed |= set(done)
        last = done[-1] if done else last
        found = write_path.found(path)
        report.damaged += not found.healthy
        report.torn += found.torn
        if write_path.latest:
            report.lost = int(last is not None and not _at_least(found.tags, last))
        elif name not in ("restore", "open"):
            report.lost = len(confirmed - found.tags)
    return report


def _order(tag: str) -> tuple[int, int]:
    """ "run 12 step 3" -> (12, 3): the order in which the writers made their writes."""
    parts = tag.split()
    return int(parts[1]), int(parts[3])


def _at_least(stored: frozenset[str], last: str) -> bool:
    """The value in place is the last confirmed one or one written after it (committed, then
    killed before it was reported)."""
    return any(_order(tag) >= _order(last) for tag in stored)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=20, help="kills per write path")
    parser.add_argument("--paths", default=",".join(PATHS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--power-loss", action="store_true")
    parser.add_argument("--plant", choices=["sync-off"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--run", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db, args.plant, args.run)
        return 1
    total = Report()
    with tempfile.TemporaryDirectory() as folder:
        for name in args.paths.split(","):
            report = run(
                name,
                args.kills,
                args.seed,
                Path(folder),
                power_loss=args.power_loss,
                plant=args.plant,
            )
            print(f"{name:<11} {report.line()}", flush=True)
            total.add(report)
    print(f"{'all':<11} {total.line()}")
    return 0 if total.lost == total.torn == total.damaged == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
