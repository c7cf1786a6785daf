"""A read-only table over a tuple of read-model rows, described by its columns.

The card's lists (contacts, promises, loyalty actions, feedback, services, history) are a
few to a few hundred rows; each is this one model with a different column list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from ui.common.colours import Tone
from ui.common.colours import tone as colour

Index = QModelIndex | QPersistentModelIndex
TONES = {"bad": Tone.BAD, "warn": Tone.WATCH, "good": Tone.GOOD}
ROW_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    tone: Callable[[Any], str | None] = lambda _row: None  # "bad", "warn", "good" or None
    tip: Callable[[Any], str] | None = None


class RecordModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[Any, ...] = ()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            said = column.tone(row)
            return QBrush(colour(TONES[said])) if said else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column.tone(row) == "bad" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip(row) if column.tip else column.text(row)
        if role == ROW_ROLE:
            return row
        return None
