"""Real windows on the offscreen platform, with scripted dialogs and private settings."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from accdesk.storage.backup import BackupInfo
from ui.common.dialogs import Dialogs
from ui.shell.app import build_window, configure_application
from ui.shell.main_window import MainWindow


class ScriptedDialogs(Dialogs):
    """Answers modal questions from a script and records what the user would have seen."""

    def __init__(self) -> None:
        self.paths: list[str | None] = []
        self.errors: list[tuple[str, str]] = []
        self.confirmations: list[bool] = []
        self.questions: list[tuple[str, str]] = []
        self.offered: list[BackupInfo] = []
        self.identity: uuid.UUID | bool | None = None
        self.fill: Callable[[QDialog], None] | None = None
        self.texts: list[str | None] = []
        self.saved_as: list[tuple[str, str]] = []  # (title, suggested name) of save dialogs
        self.choices: list[int | None] = []  # answers to choose_item, by position

    def new_database_path(self, parent: QWidget, title: str) -> str | None:
        return self.paths.pop(0)

    def open_database_path(self, parent: QWidget) -> str | None:
        return self.paths.pop(0)

    def open_path(self, parent: QWidget, title: str, filters: str) -> str | None:
        return self.paths.pop(0)

    def save_path(self, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        self.saved_as.append((title, suggested))
        return self.paths.pop(0)

    def ask_text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        self.questions.append((title, label))
        return self.texts.pop(0)

    def choose_item(
        self, parent: QWidget, title: str, label: str, items: Sequence[str], current: int = 0
    ) -> int | None:
        self.questions.append((title, "\n".join(items)))
        return self.choices.pop(0)

    def choose_backup(self, parent: QWidget, backups: Sequence[BackupInfo]) -> BackupInfo | None:
        self.offered = list(backups)
        return backups[0] if backups else None

    def choose_identity(
        self, parent: QWidget, managers: Sequence[tuple[uuid.UUID, str]]
    ) -> uuid.UUID | bool | None:
        self.questions.append(("identity", ", ".join(name for _, name in managers)))
        return self.identity

    def run(self, dialog: QDialog) -> int:
        """Instead of blocking in exec(), let the test fill the dialog in and press buttons."""
        assert self.fill is not None, "the test did not say how to fill this dialog"
        dialog.show()
        self.fill(dialog)
        return int(dialog.result())

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        self.questions.append((title, text))
        return self.confirmations.pop(0)

    def error(self, parent: QWidget, title: str, text: str) -> None:
        self.errors.append((title, text))

    def about(self, parent: QWidget, title: str, text: str) -> None:
        self.errors.append((title, text))


@pytest.fixture(scope="session", autouse=True)
def dressed_app(qapp: QApplication) -> QApplication:
    configure_application(qapp, "en")  # whatever the machine speaks; Russian is tested apart
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def open_window(qtbot, settings: QSettings, dialogs: ScriptedDialogs):  # type: ignore[no-untyped-def]
    """Opens a window the way `accdesk --db PATH` does; closes every one at the end."""
    windows: list[MainWindow] = []

    def make(db: Path | None) -> MainWindow:
        window = build_window(str(db) if db else None, settings, dialogs)
        # Wide enough for the three panes side by side, where most tests look at them;
        # the narrow arrangement has tests of its own.
        window.resize(1920, 1080)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        # Focus moves (and so saving on leave) need an active window, as for a person.
        qtbot.waitUntil(window.isActiveWindow)
        if window.db is not None:  # the selection and card come just after the first paint
            qtbot.waitUntil(lambda: window.settled)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(open_window, demo_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield open_window(demo_path)


def type_text(widget: QWidget, text: str) -> None:
    """Type like a person, one key at a time; works for Cyrillic, unlike keyClicks."""
    for char in text:
        if char == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )
