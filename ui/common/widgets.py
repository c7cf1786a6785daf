"""Small building blocks shared by the panes."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

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
