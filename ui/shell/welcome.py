"""What a first start shows instead of an empty window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.widgets import accessible


class WelcomePane(QWidget):
    create_demo = Signal()
    start_empty = Signal()
    open_existing = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(self.tr("Welcome to accdesk"), self)
        title.setObjectName("welcomeTitle")
        text = QLabel(
            self.tr(
                "Your project queue, client cards and task briefs, on this computer.\n"
                "Look around in a demo agency first, or start your own."
            ),
            self,
        )
        text.setObjectName("welcomeText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        demo = accessible(QPushButton(self.tr("Open the demo agency"), self), "welcomeDemo", "demo")
        demo.setDefault(True)
        demo.setObjectName("welcomeDemo")
        empty = accessible(
            QPushButton(self.tr("Start with an empty agency"), self), "welcomeEmpty", "empty"
        )
        existing = accessible(
            QPushButton(self.tr("Open a database file…"), self), "welcomeOpen", "open"
        )
        demo.clicked.connect(self.create_demo)
        empty.clicked.connect(self.start_empty)
        existing.clicked.connect(self.open_existing)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(text)
        column.addSpacing(12)
        for button in (demo, empty, existing):
            button.setMinimumWidth(280)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(column)
        layout.addStretch(3)
