"""Middle pane: the client of the selected project, as an account manager reads it before a call."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from accdesk.facts import bucket_for
from accdesk.ops.readmodels import ClientCard
from ui.formatting import day, money
from ui.widgets import EmptyState, PaneTitle, accessible

STATE_LABELS = {
    "active": "active",
    "prospect": "prospect",
    "offered": "offered",
    "declined": "declined",
    "none": "—",
}
KPI_LABELS = {
    "positions": "search positions",
    "traffic": "traffic",
    "leads": "leads",
    "orders": "orders",
    "revenue": "revenue",
}
FEASIBILITY_LABELS = {
    "realistic": "realistic",
    "doubtful": "doubtful",
    "unrealistic": "unrealistic",
}


def response_time_text(minutes: int | None) -> str:
    if minutes is None:
        return "by the end of the next business day"
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour" if hours == 1 else f"{hours} hours"
    return f"{minutes} minutes"


class Section(QWidget):
    """A titled block of label/value rows."""

    def __init__(self, title: str, parent: Any = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        heading.setObjectName("sectionTitle")
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(self.form)

    def value(self, label: str, name: str = "", text: str = "") -> QLabel:
        """Add a row; the value wraps, so the card never grows wider than its pane."""
        field = QLabel(text, self)
        if name:
            field.setObjectName(name)
        field.setAccessibleName(label)
        field.setWordWrap(True)
        field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(QLabel(label, self), field)
        return field

    def clear_rows(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)


class ClientCardPane(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientCardPane")
        self.card: ClientCard | None = None

        self.name = accessible(QLabel(self), "clientName", self.tr("Client"))
        self.name.setWordWrap(True)
        self.subtitle = accessible(QLabel(self), "clientSubtitle", self.tr("Client details"))
        self.subtitle.setWordWrap(True)
        self.banner = accessible(QLabel(self), "promiseBanner", self.tr("Promises to discuss"))
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)

        self.time_section = Section(self.tr("Time"), self)
        self.timezone = self.time_section.value(self.tr("Time zone"), "clientTimezone")
        self.local_time = self.time_section.value(self.tr("Local time"), "clientLocalTime")
        self.sla = self.time_section.value(self.tr("Agreed response"), "clientSla")
        self.market = self.time_section.value(self.tr("Market"), "clientSlaMarket")

        self.business = Section(self.tr("Account"), self)
        self.budget = self.business.value(self.tr("Monthly budget"), "clientBudget")
        self.kpi = self.business.value(self.tr("KPI focus"), "clientKpi")
        self.channel = self.business.value(self.tr("Preferred channel"), "clientChannel")
        self.managers = self.business.value(self.tr("Managers"), "clientManagers")
        self.workload = self.business.value(self.tr("Projects"), "clientProjects")
        self.nps = self.business.value(self.tr("Last NPS"), "clientNps")

        self.contacts = Section(self.tr("Contacts"), self)
        self.services = Section(self.tr("Services"), self)

        body = QWidget(self)
        body.setObjectName("cardBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 8, 12, 12)
        for widget in (
            self.name,
            self.subtitle,
            self.banner,
            self.time_section,
            self.business,
            self.contacts,
            self.services,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # Text wraps to the pane's width instead of hiding behind a sideways scroll.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.empty = EmptyState(
            self.tr("No client selected"),
            self.tr("Select a project in the queue to see its client here."),
            self,
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 8)
        layout.addWidget(PaneTitle(self.tr("Client card"), self))
        layout.addWidget(self.stack, 1)

        self._clock = QTimer(self)
        self._clock.setInterval(20_000)
        self._clock.timeout.connect(self._update_clock)

    def show_card(self, card: ClientCard | None) -> None:
        self.card = card
        if card is None:
            self._clock.stop()
            self.stack.setCurrentWidget(self.empty)
            return
        self.name.setText(card.name)
        parts = [card.code, card.legal_name, card.segment]
        self.subtitle.setText(" · ".join(p for p in parts if p))
        self._show_banner(card)
        self.timezone.setText(card.timezone.replace("_", " "))
        bucket = bucket_for(card.response_minutes)
        self.sla.setText(response_time_text(card.response_minutes))
        self.market.setText(
            self.tr("%1 % of agencies answer %2")
            .replace("%1", f"{bucket.share:g}")
            .replace("%2", bucket.label)
            if bucket.share is not None
            else self.tr("slower than most agencies promise")
        )
        self.budget.setText(money(card.monthly_budget, card.currency))
        kpi = KPI_LABELS.get(card.kpi_focus, card.kpi_focus) or "—"
        if card.kpi_focus == "positions":
            kpi += self.tr(" — positions alone pay no bills; agree traffic, leads or orders too")
        self.kpi.setText(kpi)
        self.channel.setText(card.preferred_channel or "—")
        self.managers.setText(", ".join(card.managers) or "—")
        self.workload.setText(
            self.tr("%1 projects · %2 requests waiting")
            .replace("%1", str(card.project_count))
            .replace("%2", str(card.open_requests))
        )
        if card.last_nps is None:
            self.nps.setText(self.tr("no feedback yet"))
        else:
            self.nps.setText(f"{card.last_nps} / 10 ({day(card.last_nps_on)})")
        self._fill_contacts(card)
        self._fill_services(card)
        self._update_clock()
        self._clock.start()
        self.stack.setCurrentIndex(1)

    def _show_banner(self, card: ClientCard) -> None:
        risky = [p for p in card.open_promises if p.feasibility in ("doubtful", "unrealistic")]
        if not risky:
            self.banner.hide()
            return
        lines = "".join(
            f"<li>{html.escape(p.what)} — {html.escape(p.promised_by)} "
            f"({FEASIBILITY_LABELS.get(p.feasibility, p.feasibility)})</li>"
            for p in risky
        )
        head = self.tr("Before your next call: %n promise(s) need a talk", "", len(risky))
        self.banner.setText(
            f"<b>⚠ {html.escape(head)}</b><ul style='margin:2px 0 0 -20px'>{lines}</ul>"
        )
        self.banner.show()

    def _fill_contacts(self, card: ClientCard) -> None:
        self.contacts.clear_rows()
        if not card.contacts:
            self.contacts.form.addRow(QLabel(self.tr("No contacts yet"), self.contacts))
        for contact in card.contacts:
            title = ("★ " if contact.is_primary else "") + contact.name
            reach = " · ".join(x for x in (contact.phone, contact.messenger) if x)
            lines = [contact.role, contact.email, reach]
            if contact.birthday:
                born = contact.birthday.strftime("%d.%m")
                lines.append(self.tr("birthday %1").replace("%1", born))
            self.contacts.value(title, text="\n".join(line for line in lines if line))

    def _fill_services(self, card: ClientCard) -> None:
        self.services.clear_rows()
        for cell in card.services:
            text = STATE_LABELS.get(cell.state, cell.state)
            if cell.monthly_value:
                text += " · " + money(cell.monthly_value, card.currency) + self.tr(" a month")
            if cell.next_offer_on and cell.state != "active":
                text += " · " + self.tr("next offer %1").replace("%1", day(cell.next_offer_on))
            self.services.value(cell.service, text=text)

    def _update_clock(self) -> None:
        if self.card is None:
            return
        now = datetime.now(UTC).astimezone(ZoneInfo(self.card.timezone))
        offset = now.utcoffset()
        hours = int(offset.total_seconds() // 3600) if offset is not None else 0
        self.local_time.setText(f"{now:%H:%M}, {now:%a %d.%m} (UTC{hours:+d})")
