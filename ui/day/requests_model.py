"""The requests inbox as a table: soonest deadline first, with a countdown that ticks."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from accdesk.ops.readmodels import RequestRow
from accdesk.screens.requests import InboxScreen, Urgency, minutes_left
from accdesk.text import QT_TRANSLATE_NOOP
from accdesk.types import utcnow
from ui.common.colours import Tone, tone
from ui.common.formatting import channel_name, duration, weekday_stamp
from ui.common.i18n import translate

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

# What a manager scans first (how long, who, what) comes first: the pane is often narrow.
COLUMNS = ("countdown", "client", "text", "due", "client_time", "project", "manager", "channel")
HEADERS = {
    "countdown": QT_TRANSLATE_NOOP("RequestsModel", "Due in"),
    "due": QT_TRANSLATE_NOOP("RequestsModel", "Deadline"),
    "client_time": QT_TRANSLATE_NOOP("RequestsModel", "Client's time"),
    "client": QT_TRANSLATE_NOOP("RequestsModel", "Client"),
    "text": QT_TRANSLATE_NOOP("RequestsModel", "Request"),
    "project": QT_TRANSLATE_NOOP("RequestsModel", "Project"),
    "manager": QT_TRANSLATE_NOOP("RequestsModel", "Manager"),
    "channel": QT_TRANSLATE_NOOP("RequestsModel", "Channel"),
}
TONES = {
    Urgency.OVERDUE: Tone.BAD,
    Urgency.ANSWERED_LATE: Tone.BAD,
    Urgency.SOON: Tone.SOON,
    Urgency.ANSWERED: Tone.GOOD,
}


class RequestsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.screen = InboxScreen([], ZoneInfo("UTC"), 0, utcnow())
        self.now = self.screen.now
        self._rows: list[RequestRow] = []

    # Data in -----------------------------------------------------------------------------
    def set_screen(self, screen: InboxScreen) -> None:
        self.beginResetModel()
        self.screen = screen
        self._rows = list(screen.rows)
        self.now = screen.now
        self.endResetModel()

    @property
    def zone(self) -> ZoneInfo:
        return self.screen.zone

    def tick(self, now: datetime) -> None:
        """Move the countdown on; only its column is redrawn."""
        self.now = now
        if self._rows:
            column = COLUMNS.index("countdown")
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self._rows) - 1, column),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    @property
    def rows(self) -> list[RequestRow]:
        return self._rows

    def row_at(self, row: int) -> RequestRow:
        return self._rows[row]

    def row_of(self, request_id: uuid.UUID) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == request_id), None)

    def minutes_left(self, row: RequestRow) -> int | None:
        return minutes_left(row, self.now)

    # Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return translate("RequestsModel", HEADERS[COLUMNS[section]])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return row.text
        if role == Qt.ItemDataRole.ForegroundRole and column == "countdown":
            return self._colour(row)
        if role == ROW_ROLE:
            return row
        return None

    def _colour(self, row: RequestRow) -> QBrush | None:
        said = TONES.get(self.screen.urgency(row, self.now))
        return QBrush(tone(said)) if said is not None else None

    def _text(self, row: RequestRow, column: str) -> str:
        if column == "countdown":
            if row.answered_at is not None:
                waited = duration(row.waited_minutes or 0)
                return (
                    translate("RequestsModel", "answered in %1")
                    if self.screen.urgency(row, self.now) is Urgency.ANSWERED
                    else translate("RequestsModel", "late, after %1")
                ).replace("%1", waited)
            left = self.minutes_left(row)
            if left is None:
                return ""
            return (
                translate("RequestsModel", "overdue %1")
                if left < 0
                else translate("RequestsModel", "in %1")
            ).replace("%1", duration(left))
        if column == "due":
            return weekday_stamp(row.due_at.astimezone(self.zone)) if row.due_at else ""
        if column == "client_time":
            if row.due_at is None:
                return ""
            theirs = ZoneInfo(row.client_zone)
            if theirs.utcoffset(row.due_at) == self.zone.utcoffset(row.due_at):
                return translate("RequestsModel", "same")
            city = row.client_zone.rsplit("/", 1)[-1].replace("_", " ")
            return f"{weekday_stamp(row.due_at.astimezone(theirs), with_date=False)} {city}"
        if column == "client":
            return row.client_name
        if column == "text":
            return " ".join(row.text.split())
        if column == "project":
            return row.project
        if column == "manager":
            return row.manager
        return channel_name(row.channel)
