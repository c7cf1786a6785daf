"""The workload window's tables: managers with their load, a manager's projects, and a
rebalance's moves; figures formatted the way a team lead reads them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableView,
)

from accdesk.ops.readmodels import ManagerLoad, MoveRow, TeamLoad, WorkRow
from accdesk.screens.workload import LoadState, load_state
from accdesk.text import QT_TRANSLATE_NOOP, fold
from ui.common.i18n import translate
from ui.common.record_model import Column, RecordModel
from ui.common.widgets import WrappingHeader
from ui.queue.looks import STATUS_LABELS, standard_icon
from ui.queue.model import MIME

Index = QModelIndex | QPersistentModelIndex


ID_ROLE = Qt.ItemDataRole.UserRole


SORT_ROLE = Qt.ItemDataRole.UserRole + 1


LOAD_COLOURS = {LoadState.OVER: "#c62828", LoadState.ROOM: "#9a6700", LoadState.OK: "#2f5d8a"}


def percent(share: float | None) -> str:
    if share is None:
        return "–"
    if share == float("inf"):
        return "∞"
    return f"{share:.0%}".replace("%", " %")


def hours(value: float) -> str:
    """Hours with the locale's decimal mark (12,5 in Russian), no trailing zeros."""
    return QLocale().toString(float(value), "g", 6)


def state_of(m: ManagerLoad) -> LoadState:
    return load_state(m.utilisation)


def project_ids(data: QMimeData) -> list[uuid.UUID]:
    """The projects a drag carries (from this window's list or from the queue)."""
    if not data.hasFormat(MIME):
        return []
    return [uuid.UUID(hex=h) for h in bytes(data.data(MIME).data()).decode().split()]


def _utilisation_tip(m: ManagerLoad) -> str:
    state = state_of(m)
    if state is LoadState.OVER:
        return translate("Workload", "Over capacity: more than 100 % of the weekly hours")
    if state is LoadState.ROOM:
        return translate("Workload", "Under 60 % of capacity: room for more work")
    return percent(m.utilisation)


MANAGER_COLUMNS = (
    (Column(QT_TRANSLATE_NOOP("Workload", "Manager"), lambda m: m.name), lambda m: fold(m.name)),
    (
        Column(QT_TRANSLATE_NOOP("Workload", "Projects"), lambda m: str(m.projects)),
        lambda m: m.projects,
    ),
    (
        Column(QT_TRANSLATE_NOOP("Workload", "Load, h"), lambda m: hours(m.load_hours)),
        lambda m: m.load_hours,
    ),
    (
        Column(QT_TRANSLATE_NOOP("Workload", "Capacity, h"), lambda m: hours(m.capacity_hours)),
        lambda m: m.capacity_hours,
    ),
    (
        Column(
            QT_TRANSLATE_NOOP("Workload", "Utilisation"),
            lambda m: percent(m.utilisation),
            tone=lambda m: {LoadState.OVER: "bad", LoadState.ROOM: "warn"}.get(state_of(m)),
            tip=_utilisation_tip,
        ),
        lambda m: m.utilisation,
    ),
    (
        Column(QT_TRANSLATE_NOOP("Workload", "Clients"), lambda m: str(m.clients)),
        lambda m: m.clients,
    ),
    (
        Column(QT_TRANSLATE_NOOP("Workload", "Waiting"), lambda m: str(m.open_requests)),
        lambda m: m.open_requests,
    ),
    (
        Column(QT_TRANSLATE_NOOP("Workload", "On time in 30 days"), lambda m: percent(m.met_share)),
        lambda m: -1.0 if m.met_share is None else m.met_share,
    ),
)


UTILISATION = 4


class _Rows(RecordModel):
    """A record model whose rows have an `id`, sort by a key per column and right-align
    the columns that hold numbers."""

    def __init__(
        self,
        columns: Sequence[tuple[Column, Callable[[Any], Any]]],
        numeric: frozenset[int],
        parent: Any = None,
    ) -> None:
        super().__init__(
            [replace(c, title=translate("Workload", c.title)) for c, _key in columns], parent
        )
        self._keys = [key for _c, key in columns]
        self._numeric = numeric

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.rows[index.row()].id
        if role == SORT_ROLE:
            return self._keys[index.column()](self.rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class ManagersModel(_Rows):
    """The team, one manager a row; projects dropped on a row are asked to move there."""

    drop_requested = Signal(list, object)  # project ids, manager id

    def __init__(self, parent: Any = None, *, droppable: bool = True) -> None:
        super().__init__(MANAGER_COLUMNS, frozenset(range(1, len(MANAGER_COLUMNS))), parent)
        self._droppable = droppable

    def set_team(self, team: TeamLoad) -> None:
        self.set_rows(team.managers)

    @property
    def managers(self) -> tuple[ManagerLoad, ...]:
        return self.rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.isValid()
            and index.column() == UTILISATION
        ):
            state = state_of(self.rows[index.row()])
            if state is LoadState.OVER:
                return standard_icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if state is LoadState.ROOM:
                return standard_icon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            return None
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._droppable:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._droppable and parent.isValid() and data.hasFormat(MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        ids = project_ids(data)
        if not (self._droppable and parent.isValid() and ids):
            return False
        self.drop_requested.emit(ids, self.rows[parent.row()].id)
        return False  # the move is stored, then shown: the model moves nothing itself


def _work_tip(w: WorkRow) -> str:
    if w.keep_manager:
        return translate("Workload", "The client asked to keep their manager")
    if w.pinned:
        return translate("Workload", "Pinned: a rebalance leaves it where it is")
    return w.name


WORK_COLUMNS = (
    (Column(QT_TRANSLATE_NOOP("Workload", "Code"), lambda w: w.code), lambda w: w.code),
    (
        Column(QT_TRANSLATE_NOOP("Workload", "Project"), lambda w: w.name, tip=_work_tip),
        lambda w: fold(w.name),
    ),
    (Column(QT_TRANSLATE_NOOP("Workload", "Client"), lambda w: w.client), lambda w: fold(w.client)),
    (
        Column(QT_TRANSLATE_NOOP("Workload", "Service"), lambda w: w.service),
        lambda w: fold(w.service),
    ),
    (
        Column(
            QT_TRANSLATE_NOOP("Workload", "Status"),
            lambda w: translate("QueueModel", STATUS_LABELS.get(w.status, w.status)),
        ),
        lambda w: w.status,
    ),
    (Column(QT_TRANSLATE_NOOP("Workload", "Hours"), lambda w: hours(w.hours)), lambda w: w.hours),
)


class WorkModel(_Rows):
    """Open projects of the chosen manager, dragged out to move them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(WORK_COLUMNS, frozenset({5}), parent)

    def set_work(self, rows: Sequence[WorkRow]) -> None:
        self.set_rows(rows)

    @property
    def work(self) -> tuple[WorkRow, ...]:
        return self.rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 1:
            w = self.rows[index.row()]
            if w.pinned or w.keep_manager:
                return standard_icon(QStyle.StandardPixmap.SP_DialogYesButton)
            return None
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME, QByteArray(" ".join(self.rows[r].id.hex for r in rows).encode()))
        return data


def managers_view(model: ManagersModel, name: str) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setObjectName(name)
    # Titles of two words ("Ждут ответа") wrap, so every column fits beside the charts.
    view.setHorizontalHeader(WrappingHeader(view))
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the chart's order too
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view, proxy


MOVE_COLUMNS = (
    (
        Column(QT_TRANSLATE_NOOP("Workload", "Move"), lambda m: m.what, tip=lambda m: m.client),
        lambda m: m.what,
    ),
    (Column(QT_TRANSLATE_NOOP("Workload", "From"), lambda m: m.source), lambda m: m.source),
    (Column(QT_TRANSLATE_NOOP("Workload", "To"), lambda m: m.target), lambda m: m.target),
    (Column(QT_TRANSLATE_NOOP("Workload", "Hours"), lambda m: hours(m.hours)), lambda m: m.hours),
    (Column(QT_TRANSLATE_NOOP("Workload", "Why"), lambda m: m.reason), lambda m: m.reason),
)


class MovesModel(_Rows):
    """The suggested moves, each with a box to keep or drop it."""

    def __init__(self, moves: Sequence[MoveRow], parent: Any = None) -> None:
        super().__init__(MOVE_COLUMNS, frozenset({3}), parent)
        self.set_rows(moves)
        self._on = [True] * len(moves)

    def chosen(self) -> list[MoveRow]:
        return [m for m, on in zip(self.rows, self._on, strict=True) if on]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            return Qt.CheckState.Checked if self._on[index.row()] else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self._on[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
