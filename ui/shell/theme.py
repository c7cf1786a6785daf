"""Light or dark, as the desktop is: Fusion with a matching palette and our style sheet.

The style sheet is written for a light window; `style-dark.qss`, read after it, changes
only colours. Qt reports the desktop's scheme (`QStyleHints.colorScheme`) and tells when it
changes, and the window follows without a restart. Charts keep their white plot area in
both, as printed charts do.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui.common.colours import is_dark
from ui.common.resources import resource_path


def dark_palette() -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, colour in (
        (role.Window, "#1e2227"),
        (role.WindowText, "#e6ebf1"),
        (role.Base, "#262b31"),
        (role.AlternateBase, "#2b3138"),
        (role.ToolTipBase, "#2b3138"),
        (role.ToolTipText, "#e6ebf1"),
        (role.PlaceholderText, "#8391a0"),
        (role.Text, "#e6ebf1"),
        (role.Button, "#2b3138"),
        (role.ButtonText, "#e6ebf1"),
        (role.BrightText, "#ff8a80"),
        (role.Link, "#8fb8e6"),
        (role.Highlight, "#3f72a6"),
        (role.HighlightedText, "#ffffff"),
    ):
        palette.setColor(r, QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, r, QColor("#6b7682"))
    return palette


def apply_theme(app: QApplication) -> None:
    """The palette and style sheet for the desktop's scheme now."""
    sheet = resource_path("style.qss").read_text(encoding="utf-8")
    if is_dark():
        app.setPalette(dark_palette())
        sheet += "\n" + resource_path("style-dark.qss").read_text(encoding="utf-8")
    else:
        app.setPalette(app.style().standardPalette())
    app.setStyleSheet(sheet)


def follow_desktop(app: QApplication) -> None:
    apply_theme(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
