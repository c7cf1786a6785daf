"""The Status cell's editor: a combo box of the statuses a project can be set to.

Cells are painted by `QueueView`; this delegate only edits.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.common.i18n import translate
from ui.queue.looks import STATUS_LABELS

AnyIndex = QModelIndex | QPersistentModelIndex


class StatusDelegate(QStyledItemDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("statusEditor")
        combo.setAccessibleName(self.tr("Status"))
        for key, label in STATUS_LABELS.items():
            if key != "archived":  # archiving is its own action, with its own undo text
                combo.addItem(translate("QueueModel", label), key)
        return combo  # committed on Enter or on leaving it, as any cell editor is

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
