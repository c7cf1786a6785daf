"""A client's clock beside the agency's: local time, working hours, and their overlap.

Working hours are minutes after local midnight. The overlap is computed for one date, in
real instants, so it is right on both sides of a daylight-saving change and for zones with
half-hour offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class WorkingDay:
    zone: str
    start_minute: int
    end_minute: int

    def span(self, day: date) -> tuple[datetime, datetime]:
        """The working day `day` as two aware instants in this zone."""
        midnight = datetime.combine(day, time(), ZoneInfo(self.zone))
        return (
            midnight + timedelta(minutes=self.start_minute),
            midnight + timedelta(minutes=self.end_minute),
        )

    def is_working(self, moment: datetime) -> bool:
        """Monday to Friday within the hours, in this zone's own clock."""
        local = moment.astimezone(ZoneInfo(self.zone))
        minute = local.hour * 60 + local.minute
        return local.weekday() < 5 and self.start_minute <= minute < self.end_minute


@dataclass(frozen=True)
class Overlap:
    """The shared hours on one agency date, in agency-local time; empty when `minutes` is 0."""

    start: datetime | None
    end: datetime | None
    minutes: int


def overlap(agency: WorkingDay, client: WorkingDay, day: date) -> Overlap:
    """How much of the agency's working `day` the client is also at work.

    The client's working days that can touch it are the day before, the same and the day
    after in their calendar (a client eleven hours ahead works on our "tomorrow").
    """
    a_start, a_end = agency.span(day)
    best: tuple[datetime, datetime] | None = None
    total = 0
    for shift in (-1, 0, 1):
        c_start, c_end = client.span(day + timedelta(days=shift))
        start, end = max(a_start, c_start), min(a_end, c_end)
        if start < end:
            total += int((end - start).total_seconds() // 60)
            best = (start, end) if best is None else (min(best[0], start), max(best[1], end))
    if best is None:
        return Overlap(None, None, 0)
    zone = ZoneInfo(agency.zone)
    return Overlap(best[0].astimezone(zone), best[1].astimezone(zone), total)
