"""The main window: lays out the three panes and wires them to each other, the menus and
the database session; it decides no rule and reads no data a pane could read itself."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QResizeEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QSystemTrayIcon,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accdesk import __version__
from accdesk.demo.agency import create_demo
from accdesk.ops.archive import export_archive
from accdesk.ops.briefs import drafts
from accdesk.ops.readmodels import ProjectRow, RequestRow
from accdesk.ops.summary import counts
from accdesk.storage.access import Identity
from accdesk.storage.db import Database
from accdesk.storage.files import write_export
from accdesk.types import utcnow
from ui.briefs.editor import BriefEditorPane
from ui.card.pane import ClientCardPane
from ui.card.upsell_matrix import UpsellMatrixDialog
from ui.common.background import Background
from ui.common.colours import Tone, tone
from ui.common.context import PaneContext
from ui.common.dialogs import Dialogs
from ui.common.events import AppEvents
from ui.common.formatting import home_relative
from ui.common.i18n import SETTING as LANGUAGE_SETTING
from ui.common.i18n import current_language, system_language
from ui.common.table_export import export_view
from ui.common.widgets import after_first_paint
from ui.day.agenda_pane import AgendaPane
from ui.day.calendar_dialog import CalendarDialog
from ui.day.requests_pane import RequestsPane
from ui.day.stats_dialog import StatsDialog
from ui.queue.pane import QueuePane
from ui.shell.arrangement import PaneArrangement
from ui.shell.connect_dialog import ConnectDialog
from ui.shell.import_dialog import ImportWizard
from ui.shell.menus import build_menus
from ui.shell.session import DatabaseSession
from ui.shell.shortcuts import ShortcutsDialog
from ui.shell.totals import TotalsLabel
from ui.shell.welcome import WelcomePane
from ui.team.workload import WorkloadWindow


class MainWindow(QMainWindow):
    """Builds the panes, menus and status bar and wires them; the open database's life is
    the session's (`ui.shell.session`), the menu bar is `ui.shell.menus`."""

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
        self._default_path = default_path
        self.events = AppEvents(self)
        self.undo_stack = QUndoStack(self)
        self.background = Background(self)

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
        self.workload: WorkloadWindow | None = None
        self.session = DatabaseSession(self, self, self.context)
        self.briefs = BriefEditorPane(self.context, self)
        self.requests = RequestsPane(self.context, self)
        self.agenda = AgendaPane(self.context, self)
        self._panes_restored = False
        self.restart_requested = False  # set when the person asked for a restart (language)
        self.resumed = False  # True once a database's first screen is complete
        self._lay_out_panes()
        self._build_status_bar()
        self._wire()
        self.setWindowTitle("accdesk")
        self.resize(1440, 900)
        self._restore_layout()

    def _lay_out_panes(self) -> None:
        # The day's three views share the left of the window: the queue, what clients are
        # waiting for, and the plan for today. The tab says which it is.
        self.queue.heading.hide()
        self.day_tabs = QTabWidget(self)
        self.day_tabs.setObjectName("dayTabs")
        self.day_tabs.setDocumentMode(True)
        self.day_tabs.addTab(self.queue, self.tr("Project queue"))
        self.day_tabs.addTab(self.requests, self.tr("Requests"))
        self.day_tabs.addTab(self.agenda, self.tr("Today"))
        self.panes = PaneArrangement(
            self,
            self.day_tabs,
            self.card,
            self.briefs,
            (self.tr("Client card"), self.tr("Brief")),
        )
        self.splitter = self.panes.splitter
        # Read-only, or a team database's server gone: said at the top, where the work is.
        self.banner, self.connection_banner = map(self._banner, ("readOnly", "connection"))
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

    def _banner(self, name: str) -> QLabel:
        banner = QLabel(self)
        banner.setObjectName(f"{name}Banner")
        banner.setWordWrap(True)
        banner.hide()
        return banner

    def _build_status_bar(self) -> None:
        self.location = QLabel(self)
        self.location.setObjectName("statusLocation")
        self.shown = QLabel(self)
        self.shown.setObjectName("statusShown")
        self.totals = TotalsLabel(self.events, self)
        self.statusBar().addWidget(self.location, 1)
        self.statusBar().addPermanentWidget(self.shown)
        self.statusBar().addPermanentWidget(self.totals)

    def _wire(self) -> None:
        build_menus(self)
        self.session.said.connect(self.statusBar().showMessage)
        self.session.server_lost.connect(self._server_lost)
        self.session.server_back.connect(self._server_back)
        self.queue.project_selected.connect(self._on_project_selected)
        self.queue.count_changed.connect(self.shown.setText)
        self.requests.request_selected.connect(self._on_request_selected)
        self.agenda.client_selected.connect(self._show_client)
        self.requests.count_changed.connect(self._requests_counted)
        self.requests.brief_created.connect(self._open_new_brief)
        self.day_tabs.currentChanged.connect(self._on_tab)
        self.briefs.focus_button.clicked.connect(self.panes.set_focus)
        self.panes.focus_changed.connect(self.briefs.focus_button.setChecked)
        self.requests.tray = self._tray()
        self.welcome.create_demo.connect(lambda: self._welcome(demo=True))
        self.welcome.start_empty.connect(lambda: self._welcome(demo=False))
        self.welcome.open_existing.connect(self.open_database_dialog)

    # Databases -------------------------------------------------------------------------------
    @property
    def db(self) -> Database | None:
        return self.session.db

    def open_database(self, target: str | Path, *, demo: bool = False) -> bool:
        return self.session.open(target, demo=demo)

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)
        self.location.setText(self.tr("No database open"))
        self.totals.clear()

    def show_database(self, db: Database) -> None:
        """Show `db` in the window (the session has let go of the previous one)."""
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
        self.location.setText(self.tr("Database: %1").replace("%1", home_relative(db.location)))
        if db.path is None and db.identity is not None:
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

    def release_database(self, *, save: bool) -> None:
        """The database is going: what is typed is saved (`save`), the panes let go of it
        and the windows that belong to it close."""
        self.connection_banner.hide()
        if save:
            self.briefs.commit()
        for pane in (self.briefs, self.requests, self.agenda, self.totals, self.queue, self.card):
            pane.set_database(None)
        for window in (self._matrix, self.workload):  # they belong to this database
            if window is not None:
                window.close()
                window.deleteLater()
        self._matrix = self.workload = None

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
        view: QTableView
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

    def _welcome_target(self) -> Path | None:
        if self._default_path is not None:
            # The default data folder is ours to create; a folder the user typed is not.
            self._default_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            return self._default_path
        path = self.dialogs.new_database_path(self, self.tr("Create database"))
        return Path(path) if path else None

    def _welcome(self, *, demo: bool) -> None:
        """The welcome page's two buttons: the demo agency, or an empty one."""
        if (target := self._welcome_target()) is not None:
            self.open_database(target, demo=demo)

    def new_database_dialog(self) -> None:
        if path := self.dialogs.new_database_path(self, self.tr("New database")):
            self.open_database(path)

    def open_database_dialog(self) -> None:
        if path := self.dialogs.open_database_path(self):
            self.open_database(path)

    def connect_team_dialog(self) -> None:
        """A shared PostgreSQL database, with the person's own login."""
        dialog = ConnectDialog(self.settings, self)
        if self.dialogs.run(dialog) == QDialog.DialogCode.Accepted:
            self.open_database(dialog.url())

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
            self.open_database(path, demo=True)

    def _who(self, identity: Identity) -> str:
        if identity.manager_id is None:
            name = identity.login
            role = self.tr("administrator") if identity.owner else self.tr("read only")
        else:
            name = identity.manager_name
            role = self.tr("team lead") if identity.lead else self.tr("account manager")
        return f"{name} ({role})"

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
        self.day_tabs.tabBar().setTabTextColor(
            self.day_tabs.indexOf(self.requests), tone(Tone.BAD) if overdue else QColor()
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
        self.panes.show_pane(self.briefs)

    def new_brief(self) -> None:
        self.panes.show_pane(self.briefs)
        self.briefs.new_brief()

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

    def choose_identity(self) -> None:
        self.settings.remove("identity/manager")
        self.queue.scope.setCurrentIndex(self.queue.scope.findData("mine"))
        self.queue.reload()

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

    def about(self) -> None:
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
        self.panes.fit(self.width())
        self.panes.restore(self.settings)
        tab = self.settings.value("window/dayTab", 0)
        self.day_tabs.setCurrentIndex(int(str(tab)) if str(tab).isdigit() else 0)
        header = self.settings.value("window/queueColumns")
        if isinstance(header, QByteArray):
            self.queue.view.horizontalHeader().restoreState(header)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._panes_restored:
            self.panes.fit(self.width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._panes_restored:
            self._panes_restored = True
            QTimer.singleShot(0, self._restore_panes)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.panes.save(self.settings)
        self.settings.setValue(
            "window/queueColumns", self.queue.view.horizontalHeader().saveState()
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.background.wait()
        self.save_layout()
        self.card.keep_draft()
        self.session.close(backup=True)  # saves the brief being typed first
        self.settings.sync()
        super().closeEvent(event)
