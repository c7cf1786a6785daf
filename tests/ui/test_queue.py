"""The project queue driven as an account manager would: drag, keys, menus, filters."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel

from accdesk.models import DayKind
from accdesk.ops.deadlines import DayOverride, calendar_view, save_calendar
from accdesk.ops.queue import agency_today, create_project, list_queue, project_choices, queue_order
from accdesk.ops.settings import agency_timezone
from accdesk.planning.priority import Factor
from accdesk.planning.workdays import WorkdayCalendar
from accdesk.storage.db import open_database
from tests.ui.conftest import type_text
from ui.queue.model import ID_ROLE
from ui.queue.project_dialog import ProjectDialog
from ui.shell.main_window import MainWindow


def one_managers_queue(window: MainWindow) -> uuid.UUID:
    """Team scope narrowed to one manager: the view where rows can be dragged."""
    queue = window.queue
    queue.scope.setCurrentIndex(queue.scope.findData("team"))
    queue.manager.setCurrentIndex(1)
    manager = uuid.UUID(queue.manager.currentData())
    assert queue.model.movable
    return manager


def shown_ids(window: MainWindow) -> list[uuid.UUID]:
    model = window.queue.model
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def drag_row(window: MainWindow, source: int, target: int) -> None:
    """A drag and drop with the events Qt delivers to the view for a real one."""
    view = window.queue.view
    model = window.queue.model
    data: QMimeData = model.mimeData([model.index(source, 0)])
    rect = view.visualRect(model.index(target, 2))
    point = QPoint(rect.center().x(), rect.top() + 2)  # the upper edge: "drop above this row"
    viewport = view.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move = Qt.DropAction.MoveAction
    for kind in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        try:
            event = kind(point.toPointF(), move, data, buttons, mods)
        except TypeError:  # PySide6 before 6.12 takes a QPoint for some of these
            event = kind(point, move, data, buttons, mods)
        QApplication.sendEvent(viewport, event)


def test_dragging_a_project_reorders_and_persists_and_undo_restores(
    window: MainWindow,
    demo_path: Path,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    manager = one_managers_queue(window)
    before = shown_ids(window)
    drag_row(window, source=3, target=0)
    after = [before[3], *before[:3], *before[4:]]
    assert shown_ids(window) == after
    assert window.db is not None
    assert queue_order(window.db, manager) == after

    undo = window.findChild(QAction, "actionUndo")
    assert undo is not None
    undo.trigger()
    assert queue_order(window.db, manager) == before and shown_ids(window) == before
    redo = window.findChild(QAction, "actionRedo")
    assert redo is not None
    redo.trigger()
    window.close()

    db = open_database(demo_path)
    assert queue_order(db, manager) == after
    db.close()


def test_ctrl_down_moves_the_selected_project_one_place(window: MainWindow) -> None:
    manager = one_managers_queue(window)
    before = shown_ids(window)
    window.queue.view.selectRow(1)
    window.queue.view.setFocus()
    QTest.keyClick(window.queue.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.db is not None
    assert queue_order(window.db, manager) == [before[0], before[2], before[1], *before[3:]]
    assert window.queue.selected_id() == before[1]  # the moved project stays selected


def test_ctrl_p_pins_and_undo_unpins(window: MainWindow) -> None:
    window.queue.view.selectRow(0)
    row = window.queue.selected_row()
    assert row is not None and not row.pinned
    window.queue.view.setFocus()
    QTest.keyClick(window.queue.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.db is not None
    pinned = {r.id: r.pinned for r in list_queue(window.db)}
    assert pinned[row.id]
    tooltip = window.queue.model.index(0, window.queue.model.column_of("score")).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "+10 pinned" in tooltip.splitlines()
    window.undo_stack.undo()
    assert not {r.id: r.pinned for r in list_queue(window.db)}[row.id]


def test_ctrl_3_pauses_the_selected_project_and_undo_restores_its_status(
    window: MainWindow,
) -> None:
    window.queue.view.selectRow(0)
    row = window.queue.selected_row()
    assert row is not None and row.status != "paused"
    window.queue.view.setFocus()
    QTest.keyClick(window.queue.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.db is not None
    assert {r.id: r.status for r in list_queue(window.db)}[row.id] == "paused"
    assert window.undo_stack.undoText().startswith(f"Set {row.code} to")
    window.undo_stack.undo()
    assert {r.id: r.status for r in list_queue(window.db)}[row.id] == row.status
    window.undo_stack.redo()  # redo is not refused as stale by the version undo moved on
    assert {r.id: r.status for r in list_queue(window.db)}[row.id] == "paused"


def test_score_tooltip_lists_the_factors_that_produced_the_score(window: MainWindow) -> None:
    model, column = window.queue.model, window.queue.model.column_of("score")
    explained = 0
    for r in range(model.rowCount()):
        score = model.score_at(r)
        lines = model.index(r, column).data(Qt.ItemDataRole.ToolTipRole).splitlines()
        if score.parts:
            assert len(lines) == len(score.parts)
            assert sum(int(line.split()[0]) for line in lines) == score.total
            explained += 1
        else:
            assert lines == ["Nothing raises this project's priority now"]
    assert explained > 60


def test_switching_rules_reorders_the_priority_view(window: MainWindow) -> None:
    queue = window.queue
    queue.order.setCurrentIndex(queue.order.findData("priority"))
    conveyor_top = shown_ids(window)[:10]
    queue.rules.setFocus()
    QTest.keyClick(queue.rules, Qt.Key.Key_Down)  # conveyor -> boutique, as a person would
    assert queue.rules.currentData() == "boutique"
    boutique_top = shown_ids(window)[:10]
    assert boutique_top != conveyor_top
    scores = [queue.model.score_at(queue.model.row_of(pid) or 0).total for pid in shown_ids(window)]
    assert scores == sorted(scores, reverse=True)
    window.undo_stack.undo()
    assert queue.rules.currentData() == "conveyor"


def test_make_it_my_order_stores_the_priority_order_in_one_step(window: MainWindow) -> None:
    manager = one_managers_queue(window)
    queue = window.queue
    assert window.db is not None
    before = queue_order(window.db, manager)
    QTest.mouseClick(queue.apply_button, Qt.MouseButton.LeftButton)
    stored = queue_order(window.db, manager)
    totals = [queue.model.score_at(queue.model.row_of(pid) or 0).total for pid in stored]
    assert totals == sorted(totals, reverse=True) and stored != before
    assert queue.order.currentData() == "manual"
    window.undo_stack.undo()
    assert queue_order(window.db, manager) == before


def test_filters_narrow_the_queue_and_the_status_bar_says_how_far(window: MainWindow) -> None:
    queue = window.queue
    queue.status.setCurrentIndex(queue.status.findData("paused"))
    shown = shown_ids(window)
    rows = {r.id: r for r in list_queue(window.db)}  # type: ignore[arg-type]
    assert shown and all(rows[pid].status == "paused" for pid in shown)
    assert window.shown.text() == f"{len(shown)} of 120 projects"
    queue.status.setCurrentIndex(0)
    queue.health.setCurrentIndex(queue.health.findData("at_risk"))
    assert all(queue.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 4) == "at_risk"
               for r in range(queue.model.rowCount()))  # fmt: skip


def test_search_finds_a_project_by_its_contact_person(window: MainWindow) -> None:
    rows = list_queue(window.db)  # type: ignore[arg-type]
    from accdesk.ops.queue import contact_names

    person = contact_names(window.db)[rows[0].client_id].split()[0:2]  # type: ignore[arg-type]
    window.queue.search.setFocus()
    type_text(window.queue.search, " ".join(person))
    shown = shown_ids(window)
    assert rows[0].id in shown and len(shown) < 120


def test_my_queue_asks_once_who_i_am(window: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    manager = window.queue.model.row_at(0).manager_id
    dialogs.identity = manager
    window.queue.scope.setCurrentIndex(window.queue.scope.findData("mine"))
    assert [q[0] for q in dialogs.questions] == ["identity"]
    rows = {r.id: r for r in list_queue(window.db)}  # type: ignore[arg-type]
    assert {rows[pid].manager_id for pid in shown_ids(window)} == {manager}
    window.queue.scope.setCurrentIndex(window.queue.scope.findData("team"))
    window.queue.scope.setCurrentIndex(window.queue.scope.findData("mine"))
    assert len(dialogs.questions) == 1  # remembered


def test_new_project_refuses_bad_input_on_the_field_then_creates_and_undo_removes(
    window: MainWindow,
    dialogs,  # type: ignore[no-untyped-def]
) -> None:
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        dialog.name.setFocus()
        type_text(dialog.name, "Лендинг к распродаже")
        dialog.effort.clear()
        type_text(dialog.effort, "-3")
        QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        seen.extend(
            label.text()
            for label in dialog.findChildren(QLabel)
            if label.objectName().startswith("error_") and label.isVisible()
        )
        assert dialog.isVisible()  # refused: the dialog stays, with the messages
        dialog.client.setCurrentIndex(dialog.client.findText("Ёлка"))
        dialog.effort.clear()
        type_text(dialog.effort, "4,5")
        QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    dialogs.fill = fill
    window.queue.new_button.click()
    assert sorted(seen) == ["Client is required", "Weekly effort, hours must be at least 0"]
    rows = {r.name: r for r in list_queue(window.db)}  # type: ignore[arg-type]
    created = rows["Лендинг к распродаже"]
    assert (created.client_name, created.weekly_effort_hours) == ("Ёлка", 4.5)
    assert window.queue.selected_id() == created.id
    window.undo_stack.undo()
    assert "Лендинг к распродаже" not in {r.name for r in list_queue(window.db)}  # type: ignore[arg-type]


def test_make_it_my_order_ranks_projects_hidden_by_the_search_by_their_own_score(
    window: MainWindow,
) -> None:
    manager = one_managers_queue(window)
    queue = window.queue
    visible_before = shown_ids(window)
    queue.search.setFocus()
    type_text(queue.search, window.queue.model.project(visible_before[0]).code)  # type: ignore[union-attr]
    assert len(shown_ids(window)) == 1
    QTest.mouseClick(queue.apply_button, Qt.MouseButton.LeftButton)
    assert window.db is not None
    stored = queue_order(window.db, manager)
    totals = [queue.model.score_of(queue.model.project(pid)).total for pid in stored]  # type: ignore[arg-type]
    assert totals == sorted(totals, reverse=True)


def test_status_cell_edits_inline_with_f2_and_undo_restores(
    window: MainWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    queue, db = window.queue, window.db
    assert db is not None
    column = queue.model.column_of("status")
    queue.view.selectRow(2)
    project = queue.selected_row()
    assert project is not None and project.status == "active"
    queue.view.setCurrentIndex(queue.model.index(2, column))
    queue.view.setFocus()
    QTest.keyClick(queue.view, Qt.Key.Key_F2)
    editor = queue.view.findChild(QComboBox, "statusEditor")
    assert editor is not None and editor.isVisible()
    assert editor.currentData() == "active"
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_Down)  # active -> paused
    QTest.keyClick(editor, Qt.Key.Key_Return)

    def stored() -> str:
        return {r.id: r.status for r in list_queue(db)}[project.id]

    qtbot.waitUntil(lambda: stored() == "paused")  # stored once the editor has closed
    row = queue.model.row_of(project.id)
    assert row is not None
    assert queue.model.index(row, column).data() == "Paused"
    assert queue.selected_id() == project.id  # the row was updated where it stands
    window.undo_stack.undo()
    assert stored() == "active"


def test_status_cell_is_not_editable_in_a_read_only_queue(window: MainWindow) -> None:
    model = window.queue.model
    status = model.index(0, model.column_of("status"))
    assert model.flags(status) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, model.column_of("project"))) & Qt.ItemFlag.ItemIsEditable
    model.set_behaviour(movable=False, editable=False)
    assert not model.flags(status) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(status, "paused")


def test_archive_takes_the_row_out_in_place_and_undo_puts_it_back(window: MainWindow) -> None:
    queue = window.queue
    one_managers_queue(window)
    before = shown_ids(window)
    queue.view.selectRow(3)
    target = before[3]
    queue.change_status("archived")
    assert shown_ids(window) == before[:3] + before[4:]
    assert queue.model.total == 119
    assert window.shown.text().endswith("of 119 projects")
    window.undo_stack.undo()
    assert shown_ids(window) == before  # back at its place in the manager's queue
    assert target in shown_ids(window)


def test_typing_a_search_letter_by_letter_matches_searching_at_once(window: MainWindow) -> None:
    """Each letter narrows the last result; deleting one searches all projects again."""
    model = window.queue.model
    typed = ["а", "ан", "анд", "ан", "а", "о", "ов", ""]
    for needle in typed:
        model.set_filters(needle=needle)
        expected = [r.id for r in model.all_rows if needle in model.search_text_of(r)]
        assert [model.row_at(i).id for i in range(model.rowCount())] == expected
    assert model.rowCount() == 120


def test_the_view_paints_the_selected_row_highlighted_and_the_rest_striped(
    window: MainWindow,
) -> None:
    view = window.queue.view
    view.selectRow(1)
    picture = view.viewport().grab().toImage()
    x = view.columnViewportPosition(window.queue.model.column_of("score")) + 3  # left of a number
    palette = view.palette()

    def colour_at(row: int) -> str:
        y = view.rowViewportPosition(row) + view.rowHeight(row) // 2
        return picture.pixelColor(x, y).name()

    assert (
        colour_at(1) == palette.color(palette.ColorGroup.Active, palette.ColorRole.Highlight).name()
    )
    assert colour_at(0) == palette.color(palette.ColorRole.Base).name()
    assert colour_at(3) == palette.color(palette.ColorRole.AlternateBase).name()


def test_the_deadline_score_counts_the_agencys_own_days_off(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The score's "deadline in N business days" is counted on the calendar the agency
    keeps (its holiday country and its own days off), the one its deadlines follow."""
    db = window.db
    assert db is not None
    today = agency_today(agency_timezone(db))
    row = window.queue.model.all_rows[0]
    workdays = WorkdayCalendar("RU")
    ahead = [today + timedelta(days=d) for d in range(1, 15)]
    working = [d for d in ahead if workdays.is_working_day(d)]
    deadline, day_off = working[4], working[1]
    project, changes = create_project(
        db,
        {
            "name": "Landing page",
            "client_id": row.client_id,
            "service_id": project_choices(db)["services"][0][0],
            "deadline": deadline,
        },
        today=today,
    )
    window.events.publish(changes)
    qtbot.waitUntil(lambda: window.queue.model.scores_ready)

    def deadline_days() -> int | None:
        found = window.queue.model.project(project)
        assert found is not None
        parts = window.queue.model.score_of(found).parts
        return next((p.value for p in parts if p.factor is Factor.DEADLINE), None)

    assert deadline_days() == 5
    view = calendar_view(db)
    off = DayOverride(day_off, DayKind.DAY_OFF.value, "", "")
    window.events.publish(save_calendar(db, replace(view, days=(*view.days, off))))
    qtbot.waitUntil(lambda: window.queue.model.scores_ready)
    assert deadline_days() == 4
