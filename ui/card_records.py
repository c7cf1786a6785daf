"""The card's lists (contacts, promises, loyalty actions, feedback, services): what each shows
and the form that edits one of its rows. One `RecordPage` serves them all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
from ui.formatting import day, money
from ui.forms import Form
from ui.record_model import Column, RecordModel


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The card's strings share one translation context across its modules."""
    return QCoreApplication.translate("ClientCard", text, disambiguation, n)


FEASIBILITY = (("realistic", "realistic"), ("doubtful", "doubtful"), ("unrealistic", "unrealistic"))
PROMISE_STATUS = (
    ("open", "open"),
    ("kept", "kept"),
    ("broken", "broken"),
    ("renegotiated", "renegotiated"),
)
OFFER_STATES = (
    ("none", "—"),
    ("prospect", "prospect"),
    ("offered", "offered"),
    ("active", "active"),
    ("declined", "declined"),
)
HELPERS = (
    ("", "nobody yet"),
    ("manager", "the account manager"),
    ("department_head", "the department head"),
    ("company_head", "the company head"),
    ("salesperson", "a salesperson"),
)
LABELS = dict(FEASIBILITY + PROMISE_STATUS + OFFER_STATES + HELPERS)


def label(key: str) -> str:
    return tr(LABELS.get(key, key))


def _options(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(key, tr(text)) for key, text in pairs]


def practice_label(key: str) -> str:
    practice = PRACTICES_BY_KEY.get(key)
    return tr(practice.label) if practice else key


# Forms -------------------------------------------------------------------------------------


def contact_form(form: Form) -> None:
    form.line("name", tr("Name"), tr("e.g. Ирина Соколова"))
    form.line("role", tr("Role"), tr("e.g. marketing director"))
    form.line("email", tr("Email"), "name@example.com")
    form.line("phone", tr("Phone"), "+7 900 123-45-67")
    form.line("messenger", tr("Messenger"), "@telegram")
    form.date("birthday", tr("Birthday"))
    form.check("is_primary", "", tr("Primary contact"))


def promise_form(form: Form) -> None:
    form.text("what", tr("What was promised"), tr("e.g. top-10 for the main queries in two weeks"))
    form.fields["what"].widget.setMaximumHeight(64)
    form.line("promised_by", tr("Promised by"), tr("e.g. Антон, sales"))
    form.date("promised_on", tr("Promised on"))
    form.date("due_on", tr("Due by"))
    form.choice("feasibility", tr("Feasibility"), _options(FEASIBILITY))
    form.choice("status", tr("Status"), _options(PROMISE_STATUS))
    form.text("note", tr("Note"))
    form.fields["note"].widget.setMaximumHeight(64)


def loyalty_form(form: Form) -> None:
    options = [
        (
            p.key,
            tr("%1 (%2 % of agencies)").replace("%1", tr(p.label)).replace("%2", f"{p.share:g}"),
        )
        for p in sorted(LOYALTY_PRACTICES, key=lambda p: -p.share)
    ]
    form.choice("practice", tr("Practice"), options)
    form.date("done_on", tr("Done on"))
    form.date("planned_on", tr("Planned for"))
    form.text("note", tr("Note"))
    form.fields["note"].widget.setMaximumHeight(64)


def feedback_form(form: Form) -> None:
    form.whole_number("score", tr("NPS score, 0–10"), "0–10")
    form.text("comment", tr("Comment"))
    form.fields["comment"].widget.setMaximumHeight(64)
    form.date("received_on", tr("Received on"))
    form.text("reaction", tr("Our reaction"), tr("what was done about it"))
    form.fields["reaction"].widget.setMaximumHeight(64)
    form.date("reacted_on", tr("Reacted on"))


def service_form(form: Form) -> None:
    form.choice("state", tr("State"), _options(OFFER_STATES))
    form.money("monthly_value", tr("Monthly value"))
    form.date("last_offer_on", tr("Last offer"))
    next_offer = form.date("next_offer_on", tr("Next offer"))
    next_offer.setToolTip(tr("Left empty, it follows the agency's up-sell cadence"))
    form.choice("helper", tr("Who helps"), _options(HELPERS))


# Columns -----------------------------------------------------------------------------------


def contact_columns() -> list[Column]:
    return [
        Column(tr("Name"), lambda c: ("★ " if c.is_primary else "") + c.name),
        Column(tr("Role"), lambda c: c.role),
        Column(tr("Reach"), lambda c: " · ".join(x for x in (c.phone, c.email, c.messenger) if x)),
        Column(tr("Birthday"), lambda c: c.birthday.strftime("%d.%m") if c.birthday else ""),
    ]


def _promise_tone(p: PromiseRow) -> str | None:
    if p.needs_talk:
        return "bad"
    return {"kept": "good", "broken": "bad"}.get(p.status)


def promise_columns(today: Callable[[], date]) -> list[Column]:
    def due(p: PromiseRow) -> str:
        late = p.status == "open" and p.due_on is not None and p.due_on < today()
        return day(p.due_on) + (" " + tr("(overdue)") if late else "")

    return [
        Column(tr("Promise"), lambda p: p.what, _promise_tone, lambda p: p.note or p.what),
        Column(tr("By"), lambda p: p.promised_by),
        Column(tr("Due"), due),
        Column(tr("Feasibility"), lambda p: label(p.feasibility), _promise_tone),
        Column(tr("Status"), lambda p: label(p.status), _promise_tone),
    ]


def loyalty_columns() -> list[Column]:
    def when(a: LoyaltyRow) -> str:
        if a.done_on:
            return day(a.done_on)
        return tr("planned %1").replace("%1", day(a.planned_on))

    return [
        Column(tr("When"), when, lambda a: None if a.done_on else "warn"),
        Column(tr("Practice"), lambda a: practice_label(a.practice)),
        Column(tr("Note"), lambda a: a.note),
    ]


def feedback_columns() -> list[Column]:
    def tone(f: FeedbackRow) -> str | None:
        return "bad" if f.unanswered else None

    return [
        Column(tr("Date"), lambda f: day(f.received_on)),
        Column(tr("NPS"), lambda f: str(f.score), tone),
        Column(tr("Comment"), lambda f: f.comment),
        Column(
            tr("Reaction"),
            lambda f: f.reaction if not f.unanswered else tr("⚠ no reaction yet"),
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
        Column(tr("Service"), lambda c: c.service, tone),
        Column(tr("State"), lambda c: label(c.state), tone),
        Column(
            tr("Monthly"), lambda c: money(c.monthly_value, currency()) if c.monthly_value else ""
        ),
        Column(tr("Next offer"), next_offer, tone),
        Column(tr("Helps"), lambda c: label(c.helper) if c.helper else ""),
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
            button = QPushButton(action.text, self)
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
        for column in range(self.model.columnCount() - 1):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), MAX_COLUMN))

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
