"""What the day's panes (requests, agenda) share with the window: one object, not six."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from accdesk.changes import Changes
from ui.common.dialogs import Dialogs
from ui.common.events import AppEvents


@dataclass(frozen=True)
class DayContext:
    events: AppEvents
    undo: QUndoStack
    dialogs: Dialogs
    settings: QSettings
    me: Callable[[], uuid.UUID | bool | None]  # who is at the keyboard (see QueuePane.me)
    now: Callable[[], datetime]  # the clock the day runs on

    def publish(self, changes: Changes) -> None:
        self.events.changed.emit(changes)
