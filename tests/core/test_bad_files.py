"""Every kind of bad file gets its own plain message, and the file is never changed.

The simpler cases (empty, not SQLite, another application's, newer, damaged) are in
test_database.py; these need more setting up: permissions, other processes, a full disk.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from accdesk.demo.agency import create_demo
from accdesk.errors import (
    DamagedDatabase,
    DatabaseInUse,
    DatabaseLocked,
    DiskFull,
    ReadOnlyDatabase,
)
from accdesk.ops.briefs import create_brief
from accdesk.ops.queue import list_queue
from accdesk.ops.summary import counts
from accdesk.storage import sqlitefile
from accdesk.storage.backup import list_backups, rolling_backup
from accdesk.storage.db import open_database
from accdesk.storage.sqlitefile import table_counts


def snapshot(path: Path) -> bytes:
    return path.read_bytes()


@pytest.fixture
def quick_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait 0.3 s instead of 5 s for a lock, so the locked cases run quickly."""
    monkeypatch.setattr(sqlitefile, "BUSY_TIMEOUT_MS", 300)


def test_truncated_file(demo_path: Path) -> None:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 3])
    before = snapshot(demo_path)
    with pytest.raises(DamagedDatabase, match="is damaged"):
        open_database(demo_path)
    assert snapshot(demo_path) == before


def test_read_only_file(demo_path: Path) -> None:
    demo_path.chmod(0o444)
    before = snapshot(demo_path)
    with pytest.raises(ReadOnlyDatabase, match="is read-only; accdesk needs to write to it"):
        open_database(demo_path)
    assert snapshot(demo_path) == before
    # Read-only on purpose works, and refuses writes with a message instead of an error.
    db = open_database(demo_path, read_only=True)
    project = list_queue(db)[0]
    with pytest.raises(ReadOnlyDatabase, match="open read-only here; nothing can be changed"):
        create_brief(db, project.id, {"title": "Не сохранится"})
    db.close()
    assert snapshot(demo_path) == before


def test_read_only_folder(demo_path: Path) -> None:
    before = snapshot(demo_path)
    demo_path.parent.chmod(0o555)
    try:
        with pytest.raises(ReadOnlyDatabase, match=r"the folder .* is read-only"):
            open_database(demo_path)
    finally:
        demo_path.parent.chmod(0o755)
    assert snapshot(demo_path) == before


def test_database_locked_by_another_program(demo_path: Path, holder, quick_busy_timeout) -> None:  # type: ignore[no-untyped-def]
    holder(
        f"""
        import sqlite3, time
        con = sqlite3.connect({str(demo_path)!r}, isolation_level=None)
        con.execute("PRAGMA locking_mode=EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")
        print("ready", flush=True)
        time.sleep(60)
        """
    )
    with pytest.raises(
        DatabaseLocked, match="is locked by another program; try again when it is done"
    ):
        open_database(demo_path)


def test_second_writer_is_refused_and_may_read(demo_path: Path, holder) -> None:  # type: ignore[no-untyped-def]
    holder(
        f"""
        from accdesk.storage.db import open_database
        import time
        db = open_database({str(demo_path)!r})
        print("ready", flush=True)
        time.sleep(60)
        """
    )
    with pytest.raises(DatabaseInUse, match="is open in another accdesk window or command"):
        open_database(demo_path)
    reader = open_database(demo_path, read_only=True, check_pages=False)
    assert counts(reader).projects == 120
    reader.close()


def test_lock_of_a_killed_process_is_recovered(demo_path: Path, holder) -> None:  # type: ignore[no-untyped-def]
    proc = holder(
        f"""
        from accdesk.storage.db import open_database
        import time
        db = open_database({str(demo_path)!r})
        print("ready", flush=True)
        time.sleep(60)
        """
    )
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not list(demo_path.parent.glob("*.lock"))  # the lock is on the file: none is left
    db = open_database(demo_path)  # the operating system dropped the lock with the process
    assert counts(db).projects == 120
    db.close()


def test_full_disk_during_a_write_rolls_back_with_a_message(demo_path: Path) -> None:
    db = open_database(demo_path)
    with db.engine.connect() as con:
        pages = con.execute(text("PRAGMA page_count")).scalar()

    # SQLite's own way to simulate a full disk: no page may be added beyond this count.
    def no_room(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", no_room)
    db.engine.dispose()
    project = list_queue(db)[0]
    before = snapshot(demo_path)
    with pytest.raises(DiskFull, match="is full: nothing was saved; free some space"):
        create_brief(db, project.id, {"title": "Большое ТЗ", "notes": "текст " * 30_000})
    assert snapshot(demo_path) == before
    event.remove(db.engine, "connect", no_room)
    db.engine.dispose()
    assert counts(db).briefs == 30
    db.close()


def test_the_same_file_by_another_name_is_in_use_not_a_second_writer(demo_path: Path) -> None:
    """A hard link or a symbolic link is the same file: its writer lock is the file's."""
    linked = demo_path.with_name("linked.db")
    os.link(demo_path, linked)
    pointer = demo_path.with_name("pointer.db")
    pointer.symlink_to(demo_path)
    db = open_database(demo_path)
    try:
        for other in (linked, pointer):
            with pytest.raises(DatabaseInUse):
                open_database(other)
    finally:
        db.close()
    assert not list(demo_path.parent.glob("*.lock"))
    second = open_database(linked)  # free again once the first writer is gone
    second.close()


def test_a_file_another_program_has_locked_is_not_written(demo_path: Path) -> None:
    before = demo_path.read_bytes()
    with demo_path.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(DatabaseInUse):
            open_database(demo_path)
    assert demo_path.read_bytes() == before


def test_a_link_to_a_file_elsewhere_leaves_nothing_beside_that_file(
    demo_path: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    pointer = elsewhere / "agency.db"
    pointer.symlink_to(demo_path)
    open_database(pointer).close()
    assert not [p for p in demo_path.parent.iterdir() if p.name.endswith(".lock")]
    assert not [p for p in elsewhere.iterdir() if p.name.endswith(".lock")]


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("request", "add", "--client", "Колос", "--text", "Привет"),
        ("export", "all", "-o", "out.json"),
        ("backup",),
        ("queue",),
    ],
)
def test_a_pipe_in_place_of_the_database_is_refused_at_once(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    fifo = tmp_path / "agency.db"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "accdesk", *args, "--db", str(fifo)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert (
        result.stderr.strip()
        == f"accdesk: {fifo} is not a regular file (a pipe, a device or a socket)"
    )


def test_backups_of_two_databases_with_one_stem_stay_apart(tmp_path: Path, demo_path: Path) -> None:
    one, two = tmp_path / "team.db", tmp_path / "team.sqlite"
    shutil.copyfile(demo_path, one)
    open_database(two).close()  # an empty agency
    first, second = rolling_backup(one), rolling_backup(two)
    assert first != second
    assert table_counts(first, ("project",))["project"] == 120
    assert table_counts(second, ("project",))["project"] == 0
    assert [b.path for b in list_backups(one)] and all(b.projects == 120 for b in list_backups(one))
    assert all(b.projects == 0 for b in list_backups(two))


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accdesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("request", "add", "--client", "C-0001", "--text", "Привет"),
        ("export", "all", "-o", "out.json"),
        ("queue",),
    ],
)
def test_a_file_missing_a_table_is_refused_unchanged_everywhere(
    demo_path: Path, args: tuple[str, ...]
) -> None:
    with sqlite3.connect(demo_path) as con:
        con.execute("DROP TABLE meeting")
    before = demo_path.read_bytes()
    result = _cli(*args, "--db", str(demo_path), cwd=demo_path.parent)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "the table meeting is missing" in lines[0], result.stderr
    assert demo_path.read_bytes() == before


def test_a_log_from_another_database_is_named_in_one_line(demo_path: Path) -> None:
    other = demo_path.with_name("other.db")
    made = open_database(other)
    create_demo(made, seed=2)  # another agency, whose log does not fit ours
    made.close()
    con = sqlite3.connect(other)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE client SET name = name || ' (чужой)'")
    con.commit()
    shutil.copyfile(other.with_name("other.db-wal"), demo_path.with_name(demo_path.name + "-wal"))
    con.close()
    before = demo_path.read_bytes()
    result = _cli("check", "--db", str(demo_path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "does not fit the log file beside it" in lines[0], result.stderr
    assert demo_path.read_bytes() == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tiny file system of our own (tmpfs), which tests may fill up or make read-only."""
    if os.geteuid() != 0:
        pytest.skip("mounting a file system needs root (CI runs as root)")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_database_on_a_read_only_disk_is_read_and_said_to_be_read_only(
    small_disk: Path, demo_path: Path
) -> None:
    shutil.copyfile(demo_path, small_disk / "agency.db")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    checked = _cli("check", "--db", str(small_disk / "agency.db"))
    assert checked.returncode == 0, checked.stderr
    assert _cli("queue", "--db", str(small_disk / "agency.db")).returncode == 0
    refused = _cli(
        "request", "add", "--client", "C-0001", "--text", "x", "--db", str(small_disk / "agency.db")
    )
    assert refused.returncode == 1 and "damaged" not in refused.stderr
    assert "read-only" in refused.stderr


def test_a_database_on_a_full_disk_is_said_to_need_space_not_to_be_damaged(
    small_disk: Path, demo_path: Path
) -> None:
    target = small_disk / "agency.db"
    shutil.copyfile(demo_path, target)
    with contextlib.suppress(OSError), (small_disk / "filler").open("wb") as fill:
        while True:
            fill.write(b"\0" * 65536)
    before = target.read_bytes()
    for args in (("check",), ("request", "add", "--client", "C-0001", "--text", "x")):
        result = _cli(*args, "--db", str(target))
        assert result.returncode == 1
        assert "is full" in result.stderr and "damaged" not in result.stderr, result.stderr
    assert target.read_bytes() == before
