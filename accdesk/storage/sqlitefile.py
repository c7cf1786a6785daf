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
    if any(s in text for s in ("disk i/o error", "unable to open", "readonly", "disk is full")):
        # SQLite names the symptom; the file system often knows the cause.
        found = storage_problem(Path(str(where)))
        if found is not None:
            return found
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


FREE_NEEDED = 1 << 20  # below a megabyte free, SQLite cannot even open its shared memory


def storage_problem(path: Path) -> DatabaseError | None:
    """What the file system says is wrong where `path` lives: a read-only disk or a full
    one (SQLite reports either as "disk I/O error" or "unable to open"), or None."""
    try:
        found = os.statvfs(path.parent)
    except (OSError, AttributeError):  # gone, or no statvfs (Windows)
        return None
    if found.f_flag & os.ST_RDONLY:
        return ReadOnlyDatabase(
            translate(
                "Database",
                "{path} is on a read-only disk; accdesk can open it only read-only there",
            ).format(path=path)
        )
    if found.f_bavail * found.f_frsize < FREE_NEEDED:
        return DiskFull(
            translate(
                "Database",
                "the disk holding {where} is full: nothing was saved; free some space and try again",  # noqa: E501
            ).format(where=path)
        )
    return None


def read_only_uri(path: Path) -> str:
    """mode=ro: nothing done through it can create, convert or checkpoint. On a read-only
    disk, where SQLite cannot make the shared memory a WAL database wants, the file is
    read as immutable, which the disk guarantees it is."""
    uri = f"{path.as_uri()}?mode=ro"
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            uri += "&immutable=1"
    except (OSError, AttributeError):
        pass
    return uri


def left_log(path: Path) -> Path | None:
    """The write-ahead log beside a database nobody has open, if it holds anything."""
    log = path.with_name(path.name + "-wal")
    try:
        return log if log.stat().st_size > 0 else None
    except OSError:
        return None


def foreign_log(path: Path, damage: DatabaseError) -> DamagedDatabase:
    """The sentence for a database whose left-over log breaks it: the log is the suspect."""
    return DamagedDatabase(
        translate(
            "Database",
            "{path} does not fit the log file beside it ({log}): the log is damaged or belongs to another database. Move the log aside to open the database as it was before it, or restore a backup ({damage})",  # noqa: E501
        ).format(path=path, log=path.name + "-wal", damage=damage)
    )


def read_only_connection(path: Path) -> sqlite3.Connection:
    check_regular(path)
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


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


def inspect_sqlite(
    path: Path, *, check: str | None = "quick_check", exclusive: bool = False
) -> Inspection:
    """Decide whether a file may be opened, without writing to it.

    Raises a `DatabaseError` subclass naming the reason for every file that must be left
    alone. `check` is the page check to run: `quick_check`, `integrity_check` (slower,
    thorough) or None to look only at the header and schema, which costs milliseconds
    where a page check of a large agency costs a third of a second.

    A log left beside a file nobody writes to (`exclusive`: the caller holds the writer
    lock) is replayed on the first read, whether it is the file's own, left by a crash, or
    another database's: its pages are checked then, asked or not, and damage they cause is
    put down to the log.
    """
    if not path.exists():
        return Inspection(FileState.MISSING, None)
    check_regular(path)
    left = left_log(path) if exclusive or not _in_use(path) else None
    try:
        return _inspect(path, check or ("quick_check" if left else None))
    except DamagedDatabase as exc:
        if left is not None:
            raise foreign_log(path, exc) from None
        raise


def _in_use(path: Path) -> bool:
    """Whether a writer holds the file (its lock is flock on the file; see `locking`)."""
    try:
        import fcntl
    except ImportError:
        return True  # Windows: the log may be live, so it is left to SQLite
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _inspect(path: Path, check: str | None) -> Inspection:
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
            missing = _missing(con) if revision == SCHEMA_HEAD else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise explain(exc, path) or DamagedDatabase(
            translate("Database", "{path} is damaged: {exc}").format(path=path, exc=exc)
        ) from exc
    if not tables:
        return Inspection(FileState.BLANK, None)
    if missing is not None and app_id == APPLICATION_ID:
        raise DamagedDatabase(
            translate(
                "Database",
                "{path} is damaged: {missing} is missing, though its schema says it has it; restore a backup (File → Restore from backup, or accdesk restore)",  # noqa: E501
            ).format(path=path, missing=missing)
        )
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


def _missing(con: sqlite3.Connection) -> str | None:
    """The first table or column the current schema has and the file lacks, or None: a file
    changed outside accdesk would otherwise open and fail at the first query that needs
    it (after the caller had started writing)."""
    from sqlmodel import SQLModel

    import accdesk.models  # noqa: F401  (registers the tables)

    for table in SQLModel.metadata.sorted_tables:
        found = {row[1] for row in con.execute(f'PRAGMA table_info("{table.name}")')}
        if not found:
            return translate("Database", "the table {table}").format(table=table.name)
        for column in table.columns:
            if column.name not in found:
                return translate("Database", "the column {table}.{column}").format(
                    table=table.name, column=column.name
                )
    return None


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
        sync_folder(target.parent)
    except sqlite3.DatabaseError as exc:
        raise explain(exc, source) or DamagedDatabase(
            translate("Database", "{value} is damaged: {exc}").format(value=source, exc=exc)
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return target


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (a no-op where folders cannot be
    opened, as on Windows, whose renames are journalled)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def empty_log(path: Path) -> None:
    """Move everything in a database's write-ahead log into the file and empty the log, so
    that the file alone holds the database. The caller holds the writer lock."""
    con = sqlite3.connect(path)
    try:
        busy, _, _ = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        con.close()
    if busy:
        raise DatabaseError(
            translate("Database", "{value} is being read by another program; try again").format(
                value=path
            )
        )


def table_counts(path: Path, tables: tuple[str, ...]) -> dict[str, int]:
    """Row counts of a few tables, read-only: what a person checks in a backup list."""
    con = read_only_connection(path)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()
