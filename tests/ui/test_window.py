"""The main window driven with real clicks and keys, checked against what is stored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter

from accdesk.ops.briefs import briefs_for_project
from accdesk.ops.queue import list_queue
from accdesk.screens.queue import queue_rules
from accdesk.storage.db import default_database_path
from tests.conftest import DEMO_NOW
from tests.ui.conftest import ScriptedDialogs, type_text
from ui.queue.model import QueueModel
from ui.shell.main_window import MainWindow


def click_row(window: MainWindow, row: int) -> None:
    view = window.queue.view
    index = view.model().index(row, 2)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def label(window: MainWindow, name: str) -> str:
    widget = window.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def row_with_briefs(window: MainWindow) -> int:
    db = window.db
    assert db is not None
    model = window.queue.model
    for row in range(model.rowCount()):
        project = model.row_at(row)
        if briefs_for_project(db, project.id):
            return row
    raise AssertionError("the demo agency has no briefs")


def test_selecting_a_project_shows_its_client_and_its_briefs(window: MainWindow) -> None:
    assert window.db is not None
    for row in (5, 0):
        click_row(window, row)
        project = window.queue.model.row_at(row)
        assert label(window, "clientName") == project.client_name
        shown = [
            window.briefs.list_model.doc(i).id for i in range(window.briefs.list_model.rowCount())
        ]
        assert shown == [doc.id for doc in briefs_for_project(window.db, project.id)]
    assert window.shown.text() == "120 of 120 projects"
    assert window.totals.text() == "· 6 managers · 40 clients · 400 requests · 30 briefs"


def test_search_finds_cyrillic_names_typed_with_yo_or_ye(window: MainWindow) -> None:
    assert window.db is not None
    expected = sum(1 for row in list_queue(window.db) if row.client_name.startswith("Ёлка"))
    assert expected > 0
    for query in ("ёлка", "Елка"):
        window.queue.search.clear()
        window.queue.search.setFocus()
        type_text(window.queue.search, query)
        shown = window.queue.model.rowCount()
        assert shown == expected
        assert window.shown.text() == f"{expected} of 120 projects"
    window.queue.search.clear()
    type_text(window.queue.search, "zzzz")
    assert window.queue.stack.currentWidget() is window.queue.no_match


def test_new_brief_appears_selected_and_counts_update(window: MainWindow) -> None:
    click_row(window, 3)
    before = window.briefs.list_model.rowCount()
    window.queue.view.setFocus()
    QTest.keyClick(window.queue.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.briefs.list_model.rowCount() == before + 1
    title = window.briefs.boxes["title"].input
    assert title.text() == "New brief" and title.hasFocus()
    assert window.briefs.meta.text().startswith("B-0031 · Generic task · draft")
    assert window.totals.text().endswith("· 31 briefs")


def test_queue_model_passes_the_model_tester(qtmodeltester, demo_db) -> None:  # type: ignore[no-untyped-def]
    rows = list_queue(demo_db)
    model = QueueModel()
    model.set_rows(rows, queue_rules(demo_db, DEMO_NOW))
    qtmodeltester.check(model)
    assert model.rowCount(QModelIndex()) == 120
    # The tester keeps watching: sorting, filtering and rows changed in place stay consistent.
    model.sort(model.column_of("score"), Qt.SortOrder.DescendingOrder)
    model.set_filters(needle="а")
    model.update_rows(rows[:2], {rows[5].id})
    model.sort(-1)
    model.set_behaviour(movable=True, editable=True)
    qtmodeltester.check(model)
    assert model.total == 119


def test_first_start_offers_the_demo_agency_and_creates_it(open_window, dialogs) -> None:  # type: ignore[no-untyped-def]
    assert not default_database_path().exists()
    window = open_window(None)
    assert window.stack.currentWidget() is window.welcome
    QTest.mouseClick(
        window.welcome.findChild(QPushButton, "welcomeDemo"),
        Qt.MouseButton.LeftButton,
    )
    assert window.stack.currentWidget() is window.work
    assert window.queue.model.rowCount() == 120
    assert default_database_path().exists()
    assert dialogs.errors == []
    window.close()
    default_database_path().unlink()


def test_opening_a_file_that_is_not_a_database_says_why_and_keeps_the_current_one(
    window: MainWindow,
    dialogs,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    bad = tmp_path / "clients.db"
    bad.write_text("Клиент;Город\nКолос;Омск\n", encoding="utf-8")
    dialogs.paths.append(str(bad))
    open_action = window.findChild(QAction, "actionOpen")
    assert open_action is not None
    open_action.trigger()
    assert dialogs.errors == [
        ("Cannot open the database", f"{bad} is not a database file (it is not SQLite)")
    ]
    assert window.queue.model.rowCount() == 120
    assert bad.read_text(encoding="utf-8") == "Клиент;Город\nКолос;Омск\n"


def test_pane_sizes_per_arrangement_and_last_project_are_remembered(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first = open_window(demo_path)
    click_row(first, 7)
    chosen = first.queue.selected_id()
    drag_handle(first.splitter, 1, -150)
    wide = first.splitter.sizes()
    first.resize(1200, 800)  # a laptop: the card and the brief share the right column
    qtbot.waitUntil(lambda: first.splitter.count() == 2)
    assert first.panes.side.isVisible() and first.card.isVisible()
    drag_handle(first.splitter, 1, 80)
    narrow = first.splitter.sizes()
    first.close()
    second = open_window(demo_path)
    qtbot.waitUntil(lambda: close_to(second.splitter.sizes(), wide), timeout=2000)
    assert second.queue.selected_id() == chosen
    second.resize(1200, 800)
    qtbot.waitUntil(lambda: close_to(second.splitter.sizes(), narrow), timeout=2000)


def drag_handle(splitter: QSplitter, index: int, dx: int) -> None:
    """Drag a splitter's handle sideways with the mouse, as a person does."""
    handle = splitter.handle(index)
    start = handle.rect().center()
    before = splitter.sizes()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(handle, start + QPoint(dx, 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(dx, 0))
    assert splitter.sizes() != before


def close_to(sizes: list[int], expected: list[int]) -> bool:
    """The same shares of the width, to a few pixels (panes have their minimums)."""
    return len(sizes) == len(expected) and all(
        abs(a - b) <= 4 for a, b in zip(sizes, expected, strict=True)
    )


def test_the_brief_takes_the_whole_window_and_gives_it_back(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    qtbot.wait(50)  # the panes' first sizes settle
    before = window.splitter.sizes()
    window.findChild(QAction, "actionBriefFocus").trigger()
    qtbot.waitUntil(lambda: not window.day_tabs.isVisible())
    assert not window.card.isVisible() and window.briefs.isVisible()
    assert window.briefs.focus_button.isChecked()
    qtbot.waitUntil(lambda: window.briefs.width() > window.width() - 40)
    window.briefs.focus_button.click()
    qtbot.waitUntil(window.day_tabs.isVisible)
    assert window.card.isVisible()
    qtbot.waitUntil(lambda: close_to(window.splitter.sizes(), before))


def test_screenshot_option_writes_a_1440x900_picture(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--db", str(demo_path), "--screenshot", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1440, 900)


def test_a_damaged_database_is_closed_with_the_reason_and_left_as_it_was(
    qtbot,
    open_window,
    dialogs,
    demo_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    data = bytearray(demo_path.read_bytes())
    page = 4096
    middle = len(data) // page // 2 * page  # somewhere inside the project and request tables
    data[middle : middle + 300] = b"\xff" * 300
    demo_path.write_bytes(bytes(data))
    window = open_window(demo_path)
    # A pane that reads a damaged page may say so first; the window then closes the file.
    qtbot.waitUntil(
        lambda: any(t == "Cannot use the database" for t, _ in dialogs.errors), timeout=5000
    )
    text = next(text for t, text in dialogs.errors if t == "Cannot use the database")
    assert text.startswith(f"{demo_path} is damaged")
    assert window.stack.currentWidget() is window.welcome
    assert window.db is None
    assert demo_path.read_bytes() == bytes(data)


def test_all_data_is_exported_as_json_from_the_file_menu(
    window: MainWindow,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "agency.json"
    dialogs.paths = [str(target)]
    action = window.findChild(QAction, "actionExportAll")
    assert action is not None
    action.trigger()
    qtbot.waitUntil(lambda: "Wrote" in window.statusBar().currentMessage(), timeout=10_000)
    document = json.loads(target.read_bytes())
    assert document["format"] == "accdesk-archive"
    assert len(document["tables"]["project"]) == 120
    assert dialogs.saved_as[-1] == ("Export all data", "agency.json")


def test_the_queue_is_exported_as_shown_filtered_with_its_visible_columns(
    window: MainWindow,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from openpyxl import load_workbook

    type_text(window.queue.search, "Колос")
    qtbot.waitUntil(lambda: 0 < window.queue.model.rowCount() < 120)
    shown = window.queue.model.rowCount()
    header = window.queue.view.horizontalHeader()
    service = window.queue.model.column_of("service")
    header.setSectionHidden(service, True)
    target = tmp_path / "queue.xlsx"
    dialogs.paths = [str(target)]
    action = window.findChild(QAction, "actionExportTable")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+X"
    action.trigger()
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == shown + 1
    assert "Service" not in rows[0] and "Client" in rows[0]
    client = rows[0].index("Client")
    assert all("Колос" in str(row[client]) for row in rows[1:])
    # The same table as CSV, chosen by the file's ending.
    dialogs.paths = [str(tmp_path / "queue.csv")]
    action.trigger()
    text = (tmp_path / "queue.csv").read_text(encoding="utf-8-sig")
    assert len(text.strip().splitlines()) == shown + 1
