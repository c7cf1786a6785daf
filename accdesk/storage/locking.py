"""One writer per database file.

An operating-system lock (flock on Unix, msvcrt on Windows, through `filelock`) on a
`.lock` file beside the database. The system drops it when the holder dies, so a crash can
never leave a stale lock behind.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from accdesk.errors import DatabaseInUse
from accdesk.text import translate


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class WriterLock:
    def __init__(self, database: Path) -> None:
        self.database = database
        self._lock = FileLock(lock_path(database), timeout=0, mode=0o600, thread_local=False)

    def acquire(self) -> None:
        """Take the lock at once or raise `DatabaseInUse`."""
        try:
            self._lock.acquire()
        except Timeout:
            raise DatabaseInUse(
                translate(
                    "Database",
                    "{database} is open in another accdesk window or command; it can be opened here read-only",  # noqa: E501
                ).format(database=self.database)
            ) from None

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
