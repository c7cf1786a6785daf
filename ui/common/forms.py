"""Forms that check every edit with the core's own rules as it is typed.

A `Form` lays out labelled fields, reads and writes their values as a plain dict (the
operation's input), and after every change runs the check the operation will run, showing
each message under its field. Whoever owns the Save button enables it from `state_changed`,
so nothing invalid can be submitted and nothing is written until it is valid.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accdesk.errors import AccdeskError, ValidationError
from ui.common.qt import present, to_date

Check = Callable[[dict[str, Any]], object]
NO_DATE = QDate(1900, 1, 1)


class OptionalDate(QWidget):
    """A date that may be left empty (shown as "—"), with a button to empty it again."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy")
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText("—")
        self.edit.dateChanged.connect(self.changed)
        self.clear = QToolButton(self)
        self.clear.setText("×")
        self.clear.setToolTip(self.tr("No date"))
        self.clear.setAutoRaise(True)
        self.clear.clicked.connect(lambda: self.set_value(None))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.clear)
        self.edit.installEventFilter(self)
        self.set_value(None)

    def value(self) -> date | None:
        chosen = self.edit.date()
        return None if chosen == NO_DATE else to_date(chosen)

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.edit.setDate(NO_DATE)
        else:
            self.edit.setDate(QDate(value.year, value.month, value.day))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The calendar opens on this month, not on the empty value's 1900. It is set as the
        # popup is about to open: creating the calendar for every empty date costs 2 ms.
        opening = event.type() == QEvent.Type.MouseButtonPress or (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and (event.key() == Qt.Key.Key_F4 or event.key() == Qt.Key.Key_Down)
        )
        if opening and self.edit.date() == NO_DATE:
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False


def money_text(minor_units: int | str) -> str:
    """Minor units as a person types them: `250 000` or `250 000.50`; text stays as typed."""
    if isinstance(minor_units, str):
        return minor_units
    whole, cents = divmod(minor_units, 100)
    text = f"{whole:,}".replace(",", " ")
    return f"{text}.{cents:02d}" if cents else text


@dataclass
class FieldBinding:
    key: str
    widget: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    error: QLabel


class Form(QWidget):
    """Labelled fields over one input model; see the module's docstring."""

    edited = Signal()
    state_changed = Signal(bool, bool)  # dirty, valid

    def __init__(self, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.fields: dict[str, FieldBinding] = {}
        self._fixed: dict[str, Any] = {}  # values the form carries but does not show
        self._baseline: dict[str, Any] = {}
        self._loading = False
        self.errors: dict[str, str] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setVerticalSpacing(6)
        self.general = QLabel(self)
        self.general.setObjectName("formError")
        self.general.setWordWrap(True)
        self.general.hide()

    # Building -------------------------------------------------------------------------------
    def custom(
        self,
        key: str,
        label: str,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        signal: Any,
        shown: QWidget | None = None,
    ) -> None:
        """A field of any widget: how to read it, set it, and which signal says it changed."""
        widget.setObjectName(f"field_{key}")
        widget.setAccessibleName(label)
        error = QLabel(self)
        error.setObjectName(f"error_{key}")
        error.setProperty("error", True)
        error.setWordWrap(True)
        error.hide()
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(shown or widget)
        column.addWidget(error)
        self.layout_.addRow(label, box)
        self.fields[key] = FieldBinding(key, widget, get, put, error)
        signal.connect(self._on_edit)

    def line(self, key: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        self.custom(key, label, edit, edit.text, lambda v: edit.setText(v or ""), edit.textEdited)
        return edit

    def whole_number(self, key: str, label: str, placeholder: str = "") -> QLineEdit:
        """A number typed as text: anything but a whole number goes to the check as typed,
        which explains it, instead of a spin box clamping it."""
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)

        def get() -> Any:
            text = edit.text().strip()
            try:
                return int(text)
            except ValueError:
                return text

        self.custom(
            key,
            label,
            edit,
            get,
            lambda v: edit.setText("" if v is None else str(v)),
            edit.textEdited,
        )
        return edit

    def money(self, key: str, label: str) -> QLineEdit:
        """Typed freely and parsed by the core, so "-5" gets a message instead of a clamp."""
        edit = QLineEdit(self)
        edit.setPlaceholderText("0")
        self.custom(
            key, label, edit, edit.text, lambda v: edit.setText(money_text(v)), edit.textEdited
        )
        return edit

    def text(self, key: str, label: str, placeholder: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        self.custom(
            key,
            label,
            edit,
            edit.toPlainText,
            lambda v: edit.setPlainText(v or ""),
            edit.textChanged,
        )
        return edit

    def choice(
        self, key: str, label: str, options: Sequence[tuple[Any, str]], *, searchable: bool = False
    ) -> QComboBox:
        combo = QComboBox(self)
        # A long entry (a time zone's name) must not widen the form past its pane.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        for value, text in options:
            combo.addItem(text, value)
        if searchable:
            # Type any part of the name ("Vladi", "Moscow") and pick from what matches.
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = present(combo.completer())
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

            def chosen() -> Any:
                index = combo.findText(combo.currentText())
                return combo.itemData(index) if index >= 0 else combo.currentText()

            get: Callable[[], Any] = chosen
            signal = combo.currentTextChanged
        else:
            get, signal = combo.currentData, combo.currentIndexChanged

        def put(value: Any) -> None:
            index = combo.findData(value)
            if index < 0 and searchable:
                # A stored value outside the list (a channel typed once) is shown as it is.
                combo.setCurrentIndex(-1)
                combo.setEditText(str(value or ""))
            else:
                combo.setCurrentIndex(max(index, 0))

        self.custom(key, label, combo, get, put, signal)
        return combo

    def date(self, key: str, label: str) -> OptionalDate:
        edit = OptionalDate(self)
        self.custom(key, label, edit, edit.value, edit.set_value, edit.changed)
        return edit

    def time(self, key: str, label: str) -> QTimeEdit:
        """A time of day, stored as minutes after midnight."""
        edit = QTimeEdit(self)
        edit.setDisplayFormat("HH:mm")

        def get() -> int:
            t = edit.time()
            return t.hour() * 60 + t.minute()

        def put(minutes: int) -> None:
            edit.setTime(QTime(min(minutes // 60, 23), minutes % 60 if minutes < 1440 else 59))

        self.custom(key, label, edit, get, put, edit.timeChanged)
        return edit

    def number(self, key: str, label: str, low: int, high: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        self.custom(
            key, label, spin, spin.value, lambda v: spin.setValue(int(v)), spin.valueChanged
        )
        return spin

    def check(self, key: str, label: str, text: str) -> QCheckBox:
        box = QCheckBox(text, self)
        self.custom(key, label, box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled)
        return box

    def finish(self) -> None:
        """Put the message for problems that belong to no field last."""
        self.layout_.addRow(self.general)

    # Values ---------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return self._fixed | {key: field.get() for key, field in self.fields.items()}

    def load(self, values: Mapping[str, Any]) -> None:
        """Show stored values: the form is clean and its messages are cleared."""
        self._loading = True
        try:
            for key, value in values.items():
                if key in self.fields:
                    self.fields[key].set(value)
            self._fixed = {k: v for k, v in values.items() if k not in self.fields}
        finally:
            self._loading = False
        self._baseline = self.values()
        self.show_errors({})
        self.state_changed.emit(False, True)

    def restore(self, values: Mapping[str, Any]) -> None:
        """Show values typed earlier but never saved: the form stays dirty."""
        self._loading = True
        try:
            for key, value in values.items():
                if key in self.fields:
                    self.fields[key].set(value)
        finally:
            self._loading = False
        self._on_edit()

    @property
    def dirty(self) -> bool:
        return self.values() != self._baseline

    @property
    def valid(self) -> bool:
        return not self.errors

    def _on_edit(self, *_args: Any) -> None:
        if self._loading:
            return
        self.revalidate()
        self.edited.emit()

    def revalidate(self) -> None:
        try:
            self._check(self.values())
        except ValidationError as exc:
            self.show_errors(exc.errors)
        else:
            self.show_errors({})
        self.state_changed.emit(self.dirty, self.valid)

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        for key, field in self.fields.items():
            message = errors.get(key, "")
            field.error.setText(message)
            field.error.setVisible(bool(message))
        rest = [f"{k}: {m}" for k, m in errors.items() if k not in self.fields]
        self.show_problem("; ".join(rest))

    def show_problem(self, message: str) -> None:
        """A message about the whole form (a stale version, a refused write)."""
        self.general.setText(message)
        self.general.setVisible(bool(message))


class RecordDialog(QDialog):
    """A small dialog around a `Form`: Save stays disabled until the form is valid.

    `submit` writes the values; an expected problem it raises (someone else changed the
    record meanwhile) is shown in the dialog, which stays open with what was typed.
    """

    def __init__(
        self,
        title: str,
        form_builder: Callable[[Form], None],
        check: Check,
        submit: Callable[[dict[str, Any]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordDialog")
        self.setWindowTitle(title)
        self._submit = submit
        self.form = Form(check, self)
        form_builder(self.form)
        self.form.finish()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setObjectName("recordSave")
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self.form.state_changed.connect(lambda _dirty, valid: self.save.setEnabled(valid))
        # A message that appears (or wraps) needs room: grow to fit, never shrink under it.
        self.form.state_changed.connect(lambda *_: QTimer.singleShot(0, self._fit))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _fit(self) -> None:
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def start(self, values: Mapping[str, Any]) -> None:
        self.form.load(values)
        self.form.revalidate()

    def try_save(self) -> None:
        self.form.revalidate()
        if not self.form.valid:
            return
        try:
            self._submit(self.form.values())
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        except AccdeskError as exc:
            self.form.show_problem(str(exc))
            return
        self.accept()
