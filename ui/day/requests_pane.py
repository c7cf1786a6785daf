"""The requests inbox: what clients are waiting for, soonest deadline first.

Each deadline is shown in the agency's time and the client's; the countdown moves every
half minute; a deadline 15 minutes away is announced once (in the tray where there is one,
in the pane otherwise).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accdesk.changes import Changes
from accdesk.errors import AccdeskError
from accdesk.ops.readmodels import RequestRow
from accdesk.ops.requests import (
    add_request,
    brief_from_request,
    capture_choices,
    link_project,
    remove_request,
    set_answered,
)
from accdesk.ops.settings import agency_timezone
from accdesk.screens.dependencies import Screen
from accdesk.screens.requests import InboxScreen, inbox_screen, minutes_left, remind_now
from accdesk.storage.db import Database
from ui.common.commands import OperationCommand, VersionedEdit
from ui.common.context import PaneContext
from ui.common.widgets import EmptyState, accessible, offer_column_choice
from ui.day.quick_capture import CaptureDialog
from ui.day.requests_model import COLUMNS, RequestsModel

TICK_MS = 30_000
WIDTHS = {"countdown": 130, "client": 140, "due": 105, "client_time": 130, "project": 150}
HIDDEN = ("manager", "channel")


class RequestsPane(QWidget):
    request_selected = Signal(object)  # RequestRow | None
    brief_created = Signal(object, object)  # project id, brief id
    count_changed = Signal(int, int)  # waiting, overdue

    def __init__(self, day: PaneContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestsPane")
        self._day_context = day
        self._undo, self._dialogs, self._settings = day.undo, day.dialogs, day.settings
        self._me, self._now = day.me, day.now
        self._db: Database | None = None
        self._notified: set[uuid.UUID] = set()
        self.tray: QSystemTrayIcon | None = None
        self.model = RequestsModel(self)
        self._build_filters()
        self._build_table()
        self._build_actions()
        self._lay_out()
        self._start()

    def _build_filters(self) -> None:
        self.scope = accessible(QComboBox(self), "requestsScope", self.tr("Whose requests"))
        self.scope.addItem(self.tr("My requests"), "mine")
        self.scope.addItem(self.tr("Team"), "team")
        self.scope.setCurrentIndex(
            max(0, self.scope.findData(self._settings.value("requests/scope", "team")))
        )
        self.shown = accessible(QComboBox(self), "requestsShown", self.tr("Which requests"))
        self.shown.addItem(self.tr("Waiting for an answer"), "waiting")
        self.shown.addItem(self.tr("Answered in the last 7 days"), "answered")
        for combo in (self.scope, self.shown):
            combo.currentIndexChanged.connect(self._on_filter)
        self.capture_button = accessible(
            QPushButton(self.tr("Capture request…"), self),
            "captureRequest",
            self.tr("Capture a request"),
        )
        self.capture_button.setToolTip(
            self.tr("Record a client's request (Ctrl+Shift+R, from anywhere)")
        )
        self.capture_button.clicked.connect(self.capture)

    def _build_table(self) -> None:
        self.banner = accessible(QLabel(self), "deadlineBanner", self.tr("Deadlines coming up"))
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.view = accessible(QTableView(self), "requestsView", self.tr("Client requests"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in WIDTHS.items():
            header.resizeSection(COLUMNS.index(column), width)
        # The request's words take what the other columns leave; who manages it and how it
        # came are a right click away (the scope says whose they are).
        header.setSectionResizeMode(COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        for column in HIDDEN:
            header.setSectionHidden(COLUMNS.index(column), True)
        offer_column_choice(self.view)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.doubleClicked.connect(lambda _i: self.mark_answered())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)

    def _build_actions(self) -> None:
        self.answer_action = self._action(
            self.tr("Mark answered"), self.mark_answered, "Ctrl+Return"
        )
        self.link_action = self._action(self.tr("Link to project…"), self.link_to_project, "Ctrl+L")
        self.brief_action = self._action(self.tr("Turn into brief"), self.turn_into_brief, "")
        self.answer_button = accessible(
            QPushButton(self.tr("Mark answered"), self), "markAnswered", self.tr("Mark answered")
        )
        self.answer_button.setToolTip(self.tr("Record the first response now (Ctrl+Enter)"))
        self.answer_button.clicked.connect(self.mark_answered)
        self.link_button = accessible(
            QPushButton(self.tr("Link to project…"), self),
            "linkProject",
            self.tr("Link to project"),
        )
        self.link_button.clicked.connect(self.link_to_project)
        self.brief_button = accessible(
            QPushButton(self.tr("Turn into brief"), self),
            "requestBrief",
            self.tr("Turn into brief"),
        )
        self.brief_button.clicked.connect(self.turn_into_brief)
        self.summary = accessible(QLabel(self), "requestsSummary", self.tr("Requests summary"))
        # One line beside the filters, where the buttons below leave it room.

    def _lay_out(self) -> None:
        self.empty = EmptyState(
            self.tr("Nobody is waiting"),
            self.tr("Every request has its first answer. Capture a new one with Ctrl+Shift+R."),
            self,
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.shown)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addWidget(self.capture_button)
        actions = QHBoxLayout()
        for button in (self.answer_button, self.link_button, self.brief_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)

    def _start(self) -> None:
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self._day_context.events.subscribe(Screen.REQUESTS, self._on_changed)
        self._update_actions()

    def _action(self, text: str, slot: Callable[[], None], keys: str) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _c=False: slot())
        self.addAction(action)
        return action

    # Loading -------------------------------------------------------------------------------
    def set_database(self, db: Database | None) -> None:
        self._db = db
        self._notified.clear()
        self.capture_button.setEnabled(db is not None and not db.read_only)
        if db is None:
            self.timer.stop()
            self.model.set_screen(InboxScreen([], self.model.zone, 0, self._now()))
            self._refresh()
            return
        self.reload()
        self.timer.start()

    def reload(self, keep: uuid.UUID | None = None) -> None:
        if self._db is None:
            return
        keep = keep or self.selected_id()
        me = self._me()
        manager = me if self.scope.currentData() == "mine" and isinstance(me, uuid.UUID) else None
        answered = self.shown.currentData() == "answered"
        screen = inbox_screen(self._db, manager_id=manager, answered=answered, now=self._now())
        self.model.set_screen(screen)
        if keep is not None and (row := self.model.row_of(keep)) is not None:
            self.view.selectRow(row)
        self._refresh()
        self._check_deadlines()

    def _refresh(self) -> None:
        rows = self.model.rows
        waiting, overdue = self.model.screen.counts(self.model.now)
        if self.shown.currentData() == "answered":
            met = sum(1 for r in rows if r.met())
            self.summary.setText(
                self.tr("%1 answered · %2 on time")
                .replace("%1", str(len(rows)))
                .replace("%2", str(met))
            )
        else:
            self.summary.setText(
                self.tr("%1 waiting · %2 overdue")
                .replace("%1", str(waiting))
                .replace("%2", str(overdue))
            )
            self.count_changed.emit(waiting, overdue)
        self.stack.setCurrentWidget(self.view if rows else self.empty)
        self._update_actions()

    def _on_filter(self, *_: object) -> None:
        self._settings.setValue("requests/scope", self.scope.currentData())
        self.reload()

    def _on_changed(self, _changes: Changes) -> None:
        if self._db is not None:
            self.reload()

    # The clock -----------------------------------------------------------------------------
    def tick(self) -> None:
        self.model.tick(self._now())
        self._refresh()
        self._check_deadlines()

    def _check_deadlines(self) -> None:
        """Announce each deadline once, when it is a few minutes away."""
        coming = []
        now = self.model.now
        for row in self.model.rows:
            if remind_now(row, now) and row.id not in self._notified:
                self._notified.add(row.id)
                coming.append((row, minutes_left(row, now) or 0))
        if not coming:
            return
        text = "; ".join(
            self.tr("%1 within %2 min").replace("%1", r.client_name).replace("%2", str(left))
            for r, left in coming
        )
        title = self.tr("Reply soon")
        if (
            self.tray is not None
            and QSystemTrayIcon.isSystemTrayAvailable()
            and self.tray.isVisible()
        ):
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        self.banner.setText(f"⚠ {title}: {text}")  # a sign DejaVu has; it has no ⏰
        self.banner.show()
        QTimer.singleShot(5 * 60_000, self.banner.hide)

    # Selection -----------------------------------------------------------------------------
    def selected(self) -> RequestRow | None:
        indexes = self.view.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def selected_id(self) -> uuid.UUID | None:
        row = self.selected()
        return row.id if row else None

    def select(self, request_id: uuid.UUID) -> bool:
        row = self.model.row_of(request_id)
        if row is None:
            return False
        self.view.selectRow(row)
        return True

    def _on_selection(self, _s: QItemSelection, _d: QItemSelection) -> None:
        row = self.selected()
        self.request_selected.emit(row)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.selected()
        writable = self._db is not None and not self._db.read_only and row is not None
        waiting = writable and row is not None and row.answered_at is None
        for widget in (self.answer_button, self.answer_action):
            widget.setEnabled(bool(waiting))
        for widget in (self.link_button, self.link_action, self.brief_button, self.brief_action):
            widget.setEnabled(bool(writable))

    def _menu(self, point: Any) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        for action in (self.answer_action, self.link_action, self.brief_action):
            menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(point))

    # Actions -------------------------------------------------------------------------------
    def _publish(self, changes: Changes) -> None:
        self._day_context.publish(changes)

    def _report(self, message: str) -> None:
        self._dialogs.error(self, self.tr("Requests"), message)

    def capture(self) -> None:
        if self._db is None or self._db.read_only:
            return
        db = self._db
        created: list[tuple[RequestRow, Changes]] = []

        def submit(values: dict[str, Any]) -> None:
            created.append(add_request(db, values, now=self._now()))

        dialog = CaptureDialog(db, ZoneInfo(agency_timezone(db)), submit, self, now=self._now)
        selected = self.selected()
        if selected is not None:
            dialog.form.fields["client_id"].set(selected.client_id)
        if not self._dialogs.run(dialog) or not created:
            return
        row, changes = created[0]
        values = {
            "client_id": row.client_id,
            "project_id": row.project_id,
            "channel": row.channel,
            "text": row.text,
            "received_at": row.received_at,
        }
        command = OperationCommand(
            self.tr("Capture request from %1").replace("%1", row.client_name),
            lambda: add_request(db, values, now=self._now(), request_id=row.id)[1],
            lambda: remove_request(db, row.id),
            self._publish,
            self._report,
            done=True,
        )
        self._undo.push(command)
        if self.shown.currentData() != "waiting":
            self.shown.setCurrentIndex(self.shown.findData("waiting"))
        self._publish(changes)
        self.select(row.id)

    def _edit(
        self,
        text: str,
        row: RequestRow,
        write: Callable[[Any, int], Changes],
        before: Any,
        after: Any,
    ) -> None:
        """Write `after` on the request now, as one undo step that writes `before` back."""
        try:
            changes = write(after, row.version)
        except AccdeskError as exc:
            self._report(str(exc))
            return
        self._undo.push(
            VersionedEdit(
                text,
                row.id,
                lambda values, version: write(values["value"], version or 0),
                {"value": before},
                {"value": after},
                changes.versions[row.id],
                self._publish,
                self._report,
            )
        )
        self._publish(changes)

    def mark_answered(self) -> None:
        row = self.selected()
        if row is None or self._db is None or row.answered_at is not None:
            return
        db, rid = self._db, row.id
        self._edit(
            self.tr("Answer %1").replace("%1", row.client_name),
            row,
            lambda at, version: set_answered(
                db, rid, at, expected_version=version, now=self._now()
            ),
            None,
            self._now(),
        )

    def link_to_project(self) -> None:
        row = self.selected()
        if row is None or self._db is None:
            return
        db, rid = self._db, row.id
        projects = next((p for cid, _l, p in capture_choices(db) if cid == row.client_id), [])
        if not projects:
            self._report(
                self.tr("%1 has no open projects to link to.").replace("%1", row.client_name)
            )
            return
        labels = [label for _pid, label in projects]
        current = next((i for i, (pid, _l) in enumerate(projects) if pid == row.project_id), 0)
        chosen = self._dialogs.choose_item(
            self, self.tr("Link to project"), self.tr("The request is about:"), labels, current
        )
        if chosen is None or projects[chosen][0] == row.project_id:
            return
        self._edit(
            self.tr("Link request to %1").replace("%1", labels[chosen]),
            row,
            lambda project, version: link_project(db, rid, project, expected_version=version),
            row.project_id,
            projects[chosen][0],
        )

    def turn_into_brief(self) -> None:
        row = self.selected()
        if row is None or self._db is None:
            return
        if row.project_id is None:
            self.link_to_project()
            row = self.selected()
            if row is None or row.project_id is None:
                return
        try:
            brief, changes = brief_from_request(self._db, row.id)
        except AccdeskError as exc:
            self._report(str(exc))
            return
        self._publish(changes)
        self.brief_created.emit(row.project_id, brief.id)
