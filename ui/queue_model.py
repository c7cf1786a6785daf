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
from functools import cache
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
    text: Callable[[ProjectRow], str]
    sort_key: Callable[[ProjectRow], Any]
    align_right: bool = False


class QueueModel(QAbstractTableModel):
    # (ids being moved, id they go before or None for the end)
    move_requested = Signal(list, object)

    def __init__(self, agency_zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = agency_zone
        self._all: list[ProjectRow] = []  # everything loaded
        self._rows: list[ProjectRow] = []  # what the filters let through, in queue order
        self._filter: dict[str, Any] = {
            "needle": "",
            "manager": True,
            "status": "",
            "service": "",
            "health": "",
        }
        self._scorer: Callable[[ProjectRow], Score] = _no_score
        # Caches by project id, so they survive filtering.
        self._scores: dict[uuid.UUID, Score] = {}
        self._health: dict[uuid.UUID, Health] = {}
        self._contacts: Mapping[uuid.UUID, str] = {}
        self._now = utcnow()
        self._display: dict[uuid.UUID, list[str]] = {}
        self._search: dict[uuid.UUID, str] = {}
        self._search_texts: list[str] | None = None  # aligned with _all, for filtering
        self._where: dict[uuid.UUID, int] | None = None  # id -> shown row, built when needed
        self._by_id: dict[uuid.UUID, ProjectRow] | None = None  # id -> any loaded row
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
                lambda r: str(r.queue_position),
                lambda r: r.queue_position,
                True,
            ),
            Column("code", "Code", lambda r: r.code, lambda r: r.code),
            Column("project", "Project", lambda r: r.name, lambda r: r.name.casefold()),
            Column(
                "client",
                "Client",
                lambda r: r.client_name,
                lambda r: r.client_name.casefold(),
            ),
            Column(
                "health",
                "Health",
                lambda r: tr(HEALTH_LABELS[self.health_of(r)]),
                lambda r: list(Health).index(self.health_of(r)),
            ),
            Column(
                "score",
                "Score",
                lambda r: str(self.score_of(r).total) if self.scores_ready else "",
                lambda r: self.score_of(r).total,
                True,
            ),
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
                lambda r: self._due_text(r),
                lambda r: r.next_response_due.timestamp() if r.next_response_due else float("inf"),
            ),
        )

    def _due_text(self, row: ProjectRow) -> str:
        if row.next_response_due is None:
            return ""
        text = row.next_response_due.astimezone(self._zone).strftime("%d.%m %H:%M")
        return tr("%1 late").replace("%1", text) if self._late(row) else text

    def _late(self, row: ProjectRow) -> bool:
        return row.next_response_due is not None and row.next_response_due < self._now

    # Loading and filtering ---------------------------------------------------------------
    def set_rows(
        self,
        rows: Sequence[ProjectRow],
        scorer: Callable[[ProjectRow], Score],
        *,
        agency_zone: ZoneInfo | None = None,
        now: datetime | None = None,
    ) -> None:
        self.beginResetModel()
        if agency_zone is not None:
            self._zone = agency_zone
        self._all = list(rows)
        self._scorer = scorer
        self._now = now or utcnow()
        for cached in (self._display, self._search, self._scores, self._health):
            cached.clear()
        self._search_texts = None
        self._rows = self._matching()
        self._where = self._by_id = None
        self.endResetModel()

    def set_contacts(self, contacts: Mapping[uuid.UUID, str]) -> None:
        self._contacts = contacts
        self._search.clear()
        self._search_texts = None

    def set_filters(
        self,
        *,
        needle: str | None = None,
        manager: uuid.UUID | bool | None = None,
        status: str | None = None,
        service: str | None = None,
        health: str | None = None,
        all_managers: bool = False,
    ) -> bool:
        """Change what is shown; arguments left out keep their value. False if nothing
        changed. One pass in Python over the rows, then one reset: a proxy asking Python
        about each of 10,000 rows took ten times a frame."""
        wanted = dict(self._filter)
        if needle is not None:
            wanted["needle"] = fold(needle.strip())
        if manager is not None or all_managers:
            wanted["manager"] = True if all_managers else manager
        for key, value in (("status", status), ("service", service), ("health", health)):
            if value is not None:
                wanted[key] = value
        if wanted == self._filter:
            return False
        self.beginResetModel()
        self._filter = wanted
        self._rows = self._matching()
        self._where = None
        self.endResetModel()
        return True

    def _matching(self) -> list[ProjectRow]:
        f = self._filter
        manager, status, service, health, needle = (
            f["manager"],
            f["status"],
            f["service"],
            f["health"],
            f["needle"],
        )
        rows = self._all
        if needle:
            # One list of texts aligned with the rows: no per-row lookup on a keystroke.
            rows = [r for r, text in zip(rows, self._texts(), strict=True) if needle in text]
        if manager is not True:
            rows = [r for r in rows if r.manager_id == manager]
        if status:
            rows = [r for r in rows if r.status == status]
        if service:
            rows = [r for r in rows if r.service == service]
        if health:
            rows = [r for r in rows if self.health_of(r).value == health]
        return rows

    def _texts(self) -> list[str]:
        if self._search_texts is None:
            self._search_texts = [self.search_text_of(r) for r in self._all]
        return self._search_texts

    @property
    def total(self) -> int:
        """Projects loaded, shown or not."""
        return len(self._all)

    @property
    def all_rows(self) -> Sequence[ProjectRow]:
        return self._all

    def project(self, project_id: uuid.UUID) -> ProjectRow | None:
        """A loaded project, shown or filtered out."""
        if self._by_id is None:
            self._by_id = {r.id: r for r in self._all}
        return self._by_id.get(project_id)

    def apply_order(self, manager_id: uuid.UUID | None, ordered: Sequence[uuid.UUID]) -> None:
        """Show a manager's new manual order without reading the whole queue again: their
        rows are rearranged among the places they already hold."""
        slots = [i for i, r in enumerate(self._all) if r.manager_id == manager_id]
        by_id = {self._all[i].id: i for i in slots}
        if sorted(by_id) != sorted(ordered):
            raise ValueError("the order does not match the rows shown")
        new_rows = [
            self._all[by_id[pid]]._replace(queue_position=pos) for pos, pid in enumerate(ordered, 1)
        ]
        self.beginResetModel()
        for slot, row in zip(slots, new_rows, strict=True):
            self._all[slot] = row
            self._display.pop(row.id, None)
        self._search_texts = None  # rows moved among their slots; texts per id stay cached
        self._rows = self._matching()
        self._where = self._by_id = None
        self.endResetModel()

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
        return self.score_of(self._rows[row])

    def score_of(self, r: ProjectRow) -> Score:
        """Scored when first asked for: a view asks only for the rows it shows."""
        if not self.scores_ready:
            return _NOT_YET
        found = self._scores.get(r.id)
        if found is None:
            found = self._scores[r.id] = self._scorer(r)
        return found

    def health_at(self, row: int) -> Health:
        return self.health_of(self._rows[row])

    def health_of(self, r: ProjectRow) -> Health:
        found = self._health.get(r.id)
        if found is None:
            found = self._health[r.id] = health(r.last_nps, r.unreacted_feedback, r.risky_promises)
        return found

    def row_of(self, project_id: uuid.UUID) -> int | None:
        """The shown row of a project, or None if it is filtered out."""
        if self._where is None:
            self._where = {r.id: i for i, r in enumerate(self._rows)}
        return self._where.get(project_id)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.key == key)

    def search_text(self, row: int) -> str:
        return self.search_text_of(self._rows[row])

    def search_text_of(self, r: ProjectRow) -> str:
        cached = self._search.get(r.id)
        if cached is None:
            people = self._contacts.get(r.client_id, "")
            cached = self._search[r.id] = fold(
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
            record = self._rows[row]
            cached = self._display.get(record.id)
            if cached is None:
                cached = self._display[record.id] = [c.text(record) for c in self._columns]
            return cached[col]
        if role == SORT_ROLE:
            return self._columns[col].sort_key(self._rows[row])
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


@cache
def _icon(kind: QStyle.StandardPixmap) -> QIcon:
    """Fetched once: asking the style for an icon costs a millisecond each time."""
    return QApplication.style().standardIcon(kind)


def fold(text: str) -> str:
    """Case-folded, with `ё` read as `е`: how people type Russian names in a search box."""
    return text.casefold().replace("ё", "е")


class QueueFilter(QSortFilterProxyModel):
    """Sorts the queue by `SORT_ROLE`. Filtering is the model's own (`set_filters`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
