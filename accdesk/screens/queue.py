"""The project queue as the window and `accdesk queue` show it.

`queue_screen` reads the rows and everything a row's score, flags and explanation depend
on: the agency's priority weights, its time zone, and its working calendar as stored (the
holiday country and the agency's own days off, the calendar the response deadlines follow).
Scores are made by a scorer over the rows, so a view scores only what it paints; the
holiday data behind the calendar loads on first use (`QueueScreen.load_calendar`, which
the window runs in a worker once the queue is on screen).
"""

from __future__ import annotations

import bisect
import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from accdesk.changes import Changes, Kind
from accdesk.ops.deadlines import clocks_for
from accdesk.ops.priority import Scorer, make_scorer, stored_rules
from accdesk.ops.queue import list_queue, queue_key
from accdesk.ops.readmodels import ProjectRow
from accdesk.ops.settings import get_setting
from accdesk.planning.priority import Factor, Health, Part, Score, Weights, health
from accdesk.planning.workdays import WorkdayCalendar
from accdesk.storage.db import Database
from accdesk.text import translate
from accdesk.types import utcnow


@dataclass(frozen=True)
class QueueRules:
    """What every score of one reading is made with."""

    preset: str
    weights: Weights
    zone: ZoneInfo
    now: datetime
    calendar: WorkdayCalendar  # the agency's, as the deadline engine uses it

    def scorer(self, rows: Sequence[ProjectRow]) -> Scorer:
        """Scores rows of this queue; client value is relative to the largest budget in
        `rows`, so a scorer is made again when the rows change."""
        return make_scorer(rows, self.weights, now=self.now, zone=self.zone, calendar=self.calendar)

    def late(self, row: ProjectRow) -> bool:
        """A client request on this project is past its response deadline."""
        due = row.next_response_due
        return due is not None and due < self.now

    def reply_soon(self, row: ProjectRow) -> bool:
        """A reply is due within the horizon where it starts to raise the score."""
        due = row.next_response_due
        if due is None or due < self.now:
            return False
        return (due - self.now).total_seconds() <= self.weights.request_soon_minutes * 60


@dataclass(frozen=True)
class QueueScreen:
    rows: list[ProjectRow]
    rules: QueueRules

    @property
    def calendar_loaded(self) -> bool:
        return self.rules.calendar.loaded

    def load_calendar(self) -> object:
        """The holiday data scores need (a tenth of a second); safe from a worker."""
        return self.rules.calendar.load()


def queue_rules(db: Database, now: datetime | None = None) -> QueueRules:
    """The agency's weights, zone and working calendar, read in one short session."""
    with db.reading() as s:
        preset, weights = stored_rules(get_setting(s, "priority"))
        clocks = clocks_for(s)
    return QueueRules(
        preset,
        weights,
        ZoneInfo(clocks.rules.zone),
        now or utcnow(),
        clocks.rules.workdays,
    )


def queue_screen(db: Database, *, now: datetime | None = None) -> QueueScreen:
    return QueueScreen(list_queue(db), queue_rules(db, now))


def explain(part: Part) -> str:
    """One line of a score's explanation, as a person reads it: "+33 deadline in 2
    business days"."""
    factor, points, value = part
    n = abs(value or 0)
    if factor is Factor.DEADLINE and value is not None and value < 0:
        text = translate("QueueModel", "%1 deadline passed %n business day(s) ago", None, n)
    elif factor is Factor.DEADLINE and value == 0:
        text = translate("QueueModel", "%1 deadline today")
    elif factor is Factor.DEADLINE:
        text = translate("QueueModel", "%1 deadline in %n business day(s)", None, n)
    elif factor is Factor.REQUEST_OVERDUE:
        text = translate("QueueModel", "%1 client request overdue by %n minute(s)", None, n)
    elif factor is Factor.REQUEST_SOON:
        text = translate("QueueModel", "%1 client request due in %n minute(s)", None, n)
    elif factor is Factor.CLIENT_VALUE:
        text = translate("QueueModel", "%1 client's monthly budget")
    elif factor is Factor.DETRACTOR:
        text = translate("QueueModel", "%1 last NPS %2, a detractor").replace("%2", str(value))
    elif factor is Factor.UNREACTED_FEEDBACK:
        text = translate("QueueModel", "%1 feedback without a reaction (%n)", None, n)
    elif factor is Factor.RISKY_PROMISE:
        text = translate("QueueModel", "%1 promise(s) in trouble: %n", None, n)
    elif factor is Factor.PINNED:
        text = translate("QueueModel", "%1 pinned")
    else:
        text = translate("QueueModel", "%1 untouched for %n day(s)", None, n)
    return text.replace("%1", f"+{points}")


def explanation(score: Score) -> str:
    """Every part of a score, largest first, one per line."""
    if not score.parts:
        return translate("QueueModel", "Nothing raises this project's priority now")
    return "\n".join(explain(p) for p in score.parts)


def health_of(row: ProjectRow) -> Health:
    return health(row.last_nps, row.unreacted_feedback, row.risky_promises)


def merged(
    rows: Sequence[ProjectRow], fresh: Iterable[ProjectRow], gone: Collection[uuid.UUID]
) -> list[ProjectRow]:
    """`rows` with a few projects re-read (`fresh`) or gone, each put where the queue's
    query would have put it, so a pin or a status change needs no full reading."""
    fresh = list(fresh)
    replaced = {r.id for r in fresh} | set(gone)
    out = [r for r in rows if r.id not in replaced]
    for row in fresh:
        out.insert(bisect.bisect(out, queue_key(row), key=queue_key), row)
    return out


class Refresh(Enum):
    """How much of the queue a change makes a pane read again."""

    ORDER = "order"  # a manager's manual order: rearrange their rows
    PROJECTS = "projects"  # these projects: re-read them alone
    CLIENTS = "clients"  # these clients' health signals: re-read their projects
    ALL = "all"  # read the whole queue again


FEW = 50  # more rows than this changed at once: the whole queue is read again
CLIENT_LEVEL = frozenset(
    {Kind.CLIENT, Kind.CLIENT_RECORDS, Kind.FEEDBACK, Kind.PROMISE, Kind.CONTACT}
)
"""Kinds whose change the queue shows through the rows of the clients concerned."""


def refresh_for(changes: Changes) -> tuple[Refresh, frozenset[uuid.UUID]]:
    """What the queue reads again after `changes` (which the queue shows): a narrow read
    where the change names few rows, the whole queue otherwise."""
    kinds = set(changes.kinds) - {Kind.ASSIGNMENT}  # the history is not in the queue
    if changes.is_broad():
        return Refresh.ALL, frozenset()
    if kinds == {Kind.QUEUE_ORDER}:
        return Refresh.ORDER, changes.ids(Kind.QUEUE_ORDER)
    projects = changes.ids(Kind.PROJECT)
    clients = changes.ids(Kind.CLIENT_RECORDS)
    if kinds <= {Kind.PROJECT, Kind.CLIENT_RECORDS} and 0 < len(projects) <= FEW:
        return Refresh.PROJECTS, projects
    if kinds <= CLIENT_LEVEL and 0 < len(clients) <= FEW:
        return Refresh.CLIENTS, clients
    return Refresh.ALL, frozenset()


# The command line's reading ---------------------------------------------------------------
def queue_report(
    db: Database, *, manager: uuid.UUID | None = None, now: datetime | None = None
) -> list[dict[str, Any]]:
    """The queue as `accdesk queue` prints it: every row with its score, its explanation
    and its flags, in the queue's order (of one manager, when given)."""
    screen = queue_screen(db, now=now)
    screen.load_calendar()
    rows = [r for r in screen.rows if manager is None or r.manager_id == manager]
    score = screen.rules.scorer(screen.rows)
    out = []
    for r in rows:
        s, due = score(r), r.next_response_due
        out.append(
            {
                "code": r.code,
                "project": r.name,
                "client": r.client_name,
                "manager": r.manager,
                "position": r.queue_position,
                "status": r.status,
                "health": health_of(r).value,
                "score": s.total,
                "why": [explain(p) for p in s.parts],
                "deadline": r.deadline.isoformat() if isinstance(r.deadline, date) else None,
                "reply_due": due.astimezone(screen.rules.zone).isoformat() if due else None,
                "late": screen.rules.late(r),
                "pinned": r.pinned,
            }
        )
    return out
