"""The one door to a database: locate it, refuse what is not ours, migrate, hand out sessions.

Opening is in two steps on purpose. A SQLite file is first inspected through a separate
read-only connection; only a file that is ours, healthy and not from a newer version is then
opened for writing. Anything else is refused with a reason and left byte-for-byte as it was,
because a user's only copy of their agency must never be "repaired" by guesswork.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from accdesk.errors import (
    DamagedDatabase,
    DatabaseError,
    ForeignDatabase,
    NewerDatabase,
    NotADatabase,
)
from accdesk.migrations import SCHEMA_HEAD, known_revisions, upgrade_to_head

APP_NAME = "accdesk"
ENV_VAR = "ACCDESK_DB"
# "accd" in ASCII, written into the SQLite header so our files are recognisable as ours.
APPLICATION_ID = 0x61636364
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def default_database_path() -> Path:
    """Where a person's own database lives unless told otherwise."""
    return user_data_path(APP_NAME, appauthor=False) / "accdesk.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """An SQLAlchemy URL from `--db`, then `ACCDESK_DB`, then the default file."""
    target = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or None
    if target is None:
        return f"sqlite:///{default_database_path()}"
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other engines and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


class FileState(Enum):
    MISSING = "missing"
    CURRENT = "current"
    OUTDATED = "outdated"
    BLANK = "blank"  # a SQLite file without any tables: safe to set up


@dataclass(frozen=True)
class Inspection:
    state: FileState
    revision: str | None


def _read_only(path: Path) -> sqlite3.Connection:
    # mode=ro: the inspection may not create, convert or checkpoint anything.
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def inspect_sqlite(path: Path, *, check: str | None = "quick_check") -> Inspection:
    """Decide whether a file may be opened, without writing to it.

    Raises a `DatabaseError` subclass naming the reason for every file that must be left
    alone. `check` is the page check to run: `quick_check`, `integrity_check` (slower,
    thorough) or None to look only at the header and schema, which costs milliseconds
    where a page check of a large agency costs a third of a second.
    """
    if not path.exists():
        return Inspection(FileState.MISSING, None)
    if path.is_dir():
        raise NotADatabase(f"{path} is a folder, not a database file")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseError(f"{path} cannot be read: {exc.strerror}") from exc
    if not header:
        raise NotADatabase(f"{path} is an empty file (0 bytes), not an accdesk database")
    if not header.startswith(SQLITE_MAGIC):
        raise NotADatabase(f"{path} is not a database file (it is not SQLite)")
    if len(header) < 100:
        raise DamagedDatabase(f"{path} is damaged: the file is shorter than a database header")
    try:
        con = _read_only(path)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path} cannot be opened: {exc}") from exc
    try:
        if check is not None:
            _check_pages(con, path, check)
        tables = {
            row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(f"{path} is damaged: {exc}") from exc
    finally:
        con.close()
    if not tables:
        return Inspection(FileState.BLANK, None)
    if app_id != APPLICATION_ID or revision is None:
        raise ForeignDatabase(f"{path} belongs to another application, not accdesk")
    return _classify(revision, str(path))


def _check_pages(con: sqlite3.Connection, path: Path, check: str) -> None:
    if check not in ("quick_check", "integrity_check"):
        raise ValueError(f"unknown check {check!r}")
    problems = [row[0] for row in con.execute(f"PRAGMA {check}").fetchall()]
    if problems != ["ok"]:
        raise DamagedDatabase(f"{path} is damaged: {problems[0]}")


def verify_sqlite(path: Path) -> None:
    """Run `quick_check` on a file through its own read-only connection.

    Safe to call from a worker thread while the file is open elsewhere; raises
    `DamagedDatabase` with the first problem SQLite reports.
    """
    try:
        con = _read_only(path)
        try:
            _check_pages(con, path, "quick_check")
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(f"{path} is damaged: {exc}") from exc


def _classify(revision: str, where: str) -> Inspection:
    if revision == SCHEMA_HEAD:
        return Inspection(FileState.CURRENT, revision)
    if revision in known_revisions():
        return Inspection(FileState.OUTDATED, revision)
    raise NewerDatabase(
        f"{where} was made by a newer version of accdesk (schema {revision}); "
        "update accdesk to open it"
    )


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # 64 MiB of page cache: the large agency's request indexes outgrow the 2 MiB default.
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine whose every connection carries the settings our data safety relies on."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a database with SQLite's online backup API (never a raw file copy of a WAL db)."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    src = _read_only(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    target.chmod(0o600)
    return target


def _backup_before_migration(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_sqlite(
        path, path.parent / "backups" / f"{path.stem}-schema-{revision}-{stamp}.db"
    )


class Database:
    """An open database: the engine, the session factory and where it lives."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.path = sqlite_path(url)
        self._sessions = sessionmaker(engine, class_=Session, expire_on_commit=False)

    @property
    def location(self) -> str:
        """Where the data is, as a person would want to read it."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with self._damage_reported(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session; nothing in it is committed."""
        with self._damage_reported(), self._sessions() as session:
            yield session

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A Core connection for bulk reads that skip the ORM."""
        with self._damage_reported(), self.engine.connect() as con:
            yield con

    @contextmanager
    def _damage_reported(self) -> Iterator[None]:
        """Turn SQLite's "malformed" errors into the plain `DamagedDatabase` message."""
        try:
            yield
        except SQLAlchemyDatabaseError as exc:
            text_ = str(exc.orig).lower()
            if "malformed" in text_ or "not a database" in text_:
                raise DamagedDatabase(f"{self.location} is damaged: {exc.orig}") from exc
            raise

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    db: str | os.PathLike[str] | None = None, *, create: bool = True, check_pages: bool = True
) -> Database:
    """Open (or create) the database at a path or URL, migrated to the current schema.

    A missing default folder is created; a missing folder named by the user is an error,
    because a typo in `--db` should not silently start a new empty agency somewhere else.
    `check_pages=False` leaves the page check to the caller (the window runs
    `verify_sqlite` in a worker so that start-up does not wait for it).
    """
    url = resolve_url(db)
    path = sqlite_path(url)
    if path is None:
        return _open_server_database(url)
    inspection = inspect_sqlite(path, check="quick_check" if check_pages else None)
    if inspection.state is FileState.MISSING:
        if not create:
            raise DatabaseError(f"{path} does not exist")
        if not path.parent.exists():
            if db is not None or os.environ.get(ENV_VAR):
                raise DatabaseError(f"the folder {path.parent} does not exist")
            path.parent.mkdir(parents=True, mode=0o700)
    if inspection.state is FileState.OUTDATED and inspection.revision is not None:
        _backup_before_migration(path, inspection.revision)
    engine = make_engine(url)
    try:
        if inspection.state is not FileState.CURRENT:
            _upgrade(engine)
            with engine.begin() as con:
                con.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
            path.chmod(0o600)
    except Exception:
        engine.dispose()
        raise
    return Database(url, engine)


def _open_server_database(url: str) -> Database:
    engine = make_engine(url)
    try:
        with engine.connect() as con:
            has_version = engine.dialect.has_table(con, "alembic_version")
            revision = (
                con.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if has_version
                else None
            )
        if revision is None or _classify(revision, url).state is FileState.OUTDATED:
            _upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return Database(url, engine)


def _upgrade(engine: Engine) -> None:
    with engine.begin() as con:
        upgrade_to_head(con)
