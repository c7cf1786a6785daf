"""The project queue as a Qt table model over `ProjectRow` read models.

Display strings are built the first time a row is painted and then cached, so loading
10,000 projects costs one list assignment and a view only formats the rows it shows.
Dragging rows does not move them here: the model asks for a reorder (`move_requested`),
the order is stored, and the queue is read again, so what is shown is what is stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from accdesk.ops.readmodels import ProjectRow
from accdesk.planning.priority import Factor, Health, Score, health
from accdesk.types import utcnow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 3
HEALTH_ROLE = Qt.ItemDataRole.UserRole + 4
MIME = "application/x-accdesk-projects"

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
HEALTH_LABELS = {Health.GOOD: "Good", Health.WATCH: "Watch", Health.AT_RISK: "At risk"}
HEALTH_COLOURS = {Health.GOOD: "#2e7d32", Health.WATCH: "#9a6700", Health.AT_RISK: "#c62828"}
HEALTH_ICONS = {
    Health.GOOD: QStyle.StandardPixmap.SP_DialogApplyButton,
    Health.WATCH: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Health.AT_RISK: QStyle.StandardPixmap.SP_MessageBoxWarning,
}
LATE = "#c62828"


def explain(factor: Factor, points: int, value: int | None) -> str:
    """One line of a score's explanation, as a person reads it."""
    n = abs(value or 0)
    if factor is Factor.DEADLINE and value is not None and value < 0:
        text = QCoreApplication.translate(
            "QueueModel", "%1 deadline passed %n business day(s) ago", None, n
        )
    elif factor is Factor.DEADLINE and value == 0:
        text = QCoreApplication.translate("QueueModel", "%1 deadline today")
    elif factor is Factor.DEADLINE:
        text = QCoreApplication.translate(
            "QueueModel", "%1 deadline in %n business day(s)", None, n
        )
    elif factor is Factor.REQUEST_OVERDUE:
        text = QCoreApplication.translate(
            "QueueModel", "%1 client request overdue by %n minute(s)", None, n
        )
    elif factor is Factor.REQUEST_SOON:
        text = QCoreApplication.translate(
            "QueueModel", "%1 client request due in %n minute(s)", None, n
        )
    elif factor is Factor.CLIENT_VALUE:
        text = QCoreApplication.translate("QueueModel", "%1 client's monthly budget")
    elif factor is Factor.DETRACTOR:
        text = QCoreApplication.translate("QueueModel", "%1 last NPS %2, a detractor").replace(
            "%2", str(value)
        )
    elif factor is Factor.UNREACTED_FEEDBACK:
        text = QCoreApplication.translate(
            "QueueModel", "%1 feedback without a reaction (%n)", None, n
        )
    elif factor is Factor.RISKY_PROMISE:
        text = QCoreApplication.translate("QueueModel", "%1 promise(s) in trouble: %n", None, n)
    elif factor is Factor.PINNED:
        text = QCoreApplication.translate("QueueModel", "%1 pinned")
    else:
        text = QCoreApplication.translate("QueueModel", "%1 untouched for %n day(s)", None, n)
    return text.replace("%1", f"+{points}")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    text: Callable[[ProjectRow, int], str]
    sort_key: Callable[[ProjectRow, int], Any]
    align_right: bool = False


class QueueModel(QAbstractTableModel):
    # (ids being moved, id they go before or None for the end)
    move_requested = Signal(list, object)

    def __init__(self, agency_zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = agency_zone
        self._rows: list[ProjectRow] = []
        self._scorer: Callable[[ProjectRow], Score] = _no_score
        self._scores: dict[int, Score] = {}
        self._health: dict[int, Health] = {}
        self._contacts: Mapping[uuid.UUID, str] = {}
        self._now = utcnow()
        self._display: dict[int, list[str]] = {}
        self._search: dict[int, str] = {}
        self._where: dict[uuid.UUID, int] | None = None  # id -> row, built when first needed
        self.movable = False
        # False until the holiday calendar is loaded: score cells stay blank a moment.
        self.scores_ready = True
        self._columns = self._make_columns()

    def _make_columns(self) -> tuple[Column, ...]:
        far = date.max.toordinal()
        return (
            Column(
                "position",
                "#",
                lambda r, i: str(r.queue_position),
                lambda r, i: r.queue_position,
                True,
            ),
            Column("code", "Code", lambda r, i: r.code, lambda r, i: r.code),
            Column("project", "Project", lambda r, i: r.name, lambda r, i: r.name.casefold()),
            Column(
                "client",
                "Client",
                lambda r, i: r.client_name,
                lambda r, i: r.client_name.casefold(),
            ),
            Column(
                "health",
                "Health",
                lambda r, i: tr(HEALTH_LABELS[self.health_at(i)]),
                lambda r, i: list(Health).index(self.health_at(i)),
            ),
            Column(
                "score",
                "Score",
                lambda r, i: str(self.score_at(i).total) if self.scores_ready else "",
                lambda r, i: self.score_at(i).total,
                True,
            ),
            Column("service", "Service", lambda r, i: r.service, lambda r, i: r.service.casefold()),
            Column("manager", "Manager", lambda r, i: r.manager, lambda r, i: r.manager.casefold()),
            Column(
                "status",
                "Status",
                lambda r, i: tr(STATUS_LABELS.get(r.status, r.status)),
                lambda r, i: r.status,
            ),
            Column(
                "deadline",
                "Deadline",
                lambda r, i: _date(r.deadline),
                lambda r, i: r.deadline.toordinal() if r.deadline else far,
            ),
            Column(
                "response_due",
                "Reply due",
                lambda r, i: self._due_text(r),
                lambda r, i: (
                    r.next_response_due.timestamp() if r.next_response_due else float("inf")
                ),
            ),
        )

    def _due_text(self, row: ProjectRow) -> str:
        if row.next_response_due is None:
            return ""
        text = row.next_response_due.astimezone(self._zone).strftime("%d.%m %H:%M")
        return tr("%1 late").replace("%1", text) if self._late(row) else text

    def _late(self, row: ProjectRow) -> bool:
        return row.next_response_due is not None and row.next_response_due < self._now

    # Loading -----------------------------------------------------------------------------
    def set_rows(
        self,
        rows: Sequence[ProjectRow],
        scorer: Callable[[ProjectRow], Score],
        *,
        agency_zone: ZoneInfo | None = None,
        contacts: Mapping[uuid.UUID, str] | None = None,
        now: datetime | None = None,
    ) -> None:
        self.beginResetModel()
        if agency_zone is not None:
            self._zone = agency_zone
        self._rows = list(rows)
        self._scorer = scorer
        self._scores.clear()
        self._health.clear()
        self._contacts = contacts or {}
        self._now = now or utcnow()
        self._display.clear()
        self._search.clear()
        self._where = None
        self.endResetModel()

    def apply_order(self, manager_id: uuid.UUID | None, ordered: Sequence[uuid.UUID]) -> None:
        """Show a manager's new manual order without reading the whole queue again: their
        rows are rearranged among the places they already hold, selection kept."""
        slots = [i for i, r in enumerate(self._rows) if r.manager_id == manager_id]
        by_id = {self._rows[i].id: i for i in slots}
        if sorted(by_id) != sorted(ordered):
            raise ValueError("the order does not match the rows shown")
        self.layoutAboutToBeChanged.emit()
        moved_from = [by_id[pid] for pid in ordered]
        new_rows = [
            self._rows[old]._replace(queue_position=pos) for pos, old in enumerate(moved_from, 1)
        ]
        old_persistent = self.persistentIndexList()
        mapping = dict(zip(moved_from, slots, strict=True))
        for slot, row in zip(slots, new_rows, strict=True):
            self._rows[slot] = row
        self._where = None
        for cache in (self._display, self._search, self._scores, self._health):
            for slot in slots:
                cache.pop(slot, None)
        for index in old_persistent:
            target = mapping.get(index.row())
            if target is not None:
                self.changePersistentIndex(index, self.index(target, index.column()))
        self.layoutChanged.emit()

    def set_contacts(self, contacts: Mapping[uuid.UUID, str]) -> None:
        self._contacts = contacts
        self._search.clear()

    def row_at(self, row: int) -> ProjectRow:
        return self._rows[row]

    def show_scores(self) -> None:
        """The calendar is in: fill the score column."""
        self.scores_ready = True
        column = self.column_of("score")
        self._display.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def score_at(self, row: int) -> Score:
        """Scored when first asked for: a view asks only for the rows it shows."""
        if not self.scores_ready:
            return _NOT_YET
        found = self._scores.get(row)
        if found is None:
            found = self._scores[row] = self._scorer(self._rows[row])
        return found

    def health_at(self, row: int) -> Health:
        found = self._health.get(row)
        if found is None:
            r = self._rows[row]
            found = self._health[row] = health(r.last_nps, r.unreacted_feedback, r.risky_promises)
        return found

    def row_of(self, project_id: uuid.UUID) -> int | None:
        if self._where is None:
            self._where = {r.id: i for i, r in enumerate(self._rows)}
        return self._where.get(project_id)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.key == key)

    def search_text(self, row: int) -> str:
        cached = self._search.get(row)
        if cached is None:
            r = self._rows[row]
            people = self._contacts.get(r.client_id, "")
            cached = self._search[row] = fold(
                f"{r.code} {r.name} {r.client_name} {r.service} {r.manager} {people}"
            )
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
                cached = self._display[row] = [c.text(record, row) for c in self._columns]
            return cached[col]
        if role == SORT_ROLE:
            return self._columns[col].sort_key(self._rows[row], row)
        if role == ID_ROLE:
            return self._rows[row].id
        if role == CLIENT_ID_ROLE:
            return self._rows[row].client_id
        if role == HEALTH_ROLE:
            return self.health_at(row).value
        key = self._columns[col].key
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[col].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(key, row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(key, row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(key, row)
        return None

    def _decoration(self, key: str, row: int) -> QIcon | None:
        if key == "health":
            return _icon(HEALTH_ICONS[self.health_at(row)])
        if key == "response_due" and self._late(self._rows[row]):
            return _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if key == "project" and self._rows[row].pinned:
            return _icon(QStyle.StandardPixmap.SP_DialogYesButton)
        return None

    def _foreground(self, key: str, row: int) -> QBrush | None:
        if key == "health":
            return QBrush(QColor(HEALTH_COLOURS[self.health_at(row)]))
        if key == "response_due" and self._late(self._rows[row]):
            return QBrush(QColor(LATE))
        return None

    def _tooltip(self, key: str, row: int) -> str | None:
        record = self._rows[row]
        if key == "score":
            if not self.scores_ready:
                return tr("Working out the score…")
            parts = self.score_at(row).parts
            if not parts:
                return tr("Nothing raises this project's priority now")
            return "\n".join(explain(p.factor, p.points, p.value) for p in parts)
        if key == "project":
            pinned = "\n" + tr("Pinned") if record.pinned else ""
            return f"{record.code} · {record.name}\n{record.client_name}{pinned}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return tr(self._columns[section].header)
        return None

    # Drag and drop -----------------------------------------------------------------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not self.movable:
            return base
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME, QByteArray(" ".join(self._rows[r].id.hex for r in rows).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME) or not self.movable:
            return False
        ids = [uuid.UUID(hex=h) for h in bytes(data.data(MIME).data()).decode().split()]
        target = parent.row() if parent.isValid() else row
        before = self._rows[target].id if 0 <= target < len(self._rows) else None
        self.move_requested.emit(ids, before)
        return False  # nothing moves here: the stored order comes back with the reload


_NOT_YET = Score(0, ())


def _no_score(_row: ProjectRow) -> Score:
    return _NOT_YET


def _icon(kind: QStyle.StandardPixmap) -> QIcon:
    style = QApplication.style()
    return style.standardIcon(kind)


def fold(text: str) -> str:
    """Case-folded, with `ё` read as `е`: how people type Russian names in a search box."""
    return text.casefold().replace("ё", "е")


class QueueFilter(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE` and filters on the model's folded search text and the pane's
    choices (manager, status, service, health).

    Matching one cached string per row instead of asking every column for its text keeps
    a keystroke's filter over 10,000 projects within a frame.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._needle = ""
        self._manager: uuid.UUID | bool | None = True  # True: every manager
        self._status = ""
        self._service = ""
        self._health = ""

    def set_search(self, text: str) -> None:
        needle = fold(text.strip())
        if needle != self._needle:
            self._change(lambda: setattr(self, "_needle", needle))

    def set_filters(
        self, *, manager: uuid.UUID | bool | None, status: str, service: str, health: str
    ) -> None:
        wanted = (manager, status, service, health)
        if wanted == (self._manager, self._status, self._service, self._health):
            return  # nothing to filter again: 10,000 rows are not cheap to recheck

        def apply() -> None:
            self._manager, self._status, self._service, self._health = wanted

        self._change(apply)

    def _change(self, apply: Callable[[], None]) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        row = model.row_at(source_row)
        if self._manager is not True and row.manager_id != self._manager:
            return False
        if self._status and row.status != self._status:
            return False
        if self._service and row.service != self._service:
            return False
        if self._health and model.health_at(source_row).value != self._health:
            return False
        return not self._needle or self._needle in model.search_text(source_row)
