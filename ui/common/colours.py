"""Every colour the window sets itself, by what it means, for a light and a dark desktop.

A colour written where it is used was chosen for one scheme: the queue's red "at risk" on a
dark row, the preview's dark blue headings on dark grey. Here each meaning has a light and a
dark value, and `tests/ui/test_contrast.py` holds every text colour to WCAG AA (4.5:1)
against the backgrounds it is drawn on, and the palette's text to the same against every
tint.
"""

from __future__ import annotations

import os
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication


def is_dark() -> bool:
    """The desktop's scheme, unless `ACCDESK_THEME` is `dark` or `light` (for a desktop
    that does not tell, and for pictures of both)."""
    chosen = os.environ.get("ACCDESK_THEME", "").lower()
    if chosen in ("dark", "light"):
        return chosen == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class Tone(Enum):
    """Text that says something by its colour (and never by its colour alone)."""

    GOOD = ("#276b2b", "#86cf8c")
    WATCH = ("#8a5a00", "#f0c36d")
    BAD = ("#b3261e", "#ff8a80")
    SOON = ("#a14400", "#ffb37a")
    MUTED = ("#5a6672", "#a7b3c0")
    ACCENT = ("#2f5d8a", "#8fb8e6")
    HEADING = ("#2b4a6f", "#9ec3ee")
    INK = ("#1d2733", "#e6ebf1")


class Tint(Enum):
    """Backgrounds of cells and rows, under the palette's own text colour."""

    GOOD = ("#e3f2e5", "#1f3a26")
    INFO = ("#e8f0fb", "#23344a")
    WATCH = ("#fff4dc", "#3d3320")
    QUIET = ("#f0f0f0", "#30363d")
    DUE = ("#ffd8a8", "#5a3b12")
    ERROR = ("#fde8e8", "#4a2323")
    HEADER = ("#eef2f6", "#2b3138")
    RULE = ("#b8c2cc", "#4a535e")  # table borders in the preview


def tone(name: Tone, dark: bool | None = None) -> QColor:
    return QColor(name.value[is_dark() if dark is None else dark])


def tint(name: Tint, dark: bool | None = None) -> QColor:
    return QColor(name.value[is_dark() if dark is None else dark])


def preview_style(dark: bool | None = None) -> str:
    """The brief preview's style sheet in the window's scheme (exported files keep the
    light one of `accdesk.briefs.render`, as printed pages do)."""
    pick = is_dark() if dark is None else dark
    return f"""
body {{ font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10pt;
        color: {Tone.INK.value[pick]}; }}
h1 {{ font-size: 13pt; margin: 0 0 6pt 0; }}
h2 {{ font-size: 11pt; margin: 10pt 0 4pt 0; color: {Tone.HEADING.value[pick]}; }}
table {{ margin: 4pt 0 8pt 0; border-color: {Tint.RULE.value[pick]}; }}
th, td {{ padding: 3px 8px; text-align: left; vertical-align: top; }}
th {{ background: {Tint.HEADER.value[pick]}; }}
"""
