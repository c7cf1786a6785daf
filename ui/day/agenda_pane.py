"""Today: one manager's day, planned into the working hours around fixed blocks.

Ticking an item off does what it stands for (answers the request, records the greeting) and
is one undo step; double-clicking a duration changes it for that day. What does not fit is
listed under its own heading, never hidden.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
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
    QTreeWidget,
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
from accdesk.text import QT_TRANSLATE_NOOP
from ui.common.colours import Tone, tone
from ui.common.commands import OperationCommand
from ui.common.context import PaneContext
from ui.common.formatting import duration, minutes_text
from ui.common.forms import Form, RecordDialog
from ui.common.qt import present
from ui.common.widgets import accessible
from ui.day.quick_capture import ReceivedEdit

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
MINUTES_ROLE = Qt.ItemDataRole.UserRole + 2  # an item's duration as a number
REPLAN_MS = 5 * 60_000  # the plan starts from "now", which moves
KIND_LABELS = {
    "request": QT_TRANSLATE_NOOP("AgendaPane", "Answer"),
    "deadline": QT_TRANSLATE_NOOP("AgendaPane", "Deadline"),
    "promise": QT_TRANSLATE_NOOP("AgendaPane", "Promise"),
    "reaction": QT_TRANSLATE_NOOP("AgendaPane", "Feedback reaction"),
    "upsell": QT_TRANSLATE_NOOP("AgendaPane", "Up-sell"),
    "feedback": QT_TRANSLATE_NOOP("AgendaPane", "Ask for feedback"),
    "greeting": QT_TRANSLATE_NOOP("AgendaPane", "Greeting"),
}
COL_TIME, COL_MINUTES, COL_WHAT, COL_DETAIL = range(4)


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
        self.manager.currentIndexChanged.connect(self._on_choice)
        self.day.dateChanged.connect(self._on_choice)

        self.tree = accessible(QTreeWidget(self), "agendaTree", self.tr("Agenda"))
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
        self.tree.currentItemChanged.connect(self._on_current)
        self.summary = accessible(QLabel(self), "agendaSummary", self.tr("Day summary"))
        self.summary.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.manager)
        top.addWidget(self.day)
        top.addWidget(self.today_button)
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
            self.current = agenda(self._db, manager, self.chosen_day(), self._now())
        except AccdeskError as exc:
            self.summary.setText(str(exc))
            return
        self._fill(self.current)

    # Showing -------------------------------------------------------------------------------
    def _fill(self, day: Agenda) -> None:
        self._filling = True
        keep = self._current_key()
        self.tree.clear()
        plan = day.plan
        entries: list[tuple[datetime, QTreeWidgetItem]] = []
        for planned in plan.planned:
            node = self._item_node(planned.item)
            node.setText(COL_TIME, self._span(planned.start, planned.end))
            entries.append((planned.start, node))
        for block in plan.blocks:
            node = QTreeWidgetItem(
                [
                    self._span(block.start, block.end),
                    self._minutes(block),
                    block.title,
                    self.tr("fixed"),
                ]
            )
            font = QFont(node.font(COL_WHAT))
            font.setItalic(True)
            for column in range(4):
                node.setFont(column, font)
                node.setForeground(column, QBrush(tone(Tone.MUTED)))
            node.setFlags(Qt.ItemFlag.ItemIsEnabled)
            entries.append((block.start, node))
        heading = self._heading(self.tr("Plan"), len(plan.planned))
        if not plan.working:
            heading.setText(0, self.tr("A day off: nothing is planned"))
        for _start, node in sorted(entries, key=lambda e: e[0]):
            heading.addChild(node)
        if plan.not_fitting:
            missing = self._heading(self.tr("Does not fit today"), len(plan.not_fitting))
            missing.setForeground(COL_TIME, QBrush(tone(Tone.BAD)))
            for item in plan.not_fitting:
                missing.addChild(self._item_node(item))
        if plan.done:
            done = self._heading(self.tr("Done"), len(plan.done))
            for item in plan.done:
                done.addChild(self._item_node(item))
        self.tree.expandAll()
        free = plan.free_minutes
        self.summary.setText(
            self.tr("%1 planned · %2 do not fit · %3 done · %4 free")
            .replace("%1", str(len(plan.planned)))
            .replace("%2", str(len(plan.not_fitting)))
            .replace("%3", str(len(plan.done)))
            .replace("%4", duration(free))
        )
        self._filling = False
        if keep:
            self._select_key(keep)

    def _heading(self, text: str, count: int) -> QTreeWidgetItem:
        node = QTreeWidgetItem(self.tree, [f"{text} ({count})"])
        node.setFirstColumnSpanned(True)
        font = QFont(node.font(0))
        font.setBold(True)
        node.setFont(0, font)
        node.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return node

    def _item_node(self, item: AgendaItem) -> QTreeWidgetItem:
        node = QTreeWidgetItem(
            ["", minutes_text(item.minutes), item.title, " ".join(item.detail.split())]
        )
        node.setData(0, ITEM_ROLE, item)
        node.setData(COL_MINUTES, MINUTES_ROLE, item.minutes)
        node.setToolTip(COL_WHAT, self.tr(KIND_LABELS.get(item.kind, item.kind)))
        node.setToolTip(COL_DETAIL, item.detail)
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        if not item.done:
            flags |= Qt.ItemFlag.ItemIsEditable
        node.setFlags(flags)
        node.setCheckState(0, Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
        if item.due is not None and item.kind == "request" and not item.done:
            due = item.due.astimezone(self._zone)
            late = self.current is not None and self.current.overdue(item)
            node.setText(
                COL_DETAIL,
                (self.tr("OVERDUE since %1 · ") if late else self.tr("due %1 · ")).replace(
                    "%1", due.strftime("%H:%M")
                )
                + node.text(COL_DETAIL),
            )
            if late:
                node.setForeground(COL_DETAIL, QBrush(tone(Tone.BAD)))
        return node

    def _span(self, start: datetime, end: datetime) -> str:
        return f"{start.astimezone(self._zone):%H:%M}–{end.astimezone(self._zone):%H:%M}"

    @staticmethod
    def _minutes(block: Any) -> str:
        return minutes_text(int((block.end - block.start).total_seconds() // 60))

    def nodes(self) -> list[QTreeWidgetItem]:
        """Every item row (headings aside), in the order shown."""
        out = []
        for top in range(self.tree.topLevelItemCount()):
            heading = present(self.tree.topLevelItem(top))
            out += [present(heading.child(i)) for i in range(heading.childCount())]
        return out

    def node_of(self, key: str) -> QTreeWidgetItem | None:
        return next((n for n in self.nodes() if self._item(n) and self._item(n).key == key), None)  # type: ignore[union-attr]

    @staticmethod
    def _item(node: QTreeWidgetItem | None) -> AgendaItem | None:
        value = node.data(0, ITEM_ROLE) if node is not None else None
        return value if isinstance(value, AgendaItem) else None

    def _current_key(self) -> str | None:
        item = self._item(self.tree.currentItem())
        return item.key if item else None

    def _select_key(self, key: str) -> None:
        node = self.node_of(key)
        if node is not None:
            self.tree.setCurrentItem(node)

    def _on_current(self, node: QTreeWidgetItem | None, _previous: Any) -> None:
        item = self._item(node)
        if item is not None and item.client_id is not None:
            self.client_selected.emit(item.client_id)

    # Acting --------------------------------------------------------------------------------
    def _publish(self, changes: Changes) -> None:
        self._day_context.publish(changes)

    def _report(self, message: str) -> None:
        self._dialogs.error(self, self.tr("Agenda"), message)

    def _on_item_changed(self, node: QTreeWidgetItem, column: int) -> None:
        item = self._item(node)
        if self._filling or item is None or self._db is None:
            return
        manager, day, db = self.manager_id(), self.chosen_day(), self._db
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
        if manager is None or db is None or self.current is None:
            return
        day = self.chosen_day()
        name = f"agenda-{'week-' if week else ''}{day.isoformat()}.ics"
        path = self._dialogs.save_path(
            self, self.tr("Export the agenda"), name, self.tr("Calendar (*.ics)")
        )
        if not path:
            return
        now = self._now()
        days = week_agendas(db, manager, day, now) if week else [self.current]
        try:
            written = write_export(Path(path), to_ics(days, now))
        except (AccdeskError, OSError) as exc:
            self._report(str(exc))
            return
        self.summary.setText(self.tr("Exported to %1").replace("%1", str(written)))
