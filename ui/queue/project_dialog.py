"""The "New project" dialog: each field with its own message, checked by the core."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from accdesk.text import QT_TRANSLATE_NOOP
from ui.common.widgets import accessible

Choices = Mapping[str, list[tuple[uuid.UUID, str]]]
# Called with the form's values; returns {field: message} when refused, None when stored.
Submit = Callable[[dict[str, Any]], Mapping[str, str] | None]
STATUSES = (
    ("active", QT_TRANSLATE_NOOP("ProjectDialog", "Active")),
    ("planned", QT_TRANSLATE_NOOP("ProjectDialog", "Planned")),
    ("paused", QT_TRANSLATE_NOOP("ProjectDialog", "Paused")),
    ("done", QT_TRANSLATE_NOOP("ProjectDialog", "Done")),
)


class ProjectDialog(QDialog):
    def __init__(self, choices: Choices, submit: Submit, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectDialog")
        self.setWindowTitle(self.tr("New project"))
        self._submit = submit
        self.errors: dict[str, QLabel] = {}
        self._labels: dict[str, str] = {}

        self.name = accessible(QLineEdit(self), "projectName", self.tr("Project name"))
        self.name.setPlaceholderText(self.tr("e.g. Landing page for the winter sale"))
        self.client = self._combo(
            "projectClient", self.tr("Client"), choices["clients"], self.tr("Choose a client…")
        )
        self.client.setEditable(True)  # type to find among hundreds of clients
        self.client.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.service = self._combo("projectService", self.tr("Service"), choices["services"], None)
        self.manager = self._combo(
            "projectManager", self.tr("Manager"), choices["managers"], self.tr("Nobody yet")
        )
        self.status = accessible(QComboBox(self), "projectStatus", self.tr("Status"))
        for key, label in STATUSES:
            self.status.addItem(self.tr(label), key)
        self.deadline = accessible(QDateEdit(self), "projectDeadline", self.tr("Deadline"))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd.MM.yyyy")
        self.deadline.setDate(QDate(today.year, today.month, today.day).addDays(14))
        self.no_deadline = accessible(
            QCheckBox(self.tr("No deadline"), self), "projectNoDeadline", "no deadline"
        )
        self.no_deadline.toggled.connect(self.deadline.setDisabled)
        # Plain text on purpose: what the person types is checked and explained, not clamped.
        self.effort = accessible(
            QLineEdit("0", self), "projectEffort", self.tr("Weekly effort, hours")
        )

        form = QFormLayout()
        deadline_row = QWidget(self)
        row = QHBoxLayout(deadline_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.deadline, 1)
        row.addWidget(self.no_deadline)
        for field, label, widget in (
            ("name", self.tr("Name"), self.name),
            ("client_id", self.tr("Client"), self.client),
            ("service_id", self.tr("Service"), self.service),
            ("manager_id", self.tr("Manager"), self.manager),
            ("status", self.tr("Status"), self.status),
            ("deadline", self.tr("Deadline"), deadline_row),
            ("weekly_effort_hours", self.tr("Weekly effort, hours"), self.effort),
        ):
            form.addRow(label, widget)
            self._labels[field] = label
            error = QLabel(self)
            error.setObjectName(f"error_{field}")
            error.setProperty("error", True)
            error.hide()
            form.addRow("", error)
            self.errors[field] = error

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Create project"))
        self.ok.setObjectName("projectCreate")
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _combo(
        self, name: str, label: str, items: list[tuple[uuid.UUID, str]], empty: str | None
    ) -> QComboBox:
        combo = accessible(QComboBox(self), name, label)
        if empty is not None:
            combo.addItem(empty, None)
        for item_id, text in items:
            combo.addItem(text, item_id)
        return combo

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name.text(),
            "service_id": self.service.currentData(),
            "manager_id": self.manager.currentData(),
            "status": self.status.currentData(),
            "deadline": None if self.no_deadline.isChecked() else self.deadline.date().toPython(),
        }
        client = self._chosen_client()
        if client is not None:
            data["client_id"] = client
        effort = self.effort.text().strip().replace(",", ".")
        try:
            data["weekly_effort_hours"] = float(effort or 0)
        except ValueError:
            data["weekly_effort_hours"] = effort  # refused by the core with a message
        return data

    def _chosen_client(self) -> uuid.UUID | None:
        index = self.client.findText(self.client.currentText(), Qt.MatchFlag.MatchFixedString)
        value = self.client.itemData(index) if index >= 0 else None
        return value if isinstance(value, uuid.UUID) else None

    def try_accept(self) -> None:
        problems = self._submit(self.values())
        for field, label in self.errors.items():
            message = (problems or {}).get(field)
            label.setVisible(bool(message))
            label.setText(f"{self._labels[field]} {message}" if message else "")
        if not problems:
            self.accept()
