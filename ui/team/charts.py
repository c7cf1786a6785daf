"""The workload charts (pyqtgraph): load and projects per manager, and a rebalance's
utilisation before and after."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QWidget,
)

from accdesk.ops.readmodels import ManagerLoad, RebalancePlan, TeamLoad
from ui.common.i18n import translate
from ui.team.models import LOAD_COLOURS, state_of


def nice_ceiling(value: float) -> float:
    """The axis's end: the first round number (1, 2 or 5 times a power of ten, in steps of
    about a fifth of it) past `value`, so the longest bar ends under a labelled tick."""
    step = 10 ** math.floor(math.log10(max(value, 1) / 5))
    for factor in (1, 2, 5, 10):
        if value / (step * factor) <= 5:
            step *= factor
            break
    return float(math.floor(value / step + 1) * step)


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
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(2)
        self.load_plot = self._plot()
        self.count_plot = self._plot()
        self.count_plot.getPlotItem().hideAxis("left")
        self.count_plot.setYLink(self.load_plot)
        # What each chart shows, in words, above it (a plot's own title cannot wrap, and a
        # long one widened the plots past the window's edge).
        for column, (plot, title, stretch) in enumerate(
            (
                (
                    self.load_plot,
                    translate("Workload", "Load a week, h; the mark is what the manager has"),
                    3,
                ),
                (
                    self.count_plot,
                    translate("Workload", "Projects; the dashed line is the team's average"),
                    2,
                ),
            )
        ):
            label = QLabel(title, self)
            label.setObjectName("chartTitle")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label, 0, column)
            layout.addWidget(plot, 1, column)
            layout.setColumnStretch(column, stretch)
        layout.setRowStretch(1, 1)
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
    def _plot() -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w")
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        item = plot.getPlotItem()
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
        self.load_plot.setXRange(0, nice_ceiling(widest), padding=0)
        most = max([m.projects for m in managers] + [1])
        self.count_plot.setXRange(0, nice_ceiling(most), padding=0)
        self.load_plot.setYRange(-0.6, len(managers) - 0.4, padding=0)

    def load_widths(self) -> list[float]:
        """The load bars as drawn (for checks and accessibility)."""
        return [float(w) for w in self.load_bars.opts["width"]]


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
        self.setXRange(0, nice_ceiling(max([*finite, 100])), padding=0)
        self.setYRange(-0.6, len(before) - 0.4, padding=0)

    def after_widths(self) -> list[float]:
        return [float(w) for w in self.after.opts["width"]]
