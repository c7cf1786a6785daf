"""One input per brief section, of the kind the level schema names (line, text, list, date,
number, fields), each in a box with its title and a place for its message."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from accdesk.briefs.content import hours_from_text
from accdesk.briefs.schema import Section
from ui.briefs.fields import FieldsEditor
from ui.common.forms import OptionalDate

TEXT_LINES = (3, 14)  # a text section grows with what is written, within these lines


class GrowingText(QPlainTextEdit):
    """Multi-line text as tall as its content, so the sections read as one page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def _fit(self) -> None:
        lines = self.document().documentLayout().documentSize().height()
        low, high = TEXT_LINES
        shown = min(max(math.ceil(lines), low), high)
        spacing = self.fontMetrics().lineSpacing()
        # Half a line of slack: wrapped lines are counted whole, the margins are not.
        height = spacing * shown + spacing // 2
        self.setFixedHeight(
            int(height + 2 * self.frameWidth() + self.document().documentMargin() * 2)
        )


class SectionBox(QWidget):
    """A section's title, its input and its message. `edited` fires on every change (the
    preview follows), `finished` when the person leaves the input (the brief is saved)."""

    edited = Signal(str)
    finished = Signal(str)

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"section_{section.key}")
        title = section.title + (f", {section.unit}" if section.unit else "")
        self.label = QLabel(title, self)
        self.label.setObjectName("sectionTitle")
        self.error = QLabel(self)
        self.error.setObjectName(f"sectionError_{section.key}")
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        self.error.hide()
        self.input = self._make_input(section)
        self.input.setObjectName(f"input_{section.key}")
        self.input.setAccessibleName(section.title)
        self.label.setBuddy(self.input)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        if self.input is not self:
            layout.addWidget(self.input)
        layout.addWidget(self.error)

    def _make_input(self, section: Section) -> QWidget:
        key = section.key
        if section.kind == "line":
            line = QLineEdit(self)
            line.setPlaceholderText(section.hint)
            line.textEdited.connect(lambda _t: self.edited.emit(key))
            line.editingFinished.connect(lambda: self.finished.emit(key))
            return line
        if section.kind in ("text", "list"):
            text = GrowingText(self)
            text.setPlaceholderText(section.hint)
            text.textChanged.connect(lambda: self.edited.emit(key))
            text.installEventFilter(self)
            return text
        if section.kind == "date":
            day = OptionalDate(self)
            day.changed.connect(self._date_changed)
            return day
        if section.kind == "number":
            number = QLineEdit(self)
            number.setPlaceholderText(section.hint)
            number.setMaximumWidth(160)
            number.textEdited.connect(lambda _t: self.edited.emit(key))
            number.editingFinished.connect(lambda: self.finished.emit(key))
            return number
        if section.kind == "fields":
            fields = FieldsEditor(self)
            fields.edited.connect(lambda: self.edited.emit(key))
            fields.committed.connect(lambda: self.finished.emit(key))
            return fields
        # "rules" are written in the fields table; this box only says so.
        note = QLabel(
            self.tr(
                "Write a rule and the message a visitor sees for each field, in the table above."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setObjectName("sectionNote")
        return note

    def _date_changed(self) -> None:
        # A date is complete the moment it is picked: preview and save at once.
        self.edited.emit(self.section.key)
        self.finished.emit(self.section.key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched is self.input:
            self.finished.emit(self.section.key)
        return super().eventFilter(watched, event)

    # Values -----------------------------------------------------------------------------------
    def value(self) -> Any:
        widget, kind = self.input, self.section.kind
        if isinstance(widget, QLineEdit) and kind == "number":
            try:
                return hours_from_text(widget.text())
            except ValueError:
                return None  # the message comes from typed_problem()
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText()
            return (
                tuple(line for line in text.split("\n") if line.strip()) if kind == "list" else text
            )
        if isinstance(widget, OptionalDate | FieldsEditor):
            return widget.value()
        return None

    def set_value(self, value: Any) -> None:
        widget, kind = self.input, self.section.kind
        if isinstance(widget, QLineEdit):
            widget.setText(_hours_text(value) if kind == "number" else str(value or ""))
            widget.setCursorPosition(0)
        elif isinstance(widget, QPlainTextEdit):
            text = "\n".join(value or ()) if kind == "list" else str(value or "")
            if widget.toPlainText() != text:
                widget.setPlainText(text)
        elif isinstance(widget, OptionalDate | FieldsEditor):
            widget.set_value(value)

    def typed_problem(self) -> str:
        """A message about text the input cannot turn into a value (hours that are not a
        number); the core's rules are checked on the value itself."""
        if self.section.kind == "number" and isinstance(self.input, QLineEdit):
            try:
                hours_from_text(self.input.text())
            except ValueError as exc:
                return str(exc)
        return ""

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def set_read_only(self, read_only: bool) -> None:
        widget = self.input
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setReadOnly(read_only)
        elif isinstance(widget, FieldsEditor):
            widget.set_read_only(read_only)
        elif isinstance(widget, OptionalDate):
            widget.setEnabled(not read_only)


def _hours_text(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else ""
