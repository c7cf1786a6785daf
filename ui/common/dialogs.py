"""Modal questions in one replaceable place: tests swap this object for scripted answers."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from accdesk.storage.backup import BackupInfo
from ui.common.formatting import stamp
from ui.common.i18n import translate

DB_FILTER = "accdesk database (*.db);;All files (*)"


class Dialogs:
    def new_database_path(self, parent: QWidget, title: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, "agency.db", DB_FILTER)
        return path or None

    def open_database_path(self, parent: QWidget) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, translate("Dialogs", "Open database"), "", DB_FILTER
        )
        return path or None

    def open_path(self, parent: QWidget, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None

    def save_path(self, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def ask_text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        answer, ok = QInputDialog.getText(parent, title, label, text=text)
        return answer if ok else None

    def choose_item(
        self, parent: QWidget, title: str, label: str, items: Sequence[str], current: int = 0
    ) -> int | None:
        """One of `items` by its position, or None when cancelled."""
        text, ok = QInputDialog.getItem(parent, title, label, list(items), current, False)
        return list(items).index(text) if ok and text in items else None

    def choose_backup(self, parent: QWidget, backups: Sequence[BackupInfo]) -> BackupInfo | None:
        labels = [describe_backup(b) for b in backups]
        label, ok = QInputDialog.getItem(
            parent,
            translate("Dialogs", "Restore from backup"),
            translate(
                "Dialogs",
                "The current database is kept aside, never deleted.\nRestore which backup?",
            ),
            labels,
            0,
            False,
        )
        return backups[labels.index(label)] if ok and label in labels else None

    def choose_identity(
        self, parent: QWidget, managers: Sequence[tuple[uuid.UUID, str]]
    ) -> uuid.UUID | bool | None:
        """Who is using accdesk here: a manager, or True for a team lead seeing everyone."""
        lead = translate("Dialogs", "Team lead: all managers")
        labels = [name for _, name in managers] + [lead]
        label, ok = QInputDialog.getItem(
            parent,
            translate("Dialogs", "Who are you?"),
            translate("Dialogs", "“My queue” shows the projects of:"),
            labels,
            0,
            False,
        )
        if not ok:
            return None
        return True if label == lead else managers[labels.index(label)][0]

    def run(self, dialog: QDialog) -> int:
        return dialog.exec()

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def error(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def about(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.about(parent, title, text)


def describe_backup(backup: BackupInfo) -> str:
    kind = (
        translate("Dialogs", "daily") if backup.kind == "daily" else translate("Dialogs", "weekly")
    )
    return (
        translate("Dialogs", "%1 (%2): %3 clients, %4 projects, %5 briefs")
        .replace("%1", stamp(backup.taken_at))
        .replace("%2", kind)
        .replace("%3", str(backup.clients))
        .replace("%4", str(backup.projects))
        .replace("%5", str(backup.briefs))
    )


class Unattended(Dialogs):
    """Dialogs for a run nobody watches (a screenshot): nothing waits for a click. A problem
    or a question is written on stderr as one line and remembered, so the run can end with
    a non-zero status; every question is answered no, every choice cancelled."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def _say(self, text: str) -> None:
        line = " ".join(text.split())
        self.said.append(line)
        print(f"accdesk: {line}", file=sys.stderr)

    def new_database_path(self, parent: QWidget, title: str) -> str | None:
        return None

    def open_database_path(self, parent: QWidget) -> str | None:
        return None

    def open_path(self, parent: QWidget, title: str, filters: str) -> str | None:
        return None

    def save_path(self, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        return None

    def ask_text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        return None

    def choose_item(
        self, parent: QWidget, title: str, label: str, items: Sequence[str], current: int = 0
    ) -> int | None:
        return None

    def choose_backup(self, parent: QWidget, backups: Sequence[BackupInfo]) -> BackupInfo | None:
        return None

    def choose_identity(
        self, parent: QWidget, managers: Sequence[tuple[uuid.UUID, str]]
    ) -> uuid.UUID | bool | None:
        return None

    def run(self, dialog: QDialog) -> int:
        return int(QDialog.DialogCode.Rejected)

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        self._say(text.split("\n\n")[0])
        return False

    def error(self, parent: QWidget, title: str, text: str) -> None:
        self._say(text)

    def about(self, parent: QWidget, title: str, text: str) -> None:
        pass
