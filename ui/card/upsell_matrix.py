"""The team's up-sell matrix: every client against every catalogue service.

The survey's systematic agencies keep exactly this grid and are prompted when an offer is due;
here a due cell is marked and counted, and a double-click opens that client.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accdesk.changes import Changes
from accdesk.ops.clients import upsell_matrix
from accdesk.ops.queue import agency_today
from accdesk.ops.readmodels import UpsellMatrix
from accdesk.ops.settings import agency_timezone
from accdesk.screens.dependencies import Screen
from accdesk.storage.db import Database
from ui.card.records import label
from ui.common.colours import Tint, tint
from ui.common.context import PaneContext
from ui.common.formatting import day
from ui.common.i18n import translate

Index = QModelIndex | QPersistentModelIndex
FIXED = 2  # client and manager columns before the services
STATE_TINTS = {
    "active": Tint.GOOD,
    "prospect": Tint.INFO,
    "offered": Tint.WATCH,
    "declined": Tint.QUIET,
}
DUE_ROLE = Qt.ItemDataRole.UserRole + 1
CLIENT_ROLE = Qt.ItemDataRole.UserRole


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._matrix = UpsellMatrix((), (), ())
        self._texts: list[list[str]] = []
        self._due_rows: list[bool] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_matrix(self, matrix: UpsellMatrix) -> None:
        self.beginResetModel()
        self._matrix = matrix
        due_word = translate("ClientCard", "due")
        self._texts = [
            [
                (label(cell.state) if cell.state != "none" else "")
                + (f" · {due_word}" if cell.due else "")
                for cell in row
            ]
            for row in matrix.cells
        ]
        self._due_rows = [any(cell.due for cell in row) for row in matrix.cells]
        self.endResetModel()

    @property
    def matrix(self) -> UpsellMatrix:
        return self._matrix

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matrix.clients)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED + len(self._matrix.services)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return translate("ClientCard", "Client")
        if section == 1:
            return translate("ClientCard", "Manager")
        if FIXED <= section < self.columnCount():
            return self._matrix.services[section - FIXED][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == CLIENT_ROLE:
            return self._matrix.clients[row][0]
        if role == DUE_ROLE:
            return self._due_rows[row]
        if column < FIXED:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._matrix.clients[row][1 + column]
            return None
        cell = self._matrix.cells[row][column - FIXED]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column - FIXED]
        if role == Qt.ItemDataRole.BackgroundRole:
            said = Tint.DUE if cell.due else STATE_TINTS.get(cell.state)
            return QBrush(tint(said)) if said is not None else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if cell.due else None
        if role == Qt.ItemDataRole.ToolTipRole and cell.next_offer_on is not None:
            return translate("ClientCard", "Next offer %1").replace("%1", day(cell.next_offer_on))
        return None


class MatrixFilter(QSortFilterProxyModel):
    """Search by client or manager; optionally only the clients with an offer due."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.only_due = False
        self.needle = ""

    def set_filter(self, *, only_due: bool, needle: str) -> None:
        self.beginFilterChange()
        self.only_due, self.needle = only_due, needle.casefold().replace("ё", "е")
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        source = self.sourceModel()
        if self.only_due and not source.index(row, 0, parent).data(DUE_ROLE):
            return False
        if not self.needle:
            return True
        for column in range(FIXED):
            text = str(source.index(row, column, parent).data() or "")
            if self.needle in text.casefold().replace("ё", "е"):
                return True
        return False


class UpsellMatrixDialog(QDialog):
    client_chosen = Signal(object)  # uuid.UUID

    def __init__(self, db: Database, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upsellMatrix")
        self._db, self._now = db, context.now
        self.setWindowTitle(translate("ClientCard", "Up-sell matrix"))
        self.model = MatrixModel(self)
        self.proxy = MatrixFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("matrixSearch")
        self.search.setPlaceholderText(translate("ClientCard", "Find a client or manager"))
        self.search.setClearButtonEnabled(True)
        self.only_due = QCheckBox(translate("ClientCard", "Only clients with an offer due"), self)
        self.only_due.setObjectName("matrixOnlyDue")
        self.only_due.setChecked(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("matrixSummary")
        self.view = QTableView(self)
        self.view.setObjectName("matrixTable")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.search.textChanged.connect(self._refilter)
        self.only_due.toggled.connect(self._refilter)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.only_due)
        hint = QLabel(translate("ClientCard", "Double-click a client to open their card."), self)
        hint.setObjectName("emptyText")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        self.resize(1340, 660)
        context.events.subscribe(Screen.UPSELL_MATRIX, self._on_changed)

    def _on_changed(self, _changes: Changes) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the matrix as of the agency's today."""
        today = agency_today(agency_timezone(self._db), self._now())
        self.model.set_matrix(upsell_matrix(self._db, today))
        # Every cell whole, a due one in bold ("предложено · пора") included.
        self.view.resizeColumnsToContents()
        self._refilter()

    def _refilter(self) -> None:
        self.proxy.set_filter(only_due=self.only_due.isChecked(), needle=self.search.text())
        matrix = self.model.matrix
        clients = sum(1 for row in matrix.cells if any(c.due for c in row))
        self.summary.setText(
            translate(
                "ClientCard",
                "%1 offers due for %2 of %3 clients; this week's plans have room to call %5 "
                "of them · showing %4",
            )
            .replace("%1", str(matrix.due_count))
            .replace("%2", str(clients))
            .replace("%3", str(len(matrix.clients)))
            .replace("%4", str(self.proxy.rowCount()))
            .replace("%5", str(matrix.this_week))
        )

    def _open(self, index: QModelIndex) -> None:
        client = index.data(CLIENT_ROLE)
        if isinstance(client, uuid.UUID):
            self.client_chosen.emit(client)
