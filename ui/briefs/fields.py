"""The fields table of a brief: the inputs of the form a specialist is asked to build."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accdesk.briefs.content import FieldSpec
from accdesk.briefs.schema import FIELD_TYPES
from ui.common.colours import Tint, tint
from ui.common.widgets import WrappingHeader, accessible

AnyIndex = QModelIndex | QPersistentModelIndex
ROWS_MIME = "application/x-accdesk-field-rows"
NAME, TYPE, REQUIRED, RULE, ERROR = range(5)


class FieldsModel(QAbstractTableModel):
    """Rows of `FieldSpec`, edited in place; rows move by drag and drop within the table.

    `edited` fires on every change; `committed` on the changes that complete an edit (a
    cell written, a row moved or removed), not on a new empty row still to be filled in.
    """

    edited = Signal()
    committed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FieldSpec] = []
        self._bad_rows: frozenset[int] = frozenset()
        self._headers = (
            self.tr("Field name"),
            self.tr("Type"),
            self.tr("Required"),
            self.tr("Validation rule"),
            self.tr("Error message"),
        )

    # Reading and loading ----------------------------------------------------------------------
    def specs(self) -> tuple[FieldSpec, ...]:
        return tuple(self._rows)

    def set_specs(self, specs: Sequence[FieldSpec]) -> None:
        self.beginResetModel()
        self._rows = list(specs)
        self.endResetModel()

    def mark_bad_rows(self, rows: frozenset[int]) -> None:
        """Tint the rows a message is about (0-based)."""
        if rows != self._bad_rows:
            self._bad_rows = rows
            if self._rows:
                last = self.index(len(self._rows) - 1, ERROR)
                self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.BackgroundRole])

    # Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        spec, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == REQUIRED:
                return None
            return (spec.name, spec.type, None, spec.rule, spec.error)[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == REQUIRED:
            return Qt.CheckState.Checked if spec.required else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self._bad_rows:
            return QBrush(tint(Tint.ERROR))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == REQUIRED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        spec = self._rows[row]
        if column == REQUIRED and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            new = replace(spec, required=checked)
        elif column != REQUIRED and role == Qt.ItemDataRole.EditRole:
            key = ("name", "type", "", "rule", "error")[column]
            typed: dict[str, Any] = {key: str(value)}  # name, type, rule and error are text
            new = replace(spec, **typed)
        else:
            return False
        if new == spec:
            return False
        self._rows[row] = new
        self.dataChanged.emit(index, index, [role])
        self.edited.emit()
        self.committed.emit()
        return True

    # Rows -------------------------------------------------------------------------------------
    def add_row(self, at: int | None = None) -> int:
        row = len(self._rows) if at is None else at
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, FieldSpec())
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_rows(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        if rows:
            self.edited.emit()
            self.committed.emit()

    def move_row(self, row: int, to: int) -> bool:
        """Move one row so that it ends up at index `to`."""
        if row == to or not (0 <= row < len(self._rows)) or not (0 <= to < len(self._rows)):
            return False
        destination = to + 1 if to > row else to  # Qt counts the gap before the move
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(to, self._rows.pop(row))
        self.endMoveRows()
        self.edited.emit()
        self.committed.emit()
        return True

    # Drag and drop within the table ----------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes})
        data.setData(ROWS_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        """Move the dragged row to the drop point. Returns False after moving, so the view
        does not also delete the "source" rows the way a copy-and-remove move would."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ROWS_MIME):
            return False
        text = bytes(data.data(ROWS_MIME).data()).decode()
        rows = [int(r) for r in text.split(",") if r.isdigit()]
        target = parent.row() if parent.isValid() else (row if row >= 0 else len(self._rows))
        if len(rows) == 1:
            self.move_row(rows[0], min(target, len(self._rows) - 1))
        return False


class TypeDelegate(QStyledItemDelegate):
    """The type column is chosen from the list, not typed."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(list(FIELD_TYPES))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class FieldsEditor(QWidget):
    """The table with buttons to add, remove and move rows; rule and error columns show
    once the brief's level calls for validation."""

    edited = Signal()
    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FieldsModel(self)
        self.view = accessible(QTableView(self), "fieldsTable", self.tr("Fields of the form"))
        # Titles wrap at spaces, so a narrow pane shows every column whole.
        self.view.setHorizontalHeader(WrappingHeader(self.view))
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(TYPE, TypeDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        # Every column in view, however narrow the pane: short ones as wide as their
        # header, the rule and the message sharing the rest, wrapped over as many lines as
        # they need rather than cut or pushed off to the right.
        self.view.setWordWrap(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (NAME, TYPE, REQUIRED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (RULE, ERROR):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.model.edited.connect(self.edited)
        self.model.committed.connect(self.committed)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.add_button = self._button("addField", self.tr("Add field"), "Ctrl+Return", self.add)
        self.remove_button = self._button(
            "removeField", self.tr("Remove"), "Ctrl+Shift+Backspace", self.remove
        )
        self.up_button = self._button(
            "fieldUp", self.tr("Up"), "Alt+Up", lambda: self.move_current(-1)
        )
        self.down_button = self._button(
            "fieldDown", self.tr("Down"), "Alt+Down", lambda: self.move_current(1)
        )
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.model.modelReset.connect(self._fit)
        self.model.rowsInserted.connect(self._fit)
        self.model.rowsRemoved.connect(self._fit)
        # Wrapped rows grow or shrink with the width.
        self.view.verticalHeader().sectionResized.connect(lambda *_: self._fit())
        self._fit()

    def _button(self, name: str, text: str, keys: str, slot: Any) -> QToolButton:
        button = accessible(QToolButton(self), name, text)
        button.setText(text)
        button.setToolTip(
            f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        button.clicked.connect(slot)
        shortcut = QShortcut(QKeySequence(keys), self.view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return button

    def _fit(self) -> None:
        """Tall enough for its rows as they are wrapped (up to twelve; then it scrolls)."""
        rows = self.view.verticalHeader()
        count = min(self.model.rowCount(), 12)
        body = sum(rows.sectionSize(r) for r in range(count))
        body += max(0, 2 - count) * rows.defaultSectionSize()
        height = self.view.horizontalHeader().height() or 24
        self.view.setFixedHeight(height + body + 2 * self.view.frameWidth() + 2)

    def value(self) -> tuple[FieldSpec, ...]:
        return self.model.specs()

    def set_value(self, value: Any) -> None:
        self.model.set_specs(tuple(value or ()))

    def set_rules_visible(self, visible: bool) -> None:
        self.view.setColumnHidden(RULE, not visible)
        self.view.setColumnHidden(ERROR, not visible)

    def set_read_only(self, read_only: bool) -> None:
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setEditTriggers(triggers)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not read_only)

    def show_problems(self, errors: Mapping[str, str]) -> list[str]:
        """Tint the rows named in `fields.N.*` messages; the sentences to show below."""
        rows, lines = set(), []
        for key, message in errors.items():
            parts = key.split(".")
            if parts[0] == "fields" and len(parts) == 3 and parts[1].isdigit():
                rows.add(int(parts[1]) - 1)
                lines.append(self.tr("Row %1: %2").replace("%1", parts[1]).replace("%2", message))
        self.model.mark_bad_rows(frozenset(rows))
        return lines

    # Row actions ------------------------------------------------------------------------------
    def add(self) -> None:
        current = self.view.currentIndex()
        row = self.model.add_row(current.row() + 1 if current.isValid() else None)
        index = self.model.index(row, NAME)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.model.remove_rows([current.row()])

    def move_current(self, step: int) -> None:
        current = self.view.currentIndex()
        if current.isValid() and self.model.move_row(current.row(), current.row() + step):
            self.view.setCurrentIndex(self.model.index(current.row() + step, current.column()))
