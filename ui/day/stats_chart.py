"""The response-time chart: the agency's first answers by band beside the market's."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QColor

from accdesk.facts import market_band_shares
from accdesk.ops.stats import ResponseFigures
from accdesk.text import QT_TRANSLATE_NOOP
from ui.common.i18n import translate

OURS = QColor("#2f5d8a")
MARKET = QColor("#c7ccd4")
BAND_LABELS = (
    QT_TRANSLATE_NOOP("StatsDialog", "≤ 15 min"),
    QT_TRANSLATE_NOOP("StatsDialog", "≤ 1 h"),
    QT_TRANSLATE_NOOP("StatsDialog", "≤ 3 h"),
    QT_TRANSLATE_NOOP("StatsDialog", "≤ 6 h"),
    QT_TRANSLATE_NOOP("StatsDialog", "> 6 h"),
)
WIDTH = 0.36


class ResponseChart(pg.PlotWidget):
    """Bars per survey band: the agency's share of answers and the market's share."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("responseChart")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(220)
        plot = self.getPlotItem()
        plot.showGrid(y=True, alpha=0.15)
        plot.getAxis("bottom").setTicks(
            [[(i, translate("StatsDialog", b)) for i, b in enumerate(BAND_LABELS)]]
        )
        plot.getAxis("left").setLabel(translate("StatsDialog", "% of answers"))
        plot.setXRange(-0.6, len(BAND_LABELS) - 0.4, padding=0)
        self.legend = plot.addLegend(offset=(-10, 10))
        self.ours = pg.BarGraphItem(x=[], height=[], width=WIDTH, brush=OURS, pen=None, name="")
        self.market = pg.BarGraphItem(x=[], height=[], width=WIDTH, brush=MARKET, pen=None, name="")
        plot.addItem(self.market)
        plot.addItem(self.ours)
        self.labels: list[pg.TextItem] = []
        self.counts: tuple[int, ...] = ()

    def show_figures(self, figures: ResponseFigures, ours_name: str, market_name: str) -> None:
        self.counts = figures.buckets
        shares = figures.shares()
        xs = list(range(len(shares)))
        self.ours.setOpts(x=[x - WIDTH / 2 for x in xs], height=list(shares), name=ours_name)
        market = market_band_shares()
        known = [(x, s) for x, s in zip(xs, market, strict=True) if s is not None]
        self.market.setOpts(
            x=[x + WIDTH / 2 for x, _ in known], height=[s for _, s in known], name=market_name
        )
        self.legend.clear()
        self.legend.addItem(self.ours, ours_name)
        self.legend.addItem(self.market, market_name)
        plot = self.getPlotItem()
        for label in self.labels:
            plot.removeItem(label)
        self.labels = []
        for x, (count, share) in enumerate(zip(figures.buckets, shares, strict=True)):
            label = pg.TextItem(str(count), color=OURS, anchor=(0.5, 1.0))
            label.setPos(x - WIDTH / 2, share + 1)
            plot.addItem(label)
            self.labels.append(label)
        top = max([*shares, *(s for s in market if s is not None), 10.0])
        plot.setYRange(0, min(100.0, top * 1.15 + 5), padding=0)
