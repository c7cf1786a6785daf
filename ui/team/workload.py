"""The team's workload: who carries how much, and moving work so nobody carries too much.

A team lead sees each manager's projects, weekly load against capacity, clients, waiting
requests and deadlines met; drags projects onto another manager (from this window or from
the queue), and asks for a rebalance that is previewed before anything is written. Every
move is one step of Edit → Undo.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accdesk.changes import Changes
from accdesk.errors import AccdeskError
from accdesk.ops.readmodels import ManagerLoad, MoveRow, RebalancePlan, TeamLoad, WorkRow
from accdesk.ops.workload import (
    ProjectMove,
    manager_work,
    managers_of,
    move_warnings,
    moves_of,
    reassign,
    suggest_rebalance,
    team_workload,
)
from accdesk.screens.dependencies import Screen
from accdesk.screens.workload import LoadState, load_state
from accdesk.storage.db import Database
from ui.common.commands import OperationCommand
from ui.common.context import PaneContext
from ui.common.i18n import translate
from ui.common.record_model import Column, RecordModel
from ui.common.table_export import export_view
from ui.queue.model import MIME, STATUS_LABELS, standard_icon

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
    (Column(QT_TRANSLATE_NOOP("Workload", "Manager"), lambda m: m.name), lambda m: m.name),
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
        Column(QT_TRANSLATE_NOOP("Workload", "On time, 30 d"), lambda m: percent(m.met_share)),
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
        lambda w: w.name,
    ),
    (Column(QT_TRANSLATE_NOOP("Workload", "Client"), lambda w: w.client), lambda w: w.client),
    (Column(QT_TRANSLATE_NOOP("Workload", "Service"), lambda w: w.service), lambda w: w.service),
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


def name_ticks(managers: Sequence[ManagerLoad], most: int) -> list[tuple[int, str]]:
    """Names on a chart's axis, at most `most` of them so none overlaps; a big team is read
    from the table beside it."""
    step = -(-len(managers) // most) if managers else 1
    return [(i, m.name) for i, m in enumerate(managers) if i % step == 0]


class LoadChart(QWidget):
    """Two bar charts side by side, one row a manager: weekly load with each capacity
    marked, and the project count with the team's average."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("workloadChart")
        self.setAccessibleName(translate("Workload", "Load and projects per manager"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.load_plot = self._plot(translate("Workload", "Load, h (| capacity)"))
        self.count_plot = self._plot(translate("Workload", "Projects (| average)"))
        self.count_plot.getPlotItem().hideAxis("left")
        self.count_plot.setYLink(self.load_plot)
        layout.addWidget(self.load_plot, 3)
        layout.addWidget(self.count_plot, 2)
        self.load_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6, brushes=[], pen=None)
        self.count_bars = pg.BarGraphItem(
            x0=[], y=[], width=[], height=0.6, brush="#9bb5cf", pen=None
        )
        self.capacity = pg.ScatterPlotItem(symbol="|", size=18, pen=pg.mkPen("#222", width=2))
        self.average = pg.InfiniteLine(
            angle=90, pen=pg.mkPen("#555", width=1, style=Qt.PenStyle.DashLine)
        )
        self.load_plot.addItem(self.load_bars)
        self.load_plot.addItem(self.capacity)
        self.count_plot.addItem(self.count_bars)
        self.count_plot.addItem(self.average)

    @staticmethod
    def _plot(title: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w")
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        item = plot.getPlotItem()
        item.setTitle(title, color="#444", size="9pt")
        item.showGrid(x=True, alpha=0.15)
        item.getViewBox().invertY(True)
        return plot

    def show_team(self, team: TeamLoad) -> None:
        managers = team.managers
        ys = list(range(len(managers)))
        self.load_bars.setOpts(
            x0=[0] * len(ys),
            y=ys,
            width=[m.load_hours for m in managers],
            brushes=[QColor(LOAD_COLOURS[state_of(m)]) for m in managers],
        )
        self.count_bars.setOpts(x0=[0] * len(ys), y=ys, width=[m.projects for m in managers])
        self.capacity.setData([m.capacity_hours for m in managers], ys)
        self.average.setValue(team.projects_per_manager)
        # Names on the left while they can be read; a big team is read from the table.
        self.load_plot.getPlotItem().getAxis("left").setTicks([name_ticks(managers, 20)])
        widest = max([m.load_hours for m in managers] + [m.capacity_hours for m in managers] + [1])
        self.load_plot.setXRange(0, widest * 1.08, padding=0)
        most = max([m.projects for m in managers] + [1])
        self.count_plot.setXRange(0, most * 1.1, padding=0)
        self.load_plot.setYRange(-0.6, len(managers) - 0.4, padding=0)

    def load_widths(self) -> list[float]:
        """The load bars as drawn (for checks and accessibility)."""
        return [float(w) for w in self.load_bars.opts["width"]]


def managers_view(model: ManagersModel, name: str) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setObjectName(name)
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
    return view, proxy


class RebalanceDialog(QDialog):
    """The suggested moves, the team before and after, and which moves to make."""

    def __init__(self, plan: RebalancePlan, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("rebalanceDialog")
        self.setWindowTitle(translate("Workload", "Rebalance the team"))
        self.plan = plan
        layout = QVBoxLayout(self)
        summary = QLabel(self)
        summary.setObjectName("rebalanceSummary")
        summary.setWordWrap(True)
        moved = sum(len(m.project_ids) for m in plan.moves)
        if plan.moves:
            summary.setText(
                translate(
                    "Workload",
                    "%n project(s) move, %1 h a week. The highest load goes from %2 to %3; no rebalance goes below %4.",  # noqa: E501
                    "",
                    moved,
                )
                .replace("%1", hours(plan.moved_hours))
                .replace("%2", percent(plan.max_before))
                .replace("%3", percent(plan.max_after))
                .replace("%4", percent(plan.bound))
            )
        else:
            summary.setText(
                translate(
                    "Workload",
                    "Nothing to move: no move lowers the highest load (%1) without breaking a rule.",  # noqa: E501
                ).replace("%1", percent(plan.max_before))
            )
        layout.addWidget(summary)

        sides = QHBoxLayout()
        self.before = ManagersModel(self, droppable=False)
        self.after = ManagersModel(self, droppable=False)
        for title, model, team, name in (
            (translate("Workload", "Before"), self.before, plan.before, "rebalanceBefore"),
            (translate("Workload", "After"), self.after, plan.after, "rebalanceAfter"),
        ):
            model.set_team(team)
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{title}</b>"))
            view, _proxy = managers_view(model, name)
            for hidden in (3, 5, 6, 7):  # capacity, clients, requests and deadlines stay
                view.setColumnHidden(hidden, True)
            rows = min(len(team.managers), 8)
            view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + rows * 30 + 4)
            column.addWidget(view)
            sides.addLayout(column)
        layout.addLayout(sides, 2)
        self.chart = CompareChart(self)
        self.chart.show_plan(plan)
        layout.addWidget(self.chart, 2)

        self.moves = MovesModel(plan.moves, self)
        self.moves_view = QTableView(self)
        self.moves_view.setObjectName("rebalanceMoves")
        self.moves_view.setModel(self.moves)
        self.moves_view.verticalHeader().hide()
        self.moves_view.setWordWrap(True)
        # Rows as tall as their reason, once the columns have their widths.
        rows = self.moves_view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.moves_view.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.moves_view, 3)

        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(
            translate("Workload", "Apply chosen moves"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("applyRebalance")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.apply_button.setEnabled(bool(plan.moves))
        self.moves.dataChanged.connect(
            lambda *_: self.apply_button.setEnabled(bool(self.moves.chosen()))
        )
        layout.addWidget(buttons)
        self.resize(1100, 760)


class CompareChart(pg.PlotWidget):
    """Each manager's utilisation before (grey) and after (coloured) the suggested moves,
    with 100 % marked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("rebalanceChart")
        self.setAccessibleName(translate("Workload", "Utilisation before and after"))
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        item = self.getPlotItem()
        item.setTitle(
            translate("Workload", "Utilisation, % (grey: now, colour: after the moves)"),
            color="#444",
            size="9pt",
        )
        item.showGrid(x=True, alpha=0.15)
        item.getViewBox().invertY(True)
        self.before = pg.BarGraphItem(x0=[], y=[], width=[], height=0.36, brush="#c5ccd6", pen=None)
        self.after = pg.BarGraphItem(x0=[], y=[], width=[], height=0.36, brushes=[], pen=None)
        item.addItem(self.before)
        item.addItem(self.after)
        item.addItem(pg.InfiniteLine(100, angle=90, pen=pg.mkPen("#222", width=1)))

    def show_plan(self, plan: RebalancePlan) -> None:
        before, after = plan.before.managers, plan.after.managers
        ys = list(range(len(before)))
        finite = [m.utilisation * 100 for m in (*before, *after) if m.utilisation != float("inf")]
        self.before.setOpts(
            x0=[0] * len(ys),
            y=[y - 0.19 for y in ys],
            width=[min(m.utilisation * 100, max(finite, default=100)) for m in before],
        )
        self.after.setOpts(
            x0=[0] * len(ys),
            y=[y + 0.19 for y in ys],
            width=[min(m.utilisation * 100, max(finite, default=100)) for m in after],
            brushes=[QColor(LOAD_COLOURS[state_of(m)]) for m in after],
        )
        self.getPlotItem().getAxis("left").setTicks([name_ticks(before, 10)])
        self.setXRange(0, max([*finite, 100]) * 1.05, padding=0)
        self.setYRange(-0.6, len(before) - 0.4, padding=0)

    def after_widths(self) -> list[float]:
        return [float(w) for w in self.after.opts["width"]]


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


class WorkloadWindow(QDialog):
    """Opened from Team → Workload; stays open beside the main window and follows changes."""

    def __init__(self, db: Database, context: PaneContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("workloadWindow")
        self._context, self._settings = context, context.settings
        self.setWindowTitle(translate("Workload", "Team workload"))
        self.setWindowFlag(Qt.WindowType.Window)
        self._db, self._undo, self._dialogs = db, context.undo, context.dialogs
        self._background, self._now = context.background, context.now
        self._busy = False

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("workloadSummary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.move_button = QPushButton(translate("Workload", "Move to…"), self)
        self.move_button.setObjectName("moveProjects")
        self.move_button.setToolTip(
            translate("Workload", "Move the selected projects to another manager (Ctrl+M)")
        )
        self.move_menu = QMenu(self.move_button)
        self.move_button.setMenu(self.move_menu)
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        top.addWidget(self.move_button)
        self.client_button = QPushButton(translate("Workload", "Whole client"), self)
        self.client_button.setObjectName("selectClient")
        self.client_button.setToolTip(
            translate("Workload", "Select all of this client's projects in the list")
        )
        self.client_button.clicked.connect(self.select_whole_client)
        top.addWidget(self.client_button)
        self.export_button = QPushButton(translate("Workload", "Export…"), self)
        self.export_button.setObjectName("exportWorkload")
        self.export_button.setToolTip(translate("Workload", "The managers' table as Excel or CSV"))
        self.export_button.clicked.connect(
            lambda: export_view(
                self,
                self.managers_table,
                self._dialogs,
                translate("Workload", "Team workload"),
                "workload",
            )
        )
        top.addWidget(self.export_button)
        self.rebalance_button = QPushButton(translate("Workload", "Suggest rebalance…"), self)
        self.rebalance_button.setObjectName("suggestRebalance")
        self.rebalance_button.clicked.connect(self.suggest)
        top.addWidget(self.rebalance_button)
        layout.addLayout(top)

        self.managers = ManagersModel(self)
        self.managers.drop_requested.connect(self.move_to)
        self.managers_table, self.managers_proxy = managers_view(self.managers, "workloadManagers")
        self.managers_table.setAcceptDrops(True)
        self.managers_table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.managers_table.setDropIndicatorShown(True)
        self.managers_table.selectionModel().currentRowChanged.connect(self._show_manager)
        self.chart = LoadChart(self)
        upper = self.upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.managers_table)
        upper.addWidget(self.chart)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setSizes([820, 480])

        self.work = WorkModel(self)
        self.work_proxy = QSortFilterProxyModel(self)
        self.work_proxy.setSourceModel(self.work)
        self.work_proxy.setSortRole(SORT_ROLE)
        self.work_table = QTableView(self)
        self.work_table.setObjectName("workloadProjects")
        self.work_table.setModel(self.work_proxy)
        self.work_table.setSortingEnabled(True)
        self.work_table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.work_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.work_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.work_table.setDragEnabled(True)
        self.work_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.work_table.verticalHeader().hide()
        self.work_table.setAlternatingRowColors(True)
        self.work_table.setWordWrap(False)
        header = self.work_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.work_heading = QLabel(self)
        self.work_heading.setObjectName("workloadProjectsHeading")
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.work_heading)
        lower_layout.addWidget(self.work_table)
        split = self.split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([380, 320])
        layout.addWidget(split, 1)
        hint = QLabel(
            translate(
                "Workload",
                "Drag projects onto a manager's row (from here or from the queue) to move them.",
            ),
            self,
        )
        hint.setObjectName("workloadHint")
        layout.addWidget(hint)
        QShortcut(QKeySequence("Ctrl+R"), self, self.suggest)
        QShortcut(QKeySequence("Ctrl+M"), self, self.move_button.showMenu)
        context.events.subscribe(Screen.WORKLOAD, self._on_changed)
        self.resize(1320, 800)
        self._restore_layout()
        self.reload()

    # Layout, remembered per person like the main window's -----------------------------------
    def _restore_layout(self) -> None:
        for key, restore in (
            ("geometry", self.restoreGeometry),
            ("upper", self.upper.restoreState),
            ("split", self.split.restoreState),
        ):
            value = self._settings.value(f"workload/{key}")
            if isinstance(value, QByteArray):
                restore(value)

    def hideEvent(self, event: QHideEvent) -> None:
        for key, state in (
            ("geometry", self.saveGeometry()),
            ("upper", self.upper.saveState()),
            ("split", self.split.saveState()),
        ):
            self._settings.setValue(f"workload/{key}", state)
        super().hideEvent(event)

    # Reading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        chosen = self.current_manager()
        team = team_workload(self._db, self._now())
        self.managers.set_team(team)
        self.chart.show_team(team)
        self.summary.setText(
            translate(
                "Workload",
                "%1 managers · %2 projects and %3 h a week per manager on average"
                " · the team is at %4 of its capacity",
            )
            .replace("%1", str(len(team.managers)))
            .replace("%2", QLocale().toString(team.projects_per_manager, "f", 1))
            .replace("%3", QLocale().toString(team.load_per_manager, "f", 1))
            .replace("%4", percent(team.utilisation))
        )
        self.select_manager(chosen or (team.managers[0].id if team.managers else None))

    def current_manager(self) -> uuid.UUID | None:
        index = self.managers_table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_manager(self, manager_id: uuid.UUID | None) -> None:
        for row in range(self.managers_proxy.rowCount()):
            index = self.managers_proxy.index(row, 0)
            if index.data(ID_ROLE) == manager_id:
                self.managers_table.setCurrentIndex(index)
                self._show_manager(index)
                return

    def _show_manager(self, index: QModelIndex, _previous: Any = None) -> None:
        manager_id = index.data(ID_ROLE) if index.isValid() else None
        rows = manager_work(self._db, manager_id) if manager_id else []
        self.work.set_work(rows)
        name = self.managers_proxy.index(index.row(), 0).data() if index.isValid() else ""
        count = len(rows)
        self.work_heading.setText(
            translate("Workload", "<b>%1</b>: %n open project(s)", "", count).replace(
                "%1", name or ""
            )
        )

    def selected_projects(self) -> list[uuid.UUID]:
        rows = self.work_table.selectionModel().selectedRows()
        return [index.data(ID_ROLE) for index in rows]

    def select_whole_client(self) -> None:
        current = self.work_table.currentIndex()
        if not current.isValid():
            return
        source = self.work.work[self.work_proxy.mapToSource(current).row()]
        selection = self.work_table.selectionModel()
        selection.clearSelection()
        for row in range(self.work_proxy.rowCount()):
            index = self.work_proxy.index(row, 0)
            if (
                self.work.work[self.work_proxy.mapToSource(index).row()].client_id
                == source.client_id
            ):
                selection.select(
                    index,
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        current = self.current_manager()
        for m in self.managers.managers:
            if m.id == current:
                continue
            action = self.move_menu.addAction(f"{m.name} ({percent(m.utilisation)})")
            action.triggered.connect(
                lambda _c=False, target=m.id: self.move_to(self.selected_projects(), target)
            )

    def _on_changed(self, _changes: Changes) -> None:
        if self.isVisible():
            self.reload()

    # Moving ----------------------------------------------------------------------------------
    def move_to(self, projects: Sequence[uuid.UUID], target: uuid.UUID) -> None:
        """Move projects to `target` after asking why (and warning where it matters)."""
        owners = managers_of(self._db, projects)
        moving = [p for p in projects if p in owners and owners[p] != target]
        if not moving:
            return
        names = {m.id: m.name for m in self.managers.managers}
        try:
            warnings = move_warnings(self._db, moving, target, self._now())
        except AccdeskError as exc:
            self._dialogs.error(self, translate("Workload", "Cannot move"), str(exc))
            return
        if warnings and not self._dialogs.confirm(
            self,
            translate("Workload", "Move anyway?"),
            "\n\n".join([*warnings, translate("Workload", "Move the projects anyway?")]),
        ):
            return
        count = len(moving)
        reason = self._dialogs.ask_text(
            self,
            translate("Workload", "Why do they move?"),
            translate(
                "Workload",
                "%n project(s) to %1. The reason goes into the client's history:",
                "",
                count,
            ).replace("%1", names.get(target, "")),
        )
        if reason is None:
            return
        moves = [ProjectMove(p, owners[p], target) for p in moving]
        self._store(
            translate("Workload", "Move %n project(s) to %1", "", count).replace(
                "%1", names.get(target, "")
            ),
            moves,
            reason,
        )

    def _store(self, text: str, moves: Sequence[ProjectMove], reason: str) -> None:
        record_ids = [uuid.uuid4() for _ in moves]
        try:
            done = reassign(self._db, moves, reason, record_ids, now=self._now())
        except AccdeskError as exc:
            self._dialogs.error(self, translate("Workload", "Cannot move"), str(exc))
            return
        back = list(done.back)

        def redo() -> Changes:
            return reassign(self._db, moves, reason, record_ids, now=self._now()).changes

        def undo() -> Changes:
            return reassign(self._db, back, "", record_ids, now=self._now(), undoing=True).changes

        self._undo.push(OperationCommand(text, redo, undo, self._publish, self._report, done=True))
        self._publish(done.changes)

    def _publish(self, changes: Changes) -> None:
        self._context.publish(changes)

    def _report(self, message: str) -> None:
        self._dialogs.error(self, translate("Workload", "Cannot move"), message)

    # Rebalancing -----------------------------------------------------------------------------
    def suggest(self) -> None:
        """Compute suggestions in a worker (a large team takes half a second), then preview."""
        if self._busy:
            return
        self._busy = True
        self.rebalance_button.setEnabled(False)
        self.rebalance_button.setText(translate("Workload", "Computing…"))
        db, now = self._db, self._now()
        self._background.run(lambda: suggest_rebalance(db, now), self._suggested)

    def _suggested(self, plan: RebalancePlan | None, error: Exception | None) -> None:
        self._busy = False
        self.rebalance_button.setEnabled(True)
        self.rebalance_button.setText(translate("Workload", "Suggest rebalance…"))
        if error is not None or plan is None:
            self._dialogs.error(self, translate("Workload", "Cannot rebalance"), str(error))
            return
        dialog = RebalanceDialog(plan, self)
        accepted = self._dialogs.run(dialog) == QDialog.DialogCode.Accepted
        chosen = dialog.moves.chosen()
        dialog.deleteLater()
        if accepted and chosen:
            moves = moves_of(plan, chosen)
            count = len(moves)
            self._store(
                translate("Workload", "Rebalance: %n project(s)", "", count),
                moves,
                translate("Workload", "Rebalance"),
            )
