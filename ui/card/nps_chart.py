"""The client's NPS answers over time (pyqtgraph), with the detractor and promoter bands."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from accdesk.ops.readmodels import FeedbackRow


class NpsChart(pg.PlotWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem()}, background="w")
        self.setObjectName("npsChart")
        self.setAccessibleName(QCoreApplication.translate("ClientCard", "NPS trend"))
        self.setFixedHeight(150)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        item = self.getPlotItem()
        item.setYRange(0, 10, padding=0.05)
        item.getAxis("left").setTicks([[(v, str(v)) for v in (0, 3, 6, 9)]])
        item.showGrid(y=True, alpha=0.15)
        # NPS bands: 0-6 detractors, 7-8 passives, 9-10 promoters.
        for low, high, color in ((0, 6, "#fbe4e2"), (9, 10, "#e3f2e5")):
            band = pg.LinearRegionItem((low, high), orientation="horizontal", movable=False)
            band.setBrush(QColor(color))
            for line in band.lines:
                line.setPen(pg.mkPen(None))
            band.setZValue(-10)
            item.addItem(band)
        self.curve = item.plot(
            pen=pg.mkPen("#2f5d8a", width=2),
            symbol="o",
            symbolSize=7,
            symbolBrush="#2f5d8a",
            symbolPen="w",
        )

    def show_feedback(self, feedback: Sequence[FeedbackRow]) -> None:
        ordered = sorted(feedback, key=lambda f: f.received_on)
        xs = [datetime.combine(f.received_on, time(12), UTC).timestamp() for f in ordered]
        self.curve.setData(xs, [f.score for f in ordered])
        if xs:
            pad = max(86_400 * 7, (xs[-1] - xs[0]) * 0.05)
            self.getPlotItem().setXRange(xs[0] - pad, xs[-1] + pad, padding=0)
