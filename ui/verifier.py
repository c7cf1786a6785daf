"""Checks a database file's pages in a worker thread, so start-up need not wait for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from accdesk.errors import DatabaseError
from accdesk.sqlitefile import verify_sqlite


class Verifier(QObject):
    """`finished(path, problem)` arrives on the GUI thread; `problem` is "" when healthy."""

    finished = Signal(str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self, path: Path) -> None:
        self._pool.start(lambda: self._run(path))

    def _run(self, path: Path) -> None:
        try:
            verify_sqlite(path)
        except DatabaseError as exc:
            self.finished.emit(str(path), str(exc))
        else:
            self.finished.emit(str(path), "")

    def wait(self) -> None:
        """Let a running check end before the window goes away."""
        self._pool.waitForDone()
