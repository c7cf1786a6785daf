"""One writer per database file, whatever name it is reached by.

On Unix the lock is `flock` on the database file itself: it belongs to the file, not to the
name, so the same file through a hard link or a symbolic link, or one another program has
locked with `flock`, is refused as in use, and no lock file is left anywhere. SQLite's own
locks are POSIX record locks, which `flock` does not touch. The descriptor holding the lock
stays open until the database's connections are closed: closing another descriptor of the
file while SQLite holds locks on it would drop them (POSIX record locks belong to the
process), so the lock is released last.

Where `flock` does not exist (Windows), an operating-system lock on a `.lock` file beside
the database does the same through `filelock`. Either way the system drops the lock when
its holder dies, so a crash never leaves a stale one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from accdesk.errors import DatabaseInUse
from accdesk.text import translate

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class WriterLock:
    def __init__(self, database: Path) -> None:
        self.database = database
        self._fd: int | None = None
        self._file_lock: Any = None

    def acquire(self) -> None:
        """Take the lock at once or raise `DatabaseInUse`."""
        if fcntl is None:
            self._acquire_lock_file()
            return
        fd = os.open(self.database, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise self._in_use() from None
        self._fd = fd

    def _acquire_lock_file(self) -> None:
        from filelock import FileLock, Timeout

        lock = FileLock(f"{self.database}.lock", timeout=0, mode=0o600, thread_local=False)
        try:
            lock.acquire()
        except Timeout:
            raise self._in_use() from None
        self._file_lock = lock

    def _in_use(self) -> DatabaseInUse:
        return DatabaseInUse(
            translate(
                "Database",
                "{database} is open in another accdesk window or command; it can be opened here read-only",  # noqa: E501
            ).format(database=self.database)
        )

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None
        if self._file_lock is not None:
            self._file_lock.release()
            self._file_lock = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
