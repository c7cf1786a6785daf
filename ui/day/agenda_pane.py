"""Today: one manager's day, planned into the working hours around fixed blocks.

Ticking an item off does what it stands for (answers the request, records the greeting) and
is one undo step; double-clicking a duration changes it for that day. What does not fit is
listed under its own heading, never hidden.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accdesk.changes import Changes, Kind
from accdesk.errors import AccdeskError
from accdesk.ops.agenda import (
    Agenda,
    add_meeting,
    agenda,
    check_item,
    manager_choices,
    next_working_day,
    put_item,
    remove_meeting,
    set_item_minutes,
    to_ics,
    week_agendas,
)
from accdesk.ops.inputs import MeetingCreate, validate
from accdesk.ops.settings import agency_timezone
from accdesk.planning.agenda import AgendaItem
from accdesk.screens.dependencies import Screen
from accdesk.storage.db import Database
from accdesk.storage.files import write_export
from ui.common.commands import OperationCommand
from ui.common.context import PaneContext
from ui.common.formatting import duration, work_time
from ui.common.forms import Form, RecordDialog
from ui.common.widgets import accessible
from ui.day.agenda_tree import (
    COL_MINUTES,
    COL_TIME,
    COL_WHAT,
    MINUTES_ROLE,
    AgendaTree,
    item_of,
)
from ui.day.quick_capture import ReceivedEdit

REPLAN_MS = 5 * 60_000  # the plan starts from "now", which moves


class MinutesDelegate(QStyledItemDelegate):
    """A spin box for an item's duration, in five-minute steps."""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(5, 480)
        spin.setSingleStep(5)
        spin.setSuffix(self.tr(" min"))
        return spin

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        assert isinstance(editor, QSpinBox)
        value = index.data(MINUTES_ROLE)
        editor.setValue(value if isinstance(value, int) else 15)

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, QSpinBox)
        # The pane stores it; the plan read back shows the new duration.
        model.setData(index, editor.value(), MINUTES_ROLE)


class AgendaPane(QWidget):
    client_selected = Signal(object)

    def __init__(self, day: PaneContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaPane")
        self._day_context = day
        self._undo, self._dialogs, self._settings = day.undo, day.dialogs, day.settings
        self._me, self._now = day.me, day.now
        self._db: Database | None = None
        self._zone = ZoneInfo("Europe/Moscow")
        self.current: Agenda | None = None
        self._filling = False

        self.manager = accessible(QComboBox(self), "agendaManager", self.tr("Whose day"))
        self.manager.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day = accessible(QDateEdit(self), "agendaDate", self.tr("Day"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd dd.MM.yyyy")
        self.today_button = accessible(
            QPushButton(self.tr("Today"), self), "agendaToday", self.tr("Today")
        )
        self.today_button.clicked.connect(self.go_today)
        self.meeting_button = accessible(
            QPushButton(self.tr("Add meeting…"), self), "addMeeting", self.tr("Add a meeting")
        )
        self.meeting_button.clicked.connect(self.new_meeting)
        self.export_button = accessible(
            QPushButton(self.tr("Export"), self), "agendaExport", self.tr("Export the agenda")
        )
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("This day as .ics…"), lambda: self.export(week=False))
        export_menu.addAction(self.tr("This week as .ics…"), lambda: self.export(week=True))
        self.export_button.setMenu(export_menu)
        self.week_button = accessible(
            QPushButton(self.tr("Week"), self), "agendaWeek", self.tr("The whole week")
        )
        self.week_button.setCheckable(True)
        self.week_button.setToolTip(self.tr("What falls on which day this week"))
        self.week_button.toggled.connect(lambda _on: self.reload())
        self.manager.currentIndexChanged.connect(self._on_choice)
        self.day.dateChanged.connect(self._on_choice)

        self._build_tree()

        top = QHBoxLayout()
        top.addWidget(self.manager)
        top.addWidget(self.day)
        top.addWidget(self.today_button)
        top.addWidget(self.week_button)
        top.addStretch(1)
        top.addWidget(self.meeting_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)

        self.timer = QTimer(self)
        self.timer.setInterval(REPLAN_MS)
        self.timer.timeout.connect(self.reload)
        day.events.subscribe(Screen.AGENDA, self._on_changed)

    def _build_tree(self) -> None:
        self.tree = accessible(AgendaTree(self), "agendaTree", self.tr("Agenda"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Time"), self.tr("Minutes"), self.tr("What"), self.tr("Details")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.setItemDelegateForColumn(COL_MINUTES, MinutesDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((COL_TIME, 140), (COL_MINUTES, 64), (COL_WHAT, 270)):
            header.resizeSection(column, width)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.currentItemChanged.connect(self._on_current)
        self.summary = accessible(QLabel(self), "agendaSummary", self.tr("Day summary"))
        self.summary.setWordWrap(True)

    # Loading -------------------------------------------------------------------------------
    def set_database(self, db: Database | None) -> None:
        self._db = db
        self.manager.blockSignals(True)
        self.manager.clear()
        if db is not None:
            self._zone = ZoneInfo(agency_timezone(db))
            for mid, name in manager_choices(db):
                self.manager.addItem(name, str(mid))
            me = self._me()
            remembered = self._settings.value("agenda/manager")
            wanted = str(me) if isinstance(me, uuid.UUID) else remembered
            self.manager.setCurrentIndex(max(0, self.manager.findData(wanted)))
        self.manager.blockSignals(False)
        for widget in (self.meeting_button, self.export_button, self.today_button):
            widget.setEnabled(db is not None)
        if db is None:
            self.timer.stop()
            self.tree.clear()
            self.current = None
            return
        self.go_today()
        self.timer.start()

    def go_today(self) -> None:
        today = self._now().astimezone(self._zone).date()
        if self.day.date().toPython() != today:
            self.day.setDate(QDate(today.year, today.month, today.day))
        else:
            self.reload()

    def manager_id(self) -> uuid.UUID | None:
        data = self.manager.currentData()
        return uuid.UUID(data) if data else None

    def chosen_day(self) -> date:
        value = self.day.date().toPython()
        assert isinstance(value, date)
        return value

    def _on_choice(self, *_: object) -> None:
        if self.manager.currentData():
            self._settings.setValue("agenda/manager", self.manager.currentData())
        self.reload()

    def _on_changed(self, _changes: Changes) -> None:
        if self._db is not None:
            self.reload()

    def reload(self) -> None:
        manager = self.manager_id()
        if self._db is None or manager is None:
            return
        try:
            if self.week_button.isChecked():
                self.current = None
                days = week_agendas(self._db, manager, self.chosen_day(), self._now())
            else:
                self.current = agenda(self._db, manager, self.chosen_day(), self._now())
        except AccdeskError as exc:
            self.summary.setText(str(exc))
            return
        if self.current is None:
            self.tree.show_week(days, self._now())
            self.summary.setText(
                self.tr("%1 planned this week · %2 do not fit")
                .replace("%1", work_time(sum(p.item.minutes for d in days for p in d.plan.planned)))
                .replace("%2", str(sum(len(d.plan.not_fitting) for d in days)))
            )
            return
        self._fill(self.current)

    # Showing -------------------------------------------------------------------------------
    def _fill(self, day: Agenda) -> None:
        self._filling = True
        keep = self._current_key()
        self.tree.show_day(day)
        plan = day.plan
        self.summary.setText(
            self.tr("%1 planned · %2 do not fit · %3 for when you have time · %4 done · %5 free")
            .replace("%1", str(len(plan.planned)))
            .replace("%2", str(len(plan.not_fitting)))
            .replace("%3", str(len(plan.later)))
            .replace("%4", str(len(plan.done)))
            .replace("%5", duration(plan.free_minutes))
        )
        self._filling = False
        if keep:
            self._select_key(keep)

    def _current_key(self) -> str | None:
        item = item_of(self.tree.currentItem())
        return item.key if item else None

    def _select_key(self, key: str) -> None:
        node = self.tree.node_of(key)
        if node is not None:
            self.tree.setCurrentItem(node)

    def _on_current(self, node: QTreeWidgetItem | None, _previous: Any) -> None:
        item = item_of(node)
        if item is not None and item.client_id is not None:
            self.client_selected.emit(item.client_id)

    # Acting --------------------------------------------------------------------------------
    def _menu(self, pos: Any) -> None:
        """Where an item goes: at a time the person chooses, to the next working day, or
        back where the plan puts it."""
        item = item_of(self.tree.itemAt(pos))
        if item is None or item.done or item.kind == "work" or self.current is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Put at a time…"), lambda: self.put_at(item))
        menu.addAction(self.tr("Move to the next working day"), lambda: self.move_on(item))
        if item.start is not None:
            menu.addAction(self.tr("Back where the plan puts it"), lambda: self.put_back(item))
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def put_at(self, item: AgendaItem) -> None:
        if self.current is None or self._db is None:
            return
        text = self._dialogs.ask_text(
            self, self.tr("Put at a time"), self.tr("Start at (hh:mm):"), ""
        )
        moment = self._time_on(self.current.day, text or "")
        if moment is None:
            if text:
                self._report(self.tr("“%1” is not a time such as 14:30").replace("%1", text))
            return
        self._put(
            item,
            self.tr("Put %1 at %2").replace("%1", item.title).replace("%2", text or ""),
            at=moment,
        )

    def move_on(self, item: AgendaItem) -> None:
        if self.current is None or self._db is None:
            return
        target = next_working_day(self._db, self.current.day)
        self._put(
            item,
            self.tr("Move %1 to %2")
            .replace("%1", item.title)
            .replace("%2", target.strftime("%d.%m")),
            on=target,
        )

    def put_back(self, item: AgendaItem) -> None:
        self._put(item, self.tr("Put %1 back").replace("%1", item.title))

    def _put(
        self, item: AgendaItem, text: str, *, at: datetime | None = None, on: date | None = None
    ) -> None:
        manager, db, shown = self.manager_id(), self._db, self.current
        if manager is None or db is None or shown is None:
            return
        day, before = shown.day, item.start
        self._push(
            text,
            lambda: put_item(db, manager, day, item, at=at, on=on),
            lambda: put_item(db, manager, day, item, at=before),
        )

    def _time_on(self, day: date, text: str) -> datetime | None:
        hours, _, minutes = text.strip().partition(":")
        if not (hours.isdigit() and minutes.isdigit()):
            return None
        if not (0 <= int(hours) < 24 and 0 <= int(minutes) < 60):
            return None
        return datetime.combine(day, time(int(hours), int(minutes)), self._zone)

    def _publish(self, changes: Changes) -> None:
        self._day_context.publish(changes)

    def _report(self, message: str) -> None:
        self._dialogs.error(self, self.tr("Agenda"), message)

    def _on_item_changed(self, node: QTreeWidgetItem, column: int) -> None:
        item = item_of(node)
        if self._filling or item is None or self._db is None or self.current is None:
            return
        manager, day, db = self.manager_id(), self.current.day, self._db
        assert manager is not None
        if column == 0:
            done = node.checkState(0) == Qt.CheckState.Checked
            if done == item.done:
                return
            title = item.title

            def tick(value: bool) -> Callable[[], Changes]:
                return lambda: check_item(
                    db, manager, day, item.key, value, title=title, now=self._now()
                )

            self._push(
                (self.tr("Done: %1") if done else self.tr("Not done: %1")).replace("%1", title),
                tick(done),
                tick(not done),
            )
        elif column == COL_MINUTES:
            minutes = node.data(COL_MINUTES, MINUTES_ROLE)
            if not isinstance(minutes, int) or minutes == item.minutes:
                return
            before = item.minutes
            self._push(
                self.tr("Duration of %1").replace("%1", item.title),
                lambda: set_item_minutes(db, manager, day, item.key, minutes),
                lambda: set_item_minutes(db, manager, day, item.key, before),
            )

    def _push(self, text: str, do: Callable[[], Changes], undo: Callable[[], Changes]) -> None:
        # Later: the tree is rebuilt by the change, and Qt is still inside this item's signal.
        def run() -> None:
            try:
                changes = do()
            except AccdeskError as exc:
                self._report(str(exc))
                self.reload()
                return
            self._undo.push(
                OperationCommand(text, do, undo, self._publish, self._report, done=True)
            )
            self._publish(changes)

        QTimer.singleShot(0, run)

    def new_meeting(self) -> None:
        manager, db = self.manager_id(), self._db
        if manager is None or db is None:
            return
        created: list[Changes] = []

        def build(form: Form) -> None:
            form.line("title", self.tr("Title"), self.tr("Call with the client"))
            edit = ReceivedEdit(self._zone, form)
            form.custom(
                "starts_at",
                self.tr("Starts"),
                edit,
                edit.value,
                edit.set_value,
                edit.dateTimeChanged,
            )
            form.number("minutes", self.tr("Minutes"), 5, 600, " min")

        dialog = RecordDialog(
            self.tr("Add a meeting"),
            build,
            lambda values: validate(MeetingCreate, values),
            lambda values: created.append(add_meeting(db, manager, values)),
            self,
        )
        start = datetime.combine(self.chosen_day(), datetime.min.time(), self._zone) + timedelta(
            hours=15
        )
        dialog.start({"title": "", "starts_at": start, "minutes": 30})
        if not self._dialogs.run(dialog) or not created:
            return
        changes = created[0]
        meeting_id = next(iter(changes.ids(Kind.MEETING)))
        self._undo.push(
            OperationCommand(
                self.tr("Add meeting"),
                lambda: remove_meeting(db, meeting_id, removed=False),
                lambda: remove_meeting(db, meeting_id),
                self._publish,
                self._report,
                done=True,
            )
        )
        self._publish(changes)

    def export(self, *, week: bool) -> None:
        manager, db = self.manager_id(), self._db
        if manager is None or db is None:
            return
        day = self.chosen_day()
        name = f"agenda-{'week-' if week else ''}{day.isoformat()}.ics"
        path = self._dialogs.save_path(
            self, self.tr("Export the agenda"), name, self.tr("Calendar (*.ics)")
        )
        if not path:
            return
        now = self._now()
        days = week_agendas(db, manager, day, now) if week else [agenda(db, manager, day, now)]
        try:
            written = write_export(Path(path), to_ics(days, now))
        except (AccdeskError, OSError) as exc:
            self._report(str(exc))
            return
        self.summary.setText(self.tr("Exported to %1").replace("%1", str(written)))
