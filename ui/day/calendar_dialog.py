"""The agency's working calendar: zone, holidays, hours per weekday, and its own days.

Saving moves every stored deadline onto the new calendar in a worker, with progress.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accdesk.changes import Changes
from accdesk.errors import AccdeskError, ValidationError
from accdesk.models import DayKind
from accdesk.ops.deadlines import CalendarView, DayOverride, calendar_view, recompute, save_calendar
from accdesk.ops.inputs import time_zones
from accdesk.storage.db import Database
from accdesk.text import QT_TRANSLATE_NOOP
from ui.common.background import Background, ProgressCarrier
from ui.common.widgets import accessible

WEEKDAYS = (
    QT_TRANSLATE_NOOP("CalendarDialog", "Monday"),
    QT_TRANSLATE_NOOP("CalendarDialog", "Tuesday"),
    QT_TRANSLATE_NOOP("CalendarDialog", "Wednesday"),
    QT_TRANSLATE_NOOP("CalendarDialog", "Thursday"),
    QT_TRANSLATE_NOOP("CalendarDialog", "Friday"),
    QT_TRANSLATE_NOOP("CalendarDialog", "Saturday"),
    QT_TRANSLATE_NOOP("CalendarDialog", "Sunday"),
)
KINDS = {
    DayKind.DAY_OFF: QT_TRANSLATE_NOOP("CalendarDialog", "Day off"),
    DayKind.WORKING: QT_TRANSLATE_NOOP("CalendarDialog", "Working day"),
    DayKind.SHORT: QT_TRANSLATE_NOOP("CalendarDialog", "Shortened day"),
}


class CalendarDialog(QDialog):
    saved = Signal(object)  # Changes

    def __init__(self, db: Database, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarDialog")
        self.setWindowTitle(self.tr("Working calendar"))
        self._db, self._background = db, background
        view = calendar_view(db)

        self.zone = accessible(QComboBox(self), "calendarZone", self.tr("Time zone"))
        self.zone.setEditable(True)
        self.zone.addItems(sorted(time_zones()))
        self.zone.setCurrentText(view.zone)
        self.country = accessible(
            QLineEdit(view.country, self), "calendarCountry", self.tr("Holidays of")
        )
        self.country.setToolTip(
            self.tr("Two-letter country code for public holidays and transfers (RU, KZ, DE…)")
        )
        form = QFormLayout()
        form.addRow(self.tr("Time zone"), self.zone)
        form.addRow(self.tr("Public holidays of"), self.country)
        self.days: list[QLineEdit] = []
        for n, name in enumerate(WEEKDAYS):
            edit = accessible(QLineEdit(view.week[n], self), f"calendarDay{n}", self.tr(name))
            edit.setPlaceholderText(self.tr("day off"))
            form.addRow(self.tr(name), edit)
            self.days.append(edit)
        hint = QLabel(
            self.tr("Hours like 10:00-13:00, 14:00-19:00 (a lunch break); empty for a day off."),
            self,
        )
        hint.setObjectName("formHint")
        hint.setWordWrap(True)
        form.addRow("", hint)

        self.table = accessible(
            QTableWidget(0, 4, self), "calendarDays", self.tr("The agency's own days")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Hours"), self.tr("Note")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().resizeSection(0, 120)
        self.table.horizontalHeader().resizeSection(1, 130)
        for d in view.days:
            self.add_day(d)
        add = accessible(QPushButton(self.tr("Add day"), self), "calendarAdd", self.tr("Add a day"))
        add.clicked.connect(lambda: self.add_day(None))
        remove = accessible(
            QPushButton(self.tr("Remove day"), self), "calendarRemove", self.tr("Remove the day")
        )
        remove.clicked.connect(self.remove_day)
        row = QHBoxLayout()
        row.addWidget(
            QLabel(self.tr("The agency's own days off, working days and shortened days:"), self), 1
        )
        row.addWidget(add)
        row.addWidget(remove)

        self.errors = accessible(QLabel(self), "calendarErrors", self.tr("Problems"))
        self.errors.setObjectName("formError")
        self.errors.setWordWrap(True)
        self.errors.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.resize(620, 680)
        self.progress: QProgressDialog | None = None

    def add_day(self, override: DayOverride | None) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        when = QDateEdit(self.table)
        when.setCalendarPopup(True)
        when.setDisplayFormat("dd.MM.yyyy")
        day = override.day if override else date.today()
        when.setDate(QDate(day.year, day.month, day.day))
        kind = QComboBox(self.table)
        for key, label in KINDS.items():
            kind.addItem(self.tr(label), key.value)
        kind.setCurrentIndex(
            max(0, kind.findData(override.kind if override else DayKind.DAY_OFF.value))
        )
        self.table.setCellWidget(r, 0, when)
        self.table.setCellWidget(r, 1, kind)
        self.table.setItem(r, 2, QTableWidgetItem(override.hours if override else ""))
        self.table.setItem(r, 3, QTableWidgetItem(override.note if override else ""))
        self.table.setCurrentCell(r, 2)

    def remove_day(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def view(self) -> CalendarView:
        days = []
        for r in range(self.table.rowCount()):
            when, kind = self.table.cellWidget(r, 0), self.table.cellWidget(r, 1)
            assert isinstance(when, QDateEdit) and isinstance(kind, QComboBox)
            value = when.date().toPython()
            assert isinstance(value, date)
            hours, note = self.table.item(r, 2), self.table.item(r, 3)
            days.append(
                DayOverride(
                    value,
                    str(kind.currentData()),
                    hours.text() if hours else "",
                    note.text() if note else "",
                )
            )
        return CalendarView(
            zone=self.zone.currentText().strip(),
            country=self.country.text().strip().upper(),
            week=tuple(edit.text() for edit in self.days),
            days=tuple(days),
        )

    def _label(self, field: str) -> str:
        parts = field.split(".")
        if parts[0] == "week" and len(parts) > 1:
            return self.tr(WEEKDAYS[int(parts[1])])
        if parts[0] == "days" and len(parts) > 2:
            column = {"day": self.tr("date"), "kind": self.tr("kind"), "hours": self.tr("hours")}[
                parts[2]
            ]
            return self.tr("Day %1, %2").replace("%1", str(int(parts[1]) + 1)).replace("%2", column)
        return {
            "zone": self.tr("Time zone"),
            "country": self.tr("Public holidays of"),
            "week": self.tr("Week"),
        }.get(parts[0], field)

    def try_save(self) -> None:
        try:
            changes = save_calendar(self._db, self.view())
        except ValidationError as exc:
            self.errors.setText("\n".join(f"{self._label(k)}: {m}" for k, m in exc.errors.items()))
            self.errors.show()
            return
        except AccdeskError as exc:
            self.errors.setText(str(exc))
            self.errors.show()
            return
        self.errors.hide()
        self.saved.emit(changes)
        self.save_button.setEnabled(False)
        self._recompute()

    def _recompute(self) -> None:
        """Move every deadline onto the new calendar, in a worker, with progress."""
        self.progress = QProgressDialog(
            self.tr("Moving deadlines onto the new calendar…"), "", 0, 100, self
        )
        self.progress.setObjectName("recomputeProgress")
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        carrier = ProgressCarrier(self)
        carrier.moved.connect(self._moved)
        db = self._db

        def job() -> Changes:
            return recompute(db, lambda done, total: carrier.moved.emit(done, total))

        self._background.run(job, self._recomputed)

    def _moved(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _recomputed(self, result: Any, error: Exception | None) -> None:
        if self.progress is not None:
            self.progress.close()
        if error is not None:
            self.errors.setText(self.tr("Deadlines were not moved: %1").replace("%1", str(error)))
            self.errors.show()
            self.save_button.setEnabled(True)
            return
        if isinstance(result, Changes):
            self.saved.emit(result)
        # The log the recompute left is copied into the file after the person has the result;
        # should that fail, the next commit copies it.
        self._background.run(self._db.checkpoint, lambda _result, _error: None)
        self.accept()
