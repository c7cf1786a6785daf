"""Response statistics: how fast clients got a first answer, in the survey's bands.

Everything is aggregated by the database (counts per band, deadlines met, medians through
window functions that SQLite and PostgreSQL share), so a period of 200,000 requests comes
back as a few hundred numbers, not as 200,000 rows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import String, and_, bindparam, func, select, type_coerce

from accdesk.codes import CLIENT, format_code
from accdesk.facts import RESPONSE_BUCKETS
from accdesk.models import Client, Manager, Request
from accdesk.ops.settings import get_setting
from accdesk.storage.db import Database
from accdesk.text import translate
from accdesk.types import uuid_from_db


@dataclass(frozen=True)
class ResponseFigures:
    """First responses of one group (a manager, a client, everyone) in a period."""

    key: uuid.UUID | None
    label: str
    answered: int
    buckets: tuple[int, ...]  # counts per `RESPONSE_BUCKETS` band, in order
    met: int  # answered by the deadline
    median_minutes: float | None
    waiting: int  # received in the period, not answered yet
    overdue: int  # ... and past the deadline

    @property
    def met_share(self) -> float | None:
        return None if not self.answered else 100.0 * self.met / self.answered

    def shares(self) -> tuple[float, ...]:
        """Percent of answered requests per band."""
        total = self.answered or 1
        return tuple(100.0 * n / total for n in self.buckets)


@dataclass(frozen=True)
class ResponseStats:
    start: date
    end: date
    total: ResponseFigures
    managers: tuple[ResponseFigures, ...]
    clients: tuple[ResponseFigures, ...]


def _bands(waited: Any) -> list[Any]:
    """One count per survey band; FILTER, which both engines know, is twice as fast in
    SQLite as a sum of CASE expressions."""
    out = []
    lower: int | None = None
    for bucket in RESPONSE_BUCKETS:
        upper = bucket.upper_minutes
        if upper is None:
            cond = waited > lower
        elif lower is None:
            cond = waited <= upper
        else:
            cond = and_(waited > lower, waited <= upper)
        out.append(func.count().filter(cond))
        lower = upper
    return out


def response_stats(
    db: Database,
    start: date,
    end: date,
    *,
    manager_id: uuid.UUID | None = None,
    now: datetime,
    client_medians: bool = True,
) -> ResponseStats:
    """Requests received from `start` to `end` (agency dates, both included).

    Each client's median is an index seek of its own, about a second for 2,000 clients, so
    the window asks for them only when the per-client table is shown (`client_medians`).
    """
    r = Request.__table__  # type: ignore[attr-defined]
    with db.reading() as s:
        zone = ZoneInfo(str(get_setting(s, "agency_timezone")))
        first = datetime.combine(start, time(), zone)
        after = datetime.combine(end + timedelta(days=1), time(), zone)
        period = [r.c.received_at >= first, r.c.received_at < after]
        if manager_id is not None:
            period.append(r.c.manager_id == manager_id)
        waiting = r.c.first_response_at.is_(None)
        counts = (
            select(
                type_coerce(r.c.manager_id, String),
                type_coerce(r.c.client_id, String),
                func.count(r.c.first_response_at),
                func.count().filter(r.c.first_response_at <= r.c.due_at),
                func.count().filter(waiting),
                func.count().filter(and_(waiting, r.c.due_at < now)),
                *_bands(r.c.waited_minutes),
            )
            .where(*period)
            .group_by(r.c.manager_id, r.c.client_id)
        )
        width = 4 + len(RESPONSE_BUCKETS)
        everyone: dict[Any, list[int]] = {None: [0] * width}
        by_manager: dict[Any, list[int]] = {}
        by_client: dict[Any, list[int]] = {}
        for row in s.execute(counts):
            values = row[2:]
            for sums in (
                everyone[None],
                by_manager.setdefault(row[0], [0] * width),
                by_client.setdefault(row[1], [0] * width),
            ):
                for i, value in enumerate(values):
                    sums[i] += value or 0
        median = _Medians(s, r.c.waited_minutes, period)
        names = _names(s)
        total = _group(everyone, median.of(None, everyone), names)[0]
        managers = _group(by_manager, median.of(r.c.manager_id, by_manager), names)
        clients = _group(
            by_client, median.of(r.c.client_id, by_client) if client_medians else {}, names
        )
    return ResponseStats(start, end, total, managers, clients)


def _group(
    groups: dict[Any, list[int]], medians: dict[Any, float], names: dict[Any, str]
) -> tuple[ResponseFigures, ...]:
    figures = []
    for key, sums in groups.items():
        figures.append(
            ResponseFigures(
                key=uuid_from_db(key) if key else None,
                label=names.get(key, translate("Stats", "No manager")),
                answered=sums[0],
                met=sums[1],
                waiting=sums[2],
                overdue=sums[3],
                buckets=tuple(sums[4:]),
                median_minutes=medians.get(key),
            )
        )
    return tuple(sorted(figures, key=lambda f: f.label))


class _Medians:
    """Median waiting times per group, each read as the middle one or two values of an
    index ordered by the waiting time (LIMIT/OFFSET): no engine sorts the period for it."""

    def __init__(self, s: Any, waited: Any, period: list[Any]) -> None:
        self._s = s
        self._waited = waited
        self._period = period

    def of(self, column: Any, groups: dict[Any, list[int]]) -> dict[Any, float]:
        waited = self._waited
        middle = (
            select(waited)
            .where(*self._period, waited.is_not(None))
            .order_by(waited)
            .limit(bindparam("n"))
            .offset(bindparam("skip"))
        )
        if column is not None:
            middle = middle.where(column == bindparam("key", type_=column.type))
        result: dict[Any, float] = {}
        for key, sums in groups.items():
            size = sums[0]  # answered
            if size:
                found = self._s.execute(
                    middle,
                    {"key": key and uuid_from_db(key), "n": 2 - size % 2, "skip": (size - 1) // 2},
                ).scalars()
                values = list(found)
                result[key] = sum(values) / len(values)
        return result


def _names(s: Any) -> dict[str, str]:
    m, c = Manager.__table__, Client.__table__  # type: ignore[attr-defined]
    names: dict[Any, str] = {None: translate("Stats", "All requests")}
    names.update((k, v) for k, v in s.execute(select(type_coerce(m.c.id, String), m.c.name)))
    for key, number, name in s.execute(select(type_coerce(c.c.id, String), c.c.number, c.c.name)):
        names[key] = f"{format_code(CLIENT, number)} {name}"
    return names
