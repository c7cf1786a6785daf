"""What every pane shares with the window: one object, passed to each pane's constructor."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from accdesk.changes import Changes
from accdesk.types import utcnow
from ui.common.background import Background
from ui.common.dialogs import Dialogs
from ui.common.events import AppEvents

IDENTITY = "identity/manager"  # QSettings: who sits at this computer ("lead", an id, or unset)
LEAD = "lead"


@dataclass(frozen=True)
class PaneContext:
    """The window's hub of changes, undo stack, dialogs, settings and worker pool, and the
    clock the day runs on (tests set the demo's Monday)."""

    events: AppEvents
    undo: QUndoStack
    dialogs: Dialogs
    settings: QSettings
    background: Background
    now: Callable[[], datetime] = field(default=utcnow)

    def publish(self, changes: Changes) -> None:
        self.events.publish(changes)

    def me(self) -> uuid.UUID | bool | None:
        """Who this person is: a manager's id, True for "team lead: all managers", or None
        when not chosen yet. Per person, so in the settings on this computer."""
        value = self.settings.value(IDENTITY)
        if value == LEAD:
            return True
        try:
            return uuid.UUID(str(value)) if value else None
        except ValueError:
            return None

    def set_me(self, who: uuid.UUID | bool | None) -> None:
        if who is None:
            self.settings.remove(IDENTITY)
        else:
            self.settings.setValue(IDENTITY, LEAD if who is True else str(who))
