"""Painting the queue's cells, and the Status cell's editor.

`QStyledItemDelegate` asks the model for seven roles per cell and lays the text out again
on every paint: two thirds of a keystroke's time went there. This delegate asks the model
for one cached `Look` per cell and draws text laid out once (`QStaticText`), elided to the
column's width.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.queue_model import STATUS_LABELS, QueueModel, tr

PAD = 4
ICON = 16
CACHE_LIMIT = 20_000  # laid-out texts kept; each screen of rows adds about 300
# Plain ints: combining Python enum flags cost more per cell than drawing its text.
SELECTED = QStyle.StateFlag.State_Selected.value
ACTIVE = QStyle.StateFlag.State_Active.value

AnyIndex = QModelIndex | QPersistentModelIndex


class QueueDelegate(QStyledItemDelegate):
    def __init__(self, model: QueueModel, view: QWidget) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        # (text, width) -> (laid-out text, its width, its height)
        self._texts: dict[tuple[str, int], tuple[QStaticText, int, int]] = {}
        # (active, selected) -> (background or None, text colour), from the view's palette
        self._colours: dict[tuple[bool, bool], tuple[QColor | None, QColor]] = {}
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The view's palette or font changed: colours and laid-out texts are stale. Other
        objects are editors, whose keys (Enter, Escape, Tab) the base class handles."""
        if watched is not self._view:
            return super().eventFilter(watched, event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._colours.clear()
        elif event.type() == QEvent.Type.FontChange:
            self._texts.clear()
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        look = self._model.look(index.row(), index.column())
        x, y, width, height = option.rect.getRect()  # type: ignore[attr-defined]
        state = option.state.value  # type: ignore[attr-defined]
        background, ink = self._colours_for(bool(state & ACTIVE), bool(state & SELECTED))
        if background is not None:
            painter.fillRect(x, y, width, height, background)
        x, width = x + PAD, width - 2 * PAD
        if look.icon is not None:
            look.icon.paint(painter, x, y + (height - ICON) // 2, ICON, ICON)
            x, width = x + ICON + PAD, width - ICON - PAD
        if not look.text or width <= 0:
            return
        text, text_width, text_height = self._laid_out(look.text, width, option)
        if look.align_right:
            x += width - text_width
        painter.setPen(ink if look.colour is None else look.colour)
        painter.drawStaticText(x, y + (height - text_height) // 2, text)

    def _colours_for(self, active: bool, selected: bool) -> tuple[QColor | None, QColor]:
        found = self._colours.get((active, selected))
        if found is None:
            palette = self._view.palette()
            group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
            if selected:
                found = (
                    palette.color(group, QPalette.ColorRole.Highlight),
                    palette.color(group, QPalette.ColorRole.HighlightedText),
                )
            else:
                found = (None, palette.color(group, QPalette.ColorRole.Text))
            self._colours[(active, selected)] = found
        return found

    def _laid_out(
        self, text: str, width: int, option: QStyleOptionViewItem
    ) -> tuple[QStaticText, int, int]:
        key = (text, width)
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) >= CACHE_LIMIT:
                self._texts.clear()
            metrics = option.fontMetrics  # type: ignore[attr-defined]
            laid = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            laid.setTextFormat(Qt.TextFormat.PlainText)
            laid.prepare(font=option.font)  # type: ignore[attr-defined]
            size = laid.size()
            found = self._texts[key] = (laid, round(size.width()), round(size.height()))
        return found

    # The Status cell -------------------------------------------------------------------
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("statusEditor")
        combo.setAccessibleName(self.tr("Status"))
        for key, label in STATUS_LABELS.items():
            if key != "archived":  # archiving is its own action, with its own undo text
                combo.addItem(tr(label), key)
        return combo  # committed on Enter or on leaving it, as any cell editor is

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
