"""Left pane: the project queue, where an account manager starts the day.

It reads the queue, scores it with the agency's rules, filters it, and turns the person's
actions (drag a project, move it with Ctrl+Up/Down, pin, change status, archive, apply the
priority order, create a project) into undoable operations.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
)

from accdesk.changes import Changes, Kind
from accdesk.errors import AccdeskError, StaleEdit, ValidationError
from accdesk.ops.priority import priority_rules, set_priority_preset
from accdesk.ops.queue import (
    agency_today,
    contact_names,
    create_project,
    list_queue,
    project_choices,
    queue_order,
    reorder,
    set_deleted,
    set_pinned,
    set_status,
)
from accdesk.ops.readmodels import ProjectRow
from accdesk.ops.settings import agency_timezone
from accdesk.planning.ordering import by_priority, move_before, move_by
from accdesk.screens.dependencies import Screen
from accdesk.screens.queue import QueueRules, Refresh, queue_screen, refresh_for
from accdesk.storage.db import Database
from ui.common.commands import OperationCommand
from ui.common.context import PaneContext
from ui.common.i18n import translate
from ui.common.qt import slot
from ui.common.widgets import after_first_paint
from ui.queue.looks import STATUS_LABELS
from ui.queue.pane_view import EVERYONE, MANUAL, PRIORITY, QueuePaneView
from ui.queue.project_dialog import ProjectDialog


class QueuePane(QueuePaneView):
    """Shows the queue; emits the selected project (or None) and "N of M" for the status bar."""

    project_selected = Signal(object)
    count_changed = Signal(str)

    def __init__(self, context: PaneContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._undo, self._dialogs, self._settings = context.undo, context.dialogs, context.settings
        self._db: Database | None = None
        self._contacts_loaded = False
        # What scores are made with, from the last full read: rows re-read after an action
        # are scored alike.
        self._rules: QueueRules | None = None
        self._remember_choices()
        self._connect()
        context.events.subscribe(Screen.QUEUE, self._on_changed)

    def _remember_choices(self) -> None:
        """Scope and order as this person left them; the scope is Team until the person
        says who they are."""
        settings = self._settings
        if settings.value("queue/scope", EVERYONE) == "mine" and self._context.me() is not None:
            self.scope.setCurrentIndex(self.scope.findData("mine"))
        else:
            self.scope.setCurrentIndex(self.scope.findData(EVERYONE))
        self.order.setCurrentIndex(
            max(0, self.order.findData(settings.value("queue/order", MANUAL)))
        )

    def _connect(self) -> None:
        self.model.move_requested.connect(self._on_drop)
        # Queued: the edit is stored once its editor has closed, not while the view is
        # still tearing it down (storing reloads the rows the editor stands on).
        self.model.status_requested.connect(self.change_status, Qt.ConnectionType.QueuedConnection)
        self.search.textChanged.connect(self._on_search)
        for combo in (self.scope, self.manager, self.status, self.service, self.health):
            combo.currentIndexChanged.connect(self._on_filters)
        self.order.currentIndexChanged.connect(self._on_order)
        self.rules.activated.connect(self._on_rules)
        self.apply_button.clicked.connect(self.apply_priority_order)
        self.new_button.clicked.connect(self.new_project)
        header = self.view.horizontalHeader()
        header.sortIndicatorChanged.connect(lambda *_: self._update_movable())
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.customContextMenuRequested.connect(self._row_menu)

    # Loading -------------------------------------------------------------------------------
    def _load_calendar(self, rules: QueueRules) -> None:
        """The holiday data scores need, loaded in a worker once the queue is on screen (a
        tenth of a second); the score column fills in when it is there."""

        def loaded(_result: object, error: Exception | None) -> None:
            if error is None and rules is self._rules and not self.model.scores_ready:
                self.model.show_scores()

        after_first_paint(
            self.view.viewport(), lambda: self._context.background.run(rules.calendar.load, loaded)
        )

    def set_database(self, db: Database | None) -> None:
        self._db = db
        writable = db is not None and not db.read_only
        for widget in (self.new_button, self.apply_button, self.rules):
            widget.setEnabled(writable)
        if db is None:
            self._rules = None
            self.model.set_rows([], None)
            self._refresh_state()
            return
        self.reload()

    def reload(self) -> None:
        """Read the queue again, keeping the selection and the filters."""
        db = self._db
        if db is None:
            return
        selected = self.selected_id()
        screen = queue_screen(db)
        if self.order.currentData() == PRIORITY:
            screen.load_calendar()  # sorting by score needs every score now
        self._rules = screen.rules
        self.model.scores_ready = screen.calendar_loaded
        self.model.set_rows(screen.rows, screen.rules)
        if not screen.calendar_loaded:
            self._load_calendar(screen.rules)
        self._contacts_loaded = False
        self._fill_choices(screen.rows)
        self.rules.setCurrentIndex(max(0, self.rules.findData(screen.rules.preset)))
        self._apply_filters()
        if self.order.currentData() == PRIORITY:
            self._sort_by_priority()
        if selected is not None:
            self.select_project(selected)

    def _fill_choices(self, rows: Sequence[ProjectRow]) -> None:
        managers = sorted(
            {(r.manager, r.manager_id) for r in rows if r.manager_id}, key=lambda m: m[0]
        )
        services = sorted({r.service for r in rows})
        for combo, first, items in (
            # Ids as text: findData cannot match Python objects stored in a combo box.
            (self.manager, self.tr("All managers"), [(name, str(mid)) for name, mid in managers]),
            (self.service, self.tr("Any service"), [(name, name) for name in services]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    # Scope and filters -------------------------------------------------------------------
    def _scope_manager(self) -> uuid.UUID | bool | None:
        if self.scope.currentData() == "mine":
            me = self._context.me()
            if me is None:
                me = self._ask_identity()
            return me if me is not None else True
        chosen = self.manager.currentData()
        return uuid.UUID(chosen) if chosen else True

    def _ask_identity(self) -> uuid.UUID | bool | None:
        managers = sorted({(r.manager, r.manager_id) for r in self._all_rows() if r.manager_id})
        choice = self._dialogs.choose_identity(self, [(mid, name) for name, mid in managers])
        if choice is None:
            self.scope.setCurrentIndex(self.scope.findData(EVERYONE))
            return None
        self._context.set_me(choice)
        return choice

    def _all_rows(self) -> Sequence[ProjectRow]:
        return self.model.all_rows

    def _on_filters(self, *_: object) -> None:
        self._settings.setValue("queue/scope", self.scope.currentData())
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.manager.setEnabled(self.scope.currentData() == EVERYONE)
        manager = self._scope_manager()
        self._filter(
            manager=None if manager is True else manager,
            all_managers=manager is True,
            status=self.status.currentData() or "",
            service=self.service.currentData() or "",
            health=self.health.currentData() or "",
        )
        self._update_movable()

    def _on_search(self, text: str) -> None:
        if not self._contacts_loaded and self._db is not None:
            # Contact names are only needed to search: read on the first keystroke.
            self.model.set_contacts(contact_names(self._db))
            self._contacts_loaded = True
        self._filter(needle=text)

    def _filter(self, **changes: Any) -> None:
        """Filter in the model, keeping the selected project selected if it stays."""
        selected = self.selected_id()
        if self.model.set_filters(**changes) and selected is not None:
            self.select_project(selected)
        self._refresh_state()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _refresh_state(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if total == 0:
            self.stack.setCurrentWidget(self.empty)
        elif shown == 0:
            self.stack.setCurrentWidget(self.no_match)
        else:
            self.stack.setCurrentWidget(self.view)
        self.count_changed.emit(self.tr("%1 of %n project(s)", "", total).replace("%1", str(shown)))

    # Order ---------------------------------------------------------------------------------
    def _on_order(self, *_: object) -> None:
        self._settings.setValue("queue/order", self.order.currentData())
        if self.order.currentData() == PRIORITY:
            self._sort_by_priority()
        else:
            self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self._update_movable()

    def _sort_by_priority(self) -> None:
        if not self.model.scores_ready and self._rules is not None:
            self._rules.calendar.load()
            self.model.show_scores()
        self.view.sortByColumn(self.model.column_of("score"), Qt.SortOrder.DescendingOrder)

    def _update_movable(self) -> None:
        """Rows can be dragged in a manual order of one person's queue: there, where a row
        lands is a position that can be stored."""
        manual = self.order.currentData() == MANUAL and self.model.sort_column < 0
        single = self._scope_manager() is not True
        self.model.set_behaviour(
            movable=manual and single and self._writable(), editable=self._writable()
        )
        self.view.setDragEnabled(self.model.movable)
        self.view.setAcceptDrops(self.model.movable)
        self.apply_button.setEnabled(self._writable())

    def _writable(self) -> bool:
        return self._db is not None and not self._db.read_only

    def _on_rules(self, *_: object) -> None:
        db, name = self._db, self.rules.currentData()
        if db is None or db.read_only:
            return
        before = priority_rules(db)[0]
        if name == before:
            return
        self._push(
            self.tr("Use %1").replace("%1", self.rules.currentText()),
            lambda: set_priority_preset(db, name),
            lambda: set_priority_preset(db, before),
        )

    # Selection -----------------------------------------------------------------------------
    def selected_id(self) -> uuid.UUID | None:
        row = self.selected_row()
        return row.id if row else None

    def selected_row(self) -> ProjectRow | None:
        indexes = self.view.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def select_project(self, project_id: uuid.UUID) -> bool:
        row = self.model.row_of(project_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def select_client(self, client_id: uuid.UUID) -> bool:
        """Select the client's first shown project; False when none is shown."""
        for row in self.model.shown_rows:
            if row.client_id == client_id:
                return self.select_project(row.id)
        return False

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.project_selected.emit(self.selected_row())

    # Actions -------------------------------------------------------------------------------
    def _push(
        self,
        text: str,
        do: Callable[[], Changes],
        undo: Callable[[], Changes],
        *,
        first: Callable[[], Changes] | None = None,
    ) -> None:
        """Do an action now and put it on the undo stack; a refusal is shown, not raised.

        `first`, if given, is the action done now against the version this queue shows, so
        a change made meanwhile by someone else is refused; redo after undo is `do`.
        """
        try:
            changes = (first or do)()
        except StaleEdit as exc:
            # Someone changed the project after this queue read it: show it as it is now.
            self.reload()
            self._say(str(exc) + " " + self.tr("The queue now shows it as stored."))
            return
        except AccdeskError as exc:
            self._say(str(exc))
            return
        self._say("")
        self._undo.push(
            OperationCommand(text, do, undo, self._context.publish, self._say, done=True)
        )
        self._context.publish(changes)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def move_selected(self, step: int) -> None:
        """Ctrl+Up / Ctrl+Down: one place up or down in the project's manager's queue."""
        row, db = self.selected_row(), self._db
        if row is None or db is None or self.order.currentData() != MANUAL:
            return
        order = queue_order(db, row.manager_id)
        after = move_by(order, row.id, step)
        if after is not None:
            self._reorder(row.manager_id, order, after, self.tr("Move %1").replace("%1", row.code))

    def _on_drop(self, ids: list[uuid.UUID], before: uuid.UUID | None) -> None:
        db = self._db
        first = self.model.project(ids[0]) if ids else None
        if db is None or first is None:
            return
        order = queue_order(db, first.manager_id)
        after = move_before(order, ids, before)
        self._reorder(first.manager_id, order, after, self.tr("Move %1").replace("%1", first.code))

    def _reorder(
        self, manager: uuid.UUID | None, before: list[uuid.UUID], after: list[uuid.UUID], text: str
    ) -> None:
        db = self._db
        if db is None or before == after:
            return
        self._push(text, lambda: reorder(db, manager, after), lambda: reorder(db, manager, before))

    def apply_priority_order(self) -> None:
        """Store the priority order as the manual order of every manager shown: one step."""
        db = self._db
        if db is None or db.read_only:
            return
        shown = {r.manager_id for r in self.model.shown_rows}
        before: dict[uuid.UUID | None, list[uuid.UUID]] = {}
        after: dict[uuid.UUID | None, list[uuid.UUID]] = {}
        for manager in shown:
            order = queue_order(db, manager)
            ranked = by_priority(order, self._score_of)
            if ranked != order:
                before[manager], after[manager] = order, ranked
        if not after:
            self._say(self.tr("The manual order already follows the priority order."))
            return

        def run(orders: dict[uuid.UUID | None, list[uuid.UUID]]) -> Changes:
            done = Changes()
            for manager, order in orders.items():
                done |= reorder(db, manager, order)
            return done

        self._push(self.tr("Apply the priority order"), lambda: run(after), lambda: run(before))
        self.order.setCurrentIndex(self.order.findData(MANUAL))

    def _score_of(self, project_id: uuid.UUID) -> int:
        """From every loaded project: one hidden by a filter still has its own score."""
        row = self.model.project(project_id)
        return self.model.score_of(row).total if row is not None else 0

    def toggle_pin(self) -> None:
        row, db = self.selected_row(), self._db
        if row is None or db is None:
            return
        text = self.tr("Unpin %1") if row.pinned else self.tr("Pin %1")
        self._push(
            text.replace("%1", row.code),
            lambda: set_pinned(db, row.id, not row.pinned),
            lambda: set_pinned(db, row.id, row.pinned),
            first=lambda: set_pinned(db, row.id, not row.pinned, expected_version=row.version),
        )

    def change_status(self, status: str, project_id: uuid.UUID | None = None) -> None:
        """Of the selected project, or (an edited Status cell) of the one given."""
        row = self.selected_row() if project_id is None else self.model.project(project_id)
        db = self._db
        if row is None or db is None or status == row.status:
            return
        label = self.tr("Archive %1") if status == "archived" else self.tr("Set %1 to %2")
        self._push(
            label.replace("%1", row.code).replace(
                "%2", translate("QueueModel", STATUS_LABELS[status])
            ),
            lambda: set_status(db, row.id, status),
            lambda: set_status(db, row.id, row.status),
            first=lambda: set_status(db, row.id, status, expected_version=row.version),
        )

    def new_project(self) -> None:
        db = self._db
        if db is None or db.read_only:
            return
        today = agency_today(agency_timezone(db))
        created: list[tuple[uuid.UUID, Changes]] = []

        def submit(data: dict[str, Any]) -> dict[str, str] | None:
            try:
                created.append(create_project(db, data, today=today))
            except ValidationError as exc:
                return exc.errors
            return None

        dialog = ProjectDialog(project_choices(db), submit, today, self)
        self._dialogs.run(dialog)
        if not created:
            return
        project_id, changes = created[0]
        self._undo.push(
            OperationCommand(
                self.tr("New project"),
                lambda: set_deleted(db, project_id, False),
                lambda: set_deleted(db, project_id, True),
                self._context.publish,
                self._say,
                done=True,
            )
        )
        self._context.publish(changes)
        self.select_project(project_id)

    # Menus ---------------------------------------------------------------------------------
    def _row_menu(self, pos: Any) -> None:
        row = self.selected_row()
        if row is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Unpin") if row.pinned else self.tr("Pin"), self.toggle_pin)
        status = menu.addMenu(self.tr("Status"))
        for key, label in STATUS_LABELS.items():
            if key != "archived":
                action = status.addAction(
                    translate("QueueModel", label), slot(self.change_status, key)
                )
                action.setCheckable(True)
                action.setChecked(key == row.status)
        menu.addAction(self.tr("Archive"), lambda: self.change_status("archived"))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _on_changed(self, changes: Changes) -> None:
        if self._db is None:
            return
        if changes.touches(Kind.CONTACT):
            self._contacts_loaded = False  # read again on the next search keystroke
            if self.search.text():
                self._on_search(self.search.text())
        how, ids = refresh_for(changes)
        if how is Refresh.CLIENTS:
            # A card edit (name, budget, a promise, feedback): only that client's rows.
            ids = frozenset(r.id for r in self.model.all_rows if r.client_id in ids)
            how = Refresh.PROJECTS
        if how is Refresh.ORDER:
            self._show_new_order(ids)
        elif how is Refresh.PROJECTS and self._rules is not None:
            if ids:
                self._show_changed(ids)
        else:
            self.reload()

    def _show_changed(self, projects: frozenset[uuid.UUID]) -> None:
        """After a pin, a status, a new or archived project: re-read only those rows."""
        db = self._db
        assert db is not None
        selected = self.selected_id()
        fresh = list_queue(db, projects)
        self.model.update_rows(fresh, projects - {r.id for r in fresh})
        self._fill_choices(self.model.all_rows)
        self._refresh_state()
        if selected is not None:
            self.select_project(selected)

    def _show_new_order(self, moved: frozenset[uuid.UUID]) -> None:
        """After a reorder: re-read only the managers concerned (a small query each)."""
        db = self._db
        assert db is not None
        managers = {row.manager_id for pid in moved if (row := self.model.project(pid)) is not None}
        selected = self.selected_id()
        for manager in managers:
            self.model.apply_order(manager, queue_order(db, manager))
        if selected is not None:
            self.select_project(selected)
