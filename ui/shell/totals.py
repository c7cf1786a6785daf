"""The agency's counts in the status bar: managers, clients, requests, briefs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from accdesk.changes import Changes
from accdesk.ops.summary import counts
from accdesk.screens.dependencies import Screen
from accdesk.storage.db import Database
from ui.common.events import AppEvents
from ui.common.i18n import translate


class TotalsLabel(QLabel):
    """Counts 200,000 requests on a large agency, so it reads them only when a change can
    alter them, and first after the queue is on screen."""

    def __init__(self, events: AppEvents, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusCounts")
        self._db: Database | None = None
        events.subscribe(Screen.TOTALS, self._on_changed)

    def set_database(self, db: Database | None) -> None:
        self._db = db
        self.clear()

    def _on_changed(self, _changes: Changes) -> None:
        self.update_counts()

    def update_counts(self) -> None:
        if self._db is None:
            return
        c = counts(self._db)
        self.setText(
            translate("MainWindow", "· %1 managers · %2 clients · %3 requests · %4 briefs")
            .replace("%1", str(c.managers))
            .replace("%2", str(c.clients))
            .replace("%3", str(c.requests))
            .replace("%4", str(c.briefs))
        )
