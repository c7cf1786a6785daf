"""Left pane: the project queue with a search box."""

from __future__ import annotations

import uuid
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accdesk.ops.readmodels import ProjectRow
from ui.queue_model import ID_ROLE, QueueFilter, QueueModel
from ui.widgets import EmptyState, PaneTitle, accessible

COLUMN_WIDTHS = (30, 54, 140, 115, 78, 105, 62, 78, 90)


class QueuePane(QWidget):
    """Shows every project in queue order; emits the selected project (or None)."""

    project_selected = Signal(object)

    def __init__(self, agency_zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePane")
        self.model = QueueModel(agency_zone, self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = accessible(QLineEdit(self), "queueSearch", self.tr("Find a project"))
        self.search.setPlaceholderText(self.tr("Find by code, project, client, manager…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)

        self.view = accessible(QTableView(self), "queueView", self.tr("Project queue"))
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for col, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(col, width)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

        self.empty = EmptyState(
            self.tr("No projects yet"),
            self.tr("File → Create demo data fills this empty agency with a sample one."),
            self,
        )
        self.no_match = EmptyState(
            self.tr("Nothing matches"), self.tr("Try fewer letters or clear the search."), self
        )
        self.stack = QStackedWidget(self)
        for widget in (self.view, self.empty, self.no_match):
            self.stack.addWidget(widget)

        self.count = accessible(QLabel(self), "queueCount", self.tr("Projects shown"))
        self.count.setObjectName("queueCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(PaneTitle(self.tr("Project queue"), self))
        layout.addWidget(self.search)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count)

    def set_projects(self, rows: list[ProjectRow], agency_zone: ZoneInfo) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows, agency_zone)
        self._refresh_state()
        if selected is not None:
            self.select_project(selected)

    def selected_id(self) -> uuid.UUID | None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        value = indexes[0].data(ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    def select_project(self, project_id: uuid.UUID) -> bool:
        row = self.model.row_of(project_id)
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            return False
        self.view.selectRow(proxy_index.row())
        self.view.scrollTo(proxy_index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._refresh_state()

    def _refresh_state(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            self.stack.setCurrentWidget(self.empty)
        elif shown == 0:
            self.stack.setCurrentWidget(self.no_match)
        else:
            self.stack.setCurrentWidget(self.view)
        if shown == total:
            self.count.setText(self.tr("%n project(s)", "", total))
        else:
            self.count.setText(
                self.tr("%1 of %2 projects").replace("%1", str(shown)).replace("%2", str(total))
            )

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = self.view.selectionModel().selectedRows()
        row = self.model.row_at(self.proxy.mapToSource(indexes[0]).row()) if indexes else None
        self.project_selected.emit(row)
