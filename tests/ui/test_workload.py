"""The workload window as a team lead uses it: look, drag a project over, rebalance, undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTableView
from sqlalchemy import func, select

from accdesk.models import Assignment
from accdesk.ops.readmodels import ManagerLoad
from accdesk.ops.workload import manager_work, team_workload
from accdesk.storage.db import Database
from tests.conftest import DEMO_NOW
from tests.ui.conftest import ScriptedDialogs
from ui.queue.model import ID_ROLE as QUEUE_ID_ROLE
from ui.shell.main_window import MainWindow
from ui.team.models import ID_ROLE
from ui.team.rebalance import RebalanceDialog
from ui.team.workload import WorkloadWindow


def open_workload(window: MainWindow) -> WorkloadWindow:
    window.now = lambda: DEMO_NOW
    action = window.findChild(QAction, "actionWorkload")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+W"
    action.trigger()
    assert window.workload is not None and window.workload.isVisible()
    return window.workload


def opened(window: MainWindow) -> tuple[WorkloadWindow, Database, tuple[ManagerLoad, ...]]:
    """The workload window on the demo agency, with the team as stored when it opened."""
    workload = open_workload(window)
    assert window.db is not None
    return workload, window.db, team_workload(window.db, DEMO_NOW).managers


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None
    action.trigger()


def history_rows(db: Database) -> int:
    with db.reading() as s:
        return int(s.execute(select(func.count()).select_from(Assignment)).scalar_one())


def row_of(view: QTableView, manager_id: object) -> int:
    model = view.model()
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == manager_id)


def shown(view: QTableView, manager_id: object, column: int) -> str:
    return str(view.model().index(row_of(view, manager_id), column).data())


def drop_on_manager(workload: WorkloadWindow, data: QMimeData, manager_id: object) -> None:
    """The events Qt delivers to the managers' table for a real drop on a row."""
    view = workload.managers_table
    rect = view.visualRect(view.model().index(row_of(view, manager_id), 1))
    point = rect.center()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for kind in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        try:
            event = kind(point.toPointF(), Qt.DropAction.MoveAction, data, buttons, mods)
        except TypeError:  # PySide6 before 6.12 takes a QPoint for some of these
            event = kind(point, Qt.DropAction.MoveAction, data, buttons, mods)
        QApplication.sendEvent(view.viewport(), event)


def test_the_workload_window_shows_each_manager_with_marks_and_passes_the_model_tester(
    window: MainWindow,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    workload = open_workload(window)
    assert window.db is not None
    team = team_workload(window.db, DEMO_NOW)
    view = workload.managers_table
    assert view.model().rowCount() == len(team.managers) == 6
    for m in team.managers:
        assert shown(view, m.id, 1) == str(m.projects)
        assert shown(view, m.id, 4) == f"{m.utilisation:.0%}".replace("%", " %")
    over = max(team.managers, key=lambda m: m.utilisation)
    index = view.model().index(row_of(view, over.id), 4)
    assert over.utilisation > 1
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Over capacity" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert workload.chart.load_widths() == [m.load_hours for m in team.managers]
    assert "6 managers" in workload.summary.text()
    # Choosing a manager lists their open projects.
    view.setCurrentIndex(view.model().index(row_of(view, over.id), 0))
    assert workload.work.rowCount() == over.projects
    qtmodeltester.check(workload.managers)
    qtmodeltester.check(workload.work)


def test_dragging_a_project_onto_another_manager_moves_it_and_undo_restores(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    workload, db, team = opened(window)
    source = max(team, key=lambda m: m.utilisation)
    target = min(team, key=lambda m: m.utilisation)
    workload.select_manager(source.id)
    proxy = workload.work_proxy
    first = proxy.index(0, 0)
    moved = first.data(ID_ROLE)
    hours = next(w.hours for w in manager_work(db, source.id) if w.id == moved)
    before_rows = history_rows(db)
    dialogs.texts = ["Отпуск менеджера"]
    dialogs.confirmations = [True]
    data = proxy.mimeData([first])
    drop_on_manager(workload, data, target.id)

    view = workload.managers_table
    assert shown(view, target.id, 1) == str(target.projects + 1)
    assert shown(view, source.id, 1) == str(source.projects - 1)
    assert history_rows(db) == before_rows + 1
    assert moved in {w.id for w in manager_work(db, target.id)}
    widths = dict(
        zip((m.id for m in workload.managers.managers), workload.chart.load_widths(), strict=True)
    )
    assert widths[target.id] == target.load_hours + hours
    assert dialogs.questions[-1][0] == "Why do they move?"

    trigger(window, "actionUndo")
    assert shown(view, target.id, 1) == str(target.projects)
    assert shown(view, source.id, 1) == str(source.projects)
    assert history_rows(db) == before_rows
    assert workload.chart.load_widths() == [m.load_hours for m in team]
    trigger(window, "actionRedo")
    assert shown(view, target.id, 1) == str(target.projects + 1)


def test_a_move_cancelled_at_the_reason_writes_nothing(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    workload, db, team = opened(window)
    workload.select_manager(team[0].id)
    before = history_rows(db)
    dialogs.texts = [None]
    dialogs.confirmations = [True]
    drop_on_manager(
        workload, workload.work_proxy.mimeData([workload.work_proxy.index(0, 0)]), team[1].id
    )
    assert history_rows(db) == before
    assert shown(workload.managers_table, team[0].id, 1) == str(team[0].projects)


def test_the_rebalance_preview_lists_moves_and_applies_the_chosen_ones_in_one_step(
    window: MainWindow,
    dialogs: ScriptedDialogs,
    qtbot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    workload = open_workload(window)
    db = window.db
    assert db is not None
    before = history_rows(db)
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RebalanceDialog)
        moves = dialog.moves
        qtmodeltester.check(moves)
        seen["moves"] = moves.rowCount()
        assert moves.rowCount() >= 2
        assert all(moves.index(r, 4).data() for r in range(moves.rowCount()))  # each says why
        # Untick the last suggestion with a click on its box.
        view = dialog.moves_view
        rect = view.visualRect(moves.index(moves.rowCount() - 1, 0))
        QTest.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(rect.left() + 10, rect.center().y()),
        )
        chosen = moves.chosen()
        assert len(chosen) == moves.rowCount() - 1
        seen["projects"] = sum(len(m.project_ids) for m in chosen)
        seen["after"] = dialog.chart.after_widths()
        summary = dialog.findChild(QLabel, "rebalanceSummary")
        assert summary is not None and "The highest load goes from 260 % to" in summary.text()
        QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    dialogs.fill = fill
    trigger(window, "actionRebalance")
    qtbot.waitUntil(lambda: history_rows(db) > before, timeout=10_000)
    assert history_rows(db) == before + seen["projects"]
    assert window.undo_stack.count() == 1
    trigger(window, "actionUndo")
    assert history_rows(db) == before
    team = team_workload(db, DEMO_NOW).managers
    assert workload.chart.load_widths() == [m.load_hours for m in team]


def test_a_project_dragged_from_the_queue_moves_to_the_manager_it_is_dropped_on(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    workload = open_workload(window)
    db = window.db
    assert db is not None
    queue = window.queue.model
    project = queue.index(0, 0).data(QUEUE_ID_ROLE)
    owner = next(w.manager_id for w in manager_work(db, None) if w.id == project)
    target = next(m for m in workload.managers.managers if m.id != owner)
    dialogs.texts = ["Клиент попросил другого менеджера"]
    dialogs.confirmations = [True]
    drop_on_manager(workload, queue.mimeData([queue.index(0, 0)]), target.id)
    assert project in {w.id for w in manager_work(db, target.id)}
    # The queue's row for the project names its new manager.
    row = queue.row_of(project)
    assert row is not None
    assert queue.index(row, queue.column_of("manager")).data() == target.name


def test_the_window_remembers_its_layout_and_moves_by_keyboard(
    window: MainWindow,
    dialogs: ScriptedDialogs,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    workload, db, team = opened(window)
    workload.upper.setSizes([300, 900])
    remembered = workload.upper.sizes()
    workload.close()
    window.workload = None
    again = open_workload(window)
    assert again is not workload and again.upper.sizes() == remembered
    # Ctrl+M opens "Move to…" with every other manager; choosing one moves the selection.
    again.select_manager(team[0].id)
    again.work_table.selectRow(0)
    moved = again.selected_projects()
    dialogs.texts = ["Перераспределение"]
    dialogs.confirmations = [True]
    qtbot.waitUntil(again.isActiveWindow)

    def choose() -> None:
        menu = again.move_menu
        assert [a.text().split(" (")[0] for a in menu.actions()] == [m.name for m in team[1:]]
        menu.actions()[0].trigger()
        menu.close()

    QTimer.singleShot(50, choose)
    QTest.keyClick(again, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: {w.id for w in manager_work(db, team[1].id)} >= set(moved))
    assert dialogs.errors == []


def test_the_workload_table_is_exported_as_shown(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    workload, _db, team = opened(window)
    target = tmp_path / "workload.csv"
    dialogs.paths = [str(target)]
    QTest.mouseClick(workload.export_button, Qt.MouseButton.LeftButton)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Manager;Projects;Load, h;Capacity, h;Utilisation")
    assert [line.split(";")[0] for line in lines[1:]] == [m.name for m in team]
