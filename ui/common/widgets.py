"""Small building blocks shared by the panes."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QVBoxLayout,
    QWidget,
)

W = TypeVar("W", bound=QWidget)


def local_key(kind: str, location: str, row_id: uuid.UUID) -> str:
    """The settings key of what this computer keeps about one row of one database (drafts):
    the database's location is part of it, with a Windows path's `\\` made a `/` like the
    group separator QSettings uses."""
    return f"{kind}/{location}/{row_id}".replace("\\", "/")


def accessible(widget: W, object_name: str, accessible_name: str) -> W:
    """Name a widget for tests and for screen readers in one place."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


class PaneTitle(QLabel):
    def __init__(self, text: str, parent: Any = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("paneTitle")


class EmptyState(QWidget):
    """A calm message where a list or form would otherwise be blank."""

    def __init__(self, title: str, text: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = QLabel(title, self)
        self.title.setObjectName("emptyTitle")
        self.text = QLabel(text, self)
        self.text.setObjectName("emptyText")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label)
        layout.addStretch(2)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Run `then` once `widget` has been painted: what a person waits for comes first.

    A zero-delay timer alone may run before the paint (paint events come later than posted
    timers), so the timer is started from the paint itself.
    """
    _FirstPaint(widget, then)


def offer_column_choice(view: QAbstractItemView) -> None:
    """The table's header offers every column to show or hide (right click), as people
    expect of a list they read every day; the choice is the header's state, which the
    window keeps."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    if header is None:
        return

    def choose(pos: QPoint) -> None:
        model = view.model()
        menu = QMenu(view)
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title.replace("\n", " "))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.popup(header.mapToGlobal(pos))

    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(choose)


class WrappingHeader(QHeaderView):
    """A horizontal header whose titles wrap at spaces instead of being cut, so a column
    can be as narrow as its longest word; it grows to the lines the titles need."""

    MARGIN = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # A narrower column may need another line: the height is worked out again.
        self.sectionResized.connect(
            lambda *_: self.headerDataChanged(self.orientation(), 0, max(self.count() - 1, 0))
        )

    def _title(self, logical: int) -> str:
        model = self.model()
        return "" if model is None else str(model.headerData(logical, self.orientation()) or "")

    def _arrow(self) -> int:
        """Room for the sort arrow, on every section of a sortable table."""
        if not self.isSortIndicatorShown():
            return 0
        return self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + self.MARGIN

    def sectionSizeFromContents(self, logical: int) -> QSize:
        title = self._title(logical)
        metrics = self.fontMetrics()
        words = title.split() or [""]
        width = max(metrics.horizontalAdvance(word) for word in words) + 2 * self.MARGIN
        width += self._arrow()
        wrap_at = max(width, self.sectionSize(logical)) - 2 * self.MARGIN - self._arrow()
        lines = metrics.boundingRect(QRect(0, 0, wrap_at, 10_000), Qt.TextFlag.TextWordWrap, title)
        return QSize(width, lines.height() + 2 * self.MARGIN)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        option.text = ""
        if self.isSortIndicatorShown() and self.sortIndicatorSection() == logical:
            ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            option.sortIndicator = (
                QStyleOptionHeader.SortIndicator.SortDown
                if ascending
                else QStyleOptionHeader.SortIndicator.SortUp
            )
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.save()
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        inner = rect.adjusted(self.MARGIN, 2, -self.MARGIN - self._arrow(), -2)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        painter.drawText(inner, flags, self._title(logical))
        painter.restore()
