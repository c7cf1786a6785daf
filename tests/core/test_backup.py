"""Backups a person can rely on: verified, rolling, restorable, and never destructive."""

from __future__ import annotations

import gzip
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from accdesk.errors import DamagedDatabase, ForeignDatabase
from accdesk.ops.briefs import get_brief, update_brief
from accdesk.ops.queue import list_queue
from accdesk.ops.summary import counts
from accdesk.storage.backup import (
    KEEP_DAILY,
    KEEP_WEEKLY,
    backups_folder,
    list_backups,
    restore,
    rolling_backup,
)
from accdesk.storage.db import open_database
from accdesk.storage.migrations import SCHEMA_HEAD
from accdesk.storage.sqlitefile import verify_sqlite

FIRST_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "demo-schema-0001.sql.gz"


def test_rolling_set_keeps_seven_days_and_four_weeks(demo_path: Path) -> None:
    start = datetime(2026, 10, 1, 18, 0, tzinfo=UTC)
    for day in range(40):
        rolling_backup(demo_path, now=start + timedelta(days=day))
    folder = backups_folder(demo_path)
    daily = sorted(p.name for p in folder.glob("*-daily-*.db"))
    weekly = sorted(p.name for p in folder.glob("*-weekly-*.db"))
    assert len(daily) == KEEP_DAILY and len(weekly) == KEEP_WEEKLY
    assert daily[-1] == "agency.db-daily-2026-11-09.db"
    assert daily[0] == "agency.db-daily-2026-11-03.db"
    assert weekly[-1] == "agency.db-weekly-2026-W46.db"  # Monday 9 November opens ISO week 46
    assert not list(folder.glob("*.part"))
    for path in folder.iterdir():
        verify_sqlite(path, "integrity_check")
        assert path.stat().st_mode & 0o077 == 0
    assert folder.stat().st_mode & 0o077 == 0


def test_backups_named_the_old_way_are_still_found_and_pruned(demo_path: Path) -> None:
    """Backups made before names kept the `.db` (agency-daily-…) count with the new ones."""
    start = datetime(2026, 10, 1, 18, 0, tzinfo=UTC)
    rolling_backup(demo_path, now=start)
    folder = backups_folder(demo_path)
    for path in folder.iterdir():
        path.rename(folder / path.name.replace("agency.db-", "agency-"))
    assert next(b.path.name for b in list_backups(demo_path)).startswith("agency-")
    for day in range(1, 12):
        rolling_backup(demo_path, now=start + timedelta(days=day))
    names = sorted(p.name for p in folder.glob("*-daily-*.db"))
    assert len(names) == KEEP_DAILY and not any(n.startswith("agency-daily") for n in names)


def test_backups_are_listed_with_what_they_hold(demo_path: Path) -> None:
    rolling_backup(demo_path)
    found = list_backups(demo_path)
    assert [b.kind for b in found] and {b.kind for b in found} == {"daily", "weekly"}
    assert all((b.clients, b.projects, b.briefs) == (40, 120, 30) for b in found)


def test_backup_of_a_live_database_includes_what_is_still_in_the_wal(demo_path: Path) -> None:
    db = open_database(demo_path)
    brief = get_brief(db, _first_brief_id(db))
    update_brief(
        db, brief.id, {"title": "Правка из WAL", "notes": ""}, expected_version=brief.version
    )
    written = rolling_backup(demo_path)  # the engine is still open: the change sits in the WAL
    db.close()
    copy = sqlite3.connect(written)
    titles = {row[0] for row in copy.execute("SELECT title FROM brief")}
    copy.close()
    assert "Правка из WAL" in titles


def _first_brief_id(db):  # type: ignore[no-untyped-def]
    from accdesk.ops.briefs import briefs_for_project

    for row in list_queue(db):
        docs = briefs_for_project(db, row.id)
        if docs:
            return docs[0].id
    raise AssertionError("no briefs")


def test_restore_brings_the_backup_back_and_keeps_the_replaced_file(demo_path: Path) -> None:
    backup = rolling_backup(demo_path)
    db = open_database(demo_path)
    brief_id = _first_brief_id(db)
    before = get_brief(db, brief_id)
    update_brief(
        db, brief_id, {"title": "Правка после бэкапа", "notes": ""}, expected_version=before.version
    )
    db.close()

    aside = restore(backup, demo_path)

    db = open_database(demo_path)
    assert get_brief(db, brief_id).title == before.title
    db.close()
    assert aside is not None and aside.exists()
    kept = open_database(aside)
    assert get_brief(kept, brief_id).title == "Правка после бэкапа"
    kept.close()


def test_restore_refuses_a_foreign_file_and_leaves_everything_as_it_was(
    demo_path: Path, tmp_path: Path
) -> None:
    foreign = tmp_path / "other.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.commit()
    con.close()
    before = demo_path.read_bytes()
    with pytest.raises(ForeignDatabase):
        restore(foreign, demo_path)
    assert demo_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agency.db", "other.db"]


def test_backup_of_a_damaged_database_fails_and_writes_nothing(demo_path: Path) -> None:
    data = bytearray(demo_path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle : middle + 300] = b"\xff" * 300
    demo_path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabase, match="is damaged"):
        rolling_backup(demo_path)
    folder = backups_folder(demo_path)
    assert not folder.exists() or not list(folder.iterdir())


def test_database_of_the_first_schema_is_backed_up_and_upgraded_with_every_row(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript(gzip.decompress(FIRST_SCHEMA.read_bytes()).decode("utf-8"))
    con.close()
    old_counts = _row_counts(path)
    assert old_counts["client"] == 40 and old_counts["request"] == 400

    db = open_database(path)
    assert counts(db).projects == 120
    db.close()

    new_counts = _row_counts(path)
    assert {t: n for t, n in new_counts.items() if t in old_counts} == old_counts
    assert new_counts["briefdraft"] == 0
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
    con.close()
    saved = list(backups_folder(path).glob("old.db-schema-0001-*.db"))
    assert len(saved) == 1 and _row_counts(saved[0]) == old_counts


def _row_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()
