"""What the queue's cells say and show: the words for statuses and health, their colours
and icons, and one cell's look; the model (`ui.queue.model`) decides which applies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from accdesk.ops.readmodels import ProjectRow
from accdesk.planning.priority import Health
from accdesk.text import QT_TRANSLATE_NOOP
from ui.common.colours import Tone

STATUS_LABELS = {
    "planned": QT_TRANSLATE_NOOP("QueueModel", "Planned"),
    "active": QT_TRANSLATE_NOOP("QueueModel", "Active"),
    "paused": QT_TRANSLATE_NOOP("QueueModel", "Paused"),
    "done": QT_TRANSLATE_NOOP("QueueModel", "Done"),
    "archived": QT_TRANSLATE_NOOP("QueueModel", "Archived"),
}
HEALTH_LABELS = {
    Health.GOOD: QT_TRANSLATE_NOOP("QueueModel", "Good"),
    Health.WATCH: QT_TRANSLATE_NOOP("QueueModel", "Watch"),
    Health.AT_RISK: QT_TRANSLATE_NOOP("QueueModel", "At risk"),
}
HEALTH_TONES = {Health.GOOD: Tone.GOOD, Health.WATCH: Tone.WATCH, Health.AT_RISK: Tone.BAD}
HEALTH_ICONS = {
    Health.GOOD: QStyle.StandardPixmap.SP_DialogApplyButton,
    Health.WATCH: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Health.AT_RISK: QStyle.StandardPixmap.SP_MessageBoxWarning,
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    text: Callable[[ProjectRow], str]
    sort_key: Callable[[ProjectRow], Any]
    align_right: bool = False


class Look(NamedTuple):
    """What one cell shows: built once per project and kept until the project changes."""

    text: str
    colour: QColor | None = None
    icon: QIcon | None = None
    align_right: bool = False


@cache
def standard_icon(kind: QStyle.StandardPixmap) -> QIcon:
    """Fetched once: asking the style for an icon costs a millisecond each time."""
    return QApplication.style().standardIcon(kind)
