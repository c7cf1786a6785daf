"""Response statistics: the agency's first-response times beside the survey's market figures."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accdesk.ops.agenda import manager_choices
from accdesk.ops.settings import agency_timezone
from accdesk.ops.stats import ResponseFigures, ResponseStats, response_stats
from accdesk.storage.db import Database
from accdesk.text import sort_key
from accdesk.types import utcnow
from ui.common.background import Background
from ui.common.dialogs import Dialogs
from ui.common.formatting import duration
from ui.common.i18n import translate
from ui.common.table_export import export_view
from ui.common.widgets import WrappingHeader, accessible
from ui.day.stats_chart import BAND_LABELS, ResponseChart


class StatsDialog(QDialog):
    """A period, a manager (or everyone), and what clients waited: chart, managers, clients."""

    def __init__(
        self,
        db: Database,
        background: Background,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = utcnow,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statsDialog")
        self._dialogs = dialogs or Dialogs()
        self.setWindowTitle(self.tr("Response statistics"))
        self._db, self._background, self._now = db, background, now
        self.stats: ResponseStats | None = None
        end = now().astimezone(ZoneInfo(agency_timezone(db))).date()
        self.start = self._date("statsFrom", self.tr("From"), end - timedelta(days=29))
        self.end = self._date("statsTo", self.tr("To"), end)
        self.manager = accessible(QComboBox(self), "statsManager", self.tr("Manager"))
        self.manager.addItem(self.tr("All managers"), None)
        for mid, name in manager_choices(db):
            self.manager.addItem(name, mid)
        self.manager.currentIndexChanged.connect(self.refresh)
        self.summary = accessible(QLabel(self), "statsSummary", self.tr("Summary"))
        self.summary.setWordWrap(True)
        self.chart = ResponseChart(self)
        note = QLabel(
            self.tr(
                "Grey: share of agencies in the survey answering within each band (14.6 % within "
                "15 minutes; about 70 % within an hour; 18.8 % within 3 hours). Times are "
                "business minutes on each client's agreed clock."
            ),
            self,
        )
        note.setObjectName("statsNote")
        note.setWordWrap(True)
        self.managers = self._table("statsManagers")
        self.clients = self._table("statsClients")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.managers, self.tr("Managers"))
        self.tabs.addTab(self.clients, self.tr("Clients"))
        self.tabs.currentChanged.connect(lambda _i: self._load_clients())
        self._clients_for: tuple[Any, ...] | None = None

        controls = QHBoxLayout()
        for widget in (
            QLabel(self.tr("From"), self),
            self.start,
            QLabel(self.tr("to"), self),
            self.end,
            self.manager,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        export = accessible(QPushButton(self.tr("Export…"), self), "statsExport", "Export")
        export.setToolTip(self.tr("The table on the open tab as Excel or CSV"))
        export.clicked.connect(self.export_table)
        controls.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        self.resize(900, 720)
        self.refresh()

    def export_table(self) -> None:
        table = self.tabs.currentWidget()
        assert isinstance(table, QTableWidget)
        title = self.tabs.tabText(self.tabs.currentIndex())
        export_view(self, table, self._dialogs, title, f"responses-{title.lower()}")

    def _date(self, name: str, label: str, value: date) -> QDateEdit:
        edit = accessible(QDateEdit(self), name, label)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setDate(QDate(value.year, value.month, value.day))
        edit.dateChanged.connect(self.refresh)
        return edit

    def _table(self, name: str) -> QTableWidget:
        headers = [
            self.tr("Name"),
            self.tr("Answered"),
            *(translate("StatsDialog", b) for b in BAND_LABELS),
            self.tr("On time"),
            self.tr("Median"),
            self.tr("Waiting"),
            self.tr("Overdue"),
        ]
        table = accessible(QTableWidget(0, len(headers), self), name, name)
        # Every column in the dialog's width: titles wrap, columns take their contents'
        # width, the name takes what is left.
        table.setHorizontalHeader(WrappingHeader(table))
        table.setHorizontalHeaderLabels(headers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return table

    def period(self) -> tuple[date, date, uuid.UUID | None]:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return start, end, self.manager.currentData()

    def refresh(self, *_: object) -> None:
        start, end, manager = self.period()
        if end < start:
            self.summary.setText(self.tr("The period ends before it starts: move “to” later."))
            return
        self.stats = response_stats(
            self._db, start, end, manager_id=manager, now=self._now(), client_medians=False
        )
        self._clients_for = None
        total = self.stats.total
        self.chart.show_figures(total, self.tr("This agency"), self.tr("Market (survey)"))
        self.summary.setText(self._summary(total))
        self._fill(self.managers, self.stats.managers)
        self._fill(self.clients, self.stats.clients)
        self._load_clients()

    def _summary(self, f: ResponseFigures) -> str:
        if not f.answered:
            return self.tr("No answered requests in this period.")
        return (
            self.tr("%1 answered · %2 on time · median %3 · %4 waiting, %5 overdue")
            .replace("%1", str(f.answered))
            .replace("%2", f"{f.met_share or 0:.0f} %")
            .replace("%3", _minutes(f.median_minutes))
            .replace("%4", str(f.waiting))
            .replace("%5", str(f.overdue))
        )

    def _load_clients(self) -> None:
        """Clients' medians take a second on a large agency: fetched in a worker, once the
        Clients tab is looked at."""
        if self.tabs.currentWidget() is not self.clients or self.stats is None:
            return
        key = self.period()
        if self._clients_for == key:
            return
        self._clients_for = key
        db, now = self._db, self._now()
        start, end, manager = key

        def job() -> ResponseStats:
            return response_stats(db, start, end, manager_id=manager, now=now)

        def then(result: Any, error: Exception | None) -> None:
            if error is None and self._clients_for == key and isinstance(result, ResponseStats):
                self._fill(self.clients, result.clients)

        self._background.run(job, then)

    def _fill(self, table: QTableWidget, rows: Sequence[ResponseFigures]) -> None:
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            shares = f.shares()
            values: list[tuple[str, float]] = [(f.label, 0), (str(f.answered), f.answered)]
            values += [
                (f"{n} ({s:.0f} %)" if f.answered else "0", n)
                for n, s in zip(f.buckets, shares, strict=True)
            ]
            values += [
                (f"{f.met_share:.0f} %" if f.met_share is not None else "—", f.met_share or 0),
                (_minutes(f.median_minutes), f.median_minutes or 0),
                (str(f.waiting), f.waiting),
                (str(f.overdue), f.overdue),
            ]
            for c, (text, number) in enumerate(values):
                item = _SortItem(text, number)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()
        table.setColumnWidth(0, max(180, min(table.columnWidth(0), 260)))


class _SortItem(QTableWidgetItem):
    """A cell that sorts by its number, not its text."""

    def __init__(self, text: str, number: float) -> None:
        super().__init__(text)
        self.number = number

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _SortItem) and self.column() > 0:
            return self.number < other.number
        # Not QTableWidgetItem's own: PySide calls back into this method from it.
        return sort_key(self.text()) < sort_key(other.text())


def _minutes(value: float | None) -> str:
    if value is None:
        return "—"
    minutes = round(value)
    return duration(minutes)
