"""The one door to a database: locate it, refuse what is not ours, migrate, hand out sessions.

Opening a SQLite file goes in steps, each able to stop with a plain reason before anything
is written: the folder and the file must be writable (unless opened read-only), no other
accdesk may be writing to it (`WriterLock`), and a read-only inspection must find our own,
healthy file of a schema we know (`accdesk.storage.sqlitefile`). Only then is it opened for writing
and, if older, backed up and migrated. A refused file is left byte-for-byte as it was,
because a person's only copy of their agency must never be "repaired" by guesswork.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from accdesk.changes import log_flush
from accdesk.errors import DatabaseError, ReadOnlyDatabase
from accdesk.storage import sqlitefile
from accdesk.storage.access import Identity, guard, identify
from accdesk.storage.credentials import saved_password, with_password
from accdesk.storage.files import private_folder
from accdesk.storage.live import explain_server
from accdesk.storage.locking import WriterLock
from accdesk.storage.migrations import upgrade_to_head
from accdesk.storage.sqlitefile import (
    APPLICATION_ID,
    FileState,
    Inspection,
    copy_database,
    explain,
    inspect_sqlite,
    read_only_uri,
)
from accdesk.text import translate

APP_NAME = "accdesk"
ENV_VAR = "ACCDESK_DB"


def default_database_path() -> Path:
    """Where a person's own database lives unless told otherwise."""
    return user_data_path(APP_NAME, appauthor=False) / "accdesk.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """An SQLAlchemy URL from `--db`, then `ACCDESK_DB`, then the default file."""
    target = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or None
    if target is None:
        return f"sqlite:///{default_database_path()}"
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser().resolve()}"
    scheme, rest = target.split("://", 1)
    # psql's own spellings of a server address work too, through the driver we ship.
    scheme = SERVER_SCHEMES.get(scheme, scheme)
    if scheme not in ("sqlite", SERVER_SCHEME):
        raise DatabaseError(
            translate(
                "Database",
                "{target} is neither a database file nor a team database address ({scheme}://…); give a path, or a postgresql:// address",  # noqa: E501
            ).format(target=target, scheme=SERVER_SCHEME)
        )
    if scheme == SERVER_SCHEME and importlib.util.find_spec("psycopg") is None:
        raise DatabaseError(
            translate(
                "Database",
                "a team database needs PostgreSQL's driver, which is not installed: pip install 'accdesk[team]'",  # noqa: E501
            )
        )
    return f"{scheme}://{rest}"


SERVER_SCHEME = "postgresql+psycopg"
SERVER_SCHEMES = {"postgresql": SERVER_SCHEME, "postgres": SERVER_SCHEME}


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other engines and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


AUTOCHECKPOINT_PAGES = 1000  # SQLite's default
"""Log pages after which a commit copies the log into the file itself."""


def _writer_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
    cur.execute(f"PRAGMA busy_timeout={sqlitefile.BUSY_TIMEOUT_MS}")
    # 64 MiB of page cache: the large agency's request indexes outgrow the 2 MiB default.
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def _reader_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={sqlitefile.BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


LOCK_TIMEOUT_MS = 8000
SQLITE_TIMEOUT = {"timeout": sqlitefile.BUSY_TIMEOUT_MS / 1000}


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine whose every connection carries the settings our data safety relies on."""
    path = sqlite_path(url)
    if path is None:
        # A table someone holds locked makes a statement give up after a few seconds with a
        # message instead of freezing the window (`explain` says what happened).
        options = {"options": f"-c lock_timeout={LOCK_TIMEOUT_MS}"}
        return create_engine(url, pool_pre_ping=True, connect_args=options)
    if read_only:
        engine = create_engine(
            f"sqlite:///{read_only_uri(path)}&uri=true", connect_args=dict(SQLITE_TIMEOUT)
        )
        event.listen(engine, "connect", _reader_pragmas)
    else:
        engine = create_engine(url, connect_args=dict(SQLITE_TIMEOUT))
        event.listen(engine, "connect", _writer_pragmas)
    return engine


def _backup_before_migration(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return copy_database(
        path, path.parent / "backups" / f"{path.name}-schema-{revision}-{stamp}.db"
    )


class Database:
    """An open database: the engine, the session factory, where it lives, and for a
    writable SQLite file the writer lock, released by `close()`."""

    def __init__(
        self, url: str, engine: Engine, *, lock: WriterLock | None = None, read_only: bool = False
    ) -> None:
        self.url = url
        self.engine = engine
        self.path = sqlite_path(url)
        self.read_only = read_only
        self._lock = lock
        self._sessions = sessionmaker(engine, class_=Session, expire_on_commit=False)
        # Every write's rows are logged, so an operation's Changes are what it wrote.
        event.listen(self._sessions, "after_flush", log_flush)
        # Who a team database's login acts for; a SQLite file has one user, who may do all.
        self.identity: Identity | None = None
        # The server processes of this database's own connections: the change feed skips
        # their notices, which the window already knows about.
        self.backends: set[int] = set()

    def _remember_backend(self, dbapi_connection: Any, _record: Any) -> None:
        self.backends.add(int(dbapi_connection.info.backend_pid))

    @property
    def location(self) -> str:
        """Where the data is, as a person would want to read it."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        if self.read_only:
            raise ReadOnlyDatabase(
                translate(
                    "Database", "{location} is open read-only here; nothing can be changed"
                ).format(location=self.location)
            )
        with self._problems_explained(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def bulk_transaction(self) -> Iterator[Session]:
        """A transaction that rewrites much of the file, whose commit does not wait for SQLite
        to copy the log into the file (a checkpoint, a quarter of a second after 200,000
        deadlines move): the caller runs `checkpoint()` afterwards, when nobody is waiting."""
        if self.path is None:
            with self.transaction() as session:
                yield session
            return
        with self._problems_explained(), self.engine.connect() as con:
            con.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
            con.commit()
            try:
                with self._sessions(bind=con) as session, session.begin():
                    yield session
            finally:
                con.exec_driver_sql(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
                con.commit()

    def checkpoint(self) -> None:
        """Copy SQLite's log into the file now, without blocking readers or writers."""
        if self.path is not None and not self.read_only:
            with self._problems_explained(), self.engine.connect() as con:
                con.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
                con.commit()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session; nothing in it is committed."""
        with self._problems_explained(), self._sessions() as session:
            yield session

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A Core connection for bulk reads that skip the ORM."""
        with self._problems_explained(), self.engine.connect() as con:
            yield con

    @contextmanager
    def _problems_explained(self) -> Iterator[None]:
        """SQLite's "locked", "disk full", "malformed"... as our plain errors."""
        try:
            yield
        except SQLAlchemyDatabaseError as exc:
            explainer = explain if self.path is not None else explain_server
            problem = explainer(exc.orig, self.location) if exc.orig is not None else None
            if problem is None:
                raise
            raise problem from exc

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def open_database(
    db: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    check_pages: bool = True,
    read_only: bool = False,
) -> Database:
    """Open (or create) the database at a path or URL, migrated to the current schema.

    A missing default folder is created; a missing folder named by the user is an error,
    because a typo in `--db` should not silently start a new empty agency somewhere else.
    `check_pages=False` leaves the page check to the caller (the window runs
    `verify_sqlite` in a worker so that start-up does not wait for it). `read_only` opens
    without the writer lock, for a file another accdesk is writing to.
    """
    url = resolve_url(db)
    path = sqlite_path(url)
    if path is None:
        return _open_server_database(url)
    if not path.exists():
        if read_only or not create:
            raise DatabaseError(translate("Database", "{path} does not exist").format(path=path))
        if not path.parent.exists():
            if db is not None or os.environ.get(ENV_VAR):
                raise DatabaseError(
                    translate("Database", "the folder {parent} does not exist").format(
                        parent=path.parent
                    )
                )
            private_folder(path.parent)
    if not read_only:
        sqlitefile.check_writable(path)
    sqlitefile.check_regular(path)
    created = not read_only and _create(path)
    lock = None if read_only else WriterLock(path)
    try:
        if lock is not None:
            lock.acquire()
        inspection = (
            Inspection(FileState.MISSING, None)
            if created
            else inspect_sqlite(
                path, check="quick_check" if check_pages else None, exclusive=lock is not None
            )
        )
        if inspection.state is not FileState.CURRENT and read_only:
            raise ReadOnlyDatabase(
                translate(
                    "Database", "{path} needs setting up or upgrading, which read-only cannot do"
                ).format(path=path)
            )
        if inspection.state is FileState.OUTDATED and inspection.revision is not None:
            _backup_before_migration(path, inspection.revision)
        engine = make_engine(url, read_only=read_only)
    except BaseException:
        if lock is not None:
            lock.release()
        if created:  # a file made here and never set up is not left behind
            path.unlink(missing_ok=True)
        raise
    database = Database(url, engine, lock=lock, read_only=read_only)
    try:
        if inspection.state is not FileState.CURRENT:
            with database._problems_explained():
                _upgrade(engine)
                with engine.begin() as con:
                    con.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
    except BaseException:
        database.close()
        raise
    return database


def _create(path: Path) -> bool:
    """Make a new database file, empty and owner-only from its first byte (SQLite would
    create it with the umask's mode), so that it can be locked before anything is written;
    False when it is there already."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        return False
    return True


def _open_server_database(url: str) -> Database:
    password = saved_password(url)
    if password is not None:
        url = with_password(url, password)
    engine = make_engine(url)
    db = Database(url, engine)
    event.listen(engine, "connect", db._remember_backend)  # before the first connection
    try:
        with db._problems_explained(), engine.connect() as con:
            has_version = engine.dialect.has_table(con, "alembic_version")
            revision = (
                con.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if has_version
                else None
            )
        if revision is None or sqlitefile.classify(revision, url).state is FileState.OUTDATED:
            _upgrade(engine)
        with db.reading() as s:
            db.identity = identify(s)
        guard(db._sessions, db.identity)
    except Exception:
        engine.dispose()
        raise
    return db


def _upgrade(engine: Engine) -> None:
    """Migrate to the head schema in one transaction: all of it, or on a crash, none.

    Python's SQLite driver commits on its own before statements that change the schema, so
    on its usual connections a migration killed half-way left half a schema (a table made,
    its data not yet copied) that no later start could migrate. Here the driver is told to
    leave transactions alone and the migration opens one itself."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as con:
            upgrade_to_head(con)
        return
    migrating = create_engine(engine.url, connect_args=dict(SQLITE_TIMEOUT), poolclass=NullPool)
    event.listen(migrating, "connect", _migrating_pragmas)
    event.listen(migrating, "begin", lambda con: con.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        with migrating.begin() as con:
            upgrade_to_head(con)
    finally:
        migrating.dispose()


def _migrating_pragmas(dbapi_connection: Any, record: Any) -> None:
    _writer_pragmas(dbapi_connection, record)
    dbapi_connection.isolation_level = None  # the driver opens no transaction of its own
