"""The queue's table view, painting its visible rows in one pass.

A table view paints cell by cell, and for each cell asks Python for the row count, the
column count, the flags and then the painting itself: four calls from C++ into Python
per cell, about 300 cells a screen, on every keystroke of a search. This view paints the
rows it shows in one Python call per paint, from the model's cached `Look`s, with text
laid out once per (text, width) as `QStaticText`. Everything else (header, selection,
scrolling, keyboard, drag and drop, the Status cell's editor) is `QTableView`'s own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import (
    QColor,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QStaticText,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.queue.model import QueueModel

PAD = 4
ICON = 16
ICON_ROOM = ICON + PAD  # what an icon takes from a cell's text
CACHE_LIMIT = 20_000  # laid-out texts kept; each screen of rows adds about 300


class QueueView(QTableView):
    def __init__(self, model: QueueModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        # Rows of one fixed height: a row's place is worked out, not asked for.
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(26)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # (text, width) -> (laid-out text, its width, its height)
        self._texts: dict[tuple[str, int, Qt.TextElideMode], tuple[QStaticText, int, int]] = {}
        self._drag_at: QPoint | None = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._texts.clear()
        if event.type() == QEvent.Type.PaletteChange:
            self._model.forget_looks()  # colours are the scheme's: light or dark
        super().changeEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        self._drag_at = event.position().toPoint()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drag_at = None
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._drag_at = None
        super().dropEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self._model
        painter = QPainter(self.viewport())
        area = event.rect()
        palette = self.palette()
        active = self.isActiveWindow()
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
        base = palette.color(group, QPalette.ColorRole.Base)
        alternate = palette.color(group, QPalette.ColorRole.AlternateBase)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        ink = palette.color(group, QPalette.ColorRole.Text)
        lit_ink = palette.color(group, QPalette.ColorRole.HighlightedText)
        rows = model.rowCount()
        first = self.rowAt(area.top())
        if rows == 0 or first < 0:
            painter.fillRect(area, base)
            return
        last = self.rowAt(area.bottom())
        last = rows - 1 if last < 0 else last
        header = self.horizontalHeader()
        columns = []
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if header.isSectionHidden(column):
                continue
            x, width = header.sectionViewportPosition(column), header.sectionSize(column)
            if x + width >= area.left() and x <= area.right():
                columns.append((column, x, width))
        rows_header = self.verticalHeader()
        height = rows_header.defaultSectionSize()
        right = columns[-1][1] + columns[-1][2] if columns else 0
        selection = self.selectionModel()
        selected = {i.row() for i in selection.selectedRows()} if selection else set()
        font = self.font()
        metrics = QFontMetrics(font)
        top = rows_header.sectionViewportPosition(first)
        striped = self.alternatingRowColors()
        # Names are cut in the middle, where a long one is least told apart by.
        middle = {model.column_of("project"), model.column_of("client")}
        for row in range(first, last + 1):
            y = top + (row - first) * height
            lit = row in selected
            background = highlight if lit else alternate if striped and row % 2 else base
            painter.fillRect(area.left(), y, area.width(), height, background)
            for column, x, width in columns:
                look = model.look(row, column)
                x, width = x + PAD, width - 2 * PAD
                if look.icon is not None:
                    look.icon.paint(painter, x, y + (height - ICON) // 2, ICON, ICON)
                    x, width = x + ICON + PAD, width - ICON - PAD
                if not look.text or width <= 0:
                    continue
                elide = (
                    Qt.TextElideMode.ElideMiddle
                    if column in middle
                    else Qt.TextElideMode.ElideRight
                )
                text, text_width, text_height = self._laid_out(
                    look.text, width, metrics, font, elide
                )
                if look.align_right:
                    x += width - text_width
                painter.setPen(look.colour or (lit_ink if lit else ink))
                painter.drawStaticText(x, y + (height - text_height) // 2, text)
        below = top + (last - first + 1) * height
        if below <= area.bottom():
            painter.fillRect(area.left(), below, area.width(), area.bottom() - below + 1, base)
        if self.showGrid():
            painter.setPen(self._grid_colour())
            for _column, x, width in columns:
                painter.drawLine(x + width - 1, top, x + width - 1, below - 1)
            for row in range(last - first + 1):
                y = top + (row + 1) * height - 1
                painter.drawLine(0, y, right - 1, y)
        if self._drag_at is not None and self.showDropIndicator():
            self._paint_drop_indicator(painter, right)

    def _grid_colour(self) -> QColor:
        """As `QTableView` asks for it, so a style sheet's `gridline-color` applies."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        hint = self.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self)
        return QColor.fromRgba(hint & 0xFFFFFFFF)

    def _paint_drop_indicator(self, painter: QPainter, right: int) -> None:
        assert self._drag_at is not None
        row = self.rowAt(self._drag_at.y())
        where = self.dropIndicatorPosition()
        if row < 0 or where not in (
            QAbstractItemView.DropIndicatorPosition.AboveItem,
            QAbstractItemView.DropIndicatorPosition.BelowItem,
        ):
            return
        y = self.rowViewportPosition(row)
        if where == QAbstractItemView.DropIndicatorPosition.BelowItem:
            y += self.rowHeight(row)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawLine(0, y, right, y)

    def _laid_out(
        self, text: str, width: int, metrics: QFontMetrics, font: QFont, elide: Qt.TextElideMode
    ) -> tuple[QStaticText, int, int]:
        key = (text, width, elide)
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) >= CACHE_LIMIT:
                self._texts.clear()
            laid = QStaticText(metrics.elidedText(text, elide, width))
            laid.setTextFormat(Qt.TextFormat.PlainText)
            laid.prepare(font=font)
            size = laid.size()
            found = self._texts[key] = (laid, round(size.width()), round(size.height()))
        return found
