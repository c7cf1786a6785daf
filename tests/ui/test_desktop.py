"""Desktop integration: the shortcut reference, the language choice, the dark scheme."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.shell.main_window import MainWindow
from ui.shell.shortcuts import ShortcutsDialog, menu_shortcuts
from ui.shell.theme import apply_theme


def test_f1_lists_the_shortcuts_of_the_menus(window: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    shown: list[ShortcutsDialog] = []
    dialogs.run = lambda dialog: shown.append(dialog) or 0  # type: ignore[method-assign]
    QTest.keyClick(window, Qt.Key.Key_F1)
    assert len(shown) == 1
    table = shown[0].table
    rows = {tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())}
    assert ("Day", "Capture request", "Ctrl+Shift+R") in rows
    assert ("Project → Status", "Active", "Ctrl+2") in rows
    assert len(rows) == len(menu_shortcuts(window.menuBar())) >= 30


def test_choosing_a_language_is_remembered_and_offers_a_restart(  # type: ignore[no-untyped-def]
    window: MainWindow, dialogs, settings: QSettings
) -> None:
    dialogs.confirmations = [False]
    window.findChild(type(window.menuBar().actions()[0]), "actionLanguage_ru").trigger()
    assert settings.value("language") == "ru"
    assert "restart" in dialogs.questions[-1][1].lower()
    assert window.isVisible() and not window.restart_requested
    dialogs.confirmations = [True]
    window.findChild(type(window.menuBar().actions()[0]), "actionLanguage_system").trigger()
    # Back to the system's language, which is the one running: nothing to restart for.
    assert settings.value("language") is None and not window.restart_requested
    window.findChild(type(window.menuBar().actions()[0]), "actionLanguage_ru").trigger()
    assert window.restart_requested and not window.isVisible()


@pytest.mark.parametrize("scheme, dark", [("dark", True), ("light", False)])
def test_the_window_follows_a_dark_or_light_desktop(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, scheme: str, dark: bool
) -> None:
    monkeypatch.setenv("ACCDESK_THEME", scheme)
    try:
        apply_theme(qapp)
        window_colour = qapp.palette().color(QPalette.ColorRole.Window)
        assert (window_colour.lightness() < 80) is dark
        assert ("#1e2227" in qapp.styleSheet()) is dark
    finally:
        monkeypatch.setenv("ACCDESK_THEME", "light")
        apply_theme(qapp)


def test_the_desktop_entry_names_the_app_in_russian_too() -> None:
    entry = (Path(__file__).parents[2] / "resources" / "accdesk.desktop").read_text("utf-8")
    assert "Exec=accdesk" in entry and "Icon=accdesk" in entry
    assert "GenericName[ru]=Рабочее место аккаунт-менеджера" in entry
    assert "Comment[ru]=" in entry
