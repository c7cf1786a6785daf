"""Undoable user actions. Each command calls operations; none touches the database itself."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from accdesk.changes import Changes
from accdesk.errors import AccdeskError


class OperationCommand(QUndoCommand):
    """An undoable action made of two operations: one that does it, one that takes it back.

    With `done=True` the action has already been written when the command is pushed, so
    the first `redo` only records it. Problems are reported, never raised into Qt.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], Changes],
        undo: Callable[[], Changes],
        publish: Callable[[Changes], None],
        report: Callable[[str], None],
        *,
        done: bool = False,
    ) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo
        self._publish, self._report = publish, report
        self._skip = done

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, operation: Callable[[], Changes]) -> None:
        try:
            changes = operation()
        except AccdeskError as exc:
            self._report(str(exc))
            return
        self._publish(changes)


class VersionedEdit(QUndoCommand):
    """An edit of one row, already written when pushed; undo and redo write the other values.

    Each write names the version the previous one left (`write(values, version)`), so if a
    colleague changed the row in between, the operation refuses and the problem is
    reported: nothing of theirs is overwritten.
    """

    def __init__(
        self,
        text: str,
        row_id: uuid.UUID,
        write: Callable[[dict[str, Any], int | None], Changes],
        before: dict[str, Any],
        after: dict[str, Any],
        version: int | None,
        publish: Callable[[Changes], None],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._id, self._write = row_id, write
        self._before, self._after = before, after
        self._version = version
        self._publish, self._report = publish, report
        self._skip = True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self._after)

    def undo(self) -> None:
        self._run(self._before)

    def _run(self, values: dict[str, Any]) -> None:
        try:
            changes = self._write(values, self._version)
        except AccdeskError as exc:
            self._report(str(exc))
            return
        self._version = changes.versions.get(self._id, self._version)
        self._publish(changes)
