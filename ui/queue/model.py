"""The project queue as a Qt table model over `ProjectRow` read models.

What a cell shows (`Look`) is built the first time its row is painted and then cached by
project id, so loading 10,000 projects costs one list assignment and a view only formats
the rows it shows. Nothing moves or changes here on its own: a drag asks for a reorder
(`move_requested`) and an edited Status cell for a new status (`status_requested`); the
pane stores the change and hands back the rows as stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from itertools import compress
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QStyle

from accdesk.ops.priority import Scorer
from accdesk.ops.readmodels import ProjectRow
from accdesk.planning.priority import Health, Score
from accdesk.screens.queue import QueueRules, explanation, health_of, merged
from accdesk.text import QT_TRANSLATE_NOOP, fold, sort_key
from ui.common.colours import Tone, tone
from ui.common.formatting import day, weekday_stamp
from ui.common.i18n import translate
from ui.queue.looks import (
    HEALTH_ICONS,
    HEALTH_LABELS,
    HEALTH_TONES,
    STATUS_LABELS,
    Column,
    Look,
    standard_icon,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 3
HEALTH_ROLE = Qt.ItemDataRole.UserRole + 4
MIME = "application/x-accdesk-projects"

AnyIndex = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    """Filters and sorts in Python, over lists, and shows the result.

    A `QSortFilterProxyModel` asked Python for one value per row and per comparison,
    which at 10,000 rows cost more than a frame on every keystroke, and sorting by score
    again on every filter change; here a sort is one `sorted()` kept until the rows change,
    and a filter is one pass that keeps that order.
    """

    # (ids being moved, id they go before or None for the end)
    move_requested = Signal(list, object)
    # (new status, project id): an edit in the Status cell, to be stored by the pane
    status_requested = Signal(str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rules: QueueRules | None = None
        self._all: list[ProjectRow] = []  # everything loaded, in queue order
        self._ordered: list[ProjectRow] | None = None  # _all in the current sort
        self._rows: list[ProjectRow] = []  # what the filters let through, in that order
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._filter: dict[str, Any] = {
            "needle": "",
            "manager": True,
            "status": "",
            "service": "",
            "health": "",
        }
        self._scorer: Scorer = _no_score
        # Caches by project id, so they survive filtering and sorting.
        self._scores: dict[uuid.UUID, Score] = {}
        self._health: dict[uuid.UUID, Health] = {}
        self._contacts: Mapping[uuid.UUID, str] = {}
        self._looks: dict[uuid.UUID, tuple[Look, ...]] = {}
        self._search: dict[uuid.UUID, str] = {}
        self._search_texts: list[str] | None = None  # aligned with _ordered, for filtering
        # The last search: its needle, the rows it let through and their texts. Typing one
        # more letter only narrows it, so the next search starts from there.
        self._last_search: tuple[str, list[ProjectRow], list[str]] | None = None
        self._where: dict[uuid.UUID, int] | None = None  # id -> shown row, built when needed
        self._by_id: dict[uuid.UUID, ProjectRow] | None = None  # id -> any loaded row
        # False until the holiday calendar is loaded: score cells stay blank a moment.
        self.scores_ready = True
        self._columns = self._make_columns()
        self._status_column = self.column_of("status")
        self._position_column = self.column_of("position")
        self.set_behaviour(movable=False, editable=False)

    def _make_columns(self) -> tuple[Column, ...]:
        far = date.max.toordinal()
        return (
            Column(
                "position",
                QT_TRANSLATE_NOOP("QueueModel", "#"),
                lambda r: str(r.queue_position),
                lambda r: (r.manager, r.queue_position),
                True,
            ),
            Column(
                "code", QT_TRANSLATE_NOOP("QueueModel", "Code"), lambda r: r.code, lambda r: r.code
            ),
            Column(
                "project",
                QT_TRANSLATE_NOOP("QueueModel", "Project"),
                lambda r: r.name,
                lambda r: sort_key(r.name),
            ),
            Column(
                "client",
                QT_TRANSLATE_NOOP("QueueModel", "Client"),
                lambda r: r.client_name,
                lambda r: sort_key(r.client_name),
            ),
            Column(
                "health",
                QT_TRANSLATE_NOOP("QueueModel", "Health"),
                lambda r: translate("QueueModel", HEALTH_LABELS[self.health_of(r)]),
                lambda r: list(Health).index(self.health_of(r)),
            ),
            Column(
                "score",
                QT_TRANSLATE_NOOP("QueueModel", "Score"),
                lambda r: str(self.score_of(r).total) if self.scores_ready else "",
                lambda r: self.score_of(r).total,
                True,
            ),
            Column(
                "service",
                QT_TRANSLATE_NOOP("QueueModel", "Service"),
                lambda r: r.service,
                lambda r: sort_key(r.service),
            ),
            Column(
                "manager",
                QT_TRANSLATE_NOOP("QueueModel", "Manager"),
                lambda r: r.manager,
                lambda r: sort_key(r.manager),
            ),
            Column(
                "status",
                QT_TRANSLATE_NOOP("QueueModel", "Status"),
                lambda r: translate("QueueModel", STATUS_LABELS.get(r.status, r.status)),
                lambda r: list(STATUS_LABELS).index(r.status),
            ),
            Column(
                "deadline",
                QT_TRANSLATE_NOOP("QueueModel", "Deadline"),
                lambda r: day(r.deadline),
                lambda r: r.deadline.toordinal() if r.deadline else far,
            ),
            Column(
                "response_due",
                QT_TRANSLATE_NOOP("QueueModel", "Reply due"),
                lambda r: self._due_text(r),
                lambda r: r.next_response_due.timestamp() if r.next_response_due else float("inf"),
            ),
        )

    def _due_text(self, row: ProjectRow) -> str:
        """When the reply is due; a late one says so with its icon and colour (and its
        tooltip in words), so the column stays narrow enough to keep in view."""
        if row.next_response_due is None or self._rules is None:
            return ""
        return weekday_stamp(row.next_response_due.astimezone(self._rules.zone))

    def _late(self, row: ProjectRow) -> bool:
        return self._rules is not None and self._rules.late(row)

    def set_behaviour(self, *, movable: bool, editable: bool) -> None:
        """Whether rows can be dragged and the Status cell edited. The flags are worked
        out here once: a view asks for them for every cell it paints."""
        self.movable, self.editable = movable, editable
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        drag = Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        self._root_flags = Qt.ItemFlag.ItemIsDropEnabled if movable else Qt.ItemFlag.NoItemFlags
        self._flags = base | drag if movable else base
        self._status_flags = self._flags | Qt.ItemFlag.ItemIsEditable if editable else self._flags

    # Loading, filtering and sorting ------------------------------------------------------
    def set_rows(self, rows: Sequence[ProjectRow], rules: QueueRules | None) -> None:
        """Show `rows`, scored and flagged by `rules` (None: no database)."""
        self.beginResetModel()
        self._rules = rules
        self._all = list(rows)
        self._scorer = rules.scorer(self._all) if rules is not None else _no_score
        for cached in (self._looks, self._search, self._scores, self._health):
            cached.clear()
        self._rows_changed()
        self.endResetModel()

    def update_rows(self, fresh: Sequence[ProjectRow], gone: Collection[uuid.UUID]) -> None:
        """Show a few projects changed, added or gone without reading the queue again.

        `fresh` rows go where the queue's query would have put them, and every score is
        worked out again when asked: client value is relative to the largest budget.
        """
        replaced = {r.id for r in fresh} | set(gone)
        self.beginResetModel()
        self._all = merged(self._all, fresh, gone)
        for pid in replaced:
            self._search.pop(pid, None)
            self._health.pop(pid, None)
        if self._rules is not None:
            self._scorer = self._rules.scorer(self._all)
        self._scores.clear()
        self._looks.clear()  # every score cell may read differently now
        self._rows_changed()
        self.endResetModel()

    def _rows_changed(self) -> None:
        self._ordered = None
        self._search_texts = self._last_search = None
        self._rows = self._matching()
        self._where = self._by_id = None

    def set_contacts(self, contacts: Mapping[uuid.UUID, str]) -> None:
        self._contacts = contacts
        self._search.clear()
        self._search_texts = self._last_search = None

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
        changed."""
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, or (-1) show the manual queue order. Sorting by score scores
        every project; the sorted order is kept for the filters to pick from."""
        if (column, order) != self._sort:
            self._sort = (column, order)
            self._resort()

    def _resort(self) -> None:
        """Order the rows by the current sort as a layout change, so persistent indexes
        (the view's selection) stay on their projects."""
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in kept]
        self._rows_changed()
        moved = []
        for index, pid in zip(kept, ids, strict=True):
            row = self.row_of(pid)
            moved.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    @property
    def sort_column(self) -> int:
        return self._sort[0]

    def _in_order(self) -> list[ProjectRow]:
        if self._ordered is None:
            column, order = self._sort
            if column < 0:
                self._ordered = self._all
            else:
                descending = order == Qt.SortOrder.DescendingOrder
                key = self._columns[column].sort_key
                # Stable both ways: equal keys keep the queue order.
                self._ordered = sorted(self._all, key=key, reverse=descending)
        return self._ordered

    def _matching(self) -> list[ProjectRow]:
        f = self._filter
        manager, status, service, health, needle = (
            f["manager"],
            f["status"],
            f["service"],
            f["health"],
            f["needle"],
        )
        rows = self._in_order()
        if needle:
            # One list of texts aligned with the rows: no per-row lookup on a keystroke.
            rows = self._found(needle)
        if manager is not True:
            rows = [r for r in rows if r.manager_id == manager]
        if status:
            rows = [r for r in rows if r.status == status]
        if service:
            rows = [r for r in rows if r.service == service]
        if health:
            rows = [r for r in rows if self.health_of(r).value == health]
        return rows if rows is not self._all else list(rows)

    def _found(self, needle: str) -> list[ProjectRow]:
        last = self._last_search
        if last is not None and last[0] in needle:
            rows, texts = last[1], last[2]
        else:
            rows, texts = self._in_order(), self._texts()
        keep = [needle in text for text in texts]
        found = list(compress(rows, keep))
        self._last_search = (needle, found, list(compress(texts, keep)))
        return found

    def _texts(self) -> list[str]:
        if self._search_texts is None:
            self._search_texts = [self.search_text_of(r) for r in self._in_order()]
        return self._search_texts

    @property
    def total(self) -> int:
        """Projects loaded, shown or not."""
        return len(self._all)

    @property
    def all_rows(self) -> Sequence[ProjectRow]:
        return self._all

    @property
    def shown_rows(self) -> Sequence[ProjectRow]:
        return self._rows

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
            self._looks.pop(row.id, None)
        self._rows_changed()
        self.endResetModel()

    def row_at(self, row: int) -> ProjectRow:
        return self._rows[row]

    def forget_looks(self) -> None:
        """Cells are drawn afresh, in the colours of the scheme now in force."""
        self._looks.clear()

    def show_scores(self) -> None:
        """The calendar is in: fill the score column."""
        self.scores_ready = True
        self._looks.clear()
        if self._sort[0] == self.column_of("score"):
            self._resort()  # sorted by blank scores until now
        elif self._rows:
            column = self.column_of("score")
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
            found = self._health[r.id] = health_of(r)
        return found

    def row_of(self, project_id: uuid.UUID) -> int | None:
        """The shown row of a project, or None if it is filtered out."""
        if self._where is None:
            self._where = {r.id: i for i, r in enumerate(self._rows)}
        return self._where.get(project_id)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.key == key)

    def column_key(self, column: int) -> str:
        return self._columns[column].key

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

    def look(self, row: int, column: int) -> Look:
        """A cell's text, colour and icon; what a delegate paints and `data` answers."""
        if column == self._position_column and self._filter["manager"] is True:
            # The team view numbers its rows in one sequence: its managers' own positions
            # would restart at 1 for each of them, which reads as a fault.
            return Look(str(row + 1), None, None, True)
        record = self._rows[row]
        looks = self._looks.get(record.id)
        if looks is None:
            looks = self._looks[record.id] = tuple(self._look(record, c) for c in self._columns)
        return looks[column]

    def _look(self, r: ProjectRow, column: Column) -> Look:
        key = column.key
        colour, icon = None, None
        if key == "health":
            state = self.health_of(r)
            colour, icon = tone(HEALTH_TONES[state]), standard_icon(HEALTH_ICONS[state])
        elif key == "response_due" and self._late(r):
            colour, icon = tone(Tone.BAD), standard_icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        elif key == "project" and r.pinned:
            icon = standard_icon(QStyle.StandardPixmap.SP_DialogYesButton)
        return Look(column.text(r), colour, icon, column.align_right)

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
            return self.look(row, col).text
        if role == Qt.ItemDataRole.EditRole and col == self._status_column:
            return self._rows[row].status
        if role == ID_ROLE:
            return self._rows[row].id
        if role == CLIENT_ID_ROLE:
            return self._rows[row].client_id
        if role == HEALTH_ROLE:
            return self.health_at(row).value
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[col].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.look(row, col).icon
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.look(row, col).colour
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(self._columns[col].key, row)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edited Status cell asks for the change; nothing changes here until it is
        stored and read back, so the row shows what the database holds."""
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or index.column() != self._status_column
            or not self.editable
            or value not in STATUS_LABELS
        ):
            return False
        record = self._rows[index.row()]
        if value != record.status:
            self.status_requested.emit(value, record.id)
        return False

    def _tooltip(self, key: str, row: int) -> str | None:
        record = self._rows[row]
        if key == "score":
            if not self.scores_ready:
                return translate("QueueModel", "Working out the score…")
            return explanation(self.score_at(row))
        if key == "project":
            pinned = "\n" + translate("QueueModel", "Pinned") if record.pinned else ""
            return (
                f"{record.code} · {record.name}\n{record.client_name}\n"
                f"{record.service} · {record.manager}{pinned}"
            )
        if key == "client":
            return record.client_name
        if key == "response_due" and record.next_response_due is not None:
            due = self._due_text(record)
            if self._late(record):
                return translate("QueueModel", "Late: the reply was due %1").replace("%1", due)
            return translate("QueueModel", "The client expects a reply by %1").replace("%1", due)
        if key == "status" and self.editable:
            return translate("QueueModel", "Double-click or press F2 to change the status")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return translate("QueueModel", self._columns[section].header)
        return None

    # Drag and drop -----------------------------------------------------------------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return self._root_flags
        return self._status_flags if index.column() == self._status_column else self._flags

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
