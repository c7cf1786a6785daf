"""Undoable user actions. Each command calls operations; none touches the database itself."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtGui import QUndoCommand

from accdesk.db import Database
from accdesk.errors import AccdeskError, StaleEdit
from accdesk.ops.briefs import get_brief, update_brief
from accdesk.ops.changes import Changes


class BriefText(NamedTuple):
    title: str
    body: str


class EditBriefText(QUndoCommand):
    """A saved edit of a brief's title and text.

    The edit is already written when the command is pushed, so the first `redo` does
    nothing. Undo and redo write only if the brief still holds the text this command left
    (or found) there: if someone else changed it meanwhile, nothing is overwritten and the
    problem is reported instead.
    """

    def __init__(
        self,
        db: Database,
        brief_id: uuid.UUID,
        before: BriefText,
        after: BriefText,
        publish: Callable[[Changes], None],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(f"Edit brief “{after.title[:40]}”")
        self._db = db
        self._id = brief_id
        self._before = before
        self._after = after
        self._publish = publish
        self._report = report
        self._written = True

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        self._apply(expect=self._before, new=self._after)

    def undo(self) -> None:
        self._apply(expect=self._after, new=self._before)

    def _apply(self, expect: BriefText, new: BriefText) -> None:
        try:
            current = get_brief(self._db, self._id)
            if BriefText(current.title, current.body) != expect:
                raise StaleEdit("the brief was changed elsewhere since; nothing was overwritten")
            changes = update_brief(
                self._db, self._id, new._asdict(), expected_version=current.version
            )
        except AccdeskError as exc:
            self._report(str(exc))
            return
        self._publish(changes)


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
