"""A SQLite database file seen from outside: inspect, check, copy. Never modifies it.

Everything here works through its own plain `sqlite3` connection, read-only wherever
reading is enough, so it is safe beside a live engine, from a worker thread and on a file
that must be left exactly as it is.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import tempfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from accdesk.errors import (
    DamagedDatabase,
    DatabaseError,
    DatabaseLocked,
    DiskFull,
    ForeignDatabase,
    NewerDatabase,
    NotADatabase,
    ReadOnlyDatabase,
)
from accdesk.storage.files import PRIVATE_FILE, private_folder
from accdesk.storage.migrations import SCHEMA_HEAD, known_revisions
from accdesk.text import translate

# "accd" in ASCII, written into the SQLite header so our files are recognisable as ours.
APPLICATION_ID = 0x61636364
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class FileState(Enum):
    MISSING = "missing"
    CURRENT = "current"
    OUTDATED = "outdated"
    BLANK = "blank"  # a SQLite file without any tables: safe to set up


@dataclass(frozen=True)
class Inspection:
    state: FileState
    revision: str | None


def explain(error: Exception, where: object) -> DatabaseError | None:
    """Our message for an error SQLite raised about `where`, or None if it is not one of
    the problems a person can act on (then it is a bug and stays as it is)."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            translate(
                "Database", "{where} is locked by another program; try again when it is done"
            ).format(where=where)
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(
            translate(
                "Database",
                "the disk holding {where} is full: nothing was saved; free some space and try again",  # noqa: E501
            ).format(where=where)
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabase(
            translate("Database", "{where} cannot be written to: {error}").format(
                where=where, error=error
            )
        )
    if "malformed" in text or "not a database" in text or "disk i/o error" in text:
        return DamagedDatabase(
            translate("Database", "{where} is damaged: {error}").format(where=where, error=error)
        )
    return None


def read_only_connection(path: Path) -> sqlite3.Connection:
    # mode=ro: nothing done through this connection can create, convert or checkpoint.
    check_regular(path)
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def writable(path: Path) -> bool:
    """Writable by us and not marked read-only (root may write anyway; we respect the mark)."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & stat.S_IWUSR)


def check_regular(path: Path) -> None:
    """Refuse a path that is neither missing nor a regular file, before anything opens it:
    reading a FIFO waits for a writer forever, a device or a socket is nobody's database."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseError(
            translate("Database", "{path} cannot be read: {strerror}").format(
                path=path, strerror=exc.strerror
            )
        ) from exc
    if stat.S_ISDIR(mode):
        raise NotADatabase(
            translate("Database", "{path} is a folder, not a database file").format(path=path)
        )
    if not stat.S_ISREG(mode):
        raise NotADatabase(
            translate(
                "Database", "{path} is not a regular file (a pipe, a device or a socket)"
            ).format(path=path)
        )


def check_writable(path: Path) -> None:
    if path.exists() and not writable(path):
        raise ReadOnlyDatabase(
            translate(
                "Database",
                "{path} is read-only; accdesk needs to write to it (it can be opened read-only)",
            ).format(path=path)
        )
    folder = path.parent
    if folder.exists() and not writable(folder):
        raise ReadOnlyDatabase(
            translate(
                "Database",
                "the folder {folder} is read-only; accdesk needs to create files beside the database",  # noqa: E501
            ).format(folder=folder)
        )


def inspect_sqlite(path: Path, *, check: str | None = "quick_check") -> Inspection:
    """Decide whether a file may be opened, without writing to it.

    Raises a `DatabaseError` subclass naming the reason for every file that must be left
    alone. `check` is the page check to run: `quick_check`, `integrity_check` (slower,
    thorough) or None to look only at the header and schema, which costs milliseconds
    where a page check of a large agency costs a third of a second.
    """
    if not path.exists():
        return Inspection(FileState.MISSING, None)
    check_regular(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseError(
            translate("Database", "{path} cannot be read: {strerror}").format(
                path=path, strerror=exc.strerror
            )
        ) from exc
    if not header:
        raise NotADatabase(
            translate(
                "Database", "{path} is an empty file (0 bytes), not an accdesk database"
            ).format(path=path)
        )
    if not header.startswith(SQLITE_MAGIC):
        raise NotADatabase(
            translate("Database", "{path} is not a database file (it is not SQLite)").format(
                path=path
            )
        )
    if len(header) < 100:
        raise DamagedDatabase(
            translate(
                "Database", "{path} is damaged: the file is shorter than a database header"
            ).format(path=path)
        )
    try:
        con = read_only_connection(path)
        try:
            if check is not None:
                _check_pages(con, path, check)
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise explain(exc, path) or DamagedDatabase(
            translate("Database", "{path} is damaged: {exc}").format(path=path, exc=exc)
        ) from exc
    if not tables:
        return Inspection(FileState.BLANK, None)
    if app_id != APPLICATION_ID or revision is None:
        raise ForeignDatabase(
            translate("Database", "{path} belongs to another application, not accdesk").format(
                path=path
            )
        )
    return classify(revision, str(path))


def classify(revision: str, where: str) -> Inspection:
    if revision == SCHEMA_HEAD:
        return Inspection(FileState.CURRENT, revision)
    if revision in known_revisions():
        return Inspection(FileState.OUTDATED, revision)
    raise NewerDatabase(
        translate(
            "Database",
            "{where} was made by a newer version of accdesk (schema {revision}); update accdesk to open it",  # noqa: E501
        ).format(where=where, revision=revision)
    )


def _check_pages(con: sqlite3.Connection, path: Path, check: str) -> None:
    if check not in ("quick_check", "integrity_check"):
        raise ValueError(translate("Database", "unknown check {check!r}").format(check=check))
    problems = [row[0] for row in con.execute(f"PRAGMA {check}").fetchall()]
    if problems != ["ok"]:
        raise DamagedDatabase(
            translate("Database", "{path} is damaged: {value}").format(path=path, value=problems[0])
        )


def verify_sqlite(path: Path, check: str = "quick_check") -> None:
    """Check a file's pages through its own read-only connection.

    Safe from a worker thread while the file is open elsewhere; raises `DamagedDatabase`
    with the first problem SQLite reports.
    """
    try:
        con = read_only_connection(path)
        try:
            _check_pages(con, path, check)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise explain(exc, path) or DamagedDatabase(
            translate("Database", "{path} is damaged: {exc}").format(path=path, exc=exc)
        ) from exc


def copy_database(source: Path, target: Path) -> Path:
    """A verified copy of a database, made with SQLite's online backup API.

    Never a raw file copy: that would miss what is still in the WAL of a live database.
    The copy goes to a temporary file beside the target, passes `integrity_check`, and only
    then replaces the target, so a failed or interrupted copy leaves the target as it was.
    """
    private_folder(target.parent)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        src = read_only_connection(source)
        dst = sqlite3.connect(temp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        try:
            verify_sqlite(temp, "integrity_check")
        except DamagedDatabase as exc:
            raise DamagedDatabase(
                translate(
                    "Database", "{value} is damaged: its copy failed the integrity check ({exc})"
                ).format(value=source, exc=exc)
            ) from None
        temp.chmod(PRIVATE_FILE)
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except sqlite3.DatabaseError as exc:
        raise explain(exc, source) or DamagedDatabase(
            translate("Database", "{value} is damaged: {exc}").format(value=source, exc=exc)
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return target


def table_counts(path: Path, tables: tuple[str, ...]) -> dict[str, int]:
    """Row counts of a few tables, read-only: what a person checks in a backup list."""
    con = read_only_connection(path)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()
