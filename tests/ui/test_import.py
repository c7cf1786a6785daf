"""The import wizard as a new agency uses it on its first day."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QPushButton, QWizard
from sqlalchemy import func, select

from accdesk.models import Client
from tests.ui.conftest import ScriptedDialogs, type_text
from ui.shell.import_dialog import ImportWizard
from ui.shell.main_window import MainWindow

ROWS = (
    "Клиенты агентства\n"
    "Клиент;Часовой пояс;Бюджет в месяц\n"
    "Ромашка;Asia/Vladivostok;150 000\n"
    "\n"
    "Лютик;Mars/Olympus;1\n"
    "Василёк;Europe/Samara;90000\n"
)


def clients(window: MainWindow) -> int:
    assert window.db is not None
    with window.db.reading() as s:
        return int(s.execute(select(func.count()).select_from(Client)).scalar_one())


def test_a_spreadsheet_of_clients_is_checked_then_imported(
    window: MainWindow,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    source = tmp_path / "клиенты.csv"
    source.write_bytes(ROWS.encode("cp1251"))
    before = clients(window)
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportWizard)
        page = dialog.file_page
        next_button = dialog.button(QWizard.WizardButton.NextButton)
        assert not next_button.isEnabled()  # no file yet
        page.path.setFocus()
        type_text(page.path, f"{source}\n")
        seen["read"] = page.read.text()
        assert next_button.isEnabled()
        QTest.mouseClick(next_button, Qt.MouseButton.LeftButton)
        combos = dialog.columns_page.combos
        assert combos["name"].currentText() == "Клиент"
        assert combos["timezone"].currentText() == "Часовой пояс"
        assert combos["legal_name"].currentText() == "— not imported —"
        QTest.mouseClick(next_button, Qt.MouseButton.LeftButton)
        check = dialog.check_page
        seen["summary"] = check.summary.text()
        assert check.preview.rowCount() == 2
        assert check.preview.item(0, 0).text() == "Ромашка"
        assert check.problems.rowCount() == 1
        assert [check.problems.item(0, c).text() for c in range(2)] == ["5", "Часовой пояс"]
        assert clients(window) == before  # the check wrote nothing
        finish = dialog.button(QWizard.WizardButton.FinishButton)
        QTest.mouseClick(finish, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=10_000)

    dialogs.fill = fill
    action = window.findChild(QAction, "actionImport")
    assert action is not None and action.shortcut().toString() == "Ctrl+I"
    action.trigger()
    assert "cp1251" in seen["read"] and "3 lines under the header" in seen["read"]
    assert seen["summary"].startswith("2 new, 0 updated, 0 unchanged, 1 line with problems")
    assert clients(window) == before + 2
    assert dialogs.errors[-1][1].startswith("2 new, 0 updated, 0 unchanged; 1 line with problems")


def test_cancel_during_the_import_leaves_the_database_as_it_was(
    window: MainWindow,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    source = tmp_path / "many.csv"
    lines = ["Клиент;Часовой пояс"] + [f"Клиент {n};Europe/Moscow" for n in range(5000)]
    source.write_text("\n".join(lines), encoding="utf-8")
    before = clients(window)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportWizard)
        dialog.file_page.path.setText(str(source))
        dialog.file_page.path.editingFinished.emit()
        dialog.next()
        dialog.next()
        assert dialog.check_page.summary.text().startswith("5000 new")
        finish = dialog.button(QWizard.WizardButton.FinishButton)
        QTest.mouseClick(finish, Qt.MouseButton.LeftButton)
        dialog.progress.show()  # as it does 300 ms into a long import
        cancel = dialog.progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=20_000)

    dialogs.fill = fill
    window.import_spreadsheet()
    assert dialogs.errors[-1] == ("Import", "the import was cancelled; nothing was written")
    assert clients(window) == before
