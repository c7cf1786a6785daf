"""The rebalance preview: the team before and after, the moves with their reasons, and
which of them to apply."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from accdesk.ops.readmodels import RebalancePlan
from ui.common.i18n import translate
from ui.team.charts import CompareChart
from ui.team.models import ManagersModel, MovesModel, hours, managers_view, percent


class RebalanceDialog(QDialog):
    """The suggested moves, the team before and after, and which moves to make."""

    # long: the preview top to bottom: summary, before and after, chart, moves, buttons
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
        heights = self.moves_view.verticalHeader()
        heights.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        widths = self.moves_view.horizontalHeader()
        for section in range(4):
            widths.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        widths.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
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
