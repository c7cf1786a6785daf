"""The day's panes driven as a person would: capture, answer, tick off, statistics, calendar."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from pytestqt.modeltest import ModelTester

from accdesk.ops.requests import inbox
from accdesk.storage.db import open_database
from tests.conftest import DEMO_NOW
from tests.ui.conftest import ScriptedDialogs, type_text
from tests.ui.test_card import open_tab
from ui.common.forms import RecordDialog
from ui.day.agenda_tree import item_of
from ui.day.calendar_dialog import CalendarDialog
from ui.day.quick_capture import CaptureDialog
from ui.day.stats_dialog import StatsDialog
from ui.shell.main_window import MainWindow


def at_demo_time(window: MainWindow, qtbot: Any) -> None:
    """The window's clock on the demo's Monday noon, with the inbox and plan loaded."""
    window.now = lambda: DEMO_NOW
    qtbot.waitUntil(lambda: window.requests.model.rowCount() > 0)
    window.requests.reload()
    window.agenda.day.setDate(QDate(2026, 11, 23))
    window.agenda.reload()


def waiting_ids(path: Path) -> set[str]:
    with sqlite3.connect(path) as con:
        return {r[0] for r in con.execute("SELECT id FROM request WHERE first_response_at IS NULL")}


def test_requests_model_is_a_well_behaved_qt_model(
    window: MainWindow, qtbot: Any, qtmodeltester: ModelTester
) -> None:
    at_demo_time(window, qtbot)
    qtmodeltester.check(window.requests.model)
    model = window.requests.model
    due = [model.row_at(r).due_at for r in range(model.rowCount())]
    assert due == sorted(due)  # soonest deadline first
    overdue = [r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("overdue")]
    assert overdue, "the demo has requests past their deadline at noon"


def test_quick_capture_from_anywhere_records_the_request_and_undo_removes_it(
    window: MainWindow, qtbot: Any, dialogs: ScriptedDialogs, demo_path: Path
) -> None:
    at_demo_time(window, qtbot)
    before = waiting_ids(demo_path)
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, CaptureDialog)
        # Capture refuses until a client is chosen and the request says something.
        dialog.save.click()
        assert dialog.isVisible()
        type_text(dialog.client.lineEdit(), "Колос · C-0002")
        type_text(dialog.text, "Сломалась форма заявки")
        seen.append(dialog.deadline.text())
        dialog.save.click()

    dialogs.fill = fill
    window.queue.view.setFocus()
    QTest.keyClick(
        window.queue.view,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    added = waiting_ids(demo_path) - before
    assert len(added) == 1
    assert seen and seen[0].startswith("Answer by Mon 23/11 13:00")  # noon + 1 hour
    assert window.day_tabs.currentWidget() is window.requests
    assert window.requests.selected().text == "Сломалась форма заявки"
    window.undo_stack.undo()
    assert waiting_ids(demo_path) == before
    window.undo_stack.redo()
    assert waiting_ids(demo_path) - before == added


def test_capture_refuses_a_time_in_the_future_and_writes_nothing(
    window: MainWindow, qtbot: Any, dialogs: ScriptedDialogs, demo_path: Path
) -> None:
    at_demo_time(window, qtbot)
    before = waiting_ids(demo_path)
    messages: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, CaptureDialog)
        type_text(dialog.client.lineEdit(), "Колос · C-0002")
        type_text(dialog.text, "Позвоните")
        dialog.received.set_value(DEMO_NOW + timedelta(hours=2))
        dialog.save.click()
        messages.append(dialog.findChild(QLabel, "error_received_at").text())
        dialog.reject()

    dialogs.fill = fill
    window.capture_request()
    assert messages == ["is in the future; a request is recorded once it has arrived"]
    assert waiting_ids(demo_path) == before


def test_mark_answered_with_the_keyboard_and_undo(
    window: MainWindow, qtbot: Any, demo_path: Path
) -> None:
    at_demo_time(window, qtbot)
    window.day_tabs.setCurrentWidget(window.requests)
    view = window.requests.view
    view.selectRow(0)
    first = window.requests.selected()
    assert first is not None
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert str(first.id).replace("-", "") not in waiting_ids(demo_path)
    assert window.requests.model.row_of(first.id) is None  # gone from the waiting list
    window.undo_stack.undo()
    assert str(first.id).replace("-", "") in waiting_ids(demo_path)


def test_ticking_an_agenda_item_off_answers_the_request_and_undo_puts_it_back(
    window: MainWindow, qtbot: Any, demo_path: Path
) -> None:
    at_demo_time(window, qtbot)
    window.day_tabs.setCurrentWidget(window.agenda)
    pane = window.agenda
    node = next(n for n in pane.tree.nodes() if item_of(n) and item_of(n).kind == "request")  # type: ignore[union-attr]
    key = item_of(node).key  # type: ignore[union-attr]
    request_hex = key.split(":")[1].replace("-", "")
    pane.tree.setCurrentItem(node)
    pane.tree.setFocus()
    QTest.keyClick(pane.tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: request_hex not in waiting_ids(demo_path))
    done = pane.tree.node_of(key)
    assert done is not None and done.checkState(0) == Qt.CheckState.Checked
    assert done.parent().text(0).startswith("Done")
    window.undo_stack.undo()
    assert request_hex in waiting_ids(demo_path)
    assert pane.tree.node_of(key).checkState(0) == Qt.CheckState.Unchecked  # type: ignore[union-attr]


def test_statistics_chart_shows_the_bands_as_stored(
    window: MainWindow, qtbot: Any, demo_path: Path
) -> None:
    at_demo_time(window, qtbot)
    dialog = StatsDialog(window.db, window.background, window, now=lambda: DEMO_NOW)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2026, 10, 1))
    with sqlite3.connect(demo_path) as con:
        waited = [
            r[0]
            for r in con.execute(
                "SELECT waited_minutes FROM request WHERE waited_minutes IS NOT NULL"
                " AND received_at >= '2026-09-30 21:00' AND received_at < '2026-11-23 21:00'"
            )
        ]
    expected = (
        sum(w <= 15 for w in waited),
        sum(15 < w <= 60 for w in waited),
        sum(60 < w <= 180 for w in waited),
        sum(180 < w <= 360 for w in waited),
        sum(w > 360 for w in waited),
    )
    assert dialog.chart.counts == expected
    assert [label.toPlainText() for label in dialog.chart.labels] == [str(n) for n in expected]
    heights = list(dialog.chart.ours.opts["height"])
    assert round(sum(heights)) == 100
    assert dialog.managers.rowCount() == 6


def test_the_statistics_table_is_exported_as_shown(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    at_demo_time(window, qtbot)
    dialog = StatsDialog(
        window.db, window.background, window, now=lambda: DEMO_NOW, dialogs=dialogs
    )  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    target = tmp_path / "stats.xlsx"
    dialogs.paths = [str(target)]
    button = dialog.findChild(QPushButton, "statsExport")
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(target).active
    assert sheet is not None and sheet.title == "Managers"
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 7 and rows[0][0] == dialog.managers.horizontalHeaderItem(0).text()
    shown = sorted(dialog.managers.item(r, 0).text() for r in range(6))
    assert sorted(str(row[0]) for row in rows[1:]) == shown


def test_calendar_refuses_an_override_that_ends_before_it_starts_and_saves_a_day_off(
    window: MainWindow, qtbot: Any, demo_path: Path
) -> None:
    at_demo_time(window, qtbot)
    dialog = CalendarDialog(window.db, window.background, window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.add_day(None)
    dialog.table.cellWidget(0, 0).setDate(QDate(2026, 11, 24))  # type: ignore[union-attr]
    kind = dialog.table.cellWidget(0, 1)
    kind.setCurrentIndex(kind.findData("short"))  # type: ignore[union-attr]
    dialog.table.item(0, 2).setText("16:00-10:00")
    dialog.try_save()
    assert dialog.errors.text() == "Day 1, hours: in “16:00-10:00” the end is not after the start"
    db = open_database(demo_path, read_only=True)
    try:
        due_before = {r.id: r.due_at for r in inbox(db)}
    finally:
        db.close()

    kind.setCurrentIndex(kind.findData("day_off"))  # type: ignore[union-attr]
    dialog.table.item(0, 2).setText("")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.try_save()
    db = open_database(demo_path, read_only=True)
    try:
        due_after = {r.id: r.due_at for r in inbox(db)}
    finally:
        db.close()
    moved = [k for k in due_after if due_after[k] != due_before[k]]
    assert moved, "deadlines that ran into Tuesday now skip it"
    assert all(due_after[k] > due_before[k] for k in moved)
    QApplication.processEvents()


def test_turning_an_unlinked_request_into_a_brief_asks_for_the_project_and_opens_the_brief(
    window: MainWindow, qtbot: Any, dialogs: ScriptedDialogs, demo_path: Path
) -> None:
    at_demo_time(window, qtbot)
    window.day_tabs.setCurrentWidget(window.requests)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, CaptureDialog)
        type_text(dialog.client.lineEdit(), "Колос · C-0002")
        dialog.project.setCurrentIndex(0)  # (none): Колос has several projects
        type_text(dialog.text, "Добавить поле «Город» в форму")
        dialog.save.click()

    dialogs.fill = fill
    window.capture_request()
    assert window.requests.selected().project_id is None  # type: ignore[union-attr]
    request = window.requests.selected()
    assert request is not None
    dialogs.choices = [1]
    window.requests.brief_button.click()
    assert "P-0002" in dialogs.questions[-1][1]
    assert window.day_tabs.currentWidget() is window.queue
    doc = window.briefs.doc
    assert doc is not None and doc.content.title == "Добавить поле «Город» в форму"
    window.undo_stack.undo()  # the link was one step: the request is unlinked again
    with sqlite3.connect(demo_path) as con:
        linked = con.execute(
            "SELECT project_id FROM request WHERE id = ?", (request.id.hex,)
        ).fetchone()
    assert linked == (None,)


def test_a_service_bought_in_the_card_leaves_todays_offers_at_once(
    window: MainWindow, qtbot: Any, dialogs: ScriptedDialogs
) -> None:
    """The card and Today show the same up-sell cell: a change made in one is in the other
    without waiting for Today's own replanning."""
    at_demo_time(window, qtbot)
    pane = window.agenda
    offers = [i for n in pane.tree.nodes() if (i := item_of(n)) and i.kind == "upsell"]
    assert offers, "the demo manager has an offer due on Monday"
    offer = offers[0]  # one call to the client, naming every service due
    assert offer.client_id is not None and offer.key == f"upsell:{offer.client_id}"
    window.card.show_client(offer.client_id)
    open_tab(window, "Services")
    page = window.card.services
    # One service the call would offer is bought in the card: Today no longer offers it.
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    row, cell = next(
        (r, c)
        for r, c in enumerate(rows)
        if c.service in offer.title.split(": ", 1)[1]
        and c.state in ("prospect", "offered", "declined")
    )

    def bought(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        state = dialog.form.fields["state"].widget
        state.setCurrentIndex(state.findData("active"))
        QTest.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    dialogs.fill = bought
    page.view.selectRow(row)
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    node = pane.tree.node_of(offer.key)
    offered = node.text(2).split(": ", 1)[1].split(", ") if node is not None else []
    assert cell.service not in offered
