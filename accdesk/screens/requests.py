"""The requests inbox as the window and `accdesk request list` show it: each request with its
time left, and whether it is late, due soon or answered in time.

"Soon" is the agency's own horizon, the one where a waiting request starts to raise its
project's priority score (an hour by the conveyor rules, two by the boutique ones), so the
inbox, the queue and the score agree on it. A reminder is a separate, shorter notice: a
person is told once when a deadline is `REMIND_BEFORE_MINUTES` away.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from accdesk.ops.priority import stored_rules
from accdesk.ops.readmodels import RequestRow
from accdesk.ops.requests import inbox
from accdesk.ops.settings import get_setting
from accdesk.storage.db import Database
from accdesk.types import utcnow

REMIND_BEFORE_MINUTES = 15


class Urgency(StrEnum):
    ANSWERED = "answered"  # the first response came by the deadline
    ANSWERED_LATE = "answered_late"
    OVERDUE = "overdue"  # still waiting, past the deadline
    SOON = "soon"  # still waiting, within the agency's horizon
    WAITING = "waiting"
    NO_DEADLINE = "no_deadline"


def minutes_left(row: RequestRow, now: datetime) -> int | None:
    """Whole minutes to the deadline, negative when past; None once answered."""
    if row.due_at is None or row.answered_at is not None:
        return None
    return int((row.due_at - now).total_seconds() // 60)


def urgency(row: RequestRow, now: datetime, soon_minutes: int) -> Urgency:
    if row.answered_at is not None:
        return Urgency.ANSWERED if row.met() is not False else Urgency.ANSWERED_LATE
    left = minutes_left(row, now)
    if left is None:
        return Urgency.NO_DEADLINE
    if left < 0:
        return Urgency.OVERDUE
    return Urgency.SOON if left <= soon_minutes else Urgency.WAITING


def remind_now(row: RequestRow, now: datetime) -> bool:
    """The deadline is close enough to tell the person (once; the window remembers)."""
    left = minutes_left(row, now)
    return left is not None and 0 <= left <= REMIND_BEFORE_MINUTES


@dataclass(frozen=True)
class InboxScreen:
    rows: list[RequestRow]
    zone: ZoneInfo  # the agency's: deadlines are shown in it and in the client's
    soon_minutes: int
    now: datetime

    def urgency(self, row: RequestRow, now: datetime | None = None) -> Urgency:
        return urgency(row, now or self.now, self.soon_minutes)

    def counts(self, now: datetime | None = None) -> tuple[int, int]:
        """(waiting, overdue) among the rows."""
        moment = now or self.now
        waiting = [r for r in self.rows if r.answered_at is None]
        overdue = sum(1 for r in waiting if (minutes_left(r, moment) or 0) < 0)
        return len(waiting), overdue


def inbox_screen(
    db: Database,
    *,
    manager_id: uuid.UUID | None = None,
    answered: bool = False,
    now: datetime | None = None,
) -> InboxScreen:
    moment = now or utcnow()
    rows = inbox(db, manager_id=manager_id, answered=answered, now=moment)
    with db.reading() as s:
        zone = ZoneInfo(str(get_setting(s, "agency_timezone")))
        weights = stored_rules(get_setting(s, "priority"))[1]
    return InboxScreen(rows, zone, weights.request_soon_minutes, moment)
