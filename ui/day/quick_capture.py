"""Quick capture of a client request: who, how, what, when; the deadline shown as you type."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QWidget

from accdesk.errors import AccdeskError, ValidationError
from accdesk.ops.requests import capture_choices, check_request, deadline_for
from accdesk.storage.db import Database
from accdesk.types import utcnow
from ui.common.formatting import channel_choices, weekday_stamp
from ui.common.forms import Form, RecordDialog
from ui.common.qt import box_layout, present


class ReceivedEdit(QDateTimeEdit):
    """When the request arrived, shown and typed in the agency's time."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._qzone = QTimeZone(zone.key.encode())
        self.setTimeZone(self._qzone)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy HH:mm")

    def value(self) -> datetime:
        return datetime.fromtimestamp(self.dateTime().toSecsSinceEpoch(), self._zone)

    def set_value(self, moment: datetime) -> None:
        self.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), self._qzone))


class CaptureDialog(RecordDialog):
    """Client (type any part of the name), project, channel, text, and when it arrived
    (now unless changed). Below, when it must be answered, in both clocks."""

    def __init__(
        self,
        db: Database,
        zone: ZoneInfo,
        submit: Callable[[dict[str, Any]], object],
        parent: QWidget | None = None,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self._db, self._zone, self._now = db, zone, now
        self._choices = {cid: (label, projects) for cid, label, projects in capture_choices(db)}
        super().__init__(
            self.tr("Capture a client request"), self._build, self._check, submit, parent
        )
        self.setObjectName("captureDialog")
        self.deadline = QLabel(self)
        self.deadline.setObjectName("captureDeadline")
        self.deadline.setWordWrap(True)
        box_layout(self).insertWidget(1, self.deadline)
        self.form.edited.connect(self._preview)
        self.save.setText(self.tr("Capture"))
        self.start(
            {
                "client_id": None,
                "project_id": None,
                "channel": "email",
                "text": "",
                "received_at": now(),
            }
        )
        self._preview()

    def _build(self, form: Form) -> None:
        clients = [(None, "")] + [(cid, label) for cid, (label, _) in self._choices.items()]
        self.client = form.choice("client_id", self.tr("Client"), clients, searchable=True)
        present(self.client.lineEdit()).setPlaceholderText(self.tr("Type part of the name or code"))
        self.project = form.choice("project_id", self.tr("Project"), [(None, self.tr("(none)"))])
        self.channel = form.choice(
            "channel", self.tr("Channel"), channel_choices(), searchable=True
        )
        self.text = form.text(
            "text", self.tr("Request"), self.tr("What the client asked, in their words")
        )
        self.received = ReceivedEdit(self._zone, form)
        form.custom(
            "received_at",
            self.tr("Received"),
            self.received,
            self.received.value,
            self.received.set_value,
            self.received.dateTimeChanged,
        )
        self.client.currentIndexChanged.connect(self._fill_projects)

    def _fill_projects(self, *_: object) -> None:
        chosen = self._client_id()
        self.project.blockSignals(True)
        self.project.clear()
        self.project.addItem(self.tr("(none)"), None)
        if chosen is not None:
            for pid, label in self._choices[chosen][1]:
                self.project.addItem(label, pid)
            # One project: that is the one the request is about.
            if len(self._choices[chosen][1]) == 1:
                self.project.setCurrentIndex(1)
        self.project.blockSignals(False)

    def _client_id(self) -> uuid.UUID | None:
        value = self.form.values().get("client_id")
        return value if isinstance(value, uuid.UUID) else None

    def _check(self, values: dict[str, Any]) -> None:
        if not isinstance(values.get("client_id"), uuid.UUID):
            typed = values.get("client_id")
            raise ValidationError(
                {
                    "client_id": self.tr("choose a client from the list")
                    if typed
                    else self.tr("is required")
                }
            )
        check_request(values, self._now())

    def _preview(self) -> None:
        client = self._client_id()
        if client is None:
            self.deadline.setText(self.tr("Choose the client to see the deadline."))
            return
        try:
            due, their_zone = deadline_for(self._db, client, self.received.value())
        except AccdeskError as exc:
            self.deadline.setText(str(exc))
            return
        ours = due.astimezone(self._zone)
        theirs = due.astimezone(ZoneInfo(their_zone))
        text = self.tr("Answer by %1 (our time)").replace("%1", weekday_stamp(ours))
        if theirs.utcoffset() != ours.utcoffset():
            text += self.tr(", %1 the client's time").replace(
                "%1", weekday_stamp(theirs, with_date=False)
            )
        self.deadline.setText(text)
