"""The client card's widgets and their layout; `ui.card.pane.ClientCardPane` gives them
life. The body (name, facts, the promise banner and seven tabs of forms and lists) is built
when the first client is shown, so the window's first paint does not wait for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from accdesk.text import QT_TRANSLATE_NOOP
from ui.card.profile import ProfilePage
from ui.card.records import (
    Action,
    RecordPage,
    contact_columns,
    feedback_columns,
    loyalty_columns,
    promise_columns,
    service_columns,
)
from ui.common.formatting import day
from ui.common.i18n import translate
from ui.common.record_model import Column
from ui.common.widgets import EmptyState, PaneTitle, accessible
from ui.common.wrapping_tabs import WrappingTabs

GREETING_DAYS = 45  # how far ahead greeting dates are proposed
ADD = Action("add", QT_TRANSLATE_NOOP("ClientCard", "Add…"), False, QKeySequence.StandardKey.New)
EDIT = Action("edit", QT_TRANSLATE_NOOP("ClientCard", "Edit…"), True, "Return")
DELETE = Action(
    "delete", QT_TRANSLATE_NOOP("ClientCard", "Delete"), True, QKeySequence.StandardKey.Delete
)


class ClientCardView(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientCardPane")
        self.empty = EmptyState(
            translate("ClientCard", "No client selected"),
            translate("ClientCard", "Select a project in the queue to see its client here."),
            self,
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 8)
        layout.addWidget(PaneTitle(translate("ClientCard", "Client card"), self))
        layout.addWidget(self.stack, 1)
        self.chart: Any = None

    def build_body(self, currency: Callable[[], str], today: Callable[[], date]) -> None:
        """The card's body; `currency` and `today` are read when the lists are filled."""
        self._build_header()
        self._build_pages(currency, today)
        self._build_tabs()

    def _build_header(self) -> None:
        self.name = accessible(QLabel(self), "clientName", translate("ClientCard", "Client"))
        self.name.setWordWrap(True)
        self.subtitle = accessible(
            QLabel(self), "clientSubtitle", translate("ClientCard", "Client details")
        )
        self.subtitle.setWordWrap(True)
        self.facts = accessible(
            QLabel(self), "clientFacts", translate("ClientCard", "Client at a glance")
        )
        self.facts.setWordWrap(True)
        self.banner = accessible(
            QLabel(self), "promiseBanner", translate("ClientCard", "Before your next call")
        )
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)

    # long: one declaration per list of the card, in the order of its tabs
    def _build_pages(self, currency: Callable[[], str], today: Callable[[], date]) -> None:
        self.profile = ProfilePage(self)
        self.contacts = RecordPage(
            "contacts",
            contact_columns(),
            (
                ADD,
                EDIT,
                DELETE,
                Action("primary", QT_TRANSLATE_NOOP("ClientCard", "Make primary"), True),
            ),
            translate("ClientCard", "No contacts yet. Add the people you talk to."),
            self,
        )
        self.services = RecordPage(
            "services",
            service_columns(currency, today),
            (
                EDIT,
                Action(
                    "matrix",
                    QT_TRANSLATE_NOOP("ClientCard", "Team up-sell matrix…"),
                    False,
                    writes=False,
                ),
            ),
            translate("ClientCard", "The agency's service catalogue is empty."),
            self,
        )
        self.promises = RecordPage(
            "promises",
            promise_columns(today),
            (ADD, EDIT, DELETE),
            translate("ClientCard", "No promises registered. Add what sales promised at signing."),
            self,
        )
        self.loyalty = RecordPage(
            "loyalty",
            loyalty_columns(),
            (ADD, EDIT, DELETE),
            translate("ClientCard", "Nothing done for loyalty yet."),
            self,
        )
        self.greetings = RecordPage(
            "greetings",
            [
                Column(translate("ClientCard", "Date"), lambda g: day(g.day)),
                Column(translate("ClientCard", "Occasion"), lambda g: g.occasion),
            ],
            (Action("plan", QT_TRANSLATE_NOOP("ClientCard", "Plan a greeting"), True),),
            translate(
                "ClientCard", "No birthdays or holidays in the next %n day(s).", None, GREETING_DAYS
            ),
            self,
        )
        self.practices = RecordPage(
            "practices",
            [
                Column(
                    translate("ClientCard", "Practice"),
                    lambda p: translate("Facts", p[0].label),
                ),
                Column(translate("ClientCard", "Agencies"), lambda p: f"{p[0].share:g} %"),
                Column(
                    translate("ClientCard", "Done here"),
                    lambda p: str(p[1]) if p[1] else "",
                    lambda p: "good" if p[1] else None,
                ),
            ],
            (),
            "",
            self,
        )
        self.feedback = RecordPage(
            "feedback",
            feedback_columns(),
            (
                ADD,
                Action("edit", QT_TRANSLATE_NOOP("ClientCard", "React / edit…"), True, "Return"),
                DELETE,
            ),
            translate("ClientCard", "No feedback yet. Ask for it regularly, and react to it."),
            self,
        )
        self.history = RecordPage(
            "history",
            [
                Column(
                    translate("ClientCard", "Since"),
                    lambda a: day(a.assigned_at.astimezone().date()),
                ),
                Column(
                    translate("ClientCard", "Manager"),
                    lambda a: a.manager or translate("ClientCard", "nobody"),
                ),
                Column(translate("ClientCard", "Before"), lambda a: a.previous_manager),
                Column(translate("ClientCard", "Project"), lambda a: a.project),
                Column(translate("ClientCard", "Reason"), lambda a: a.reason),
            ],
            (),
            translate("ClientCard", "No assignments recorded."),
            self,
        )

    def _build_tabs(self) -> None:
        self.tabs = WrappingTabs(self)
        self.tabs.setObjectName("cardTabs")
        self.feedback_page = self._page(self.feedback)
        self.history_summary = QLabel(self)
        self.history_summary.setObjectName("historySummary")
        self.history_summary.setWordWrap(True)
        for widget, title in (
            (self.profile, translate("ClientCard", "Profile")),
            (self._page(self.contacts), translate("ClientCard", "Contacts")),
            (self._page(self.services), translate("ClientCard", "Services")),
            (self._page(self.promises), translate("ClientCard", "Promises")),
            (self._loyalty_page(), translate("ClientCard", "Loyalty")),
            (self.feedback_page, translate("ClientCard", "NPS")),
            (
                self._page(self.history, head=self.history_summary),
                translate("ClientCard", "History"),
            ),
        ):
            self.tabs.addTab(widget, title)

        body = QWidget(self)
        body.setObjectName("cardBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 8, 12, 8)
        for widget in (self.name, self.subtitle, self.facts, self.banner):
            column.addWidget(widget)
        column.addWidget(self.tabs, 1)
        self.stack.addWidget(body)

    def _page(self, page: QWidget, *, head: QWidget | None = None) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 4, 0, 0)
        if head is not None:
            column.addWidget(head)
        column.addWidget(page, 1)
        return holder

    def _loyalty_page(self) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.loyalty, 3)
        for title, widget, stretch in (
            (translate("ClientCard", "Greeting dates ahead"), self.greetings, 2),
            (translate("ClientCard", "What agencies do for loyalty"), self.practices, 3),
        ):
            heading = QLabel(title, holder)
            heading.setObjectName("sectionTitle")
            column.addWidget(heading)
            column.addWidget(widget, stretch)
        return holder
