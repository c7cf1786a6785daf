"""The team's workload: who carries how much, and moving work so nobody carries too much.

A team lead sees each manager's projects, weekly load against capacity, clients, waiting
requests and deadlines met; drags projects onto another manager (from this window or from
the queue), and asks for a rebalance that is previewed before anything is written. Every
move is one step of Edit → Undo.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QLocale,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accdesk.changes import Changes
from accdesk.errors import AccdeskError
from accdesk.ops.readmodels import RebalancePlan
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
from accdesk.storage.db import Database
from ui.common.commands import OperationCommand
from ui.common.context import PaneContext
from ui.common.i18n import translate
from ui.common.table_export import export_view
from ui.team.charts import LoadChart
from ui.team.models import (
    ID_ROLE,
    SORT_ROLE,
    ManagersModel,
    WorkModel,
    managers_view,
    percent,
)
from ui.team.rebalance import RebalanceDialog


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
        layout.addLayout(self._build_buttons())

        self._build_managers()
        lower = self._build_projects()
        split = self.split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.upper)
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

    def _build_buttons(self) -> QHBoxLayout:
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
        return top

    def _build_managers(self) -> None:
        self.managers = ManagersModel(self)
        self.managers.drop_requested.connect(self.move_to)
        self.managers_table: QTableView
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

    def _build_projects(self) -> QWidget:
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
        return lower

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
