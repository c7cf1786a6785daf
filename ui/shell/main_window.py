"""The main window: wires the three panes, the menus and the database; holds no domain logic."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accdesk import __version__
from accdesk.demo.agency import create_demo
from accdesk.errors import AccdeskError, DamagedDatabase, DatabaseInUse
from accdesk.ops.archive import export_archive
from accdesk.ops.briefs import drafts
from accdesk.ops.readmodels import ProjectRow, RequestRow
from accdesk.ops.summary import counts
from accdesk.storage.access import Identity
from accdesk.storage.backup import (
    BackupInfo,
    last_backup_time,
    list_backups,
    newest_good_backup,
    restore,
    rolling_backup,
)
from accdesk.storage.credentials import without_password
from accdesk.storage.db import Database, open_database
from accdesk.storage.files import write_export
from accdesk.storage.sqlitefile import verify_sqlite
from accdesk.types import utcnow
from ui.briefs.editor import BriefEditorPane
from ui.card.pane import ClientCardPane
from ui.card.upsell_matrix import UpsellMatrixDialog
from ui.common.background import Background
from ui.common.context import PaneContext
from ui.common.dialogs import Dialogs, describe_backup
from ui.common.events import AppEvents
from ui.common.formatting import stamp
from ui.common.i18n import LANGUAGE_NAMES, current_language, system_language, translate
from ui.common.i18n import SETTING as LANGUAGE_SETTING
from ui.common.table_export import export_view
from ui.common.widgets import after_first_paint
from ui.day.agenda_pane import AgendaPane
from ui.day.calendar_dialog import CalendarDialog
from ui.day.requests_pane import RequestsPane
from ui.day.stats_dialog import StatsDialog
from ui.queue.model import STATUS_LABELS
from ui.queue.pane import QueuePane
from ui.shell.connect_dialog import ConnectDialog
from ui.shell.import_dialog import ImportWizard
from ui.shell.live import LiveUpdates
from ui.shell.shortcuts import ShortcutsDialog
from ui.shell.totals import TotalsLabel
from ui.shell.welcome import WelcomePane
from ui.team.workload import WorkloadWindow

BACKUP_EVERY_S = 24 * 3600
VERIFY_DELAY_MS = 300
BACKUP_CHECK_MS = 3600 * 1000  # how often a running window asks whether a backup is due


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: QSettings,
        dialogs: Dialogs | None = None,
        *,
        default_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.dialogs = dialogs or Dialogs()
        self.db: Database | None = None
        self._default_path = default_path
        self.events = AppEvents(self)
        self.undo_stack = QUndoStack(self)
        self.background = Background(self)
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self._backup_if_due)

        # The day's clock; tests put a fixed moment here.
        self.now: Callable[[], datetime] = utcnow
        self.context = PaneContext(
            self.events,
            self.undo_stack,
            self.dialogs,
            settings,
            self.background,
            lambda: self.now(),
        )
        self.queue = QueuePane(self.context, self)
        self.card = ClientCardPane(self.context, self)
        self._matrix: UpsellMatrixDialog | None = None
        self.live: LiveUpdates | None = None  # others' changes, on a team database
        self.workload: WorkloadWindow | None = None
        self.briefs = BriefEditorPane(self.context, self)
        self.requests = RequestsPane(self.context, self)
        self.agenda = AgendaPane(self.context, self)
        # The day's three views share the left of the window: the queue, what clients are
        # waiting for, and the plan for today. The tab says which it is.
        self.queue.heading.hide()
        self.day_tabs = QTabWidget(self)
        self.day_tabs.setObjectName("dayTabs")
        self.day_tabs.setDocumentMode(True)
        self.day_tabs.addTab(self.queue, self.tr("Project queue"))
        self.day_tabs.addTab(self.requests, self.tr("Requests"))
        self.day_tabs.addTab(self.agenda, self.tr("Today"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("paneSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane, stretch in ((self.day_tabs, 5), (self.card, 3), (self.briefs, 3)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.indexOf(pane), stretch)
        self.banner = QLabel(self)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        # A team database's server gone: said at the top, where the work is.
        self.connection_banner = QLabel(self)
        self.connection_banner.setObjectName("connectionBanner")
        self.connection_banner.setWordWrap(True)
        self.connection_banner.hide()
        self.work = QWidget(self)
        work_layout = QVBoxLayout(self.work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.setSpacing(0)
        work_layout.addWidget(self.banner)
        work_layout.addWidget(self.connection_banner)
        work_layout.addWidget(self.splitter, 1)
        self.welcome = WelcomePane(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.work)
        self.setCentralWidget(self.stack)

        self.location = QLabel(self)
        self.location.setObjectName("statusLocation")
        self.shown = QLabel(self)
        self.shown.setObjectName("statusShown")
        self.totals = TotalsLabel(self.events, self)
        self.statusBar().addWidget(self.location, 1)
        self.statusBar().addPermanentWidget(self.shown)
        self.statusBar().addPermanentWidget(self.totals)

        self._build_menus()
        self.queue.project_selected.connect(self._on_project_selected)
        self.queue.count_changed.connect(self.shown.setText)
        self.requests.request_selected.connect(self._on_request_selected)
        self.agenda.client_selected.connect(self._show_client)
        self.requests.count_changed.connect(self._requests_counted)
        self.requests.brief_created.connect(self._open_new_brief)
        self.day_tabs.currentChanged.connect(self._on_tab)
        self.requests.tray = self._tray()
        self.welcome.create_demo.connect(self._welcome_demo)
        self.welcome.start_empty.connect(self._welcome_empty)
        self.welcome.open_existing.connect(self.open_database_dialog)
        self.setWindowTitle("accdesk")
        self.resize(1440, 900)
        self._panes_restored = False
        self.restart_requested = False  # set when the person asked for a restart (language)
        self.resumed = False  # True once a database's first screen is complete
        self._restore_layout()

    # Menus -----------------------------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: Any = None, name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        file = self.menuBar().addMenu(self.tr("&File"))
        file.addAction(
            self._action(
                self.tr("&New database…"),
                self.new_database_dialog,
                QKeySequence.StandardKey.New,
                "actionNew",
            )
        )
        file.addAction(
            self._action(
                self.tr("&Open database…"),
                self.open_database_dialog,
                QKeySequence.StandardKey.Open,
                "actionOpen",
            )
        )
        file.addAction(
            self._action(
                self.tr("Connect to &team database…"),
                self.connect_team_dialog,
                "Ctrl+Shift+O",
                "actionConnectTeam",
            )
        )
        file.addAction(
            self._action(self.tr("Create &demo data…"), self.create_demo_dialog, None, "actionDemo")
        )
        file.addSeparator()
        file.addAction(
            self._action(
                self.tr("&Restore from backup…"), self.restore_dialog, None, "actionRestore"
            )
        )
        file.addAction(
            self._action(
                self.tr("&Import from a spreadsheet…"),
                self.import_spreadsheet,
                "Ctrl+I",
                "actionImport",
            )
        )
        file.addAction(
            self._action(
                self.tr("Export &table as Excel or CSV…"),
                self.export_table,
                "Ctrl+Shift+X",
                "actionExportTable",
            )
        )
        file.addAction(
            self._action(
                self.tr("&Export all data as JSON…"),
                self.export_everything,
                None,
                "actionExportAll",
            )
        )
        file.addSeparator()
        file.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "actionQuit")
        )

        edit = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("actionUndo")
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setObjectName("actionRedo")
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        edit.addAction(
            self._action(
                self.tr("&Find project"),
                self.queue.focus_search,
                QKeySequence.StandardKey.Find,
                "actionFind",
            )
        )

        edit.addSeparator()
        edit.addAction(
            self._action(self.tr("Who am &I…"), self._choose_identity, None, "actionIdentity")
        )
        self._build_language_menu(edit.addMenu(self.tr("&Language")))

        project = self.menuBar().addMenu(self.tr("&Project"))
        for text, slot, keys, name in (
            (self.tr("&New project…"), self.queue.new_project, "Ctrl+Shift+N", "actionNewProject"),
            (self.tr("Move &up"), lambda: self.queue.move_selected(-1), "Ctrl+Up", "actionMoveUp"),
            (
                self.tr("Move &down"),
                lambda: self.queue.move_selected(1),
                "Ctrl+Down",
                "actionMoveDown",
            ),
            (self.tr("&Pin or unpin"), self.queue.toggle_pin, "Ctrl+P", "actionPin"),
            (
                self.tr("&Archive"),
                lambda: self.queue.change_status("archived"),
                "Ctrl+Del",
                "actionArchive",
            ),
            (
                self.tr("Make the priority order &mine"),
                self.queue.apply_priority_order,
                "Ctrl+Shift+P",
                "actionApplyPriority",
            ),
        ):
            project.addAction(self._action(text, slot, keys, name))
        status = project.addMenu(self.tr("&Status"))
        for number, key in enumerate(("planned", "active", "paused", "done"), start=1):
            status.addAction(
                self._action(
                    translate("QueueModel", STATUS_LABELS[key]),
                    lambda _checked=False, k=key: self.queue.change_status(k),
                    f"Ctrl+{number}",
                    f"actionStatus_{key}",
                )
            )

        client = self.menuBar().addMenu(self.tr("&Client"))
        client.addAction(
            self._action(
                self.tr("&Up-sell matrix…"),
                self.open_upsell_matrix,
                "Ctrl+Shift+M",
                "actionUpsellMatrix",
            )
        )

        team = self.menuBar().addMenu(self.tr("&Team"))
        team.addAction(
            self._action(
                self.tr("&Workload…"), self.open_workload, "Ctrl+Shift+W", "actionWorkload"
            )
        )
        team.addAction(
            self._action(
                self.tr("Suggest a &rebalance…"),
                lambda: self.open_workload(suggest=True),
                None,
                "actionRebalance",
            )
        )

        day = self.menuBar().addMenu(self.tr("&Day"))
        capture = self._action(
            self.tr("&Capture request…"), self.capture_request, "Ctrl+Shift+R", "actionCapture"
        )
        # From anywhere in the window, whatever has the focus.
        capture.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        day.addAction(capture)
        day.addAction(self.requests.answer_action)
        day.addAction(self.requests.link_action)
        day.addAction(self.requests.brief_action)
        day.addSeparator()
        for number, (text, pane) in enumerate(
            (
                (self.tr("Project &queue"), self.queue),
                (self.tr("&Requests"), self.requests),
                (self.tr("&Today"), self.agenda),
            ),
            start=1,
        ):
            day.addAction(
                self._action(
                    text,
                    lambda _c=False, p=pane: self.day_tabs.setCurrentWidget(p),
                    f"Alt+{number}",
                    f"actionTab{number}",
                )
            )
        day.addSeparator()
        day.addAction(
            self._action(
                self.tr("Response &statistics…"), self.open_stats, "Ctrl+Shift+T", "actionStats"
            )
        )
        day.addAction(
            self._action(self.tr("Working &calendar…"), self.open_calendar, None, "actionCalendar")
        )

        brief = self.menuBar().addMenu(self.tr("&Brief"))
        brief.addAction(
            self._action(
                self.tr("&New brief"), lambda: self.briefs.new_brief(), "Ctrl+B", "actionNewBrief"
            )
        )
        brief.addSeparator()
        for text, fmt, keys in (
            (self.tr("Export as &Markdown…"), "md", "Ctrl+E"),
            (self.tr("Export as &HTML…"), "html", None),
            (self.tr("Export as &PDF…"), "pdf", "Ctrl+Shift+E"),
        ):
            brief.addAction(
                self._action(
                    text, lambda _c=False, f=fmt: self.briefs.export(f), keys, f"actionExport_{fmt}"
                )
            )
        brief.addAction(
            self._action(
                self.tr("&Copy as Markdown"),
                self.briefs.copy_markdown,
                "Ctrl+Shift+C",
                "actionCopyMarkdown",
            )
        )
        brief.addSeparator()
        for text, state, keys in (
            (self.tr("Mark as &sent"), "sent", "Ctrl+Shift+S"),
            (self.tr("Mark as &accepted"), "accepted", "Ctrl+Shift+A"),
            (self.tr("Back to &draft"), "draft", None),
        ):
            brief.addAction(
                self._action(
                    text,
                    lambda _c=False, s=state: self.briefs.set_status(s),
                    keys,
                    f"actionBrief_{state}",
                )
            )
        brief.addSeparator()
        brief.addAction(
            self._action(self.tr("&History…"), self.briefs.show_history, "Ctrl+H", "actionHistory")
        )
        brief.addAction(
            self._action(
                self.tr("Save as &template…"),
                self.briefs.save_as_template,
                None,
                "actionSaveTemplate",
            )
        )
        brief.addAction(
            self._action(
                self.tr("Audience &levels…"),
                self.briefs.edit_audience_levels,
                None,
                "actionAudienceLevels",
            )
        )

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                self.tr("&Keyboard shortcuts"),
                self.show_shortcuts,
                QKeySequence.StandardKey.HelpContents,
                "actionShortcuts",
            )
        )
        help_menu.addAction(
            self._action(self.tr("&About accdesk"), self._about, None, "actionAbout")
        )

    # Databases -------------------------------------------------------------------------------
    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)
        self.location.setText(self.tr("No database open"))
        self.totals.clear()

    def use_database(self, db: Database) -> None:
        """Show `db` in the window; the previous database is saved and closed."""
        self._close_database()
        self.db = db
        self.resumed = False
        self.undo_stack.clear()
        self.briefs.set_database(db)
        self.card.set_database(db)
        self.queue.set_database(db)
        self.stack.setCurrentWidget(self.work)
        # The inbox and the day's plan: after the queue is on screen, as the totals are.
        after_first_paint(self.queue.view.viewport(), lambda: self._day_panes(db))
        self.banner.setVisible(db.read_only)
        self.banner.setText(
            self.tr(
                "Read-only: another accdesk window or command is writing to this database. "
                "You can look around here; to change anything, use that window."
            )
        )
        self.location.setText(self.tr("Database: %1").replace("%1", db.location))
        if db.path is None:
            self._follow_team(db)
            if db.identity is not None:
                self.location.setText(
                    self.tr("Team database: %1 · you: %2")
                    .replace("%1", db.location)
                    .replace("%2", self._who(db.identity))
                )
        self.setWindowTitle(
            f"{Path(db.location).name} — accdesk" if db.path else f"{db.location} — accdesk"
        )
        # Totals count 200,000 requests on a large agency: after the first paint, not before.
        self.totals.set_database(db)
        after_first_paint(self.queue.view.viewport(), self.totals.update_counts)
        # The queue goes on screen first; the selected project's card and briefs follow a
        # frame later (they cost as much again on a cold start).
        after_first_paint(self.queue.view.viewport(), lambda: self._resume(db))

    def _day_panes(self, db: Database) -> None:
        if self.db is db:
            self.requests.set_database(db)
            self.agenda.set_database(db)

    def _resume(self, db: Database) -> None:
        """Reselect where the person left off, or the brief with text a crash interrupted."""
        if self.db is not db:
            return
        self.resumed = True
        pending = drafts(db)
        last = (
            str(pending[0].project_id)
            if pending
            else self.settings.value(f"lastProject/{db.location}")
        )
        if not (isinstance(last, str) and self._select(last)) and self.queue.model.rowCount():
            self.queue.view.selectRow(0)
        if pending:
            self.statusBar().showMessage(
                self.tr(
                    "%n brief(s) had text that was not saved; it is back in the editor",
                    "",
                    len(pending),
                ),
                15_000,
            )

    @property
    def settled(self) -> bool:
        """Everything that follows the first paint has arrived (card, totals, scores)."""
        return self.db is None or (self.resumed and self.queue.model.scores_ready)

    def _select(self, text: str) -> bool:
        try:
            return self.queue.select_project(uuid.UUID(text))
        except ValueError:
            return False

    def _try_open(self, target: str | Path, *, demo: bool = False) -> bool:
        try:
            # Pages are checked in a worker once the window is up (see _on_verified).
            db = open_database(target, check_pages=False)
        except DatabaseInUse as exc:
            if not self.dialogs.confirm(
                self, self.tr("Database in use"), str(exc) + "\n\n" + self.tr("Open it read-only?")
            ):
                return False
            try:
                db = open_database(target, check_pages=False, read_only=True)
            except AccdeskError as again:
                self.dialogs.error(self, self.tr("Cannot open the database"), str(again))
                return False
        except AccdeskError as exc:
            self.dialogs.error(self, self.tr("Cannot open the database"), str(exc))
            return False
        try:
            if demo:
                self.events.publish(create_demo(db, lang=current_language()))
        except AccdeskError as exc:
            self.dialogs.error(self, self.tr("Cannot create the demo agency"), str(exc))
        try:
            self.use_database(db)
        except AccdeskError as exc:
            self._give_up(db, exc)
            return False
        if db.path is not None:
            # After the first paint: the page check reads the whole file and should not
            # compete with showing the window; it still ends within about a second.
            QTimer.singleShot(VERIFY_DELAY_MS, lambda: self._verify(db))
            if not db.read_only:
                QTimer.singleShot(30_000, self._backup_if_due)
                self._backup_timer.start()
        self.settings.setValue("lastDatabase", without_password(db.url))
        return True

    def _verify(self, db: Database) -> None:
        if self.db is db and db.path is not None:
            path = db.path
            self.background.run(
                lambda: verify_sqlite(path), lambda _r, error: self._on_verified(db, error)
            )

    def _on_verified(self, db: Database, error: Exception | None) -> None:
        if isinstance(error, AccdeskError) and self.db is db:
            self._give_up(db, error)

    def _give_up(self, db: Database, error: AccdeskError) -> None:
        """A database that turns out unusable is closed untouched; the reason is shown.

        A damaged one is offered the newest good backup; the damaged file is kept aside.
        """
        if self.db is db:
            self.db = None
            self.briefs.set_database(None)
            self.queue.set_database(None)
            self.card.set_database(None)
        db.close()
        self.settings.remove("lastDatabase")
        self.show_welcome()
        backup = (
            newest_good_backup(db.path) if isinstance(error, DamagedDatabase) and db.path else None
        )
        if backup is None or db.path is None:
            self.dialogs.error(self, self.tr("Cannot use the database"), str(error))
            return
        question = (
            str(error)
            + "\n\n"
            + self.tr(
                "Restore the newest good backup, %1? The damaged file is kept aside unchanged."
            ).replace("%1", describe_backup(backup))
        )
        if self.dialogs.confirm(self, self.tr("The database is damaged"), question):
            self._restore(backup, db.path, label="damaged")

    def _restore(self, backup: BackupInfo, path: Path, *, label: str) -> None:
        try:
            aside = restore(backup.path, path, label=label)
        except AccdeskError as exc:
            self.dialogs.error(self, self.tr("Cannot restore the backup"), str(exc))
            return
        if self._try_open(path):
            kept = (
                self.tr(" The previous database is kept as %1.").replace("%1", str(aside))
                if aside
                else ""
            )
            self.statusBar().showMessage(
                self.tr("Restored the backup of %1.").replace("%1", stamp(backup.taken_at)) + kept,
                30_000,
            )

    def restore_dialog(self) -> None:
        db = self.db
        if db is None or db.path is None or db.read_only:
            self.dialogs.error(
                self,
                self.tr("Restore from backup"),
                self.tr("Open the database you want to restore, with write access, first."),
            )
            return
        backups = list_backups(db.path)
        if not backups:
            self.dialogs.error(
                self,
                self.tr("Restore from backup"),
                self.tr("There are no backups of this database yet."),
            )
            return
        chosen = self.dialogs.choose_backup(self, backups)
        if chosen is None:
            return
        path = db.path
        self._close_database()
        self._restore(chosen, path, label="replaced")
        if self.db is None:
            self._try_open(path)

    def import_spreadsheet(self) -> None:
        """Clients, contacts or projects from a CSV or XLSX file, checked before writing."""
        if self.db is None:
            return
        wizard = ImportWizard(self.db, self.dialogs, self.background, self)
        wizard.imported.connect(self.events.publish)
        self.dialogs.run(wizard)
        wizard.deleteLater()

    def export_table(self) -> None:
        """The left tab's table (the queue or the requests) as it is shown."""
        if self.db is None:
            return
        pane = self.day_tabs.currentWidget()
        if pane is self.queue:
            view, title = self.queue.view, self.tr("Project queue")
        elif pane is self.requests:
            view, title = self.requests.view, self.tr("Requests")
        else:
            self.statusBar().showMessage(
                self.tr("Today's plan is exported as a calendar: Export on its tab."), 8000
            )
            return
        written = export_view(self, view, self.dialogs, title, title.lower().replace(" ", "-"))
        if written is not None:
            self.statusBar().showMessage(self.tr("Wrote %1").replace("%1", str(written)), 8000)

    def export_everything(self) -> None:
        """Every row of the database into one JSON document (`accdesk import all` restores
        it into an empty database), written in a worker: the large agency takes seconds."""
        if self.db is None:
            return
        target = self.dialogs.save_path(
            self, self.tr("Export all data"), "agency.json", self.tr("JSON document (*.json)")
        )
        if not target:
            return
        db, path = self.db, Path(target)
        self.statusBar().showMessage(self.tr("Exporting all data…"))
        self.background.run(lambda: write_export(path, export_archive(db)), self._exported)

    def _exported(self, written: Path | None, error: Exception | None) -> None:
        if error is not None or written is None:
            self.statusBar().clearMessage()
            reason = error.strerror if isinstance(error, OSError) else str(error)
            self.dialogs.error(self, self.tr("Export all data"), reason or "")
            return
        self.statusBar().showMessage(self.tr("Wrote %1").replace("%1", str(written)), 8000)

    def _backup_if_due(self) -> None:
        db = self.db
        if db is None or db.path is None or db.read_only:
            return
        last = last_backup_time(db.path)
        if (
            last is not None
            and (datetime.now().astimezone() - last).total_seconds() < BACKUP_EVERY_S
        ):
            return
        path = db.path
        self.background.run(lambda: rolling_backup(path), self._on_backed_up)

    def _on_backed_up(self, written: Path | None, error: Exception | None) -> None:
        if error is not None:
            self.statusBar().showMessage(
                self.tr("Automatic backup failed: %1").replace("%1", str(error)), 30_000
            )
        elif written is not None:
            self.statusBar().showMessage(
                self.tr("Backed up to %1").replace("%1", str(written)), 10_000
            )

    def _welcome_target(self) -> Path | None:
        if self._default_path is not None:
            # The default data folder is ours to create; a folder the user typed is not.
            self._default_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            return self._default_path
        path = self.dialogs.new_database_path(self, self.tr("Create database"))
        return Path(path) if path else None

    def _welcome_demo(self) -> None:
        if (target := self._welcome_target()) is not None:
            self._try_open(target, demo=True)

    def _welcome_empty(self) -> None:
        if (target := self._welcome_target()) is not None:
            self._try_open(target)

    def new_database_dialog(self) -> None:
        path = self.dialogs.new_database_path(self, self.tr("New database"))
        if path:
            self._try_open(path)

    def open_database_dialog(self) -> None:
        path = self.dialogs.open_database_path(self)
        if path:
            self._try_open(path)

    def connect_team_dialog(self) -> None:
        """A shared PostgreSQL database, with the person's own login."""
        dialog = ConnectDialog(self.settings, self)
        if self.dialogs.run(dialog) == QDialog.DialogCode.Accepted:
            self._try_open(dialog.url())

    def create_demo_dialog(self) -> None:
        if self.db is not None and counts(self.db).clients == 0:
            if self.dialogs.confirm(
                self,
                self.tr("Demo agency"),
                self.tr("Fill this empty database with the demo agency?"),
            ):
                db = self.db
                self.events.publish(create_demo(db, lang=current_language()))
            return
        path = self.dialogs.new_database_path(self, self.tr("Save the demo agency as"))
        if path:
            self._try_open(path, demo=True)

    def _backup_on_exit(self) -> None:
        db = self.db
        if db is None or db.path is None or db.read_only:
            return
        self.statusBar().showMessage(self.tr("Backing up…"))
        try:
            rolling_backup(db.path)
        except AccdeskError as exc:
            # The window is going away; the terminal is the last place to say it.
            print(f"accdesk: the backup on exit failed: {exc}", file=sys.stderr)

    def _who(self, identity: Identity) -> str:
        if identity.manager_id is None:
            name = identity.login
            role = self.tr("administrator") if identity.owner else self.tr("read only")
        else:
            name = identity.manager_name
            role = self.tr("team lead") if identity.lead else self.tr("account manager")
        return f"{name} ({role})"

    def _follow_team(self, db: Database) -> None:
        """Others' changes appear as they commit; a lost server is said and retried."""
        self.live = LiveUpdates(db, self)
        self.live.changed.connect(self.events.publish)
        self.live.lost.connect(self._server_lost)
        self.live.back.connect(self._server_back)
        self.live.start()

    def _server_lost(self, message: str) -> None:
        self.connection_banner.setText(
            self.tr(
                "%1. Trying again every few seconds; what you type stays here and is saved "
                "when the server is back."
            ).replace("%1", message[:1].upper() + message[1:])
        )
        self.connection_banner.show()

    def _server_back(self) -> None:
        self.connection_banner.hide()
        self.statusBar().showMessage(self.tr("The team database is back"), 8000)
        # What was typed while it was away is written now.
        self.briefs.keep_draft()
        self.card.keep_draft()

    def _close_database(self) -> None:
        self._backup_timer.stop()
        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
            self.live = None
        self.connection_banner.hide()
        if self.db is None:
            return
        self.briefs.commit()
        self.briefs.set_database(None)
        self.requests.set_database(None)
        self.agenda.set_database(None)
        self.totals.set_database(None)
        self.queue.set_database(None)
        self.card.set_database(None)
        if self._matrix is not None:  # it belongs to this database
            self._matrix.close()
            self._matrix.deleteLater()
            self._matrix = None
        if self.workload is not None:  # it belongs to this database
            self.workload.close()
            self.workload.deleteLater()
            self.workload = None
        self.db.close()
        self.db = None

    # Reactions -------------------------------------------------------------------------------
    def _on_project_selected(self, row: ProjectRow | None) -> None:
        if self.db is None:
            return
        if row is None:
            self.card.show_client(None)
            self.briefs.show_project(None)
            return
        self.card.show_client(row.client_id)
        self.briefs.show_project(row)
        self.settings.setValue(f"lastProject/{self.db.location}", str(row.id))

    def _show_client(self, client_id: uuid.UUID | None) -> None:
        if self.db is not None:
            self.card.show_client(client_id)

    def _on_request_selected(self, row: RequestRow | None) -> None:
        """The request's client in the card and, when it is linked, its project's briefs."""
        if self.db is None or row is None:
            return
        self.card.show_client(row.client_id)
        project = self.queue.model.project(row.project_id) if row.project_id else None
        self.briefs.show_project(project)

    def _requests_counted(self, waiting: int, overdue: int) -> None:
        text = (
            self.tr("Requests (%1)").replace("%1", str(waiting)) if waiting else self.tr("Requests")
        )
        self.day_tabs.setTabText(self.day_tabs.indexOf(self.requests), text)
        colour = "#b42318" if overdue else ""
        self.day_tabs.tabBar().setTabTextColor(
            self.day_tabs.indexOf(self.requests), QColor(colour) if colour else QColor()
        )

    def _on_tab(self, index: int) -> None:
        self.settings.setValue("window/dayTab", index)
        if self.day_tabs.widget(index) is self.queue:
            self._on_project_selected(self.queue.selected_row())

    def _open_new_brief(self, project_id: uuid.UUID, brief_id: uuid.UUID) -> None:
        """A brief made from a request: its project in the queue, the brief in the editor."""
        self.day_tabs.setCurrentWidget(self.queue)
        if not self.queue.select_project(project_id):
            self.statusBar().showMessage(
                self.tr("The brief is made; its project is not in the queue as filtered now."),
                8000,
            )
            return
        self.briefs.open_brief(brief_id)

    def capture_request(self) -> None:
        if self.db is None:
            return
        self.day_tabs.setCurrentWidget(self.requests)
        self.requests.capture()

    def open_stats(self) -> None:
        if self.db is None:
            return
        dialog = StatsDialog(self.db, self.background, self, now=self.now, dialogs=self.dialogs)
        dialog.show()

    def open_calendar(self) -> None:
        if self.db is None or self.db.read_only:
            return
        dialog = CalendarDialog(self.db, self.background, self)
        dialog.saved.connect(self.events.publish)
        self.dialogs.run(dialog)

    def _tray(self) -> QSystemTrayIcon | None:
        """A tray icon for deadline reminders, where the desktop has a tray."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(self.windowIcon(), self)
        tray.setToolTip("accdesk")
        tray.show()
        return tray

    def open_upsell_matrix(self) -> None:
        """The team's clients x services; opening a client selects one of its projects."""
        if self.db is None:
            return
        if self._matrix is None:
            self._matrix = UpsellMatrixDialog(self.db, self.context, self)
            self._matrix.client_chosen.connect(self._open_client)
        self._matrix.reload()
        self._matrix.show()
        self._matrix.raise_()
        self._matrix.activateWindow()

    def open_workload(self, *, suggest: bool = False) -> None:
        """The team's load per manager, beside the main window; projects dragged from the
        queue onto a manager's row move there."""
        if self.db is None:
            return
        if self.workload is None:
            self.workload = WorkloadWindow(self.db, self.context, self)
        else:
            self.workload.reload()
        self.workload.show()
        self.workload.raise_()
        self.workload.activateWindow()
        if suggest:
            self.workload.suggest()

    def _open_client(self, client_id: uuid.UUID) -> None:
        if not self.queue.select_client(client_id):
            self.statusBar().showMessage(
                self.tr("None of this client's projects is in the queue as filtered now."), 8000
            )
            self.card.show_client(client_id)

    def _choose_identity(self) -> None:
        self.settings.remove("identity/manager")
        self.queue.scope.setCurrentIndex(self.queue.scope.findData("mine"))
        self.queue.reload()

    def _build_language_menu(self, menu: QMenu) -> None:
        """System, Русский, English; the names of languages are written in themselves."""
        menu.setObjectName("menuLanguage")
        group = QActionGroup(menu)
        stored = self.settings.value(LANGUAGE_SETTING)
        choices = (
            ("", self.tr("As the system (%1)").replace("%1", LANGUAGE_NAMES[system_language()])),
            *LANGUAGE_NAMES.items(),
        )
        for code, name in choices:
            action = menu.addAction(name)
            action.setObjectName(f"actionLanguage_{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == (stored if stored in LANGUAGE_NAMES else ""))
            action.triggered.connect(lambda _c=False, c=code: self.choose_language(c))
            group.addAction(action)

    def choose_language(self, code: str) -> None:
        """Remember the choice; the window is rebuilt in the new language on the next start,
        which can be now: the database and the layout are saved first, as on any exit."""
        if code:
            self.settings.setValue(LANGUAGE_SETTING, code)
        else:
            self.settings.remove(LANGUAGE_SETTING)
        wanted = code or system_language()
        if wanted == current_language():
            return
        if self.dialogs.confirm(
            self,
            self.tr("Language"),
            self.tr("The new language is used from the next start. Restart accdesk now?"),
        ):
            self.restart_requested = True
            self.close()

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.menuBar(), self)
        self.dialogs.run(dialog)
        dialog.deleteLater()

    def _about(self) -> None:
        self.dialogs.about(
            self,
            self.tr("About accdesk"),
            self.tr("accdesk %1\nA workplace for account managers of digital agencies.").replace(
                "%1", __version__
            ),
        )

    # Remembered layout -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _restore_panes(self) -> None:
        """Pane sizes go back only once the window has its real size; before that, the
        splitter would share out the difference by stretch and the sizes would drift."""
        self.splitter.setSizes([640, 480, 320])
        tab = self.settings.value("window/dayTab", 0)
        self.day_tabs.setCurrentIndex(int(tab) if str(tab).isdigit() else 0)
        for key, restore_state in (
            ("window/splitter", self.splitter.restoreState),
            ("window/queueHeader", self.queue.view.horizontalHeader().restoreState),
        ):
            value = self.settings.value(key)
            if isinstance(value, QByteArray):
                restore_state(value)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._panes_restored:
            self._panes_restored = True
            QTimer.singleShot(0, self._restore_panes)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/queueHeader", self.queue.view.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.background.wait()
        self.save_layout()
        self.briefs.commit()
        self.card.keep_draft()
        self._backup_on_exit()
        self._close_database()
        self.settings.sync()
        super().closeEvent(event)
