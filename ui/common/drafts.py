"""Typing is never lost: text is kept as a draft while it is typed, and on this computer
when the database cannot take it.

`Autosave` says when to keep a draft: a moment after typing pauses, and at least every
`max_wait` while it goes on, so steady typing (a key every half second for a minute) is
kept too, not only after a pause. `LocalDrafts` keeps drafts in the person's settings file
(owner-only), per database and row, for the card's profile and for briefs typed while a
team server is away.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from ui.common.widgets import local_key

MAX_WAIT_MS = 2000  # the promise: at most the last two seconds of typing are ever lost


class Autosave(QObject):
    """Emits `due` `delay_ms` after the last keystroke, and no later than `max_wait_ms`
    after the first one not yet kept."""

    due = Signal()

    def __init__(self, delay_ms: int, parent: QObject, max_wait_ms: int = MAX_WAIT_MS) -> None:
        super().__init__(parent)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(delay_ms)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max(delay_ms, max_wait_ms))
        for timer in (self._pause, self._deadline):
            timer.timeout.connect(self._fire)

    def touch(self) -> None:
        """Something was typed."""
        self._pause.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def stop(self) -> None:
        self._pause.stop()
        self._deadline.stop()

    def pending(self) -> bool:
        """Typing that no draft holds yet."""
        return self._pause.isActive() or self._deadline.isActive()

    def _fire(self) -> None:
        self.stop()
        self.due.emit()


class LocalDrafts:
    """Drafts of one kind ("cardDrafts", "briefDrafts") kept in the settings file."""

    def __init__(self, settings: QSettings, kind: str) -> None:
        self._settings, self._kind = settings, kind

    def _key(self, location: str, row_id: uuid.UUID) -> str:
        return local_key(self._kind, location, row_id)

    def keep(self, location: str, row_id: uuid.UUID, data: dict[str, Any]) -> None:
        self._settings.setValue(self._key(location, row_id), json.dumps(data, default=str))
        self._settings.sync()  # on disk now: a crash a moment later must not lose it
        with contextlib.suppress(OSError):  # drafts are what people typed: theirs alone
            os.chmod(self._settings.fileName(), 0o600)

    def kept(self, location: str, row_id: uuid.UUID) -> dict[str, Any] | None:
        """What is kept for the row, or None (nothing, or something we cannot read)."""
        saved = self._settings.value(self._key(location, row_id))
        if not isinstance(saved, str):
            return None
        try:
            value = json.loads(saved)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def drop(self, location: str, row_id: uuid.UUID) -> None:
        self._settings.remove(self._key(location, row_id))
