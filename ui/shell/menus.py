"""The main window's menu bar: every action, its shortcut and the slot it calls.

Built once per window. Each action has an object name (`actionNew`, `actionStatus_done`)
so tests and the shortcut reference can find it; the texts keep the window's translation
context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.common.i18n import LANGUAGE_NAMES, system_language, translate
from ui.common.i18n import SETTING as LANGUAGE_SETTING
from ui.common.qt import slot
from ui.queue.looks import STATUS_LABELS

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

Key = QKeySequence.StandardKey | str | None


def action(window: MainWindow, text: str, slot: Callable[[], Any], keys: Key, name: str) -> QAction:
    made = QAction(text, window)
    if keys is not None:
        made.setShortcut(QKeySequence(keys))
    made.triggered.connect(lambda _checked=False: slot())
    made.setObjectName(name)
    return made


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu(window, bar.addMenu(translate("MainWindow", "&File")))
    edit_menu(window, bar.addMenu(translate("MainWindow", "&Edit")))
    project_menu(window, bar.addMenu(translate("MainWindow", "&Project")))
    client_menu(window, bar.addMenu(translate("MainWindow", "&Client")))
    team_menu(window, bar.addMenu(translate("MainWindow", "&Team")))
    day_menu(window, bar.addMenu(translate("MainWindow", "&Day")))
    brief_menu(window, bar.addMenu(translate("MainWindow", "&Brief")))
    help_menu(window, bar.addMenu(translate("MainWindow", "&Help")))


Item = tuple[str, Callable[[], Any], Key, str]  # text, slot, keys, object name


def _add(window: MainWindow, menu: QMenu, items: list[Item]) -> None:
    for text, call, keys, name in items:
        menu.addAction(action(window, text, call, keys, name))


def file_menu(window: MainWindow, menu: QMenu) -> None:
    std = QKeySequence.StandardKey
    _add(
        window,
        menu,
        [
            (
                translate("MainWindow", "&New database…"),
                window.new_database_dialog,
                std.New,
                "actionNew",
            ),
            (
                translate("MainWindow", "&Open database…"),
                window.open_database_dialog,
                std.Open,
                "actionOpen",
            ),
            (
                translate("MainWindow", "Connect to &team database…"),
                window.connect_team_dialog,
                "Ctrl+Shift+O",
                "actionConnectTeam",
            ),
            (
                translate("MainWindow", "Create &demo data…"),
                window.create_demo_dialog,
                None,
                "actionDemo",
            ),
        ],
    )
    menu.addSeparator()
    _add(
        window,
        menu,
        [
            (
                translate("MainWindow", "&Restore from backup…"),
                window.session.restore_from_backup,
                None,
                "actionRestore",
            ),
            (
                translate("MainWindow", "&Import from a spreadsheet…"),
                window.import_spreadsheet,
                "Ctrl+I",
                "actionImport",
            ),
            (
                translate("MainWindow", "Export &table as Excel or CSV…"),
                window.export_table,
                "Ctrl+Shift+X",
                "actionExportTable",
            ),
            (
                translate("MainWindow", "&Export all data as JSON…"),
                window.export_everything,
                None,
                "actionExportAll",
            ),
        ],
    )
    menu.addSeparator()
    _add(window, menu, [(translate("MainWindow", "&Quit"), window.close, std.Quit, "actionQuit")])


def edit_menu(window: MainWindow, menu: QMenu) -> None:
    undo = window.undo_stack.createUndoAction(window, translate("MainWindow", "&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setObjectName("actionUndo")
    redo = window.undo_stack.createRedoAction(window, translate("MainWindow", "&Redo"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    redo.setObjectName("actionRedo")
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    find = QKeySequence.StandardKey.Find
    _add(
        window,
        menu,
        [(translate("MainWindow", "&Find project"), window.queue.focus_search, find, "actionFind")],
    )
    menu.addSeparator()
    _add(
        window,
        menu,
        [(translate("MainWindow", "Who am &I…"), window.choose_identity, None, "actionIdentity")],
    )
    language_menu(window, menu.addMenu(translate("MainWindow", "&Language")))


def language_menu(window: MainWindow, menu: QMenu) -> None:
    """System, Русский, English; the names of languages are written in themselves."""
    menu.setObjectName("menuLanguage")
    group = QActionGroup(menu)
    stored = window.settings.value(LANGUAGE_SETTING)
    choices = (
        (
            "",
            translate("MainWindow", "As the system (%1)").replace(
                "%1", LANGUAGE_NAMES[system_language()]
            ),
        ),
        *LANGUAGE_NAMES.items(),
    )
    for code, name in choices:
        item = menu.addAction(name)
        item.setObjectName(f"actionLanguage_{code or 'system'}")
        item.setCheckable(True)
        item.setChecked(code == (stored if stored in LANGUAGE_NAMES else ""))
        item.triggered.connect(lambda _c=False, c=code: window.choose_language(c))
        group.addAction(item)


def project_menu(window: MainWindow, menu: QMenu) -> None:
    queue = window.queue
    _add(
        window,
        menu,
        [
            (
                translate("MainWindow", "&New project…"),
                queue.new_project,
                "Ctrl+Shift+N",
                "actionNewProject",
            ),
            (
                translate("MainWindow", "Move &up"),
                lambda: queue.move_selected(-1),
                "Ctrl+Up",
                "actionMoveUp",
            ),
            (
                translate("MainWindow", "Move &down"),
                lambda: queue.move_selected(1),
                "Ctrl+Down",
                "actionMoveDown",
            ),
            (translate("MainWindow", "&Pin or unpin"), queue.toggle_pin, "Ctrl+P", "actionPin"),
            (
                translate("MainWindow", "&Archive"),
                lambda: queue.change_status("archived"),
                "Ctrl+Del",
                "actionArchive",
            ),
            (
                translate("MainWindow", "Make the priority order &mine"),
                queue.apply_priority_order,
                "Ctrl+Shift+P",
                "actionApplyPriority",
            ),
        ],
    )
    status = menu.addMenu(translate("MainWindow", "&Status"))
    for number, key in enumerate(("planned", "active", "paused", "done"), start=1):
        label = translate("QueueModel", STATUS_LABELS[key])
        change = slot(queue.change_status, key)
        status.addAction(action(window, label, change, f"Ctrl+{number}", f"actionStatus_{key}"))


def client_menu(window: MainWindow, menu: QMenu) -> None:
    matrix = (
        translate("MainWindow", "&Up-sell matrix…"),
        window.open_upsell_matrix,
        "Ctrl+Shift+M",
    )
    _add(window, menu, [(*matrix, "actionUpsellMatrix")])


def team_menu(window: MainWindow, menu: QMenu) -> None:
    _add(
        window,
        menu,
        [
            (
                translate("MainWindow", "&Workload…"),
                window.open_workload,
                "Ctrl+Shift+W",
                "actionWorkload",
            ),
            (
                translate("MainWindow", "Suggest a &rebalance…"),
                lambda: window.open_workload(suggest=True),
                None,
                "actionRebalance",
            ),
        ],
    )


def day_menu(window: MainWindow, menu: QMenu) -> None:
    capture = action(
        window,
        translate("MainWindow", "&Capture request…"),
        window.capture_request,
        "Ctrl+Shift+R",
        "actionCapture",
    )
    # From anywhere in the window, whatever has the focus.
    capture.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    menu.addAction(capture)
    requests = window.requests
    for item in (requests.answer_action, requests.link_action, requests.brief_action):
        menu.addAction(item)
    menu.addSeparator()
    tabs = (
        (translate("MainWindow", "Project &queue"), window.queue),
        (translate("MainWindow", "&Requests"), requests),
    )
    for number, (text, pane) in enumerate(
        (*tabs, (translate("MainWindow", "&Today"), window.agenda)), start=1
    ):
        show = slot(window.day_tabs.setCurrentWidget, pane)
        menu.addAction(action(window, text, show, f"Alt+{number}", f"actionTab{number}"))
    menu.addSeparator()
    _add(
        window,
        menu,
        [
            (
                translate("MainWindow", "Response &statistics…"),
                window.open_stats,
                "Ctrl+Shift+T",
                "actionStats",
            ),
            (
                translate("MainWindow", "Working &calendar…"),
                window.open_calendar,
                None,
                "actionCalendar",
            ),
        ],
    )


def brief_menu(window: MainWindow, menu: QMenu) -> None:
    briefs = window.briefs
    _add(
        window,
        menu,
        [(translate("MainWindow", "&New brief"), window.new_brief, "Ctrl+B", "actionNewBrief")],
    )
    focus = action(
        window,
        translate("MainWindow", "&Focus on the brief"),
        window.panes.toggle_focus,
        "Ctrl+Shift+F",
        "actionBriefFocus",
    )
    focus.setCheckable(True)
    window.panes.focus_changed.connect(focus.setChecked)
    menu.addAction(focus)
    menu.addSeparator()
    for text, fmt, keys in (
        (translate("MainWindow", "Export as &Markdown…"), "md", "Ctrl+E"),
        (translate("MainWindow", "Export as &HTML…"), "html", None),
        (translate("MainWindow", "Export as &PDF…"), "pdf", "Ctrl+Shift+E"),
    ):
        menu.addAction(action(window, text, slot(briefs.export, fmt), keys, f"actionExport_{fmt}"))
    copy = (
        translate("MainWindow", "&Copy as Markdown"),
        briefs.copy_markdown,
        "Ctrl+Shift+C",
        "actionCopyMarkdown",
    )
    _add(window, menu, [copy])
    menu.addSeparator()
    for text, state, keys in (
        (translate("MainWindow", "Mark as &sent"), "sent", "Ctrl+Shift+S"),
        (translate("MainWindow", "Mark as &accepted"), "accepted", "Ctrl+Shift+A"),
        (translate("MainWindow", "Back to &draft"), "draft", None),
    ):
        mark = slot(briefs.set_status, state)
        menu.addAction(action(window, text, mark, keys, f"actionBrief_{state}"))
    menu.addSeparator()
    _add(
        window,
        menu,
        [
            (translate("MainWindow", "&History…"), briefs.show_history, "Ctrl+H", "actionHistory"),
            (
                translate("MainWindow", "Save as &template…"),
                briefs.save_as_template,
                None,
                "actionSaveTemplate",
            ),
            (
                translate("MainWindow", "Audience &levels…"),
                briefs.edit_audience_levels,
                None,
                "actionAudienceLevels",
            ),
        ],
    )


def help_menu(window: MainWindow, menu: QMenu) -> None:
    _add(
        window,
        menu,
        [
            (
                translate("MainWindow", "&Keyboard shortcuts"),
                window.show_shortcuts,
                QKeySequence.StandardKey.HelpContents,
                "actionShortcuts",
            ),
            (translate("MainWindow", "&About accdesk"), window.about, None, "actionAbout"),
        ],
    )
