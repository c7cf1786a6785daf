"""The card's lists (contacts, promises, loyalty actions, feedback, services): what each shows
and the form that edits one of its rows. One `RecordPage` serves them all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accdesk.facts import LOYALTY_PRACTICES, PRACTICES_BY_KEY
from accdesk.ops.readmodels import (
    FeedbackRow,
    LoyaltyRow,
    PromiseRow,
    ServiceCell,
)
from accdesk.text import QT_TRANSLATE_NOOP
from ui.common.formatting import day, day_month, money
from ui.common.forms import Form
from ui.common.i18n import translate
from ui.common.record_model import Column, RecordModel

FEASIBILITY = (
    ("realistic", QT_TRANSLATE_NOOP("ClientCard", "realistic")),
    ("doubtful", QT_TRANSLATE_NOOP("ClientCard", "doubtful")),
    ("unrealistic", QT_TRANSLATE_NOOP("ClientCard", "unrealistic")),
)
PROMISE_STATUS = (
    ("open", QT_TRANSLATE_NOOP("ClientCard", "open")),
    ("kept", QT_TRANSLATE_NOOP("ClientCard", "kept")),
    ("broken", QT_TRANSLATE_NOOP("ClientCard", "broken")),
    ("renegotiated", QT_TRANSLATE_NOOP("ClientCard", "renegotiated")),
)
OFFER_STATES = (
    ("none", QT_TRANSLATE_NOOP("ClientCard", "—")),
    ("prospect", QT_TRANSLATE_NOOP("ClientCard", "prospect")),
    ("offered", QT_TRANSLATE_NOOP("ClientCard", "offered")),
    ("active", QT_TRANSLATE_NOOP("ClientCard", "active")),
    ("declined", QT_TRANSLATE_NOOP("ClientCard", "declined")),
)
HELPERS = (
    ("", QT_TRANSLATE_NOOP("ClientCard", "nobody yet")),
    ("manager", QT_TRANSLATE_NOOP("ClientCard", "the account manager")),
    ("department_head", QT_TRANSLATE_NOOP("ClientCard", "the department head")),
    ("company_head", QT_TRANSLATE_NOOP("ClientCard", "the company head")),
    ("salesperson", QT_TRANSLATE_NOOP("ClientCard", "a salesperson")),
)
LABELS = dict(FEASIBILITY + PROMISE_STATUS + OFFER_STATES + HELPERS)


def label(key: str) -> str:
    return translate("ClientCard", LABELS.get(key, key))


def _options(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(key, translate("ClientCard", text)) for key, text in pairs]


def practice_label(key: str) -> str:
    practice = PRACTICES_BY_KEY.get(key)
    return translate("Facts", practice.label) if practice else key


# Forms -------------------------------------------------------------------------------------


def contact_form(form: Form) -> None:
    form.line(
        "name", translate("ClientCard", "Name"), translate("ClientCard", "e.g. Ирина Соколова")
    )
    form.line(
        "role", translate("ClientCard", "Role"), translate("ClientCard", "e.g. marketing director")
    )
    form.line("email", translate("ClientCard", "Email"), "name@example.com")
    form.line("phone", translate("ClientCard", "Phone"), "+7 900 123-45-67")
    form.line("messenger", translate("ClientCard", "Messenger"), "@telegram")
    form.date("birthday", translate("ClientCard", "Birthday"))
    form.check("is_primary", "", translate("ClientCard", "Primary contact"))


def promise_form(form: Form) -> None:
    form.text(
        "what",
        translate("ClientCard", "What was promised"),
        translate("ClientCard", "e.g. top-10 for the main queries in two weeks"),
    )
    form.fields["what"].widget.setMaximumHeight(64)
    form.line(
        "promised_by",
        translate("ClientCard", "Promised by"),
        translate("ClientCard", "e.g. Антон, sales"),
    )
    form.date("promised_on", translate("ClientCard", "Promised on"))
    form.date("due_on", translate("ClientCard", "Due by"))
    form.choice("feasibility", translate("ClientCard", "Feasibility"), _options(FEASIBILITY))
    form.choice("status", translate("ClientCard", "Status"), _options(PROMISE_STATUS))
    form.text("note", translate("ClientCard", "Note"))
    form.fields["note"].widget.setMaximumHeight(64)


def loyalty_form(form: Form) -> None:
    options = [
        (
            p.key,
            translate("ClientCard", "%1 (%2 % of agencies)")
            .replace("%1", translate("Facts", p.label))
            .replace("%2", f"{p.share:g}"),
        )
        for p in sorted(LOYALTY_PRACTICES, key=lambda p: -p.share)
    ]
    form.choice("practice", translate("ClientCard", "Practice"), options)
    form.date("done_on", translate("ClientCard", "Done on"))
    form.date("planned_on", translate("ClientCard", "Planned for"))
    form.text("note", translate("ClientCard", "Note"))
    form.fields["note"].widget.setMaximumHeight(64)


def feedback_form(form: Form) -> None:
    form.whole_number("score", translate("ClientCard", "NPS score, 0–10"), "0–10")
    form.text("comment", translate("ClientCard", "Comment"))
    form.fields["comment"].widget.setMaximumHeight(64)
    form.date("received_on", translate("ClientCard", "Received on"))
    form.text(
        "reaction",
        translate("ClientCard", "Our reaction"),
        translate("ClientCard", "what was done about it"),
    )
    form.fields["reaction"].widget.setMaximumHeight(64)
    form.date("reacted_on", translate("ClientCard", "Reacted on"))


def service_form(form: Form) -> None:
    form.choice("state", translate("ClientCard", "State"), _options(OFFER_STATES))
    form.money("monthly_value", translate("ClientCard", "Monthly value"))
    form.date("last_offer_on", translate("ClientCard", "Last offer"))
    next_offer = form.date("next_offer_on", translate("ClientCard", "Next offer"))
    next_offer.setToolTip(
        translate("ClientCard", "Left empty, it follows the agency's up-sell cadence")
    )
    form.choice("helper", translate("ClientCard", "Who helps"), _options(HELPERS))


# Columns -----------------------------------------------------------------------------------


def contact_columns() -> list[Column]:
    return [
        Column(translate("ClientCard", "Name"), lambda c: ("★ " if c.is_primary else "") + c.name),
        Column(translate("ClientCard", "Role"), lambda c: c.role),
        Column(
            translate("ClientCard", "Reach"),
            lambda c: " · ".join(x for x in (c.phone, c.email, c.messenger) if x),
        ),
        Column(
            translate("ClientCard", "Birthday"),
            lambda c: day_month(c.birthday) if c.birthday else "",
        ),
    ]


def _promise_tone(p: PromiseRow) -> str | None:
    if p.needs_talk:
        return "bad"
    return {"kept": "good", "broken": "bad"}.get(p.status)


def promise_columns(today: Callable[[], date]) -> list[Column]:
    def due(p: PromiseRow) -> str:
        late = p.status == "open" and p.due_on is not None and p.due_on < today()
        return day(p.due_on) + (" " + translate("ClientCard", "(overdue)") if late else "")

    return [
        Column(
            translate("ClientCard", "Promise"),
            lambda p: p.what,
            _promise_tone,
            lambda p: p.note or p.what,
        ),
        Column(translate("ClientCard", "By"), lambda p: p.promised_by),
        Column(translate("ClientCard", "Due"), due),
        Column(
            translate("ClientCard", "Feasibility"), lambda p: label(p.feasibility), _promise_tone
        ),
        Column(translate("ClientCard", "Status"), lambda p: label(p.status), _promise_tone),
    ]


def loyalty_columns() -> list[Column]:
    def when(a: LoyaltyRow) -> str:
        if a.done_on:
            return day(a.done_on)
        return translate("ClientCard", "planned %1").replace("%1", day(a.planned_on))

    return [
        Column(translate("ClientCard", "When"), when, lambda a: None if a.done_on else "warn"),
        Column(translate("ClientCard", "Practice"), lambda a: practice_label(a.practice)),
        Column(translate("ClientCard", "Note"), lambda a: a.note),
    ]


def feedback_columns() -> list[Column]:
    def tone(f: FeedbackRow) -> str | None:
        return "bad" if f.unanswered else None

    return [
        Column(translate("ClientCard", "Date"), lambda f: day(f.received_on)),
        Column(translate("ClientCard", "NPS"), lambda f: str(f.score), tone),
        Column(translate("ClientCard", "Comment"), lambda f: f.comment),
        Column(
            translate("ClientCard", "Reaction"),
            lambda f: (
                f.reaction if not f.unanswered else translate("ClientCard", "⚠ no reaction yet")
            ),
            tone,
        ),
    ]


def service_columns(currency: Callable[[], str], today: Callable[[], date]) -> list[Column]:
    def next_offer(c: ServiceCell) -> str:
        if c.state == "active" or c.next_offer_on is None:
            return ""
        return day(c.next_offer_on)

    def tone(c: ServiceCell) -> str | None:
        if c.state == "active":
            return "good"
        due = c.next_offer_on is not None and c.next_offer_on <= today()
        return "warn" if due and c.state in ("prospect", "offered", "declined") else None

    return [
        Column(translate("ClientCard", "Service"), lambda c: c.service, tone),
        Column(translate("ClientCard", "State"), lambda c: label(c.state), tone),
        Column(
            translate("ClientCard", "Monthly"),
            lambda c: money(c.monthly_value, currency()) if c.monthly_value else "",
        ),
        Column(translate("ClientCard", "Next offer"), next_offer, tone),
        Column(translate("ClientCard", "Helps"), lambda c: label(c.helper) if c.helper else ""),
    ]


# The page ----------------------------------------------------------------------------------

MAX_COLUMN = 190


@dataclass(frozen=True)
class Action:
    name: str
    text: str
    needs_row: bool
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    writes: bool = True  # disabled on a database opened read-only


class RecordPage(QWidget):
    """A list with its buttons; Enter or a double-click edits, Insert adds, Delete deletes."""

    triggered = Signal(str, object)  # action name, the selected row (or None)

    def __init__(
        self,
        name: str,
        columns: Sequence[Column],
        actions: Sequence[Action],
        empty: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = RecordModel(columns, self)
        self.view = QTableView(self)
        self.view.setObjectName(f"{name}Table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(lambda _i: self._trigger("edit"))
        self.empty = QLabel(empty, self)
        self.empty.setObjectName("emptyText")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons: dict[str, QPushButton] = {}
        self._actions = {action.name: action for action in actions}
        self._writable = True
        self._fitted = False
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for action in actions:
            button = QPushButton(translate("ClientCard", action.text), self)
            button.setObjectName(f"{name}_{action.name}")
            button.clicked.connect(lambda _c=False, a=action.name: self._trigger(a))
            if action.shortcut is not None:
                shortcut = QShortcut(QKeySequence(action.shortcut), self.view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(lambda a=action.name: self._trigger(a))
                button.setToolTip(QKeySequence(action.shortcut).toString())
            self.buttons[action.name] = button
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_rows(self, rows: Sequence[Any], key: Callable[[Any], Any] | None = None) -> None:
        """Show rows, keeping the selected one (matched by `key`, by default its id)."""
        ident = key or (lambda r: getattr(r, "id", None))
        selected = self.selected()
        self.model.set_rows(rows)
        self._fitted = False
        if self.isVisible():
            self._fit_columns()
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))
        if selected is not None:
            for i, row in enumerate(rows):
                if ident(row) == ident(selected):
                    self.view.selectRow(i)
                    break
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Columns fitted to their text, capped so one long note cannot push the others out.
        Done when the list is on screen: a card has seven lists and shows one at a time."""
        self._fitted = True
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            cap = max(MAX_COLUMN, header.sectionSizeHint(column))  # a title is never cut
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), cap))
        # The last column fills what is left, but never below its own title: the table
        # scrolls sideways instead.
        last = self.model.columnCount() - 1
        header.setMinimumSectionSize(min(header.sectionSizeHint(last), MAX_COLUMN))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fit_columns()

    def selected(self) -> Any:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _trigger(self, action: str) -> None:
        button = self.buttons.get(action)
        if button is not None and not button.isEnabled():
            return
        self.triggered.emit(action, self.selected())

    def _update_buttons(self, *_args: Any) -> None:
        has = self.selected() is not None
        for name, button in self.buttons.items():
            action = self._actions[name]
            button.setEnabled(
                (has or not action.needs_row) and (self._writable or not action.writes)
            )

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self._update_buttons()
