"""The card's first page: the client's profile, time and agreed response time, edited in place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from accdesk.facts import bucket_for
from accdesk.ops.inputs import ClientEdit, time_zones, validate
from accdesk.ops.readmodels import ClientCard
from accdesk.planning.clienttime import WorkingDay, overlap
from accdesk.text import QT_TRANSLATE_NOOP
from accdesk.types import utcnow
from ui.common.formatting import channel_choices, duration, weekday_stamp
from ui.common.forms import Form
from ui.common.i18n import translate

CUSTOM = -1
NEXT_DAY = 0
RESPONSE_PRESETS = (
    (15, QT_TRANSLATE_NOOP("ClientCard", "15 minutes")),
    (60, QT_TRANSLATE_NOOP("ClientCard", "1 hour")),
    (180, QT_TRANSLATE_NOOP("ClientCard", "3 hours")),
    (360, QT_TRANSLATE_NOOP("ClientCard", "6 hours")),
)

KPIS = (
    ("", QT_TRANSLATE_NOOP("ClientCard", "—")),
    ("positions", QT_TRANSLATE_NOOP("ClientCard", "search positions")),
    ("traffic", QT_TRANSLATE_NOOP("ClientCard", "traffic")),
    ("leads", QT_TRANSLATE_NOOP("ClientCard", "leads")),
    ("orders", QT_TRANSLATE_NOOP("ClientCard", "orders")),
    ("revenue", QT_TRANSLATE_NOOP("ClientCard", "revenue")),
)
SLA_CLOCKS = (
    ("agency", QT_TRANSLATE_NOOP("ClientCard", "the agency's working hours")),
    ("client", QT_TRANSLATE_NOOP("ClientCard", "the client's working hours")),
    ("overlap", QT_TRANSLATE_NOOP("ClientCard", "hours both are at work")),
)


def response_time_text(minutes: int | None) -> str:
    if minutes is None:
        return translate("ClientCard", "next business day")
    return duration(minutes)


class ResponseTime(QWidget):
    """The agreed first-response time: the survey's bands, next business day, or custom."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = QComboBox(self)
        self.preset.setObjectName("responsePreset")
        for minutes, text in RESPONSE_PRESETS:
            self.preset.addItem(translate("ClientCard", text), minutes)
        self.preset.addItem(translate("ClientCard", "next business day"), NEXT_DAY)
        self.preset.addItem(translate("ClientCard", "custom…"), CUSTOM)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("responseMinutes")
        self.minutes.setRange(0, 7 * 24 * 60)
        self.minutes.setSuffix(translate("ClientCard", " min"))
        self.minutes.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preset, 1)
        row.addWidget(self.minutes)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.minutes.valueChanged.connect(self.changed)

    def _on_preset(self) -> None:
        custom = self.preset.currentData() == CUSTOM
        self.minutes.setVisible(custom)
        self.changed.emit()

    def value(self) -> int | None:
        chosen = self.preset.currentData()
        if chosen == CUSTOM:
            return self.minutes.value()
        return None if chosen == NEXT_DAY else int(chosen)

    def set_value(self, minutes: int | None) -> None:
        index = self.preset.findData(NEXT_DAY if minutes is None else minutes)
        if index < 0:
            index = self.preset.findData(CUSTOM)
            self.minutes.setValue(minutes or 0)
        self.preset.setCurrentIndex(index)
        self.minutes.setVisible(self.preset.currentData() == CUSTOM)


class ProfilePage(QWidget):
    save_requested = Signal(dict)
    revert_requested = Signal()

    # long: the profile form, field by field in the order a manager fills it in
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePage")
        self.card: ClientCard | None = None
        # The window's clock (tests and pictures set theirs); the card pane sets it.
        self.now: Callable[[], datetime] = utcnow
        form = self.form = Form(lambda data: validate(ClientEdit, data), self)
        form.line("name", translate("ClientCard", "Name"))
        form.line("legal_name", translate("ClientCard", "Legal name"))
        form.line(
            "segment",
            translate("ClientCard", "Segment"),
            translate("ClientCard", "e.g. e-commerce, medicine"),
        )
        form.money("monthly_budget", translate("ClientCard", "Monthly budget"))
        form.choice(
            "preferred_channel",
            translate("ClientCard", "Preferred channel"),
            channel_choices(),
            searchable=True,
        )
        form.choice(
            "kpi_focus",
            translate("ClientCard", "KPI focus"),
            [(k, translate("ClientCard", t)) for k, t in KPIS],
        )
        self.kpi_hint = self._info(
            "",
            "kpiHint",
            translate(
                "ClientCard",
                "Top positions alone pay no bills: agree a traffic, leads or orders goal too.",
            ),
        )
        zones = sorted(time_zones())
        form.choice(
            "timezone",
            translate("ClientCard", "Time zone"),
            [(z, z.replace("_", " ")) for z in zones],
            searchable=True,
        )
        form.time("work_start_minute", translate("ClientCard", "Working day from"))
        form.time("work_end_minute", translate("ClientCard", "Working day until"))
        self.local_time = self._info(translate("ClientCard", "Their time now"), "clientLocalTime")
        self.overlap = self._info(translate("ClientCard", "Overlap with us"), "clientOverlap")
        self.response = ResponseTime(self)
        form.custom(
            "response_minutes",
            translate("ClientCard", "Agreed response"),
            self.response,
            self.response.value,
            self.response.set_value,
            self.response.changed,
        )
        self.market = self._info("", "clientSlaMarket")
        form.choice(
            "sla_calendar",
            translate("ClientCard", "Clock runs in"),
            [(k, translate("ClientCard", t)) for k, t in SLA_CLOCKS],
        )
        form.check("keep_manager", "", translate("ClientCard", "Keep the same manager"))
        notes = form.text(
            "notes",
            translate("ClientCard", "Notes"),
            translate("ClientCard", "What to remember before the next call"),
        )
        notes.setMinimumHeight(90)
        form.finish()

        self.save = QPushButton(translate("ClientCard", "Save"), self)
        self.save.setObjectName("profileSave")
        self.save.setToolTip(QKeySequence("Ctrl+Return").toString())
        self.revert = QPushButton(translate("ClientCard", "Revert"), self)
        self.revert.setObjectName("profileRevert")
        self.save.clicked.connect(self._save)
        self.revert.clicked.connect(self.revert_requested)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._save)
        form.state_changed.connect(self._on_state)
        form.edited.connect(self._update_hints)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget(scroll)
        holder.setObjectName("cardBody")
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 8, 6, 8)
        inner.addWidget(form)
        inner.addStretch(1)
        scroll.setWidget(holder)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._on_state(False, True)

    def _info(self, label: str, name: str, text: str = "") -> QLabel:
        """A line of explanation among the fields; not a value of its own."""
        info = QLabel(text, self.form)
        info.setObjectName(name)
        info.setProperty("hint", True)
        info.setWordWrap(True)
        self.form.layout_.addRow(label, info)
        return info

    def show_card(self, card: ClientCard, *, keep_edits: bool) -> None:
        self.card = card
        if not keep_edits:
            self.form.load(card.profile())
        self._update_hints()

    def _on_state(self, dirty: bool, valid: bool) -> None:
        self.save.setEnabled(dirty and valid)
        self.revert.setEnabled(dirty)

    def _save(self) -> None:
        self.form.revalidate()
        if self.form.dirty and self.form.valid:
            self.save_requested.emit(self.form.values())

    def _update_hints(self) -> None:
        values = self.form.values()
        self.kpi_hint.setVisible(values.get("kpi_focus") == "positions")
        bucket = bucket_for(values.get("response_minutes"))
        self.market.setText(
            translate("ClientCard", "%1 % of agencies answer %2")
            .replace("%1", f"{bucket.share:g}")
            .replace("%2", translate("Facts", bucket.label))
            if bucket.share is not None
            else translate(
                "ClientCard", "Slower than most agencies: about 70 % answer within an hour."
            )
        )
        self.update_clock(self.now().astimezone())

    def update_clock(self, now: datetime) -> None:
        """Their local time, whether they are at work, and the hours we share with them."""
        card = self.card
        values = self.form.values()
        zone = values.get("timezone")
        if card is None or zone not in time_zones():
            self.local_time.setText("—")
            self.overlap.setText("—")
            return
        start, end = values["work_start_minute"], values["work_end_minute"]
        client = WorkingDay(zone, start, end)
        local = now.astimezone(ZoneInfo(zone))
        offset = local.utcoffset()
        hours = offset.total_seconds() / 3600 if offset is not None else 0
        at_work = (
            translate("ClientCard", "at work")
            if client.is_working(now)
            else translate("ClientCard", "outside working hours")
        )
        self.local_time.setText(f"{weekday_stamp(local)} (UTC{hours:+g}) · {at_work}")
        agency = WorkingDay(card.agency_timezone, *card.agency_day)
        today = now.astimezone(ZoneInfo(card.agency_timezone)).date()
        shared = overlap(agency, client, today)
        if shared.start is None or shared.end is None:
            their_start, their_end = client.span(today)
            ours = ZoneInfo(card.agency_timezone)
            self.overlap.setText(
                translate("ClientCard", "none: their day is %1–%2 our time")
                .replace("%1", f"{their_start.astimezone(ours):%H:%M}")
                .replace("%2", f"{their_end.astimezone(ours):%H:%M}")
            )
        else:
            self.overlap.setText(
                translate("ClientCard", "%1–%2 our time (%3 h)")
                .replace("%1", f"{shared.start:%H:%M}")
                .replace("%2", f"{shared.end:%H:%M}")
                .replace("%3", QLocale().toString(shared.minutes / 60, "g", 3))
            )
