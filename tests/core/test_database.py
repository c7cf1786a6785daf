"""Opening, migrating and refusing databases."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from accdesk.errors import (
    DamagedDatabase,
    DatabaseError,
    ForeignDatabase,
    NewerDatabase,
    NotADatabase,
)
from accdesk.storage.db import open_database
from accdesk.storage.migrations import SCHEMA_HEAD, alembic_config
from accdesk.storage.sqlitefile import APPLICATION_ID

TABLES = {
    "manager",
    "service",
    "managerskill",
    "client",
    "contact",
    "clientservice",
    "project",
    "assignment",
    "request",
    "brief",
    "briefrevision",
    "promise",
    "meeting",
    "agendamark",
    "loyaltyaction",
    "feedback",
    "calendarday",
    "briefdraft",
    "setting",
}


def test_new_database_is_migrated_to_head_with_every_table(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    with db.engine.connect() as con:
        assert con.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        assert set(inspect(con).get_table_names()) == TABLES | {"alembic_version"}
        assert con.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID
    db.close()


def test_every_connection_gets_the_safety_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.db")
    for _ in range(2):
        with db.engine.connect() as con:
            assert con.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert con.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert con.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert con.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        db.engine.dispose()  # the next round gets a brand new connection
    db.close()


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD


def test_models_and_migrations_do_not_drift(tmp_path: Path) -> None:
    db = open_database(tmp_path / "drift.db")
    with db.engine.begin() as con:
        command.check(alembic_config(con))  # raises if autogenerate would write anything
    db.close()


def test_database_and_its_side_files_are_private_to_their_owner(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a typical desktop umask: new files readable by everyone
    try:
        db = open_database(tmp_path / "private.db")
        side = [p for p in tmp_path.iterdir() if p.name.startswith("private.db")]
        assert {p.name for p in side} >= {
            "private.db",
            "private.db-wal",
            "private.db-shm",
        }
        assert all(p.stat().st_mode & 0o077 == 0 for p in side), {
            p.name: oct(p.stat().st_mode) for p in side
        }
        db.close()
    finally:
        os.umask(old)


def _make_newer(path: Path) -> None:
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()


def _foreign(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.execute("INSERT INTO invoices VALUES (1, 10.5)")
    con.commit()
    con.close()


def _damaged(path: Path) -> None:
    open_database(path).close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda p: p.write_bytes(b""), NotADatabase, "empty file"),
        (
            lambda p: p.write_text("name,budget\nКолос,1000\n", encoding="utf-8"),
            NotADatabase,
            "not SQLite",
        ),
        (_foreign, ForeignDatabase, "another application"),
        (_make_newer, NewerDatabase, "newer version of accdesk"),
        (_damaged, DamagedDatabase, "damaged"),
    ],
    ids=["zero-bytes", "text-file", "foreign-sqlite", "newer-schema", "damaged"],
)
def test_unusable_files_are_refused_and_left_byte_for_byte(tmp_path, make, error, words) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.db"
    make(path)
    before = path.read_bytes()
    with pytest.raises(error, match=words):
        open_database(path)
    assert path.read_bytes() == before
    # A read-only look at a WAL file may leave an empty -wal beside it, never any content.
    wal = tmp_path / "bad.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_missing_folder_named_by_the_user_is_an_error_not_a_new_agency(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match=r"folder .* does not exist"):
        open_database(tmp_path / "typo" / "agency.db")
    assert not (tmp_path / "typo").exists()


def test_the_default_database_keeps_the_name_earlier_versions_gave_it() -> None:
    """A person's agency is found where every earlier accdesk put it; a new name would
    greet them with an empty one."""
    from accdesk.storage.db import default_database_path

    assert default_database_path().name == "accdesk.db"
    assert default_database_path().parent.name == "accdesk"
