"""Work off the GUI thread, with the outcome delivered back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

Then = Callable[[Any, Exception | None], None]


class Background(QObject):
    """Runs jobs one at a time in a worker thread.

    `then(result, error)` is called on the GUI thread afterwards, so it may touch widgets.
    A job must not touch widgets itself; jobs here open their own SQLite connections.
    """

    _done = Signal(object, object, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done.connect(self._deliver)

    def run(self, job: Callable[[], Any], then: Then) -> None:
        def task() -> None:
            try:
                result, error = job(), None
            except Exception as exc:
                result, error = None, exc
            self._done.emit(then, result, error)

        self._pool.start(task)

    def wait(self) -> None:
        """Let running work end (before the window goes away)."""
        self._pool.waitForDone()

    @staticmethod
    def _deliver(then: Then, result: Any, error: Exception | None) -> None:
        then(result, error)


class ProgressCarrier(QObject):
    """Carries a worker's progress to the window's thread (a signal emitted from the worker
    is delivered queued)."""

    moved = Signal(int, int)
