"""Other people's changes on a team database, brought into the window as they happen.

A worker thread listens (`accdesk.storage.live.ChangeFeed`) and hands the changed tables to the GUI
thread, which waits a moment for more and then publishes them as one `Changes`, the same
signal the window's own edits send. When the server goes away the worker says so once, tries
again every few seconds, and says when it is back; the window then reads everything again.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QElapsedTimer, QObject, QThread, QTimer, Signal

from accdesk.changes import TABLE_KINDS, Changes
from accdesk.storage.db import Database
from accdesk.storage.live import ChangeFeed, ServerUnavailable

WAIT_SECONDS = 1.0  # how long the worker waits for a notice before checking it should stop
RETRY_SECONDS = 3.0
GATHER_MS = 300  # notices that arrive together become one reload
MIN_GAP_MS = 1000  # and reloads for others' changes come at most once a second


class _Listener(QThread):
    heard = Signal(object)  # set[str]
    lost = Signal(str)
    back = Signal()

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        self._stop = threading.Event()

    def run(self) -> None:
        down = False
        while not self._stop.is_set():
            try:
                tables = self._feed.wait(WAIT_SECONDS)
            except ServerUnavailable as exc:
                if not down:
                    self.lost.emit(str(exc))
                down = True
                self._stop.wait(RETRY_SECONDS)
                continue
            if down:
                down = False
                self.back.emit()
            if tables:
                self.heard.emit(tables)
        self._feed.close()

    def stop(self) -> None:
        self._stop.set()
        self.wait()


class LiveUpdates(QObject):
    """Publishes others' changes on `changed`; `lost(message)` and `back()` follow the
    connection to the server."""

    changed = Signal(object)  # Changes
    lost = Signal(str)
    back = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: set[str] = set()
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self._publish)
        self._last = QElapsedTimer()
        self._listener = _Listener(ChangeFeed(db.url, ignore=db.backends), self)
        self._listener.heard.connect(self._heard)
        self._listener.lost.connect(self.lost)
        self._listener.back.connect(self._back)

    def start(self) -> None:
        self._listener.start()

    def stop(self) -> None:
        self._gather.stop()
        self._listener.stop()

    def _heard(self, tables: set[str]) -> None:
        self._pending |= tables
        if not self._gather.isActive():
            since = self._last.elapsed() if self._last.isValid() else MIN_GAP_MS
            self._gather.start(max(GATHER_MS, MIN_GAP_MS - since))

    def _publish(self) -> None:
        tables, self._pending = tuple(sorted(self._pending)), set()
        if tables:
            self._last.start()
            self.changed.emit(Changes.of_tables(tables))

    def _back(self) -> None:
        self.back.emit()
        # Whatever happened while the connection was down was not heard: read it all again.
        self._pending.update(str(kind) for kind in TABLE_KINDS)
        self._publish()
