"""The project queue as a Qt table model over `ProjectRow` read models.

Display strings are built the first time a row is painted and then cached, so loading
10,000 projects costs one list assignment and a view only formats the rows it shows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from accdesk.ops.readmodels import ProjectRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("QueueModel", text)


def _date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


STATUS_LABELS = {
    "planned": "Planned",
    "active": "Active",
    "paused": "Paused",
    "done": "Done",
    "archived": "Archived",
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    text: Callable[[ProjectRow], str]
    sort_key: Callable[[ProjectRow], Any]
    align_right: bool = False


def _due_text(row: ProjectRow, zone: ZoneInfo) -> str:
    if row.next_response_due is None:
        return ""
    return row.next_response_due.astimezone(zone).strftime("%d.%m %H:%M")


def columns(agency_zone: ZoneInfo) -> tuple[Column, ...]:
    far = date.max.toordinal()
    return (
        Column("position", "#", lambda r: str(r.queue_position), lambda r: r.queue_position, True),
        Column("code", "Code", lambda r: r.code, lambda r: r.code),
        Column("project", "Project", lambda r: r.name, lambda r: r.name.casefold()),
        Column("client", "Client", lambda r: r.client_name, lambda r: r.client_name.casefold()),
        Column("service", "Service", lambda r: r.service, lambda r: r.service.casefold()),
        Column("manager", "Manager", lambda r: r.manager, lambda r: r.manager.casefold()),
        Column(
            "status",
            "Status",
            lambda r: tr(STATUS_LABELS.get(r.status, r.status)),
            lambda r: r.status,
        ),
        Column(
            "deadline",
            "Deadline",
            lambda r: _date(r.deadline),
            lambda r: r.deadline.toordinal() if r.deadline else far,
        ),
        Column(
            "response_due",
            "Reply due",
            lambda r: _due_text(r, agency_zone),
            lambda r: r.next_response_due.timestamp() if r.next_response_due else float("inf"),
        ),
    )


def search_text(row: ProjectRow) -> str:
    """What the search box matches against: case-folded, with `ё` read as `е`."""
    return fold(f"{row.code} {row.name} {row.client_name} {row.service} {row.manager}")


def fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


class QueueModel(QAbstractTableModel):
    def __init__(self, agency_zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns(agency_zone)
        self._rows: list[ProjectRow] = []
        self._display: dict[int, list[str]] = {}
        self._search: dict[int, str] = {}

    # Loading -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[ProjectRow], agency_zone: ZoneInfo | None = None) -> None:
        self.beginResetModel()
        if agency_zone is not None:
            self._columns = columns(agency_zone)
        self._rows = list(rows)
        self._display.clear()
        self._search.clear()
        self.endResetModel()

    def row_at(self, row: int) -> ProjectRow:
        return self._rows[row]

    def row_of(self, project_id: uuid.UUID) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == project_id:
                return i
        return None

    def search_text(self, row: int) -> str:
        cached = self._search.get(row)
        if cached is None:
            cached = self._search[row] = search_text(self._rows[row])
        return cached

    # Qt interface ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            cached = self._display.get(row)
            if cached is None:
                record = self._rows[row]
                cached = self._display[row] = [c.text(record) for c in self._columns]
            return cached[col]
        if role == SORT_ROLE:
            return self._columns[col].sort_key(self._rows[row])
        if role == ID_ROLE:
            return self._rows[row].id
        if role == CLIENT_ID_ROLE:
            return self._rows[row].client_id
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[col].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[col].key == "project":
            record = self._rows[row]
            return f"{record.code} · {record.name}\n{record.client_name}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return tr(self._columns[section].header)
        return None


class QueueFilter(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE` and filters on the model's folded search text.

    Matching one cached string per row instead of asking every column for its text keeps
    a keystroke's filter over 10,000 projects within a frame.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._needle = ""

    def set_search(self, text: str) -> None:
        needle = fold(text.strip())
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        return self._needle in model.search_text(source_row)
