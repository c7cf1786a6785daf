"""The day plan as a list a manager reads top to bottom, or a week of them.

A day: the plan in time order with the fixed blocks among it (an answer that cannot make
its deadline says so in red, with the first free time); then, only when a working day truly
overflows, what does not fit; then what waits for a freer moment, in quiet grey; then what
is done. A week: each day with what is new on it (an answer still waiting is shown on the
first day that plans it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from accdesk.ops.agenda import Agenda
from accdesk.planning.agenda import AgendaItem, Planned
from accdesk.text import QT_TRANSLATE_NOOP
from ui.common.colours import Tone, tone
from ui.common.formatting import day_month, minutes_text, work_time
from ui.common.i18n import translate
from ui.common.qt import present

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
MINUTES_ROLE = Qt.ItemDataRole.UserRole + 2  # an item's duration as a number
COL_TIME, COL_MINUTES, COL_WHAT, COL_DETAIL = range(4)
KIND_LABELS = {
    "request": QT_TRANSLATE_NOOP("AgendaPane", "Answer"),
    "deadline": QT_TRANSLATE_NOOP("AgendaPane", "Deadline"),
    "promise": QT_TRANSLATE_NOOP("AgendaPane", "Promise"),
    "reaction": QT_TRANSLATE_NOOP("AgendaPane", "Feedback reaction"),
    "work": QT_TRANSLATE_NOOP("AgendaPane", "Project work"),
    "upsell": QT_TRANSLATE_NOOP("AgendaPane", "Up-sell"),
    "feedback": QT_TRANSLATE_NOOP("AgendaPane", "Ask for feedback"),
    "greeting": QT_TRANSLATE_NOOP("AgendaPane", "Greeting"),
}


class AgendaTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = ZoneInfo("Europe/Moscow")
        self.shown: Agenda | None = None

    # A day -------------------------------------------------------------------------------
    def show_day(self, day: Agenda) -> None:
        self.clear()
        self.shown = day
        self.zone = ZoneInfo(day.zone)
        plan = day.plan
        if day.day_off and day.asked is not None:
            note = self._heading(
                translate("AgendaPane", "%1 is a day off. The plan for the next working day, %2:")
                .replace("%1", _long_day(day.asked))
                .replace("%2", _long_day(day.day))
            )
            note.setForeground(0, QBrush(tone(Tone.ACCENT)))
        entries: list[tuple[datetime, int, QTreeWidgetItem]] = []
        for planned in plan.planned:
            node = self._item_node(planned.item, planned)
            node.setText(COL_TIME, self._span(planned.start, planned.end))
            entries.append((planned.start, 1, node))
        for block in plan.blocks:
            entries.append((block.start, 0, self._block_node(block.title, block.start, block.end)))
        if not plan.working:
            self._heading(translate("AgendaPane", "A day off: nothing is planned"))
        else:
            plan_title = translate("AgendaPane", "Plan")
            heading = self._heading(f"{plan_title} ({len(plan.planned)})")
            for _start, _order, node in sorted(entries, key=lambda e: (e[0], e[1])):
                heading.addChild(node)
        self._section(translate("AgendaPane", "Does not fit today"), plan.not_fitting, Tone.BAD)
        self._section(translate("AgendaPane", "When you have time"), plan.later, Tone.MUTED)
        self._section(translate("AgendaPane", "Done"), plan.done, None)
        self.expandAll()

    def _section(self, title: str, items: tuple[AgendaItem, ...], colour: Tone | None) -> None:
        if not items:
            return
        heading = self._heading(f"{title} ({len(items)})")
        if colour is not None:
            heading.setForeground(COL_TIME, QBrush(tone(colour)))
        for item in items:
            heading.addChild(self._item_node(item, None))

    # A week --------------------------------------------------------------------------------
    def show_week(self, days: list[Agenda], now: datetime) -> None:
        """Each day of the week and what it brings, each item on the first day planning it."""
        self.clear()
        self.shown = None
        seen: set[str] = set()
        for day in days:
            self.zone = ZoneInfo(day.zone)
            plan = day.plan
            fresh = [p for p in plan.planned if p.item.key not in seen or p.item.kind == "work"]
            seen.update(p.item.key for p in plan.planned)
            busy = sum(p.item.minutes for p in plan.planned)
            if not plan.working:
                text = translate("AgendaPane", "%1 · day off").replace("%1", _long_day(day.day))
            elif day.day < now.astimezone(self.zone).date():
                text = translate("AgendaPane", "%1 · past").replace("%1", _long_day(day.day))
            else:
                text = (
                    translate("AgendaPane", "%1 · %2 planned, %3 free")
                    .replace("%1", _long_day(day.day))
                    .replace("%2", work_time(busy))
                    .replace("%3", work_time(plan.free_minutes))
                )
                if plan.not_fitting:
                    text += " · " + translate("AgendaPane", "%1 do not fit").replace(
                        "%1", str(len(plan.not_fitting))
                    )
            heading = self._heading(text)
            if day.day < now.astimezone(self.zone).date() or not plan.working:
                continue
            for planned in fresh:
                node = self._item_node(planned.item, planned)
                node.setText(COL_TIME, self._span(planned.start, planned.end))
                # A week is for looking ahead; ticking off is done on the day.
                node.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                node.setData(0, Qt.ItemDataRole.CheckStateRole, None)
                heading.addChild(node)
        self.expandAll()

    # Rows ------------------------------------------------------------------------------------
    def _heading(self, text: str) -> QTreeWidgetItem:
        node = QTreeWidgetItem(self, [text])
        node.setFirstColumnSpanned(True)
        font = QFont(node.font(0))
        font.setBold(True)
        node.setFont(0, font)
        node.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return node

    def _block_node(self, title: str, start: datetime, end: datetime) -> QTreeWidgetItem:
        minutes = int((end - start).total_seconds() // 60)
        node = QTreeWidgetItem(
            [self._span(start, end), minutes_text(minutes), title, translate("AgendaPane", "fixed")]
        )
        font = QFont(node.font(COL_WHAT))
        font.setItalic(True)
        for column in range(4):
            node.setFont(column, font)
            node.setForeground(column, QBrush(tone(Tone.MUTED)))
        node.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return node

    def _item_node(self, item: AgendaItem, planned: Planned | None) -> QTreeWidgetItem:
        node = QTreeWidgetItem(
            ["", minutes_text(item.minutes), item.title, " ".join(item.detail.split())]
        )
        node.setData(0, ITEM_ROLE, item)
        node.setData(COL_MINUTES, MINUTES_ROLE, item.minutes)
        node.setToolTip(COL_WHAT, translate("AgendaPane", KIND_LABELS.get(item.kind, item.kind)))
        node.setToolTip(COL_DETAIL, item.detail)
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        if not item.done and item.kind != "work":
            flags |= Qt.ItemFlag.ItemIsEditable
        node.setFlags(flags)
        node.setCheckState(0, Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
        if item.due is not None and item.kind == "request" and not item.done:
            self._say_due(node, item, planned)
        if item.at_risk and planned is None:
            node.setText(
                COL_DETAIL, translate("AgendaPane", "The client is at risk: not a day to sell")
            )
        if item.start is not None:
            node.setToolTip(COL_TIME, translate("AgendaPane", "Put here by you"))
        return node

    def _say_due(self, node: QTreeWidgetItem, item: AgendaItem, planned: Planned | None) -> None:
        """When the answer is due, and in red when the plan cannot make it."""
        assert item.due is not None
        due = item.due.astimezone(self.zone).strftime("%H:%M")
        text = node.text(COL_DETAIL)
        if planned is not None and planned.late:
            done = planned.end.astimezone(self.zone).strftime("%H:%M")
            node.setText(
                COL_DETAIL,
                translate("AgendaPane", "due %1, answered %2 at the earliest · ")
                .replace("%1", due)
                .replace("%2", done)
                + text,
            )
            node.setForeground(COL_DETAIL, QBrush(tone(Tone.BAD)))
            node.setToolTip(
                COL_DETAIL,
                translate(
                    "AgendaPane",
                    "The answer cannot be on time: move a meeting, or put it earlier "
                    "(right click).",
                ),
            )
        else:
            node.setText(COL_DETAIL, translate("AgendaPane", "due %1 · ").replace("%1", due) + text)

    def _span(self, start: datetime, end: datetime) -> str:
        return f"{start.astimezone(self.zone):%H:%M}–{end.astimezone(self.zone):%H:%M}"

    # Finding rows ----------------------------------------------------------------------------
    def nodes(self) -> list[QTreeWidgetItem]:
        """Every item row (headings aside), in the order shown."""
        out = []
        for top in range(self.topLevelItemCount()):
            heading = present(self.topLevelItem(top))
            out += [present(heading.child(i)) for i in range(heading.childCount())]
        return out

    def node_of(self, key: str) -> QTreeWidgetItem | None:
        return next((n for n in self.nodes() if (i := item_of(n)) and i.key == key), None)


def item_of(node: QTreeWidgetItem | None) -> AgendaItem | None:
    value: Any = node.data(0, ITEM_ROLE) if node is not None else None
    return value if isinstance(value, AgendaItem) else None


def _long_day(value: Any) -> str:
    """ "понедельник, 07.12" / "Monday, 07/12": a day as a sentence names it."""
    name = QLocale().dayName(value.isoweekday(), QLocale.FormatType.LongFormat)
    return f"{name}, {day_month(value)}"
