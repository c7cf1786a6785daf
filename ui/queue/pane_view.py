"""The project queue's widgets and their layout; `ui.queue.pane.QueuePane` gives them life.

A view builds and places widgets and nothing else: the controller subclass connects them,
fills them and decides what happens (TagStudio's split of views and controllers).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.formatting import weekday_stamp
from ui.common.i18n import translate
from ui.common.widgets import EmptyState, PaneTitle, accessible, offer_column_choice
from ui.queue.delegate import StatusDelegate
from ui.queue.looks import HEALTH_LABELS, STATUS_LABELS
from ui.queue.model import QueueModel
from ui.queue.view import ICON_ROOM, QueueView

# What a manager plans by comes first and stays in view; the rest follows, to scroll to.
ESSENTIAL = (
    "position",
    "code",
    "project",
    "client",
    "health",
    "score",
    "status",
    "deadline",
    "response_due",
)
HIDDEN = ("service", "manager")
HEADER_ROOM = 26  # a header's margins and its sort arrow
CELL_ROOM = 12  # a cell's margins
NAMES = ("project", "client")  # share what the other columns leave, cut in the middle
SAMPLES = {  # the widest a cell of each fixed column holds, besides its labels
    "position": "999",
    "code": "P-00000",
    "score": "999",
    "deadline": "31.12.2026",
    "manager": "Константин Константинов",
    "service": "Веб-разработка",
}
MANUAL, PRIORITY = "manual", "priority"
EVERYONE = "team"


class QueuePaneView(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePane")
        self.model = QueueModel(self)
        self._build_filters()
        self._build_table()
        self._lay_out()

    def lay_out_columns(self) -> None:
        """Essential columns first, each as wide as its longest text (a state is never cut);
        the project and the client share the rest. The service and the manager are shown
        when chosen (the header's menu): the project's name usually says its service, and
        one's own queue is one manager's; the project's tooltip names both."""
        header = self.view.horizontalHeader()
        metrics = QFontMetrics(self.view.font())
        every = [self.model.column_key(c) for c in range(self.model.columnCount())]
        keys = [*ESSENTIAL, *(key for key in every if key not in ESSENTIAL)]
        for place, key in enumerate(keys):
            column = self.model.column_of(key)
            header.moveSection(header.visualIndex(column), place)
            if key in NAMES:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            icon = ICON_ROOM if key in ("health", "response_due") else 0
            cells = max(metrics.horizontalAdvance(t) for t in self._cell_texts(key))
            header.resizeSection(
                column,
                max(metrics.horizontalAdvance(title) + HEADER_ROOM, cells + icon + CELL_ROOM),
            )
        header.setStretchLastSection(False)
        for key in HIDDEN:
            header.setSectionHidden(self.model.column_of(key), True)

    def _cell_texts(self, key: str) -> list[str]:
        if key == "health":
            return [translate("QueueModel", label) for label in HEALTH_LABELS.values()]
        if key == "status":
            return [translate("QueueModel", label) for label in STATUS_LABELS.values()]
        if key == "response_due":
            return [weekday_stamp(datetime(2026, 12, 30, 23, 59))]
        return [SAMPLES.get(key, "")]

    def _combo(self, name: str, label: str) -> QComboBox:
        combo = accessible(QComboBox(self), name, label)
        # Wide enough to read, narrow enough that the pane can shrink with the window.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(3)
        return combo

    def _build_filters(self) -> None:
        self.search = accessible(
            QLineEdit(self), "queueSearch", translate("QueuePaneView", "Find a project")
        )
        self.search.setPlaceholderText(
            translate("QueuePaneView", "Find by code, project, client, contact, manager…")
        )
        self.search.setClearButtonEnabled(True)
        self.scope = self._combo("queueScope", translate("QueuePaneView", "Whose projects"))
        self.scope.addItem(translate("QueuePaneView", "My queue"), "mine")
        self.scope.addItem(translate("QueuePaneView", "Team"), EVERYONE)
        self.manager = self._combo("queueManager", translate("QueuePaneView", "Manager"))
        self.status = self._combo("queueStatus", translate("QueuePaneView", "Status"))
        self.status.addItem(translate("QueuePaneView", "Any status"), "")
        for key, label in STATUS_LABELS.items():
            if key != "archived":
                self.status.addItem(translate("QueueModel", label), key)
        self.service = self._combo("queueService", translate("QueuePaneView", "Service"))
        self.health = self._combo("queueHealth", translate("QueuePaneView", "Client health"))
        self.health.addItem(translate("QueuePaneView", "Any health"), "")
        for value, label in HEALTH_LABELS.items():
            self.health.addItem(translate("QueueModel", label), value.value)
        self.order = self._combo("queueOrder", translate("QueuePaneView", "Order"))
        self.order.addItem(translate("QueuePaneView", "Manual order"), MANUAL)
        self.order.addItem(translate("QueuePaneView", "By priority"), PRIORITY)
        self.rules = self._combo("queueRules", translate("QueuePaneView", "Priority rules"))
        self.rules.addItem(translate("QueuePaneView", "Conveyor rules"), "conveyor")
        self.rules.addItem(translate("QueuePaneView", "Boutique rules"), "boutique")
        self.rules.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.apply_button = accessible(
            QPushButton(translate("QueuePaneView", "Make it my order"), self),
            "applyPriority",
            translate("QueuePaneView", "Apply the priority order"),
        )
        self.apply_button.setToolTip(
            translate("QueuePaneView", "Store the priority order as the manual order (undoable)")
        )
        self.new_button = accessible(
            QPushButton(translate("QueuePaneView", "New project…"), self),
            "newProject",
            translate("QueuePaneView", "New project"),
        )

    def _build_table(self) -> None:
        self.view = accessible(
            QueueView(self.model, self), "queueView", translate("QueuePaneView", "Project queue")
        )
        view = self.view
        view.setItemDelegateForColumn(self.model.column_of("status"), StatusDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        # Only the Status cell is editable (the model's flags say so).
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # DragDrop with our own MIME type: only queue rows can be dropped here.
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDragDropOverwriteMode(False)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setDropIndicatorShown(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        offer_column_choice(view)
        self.lay_out_columns()
        self.empty = EmptyState(
            translate("QueuePaneView", "No projects yet"),
            translate(
                "QueuePaneView",
                "Press “New project…”, or fill an empty agency from File → Create demo data.",
            ),
            self,
        )
        self.no_match = EmptyState(
            translate("QueuePaneView", "Nothing matches"),
            translate("QueuePaneView", "Try fewer letters, other filters, or the Team scope."),
            self,
        )
        self.stack = QStackedWidget(self)
        for page in (self.view, self.empty, self.no_match):
            self.stack.addWidget(page)
        self.message = accessible(
            QLabel(self), "queueMessage", translate("QueuePaneView", "Queue messages")
        )
        self.message.setWordWrap(True)
        self.message.setProperty("error", True)
        self.message.hide()

    def _lay_out(self) -> None:
        # Two rows of three: at the pane's usual width every choice reads whole, in Russian too.
        filters = QGridLayout()
        combos = (self.scope, self.manager, self.status, self.service, self.health, self.order)
        for n, combo in enumerate(combos):
            filters.addWidget(combo, n // 3, n % 3)
        for column in range(3):
            filters.setColumnStretch(column, 1)
        ordering = QHBoxLayout()
        for control in (self.rules, self.apply_button):
            ordering.addWidget(control)
        ordering.addStretch(1)
        ordering.addWidget(self.new_button)
        title = QHBoxLayout()
        self.heading = PaneTitle(translate("QueuePaneView", "Project queue"), self)
        title.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(title)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(ordering)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
