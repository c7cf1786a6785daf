"""The brief as the specialist will read it, redrawn as the manager types.

Laying out a whole long brief again costs a hundred milliseconds (a table of 200 fields);
a keystroke changes one section. So each section lives in a frame of its own and only the
frames whose blocks changed are redrawn; inside a table of the same shape only the changed
cells are. The whole document is rebuilt only when sections appear or go (a level change).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextCursor, QTextFrame, QTextFrameFormat, QTextTable
from PySide6.QtWidgets import QTextBrowser

from accdesk.briefs.render import Block, Part, Table, html_block
from ui.common.colours import preview_style


class BriefPreview(QTextBrowser):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(preview_style())
        self.document().setDocumentMargin(10)
        self._parts: list[Part] = []
        self._frames: list[QTextFrame] = []

    def changeEvent(self, event: QEvent) -> None:
        """A desktop switched to dark (or back) redraws the brief in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.document().setDefaultStyleSheet(preview_style())
            self._rebuild(self._parts)

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(self._parts)

    def show_parts(self, parts: Sequence[Part]) -> None:
        if [key for key, _ in parts] != [key for key, _ in self._parts]:
            self._rebuild(parts)
            return
        for i, ((_key, old), (_same, new)) in enumerate(zip(self._parts, parts, strict=True)):
            if old != new:
                self._update(self._frames[i], old, new)
        self._parts = list(parts)

    def _rebuild(self, parts: Sequence[Part]) -> None:
        document = self.document()
        document.clear()
        root = document.rootFrame()
        fmt = QTextFrameFormat()
        fmt.setMargin(0)
        fmt.setPadding(0)
        fmt.setBorder(0)
        self._frames = []
        for _key, blocks in parts:
            cursor = root.lastCursorPosition()
            frame = cursor.insertFrame(fmt)
            cursor.insertHtml(_html(blocks))
            self._frames.append(frame)
        self._parts = list(parts)

    def _update(self, frame: QTextFrame, old: tuple[Block, ...], new: tuple[Block, ...]) -> None:
        tables = [f for f in frame.childFrames() if isinstance(f, QTextTable)]
        changed = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
        same_shape = len(old) == len(new) and all(
            isinstance(a, Table)
            and isinstance(b, Table)
            and len(a.rows) == len(b.rows)
            and a.header == b.header
            for a, b in changed
        )
        if same_shape and len(tables) == sum(isinstance(b, Table) for b in old):
            table_blocks = [(a, b) for a, b in zip(old, new, strict=True) if isinstance(a, Table)]
            for table, (a, b) in zip(tables, table_blocks, strict=True):
                if a != b:
                    _update_cells(table, a, b)  # type: ignore[arg-type]
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(frame.firstPosition())
        cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.insertHtml(_html(new))


def _html(blocks: Sequence[Block]) -> str:
    return "".join(html_block(block) for block in blocks)


def _update_cells(table: QTextTable, old: Table, new: Table) -> None:
    for r, (before, after) in enumerate(zip(old.rows, new.rows, strict=True), start=1):
        for c, (a, b) in enumerate(zip(before, after, strict=True)):
            if a != b:
                cell = table.cellAt(r, c)
                cursor = cell.firstCursorPosition()
                cursor.setPosition(
                    cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.insertText(b)
