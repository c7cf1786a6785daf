"""Modal questions in one replaceable place: tests swap this object for scripted answers."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

DB_FILTER = "accdesk database (*.db);;All files (*)"


class Dialogs:
    def new_database_path(self, parent: QWidget, title: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, "agency.db", DB_FILTER)
        return path or None

    def open_database_path(self, parent: QWidget) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Open database"), "", DB_FILTER)
        return path or None

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def error(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def about(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.about(parent, title, text)
