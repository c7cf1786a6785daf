"""Response deadlines: the agency's working calendar, each client's clock, and the deadlines
and waiting times stored on requests.

A request's deadline and its client's waiting time are stored, not computed on every read:
the inbox sorts 200,000 requests by them and the statistics aggregate them in SQL. After the
calendar changes, `recompute` brings every stored value up to date in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import holidays
from sqlalchemy import (
    Connection,
    Integer,
    String,
    bindparam,
    cast,
    func,
    select,
    type_coerce,
    update,
)
from sqlmodel import Session, col
from sqlmodel import select as orm_select

from accdesk.db import Database
from accdesk.errors import ValidationError
from accdesk.models import CalendarDay, Client, DayKind, Request, ResponseMode, SlaCalendar
from accdesk.ops.changes import Changes
from accdesk.ops.inputs import time_zones
from accdesk.ops.settings import get_setting, put_setting
from accdesk.planning.business import (
    BusinessClock,
    CalendarRules,
    Hours,
    Week,
    format_hours,
    from_minute,
    overlap_clock,
    parse_hours,
    to_minute,
)
from accdesk.planning.workdays import WorkdayCalendar
from accdesk.types import uuid_from_db

Progress = Callable[[int, int], None]
"""Called with (done, total) while a long computation runs."""

BATCH = 20_000


@dataclass(frozen=True)
class ClientTerms:
    """What decides one client's response deadlines."""

    zone: str
    start_minute: int
    end_minute: int
    mode: str
    minutes: int | None
    calendar: str

    @classmethod
    def of(cls, client: Any) -> ClientTerms:
        return cls(
            client.timezone,
            client.work_start_minute,
            client.work_end_minute,
            client.response_mode,
            client.response_minutes,
            client.sla_calendar,
        )


def week_from_setting(value: Any) -> Week:
    days = tuple(tuple((int(s), int(e)) for s, e in day) for day in value)
    return days  # type: ignore[return-value]


def office_day(week: Week) -> tuple[int, int]:
    """The span of the first working weekday: what the card compares a client's hours to."""
    hours = next((h for h in week if h), ((600, 1140),))
    return hours[0][0], hours[-1][1]


def load_rules(source: Session | Connection) -> CalendarRules:
    """The agency's calendar as stored: settings and the override table."""
    table = CalendarDay.__table__  # type: ignore[attr-defined]
    overrides: dict[date, bool] = {}
    special: dict[date, Hours] = {}
    for day, kind, start, end in source.execute(
        select(table.c.day, table.c.kind, table.c.start_minute, table.c.end_minute)
    ):
        overrides[day] = kind != DayKind.DAY_OFF
        if kind != DayKind.DAY_OFF and start is not None and end is not None:
            special[day] = ((start, end),)
    return CalendarRules(
        zone=str(get_setting(source, "agency_timezone")),
        week=week_from_setting(get_setting(source, "work_week")),
        workdays=WorkdayCalendar(str(get_setting(source, "holiday_country")), overrides),
        special_hours=special,
    )


class Clocks:
    """The agency's clock and every client clock derived from it, each built once.

    A client's own calendar is their zone and hours, Monday to Friday, with the public
    holidays of the agency's country (a client's country is not recorded); the agency's own
    days off and working Saturdays are the agency's alone.
    """

    def __init__(self, rules: CalendarRules) -> None:
        self.rules = rules
        self.agency = rules.clock()
        self._public = WorkdayCalendar(rules.workdays.country)
        self._clients: dict[tuple[str, str, int, int], BusinessClock] = {}

    def of(self, terms: ClientTerms) -> BusinessClock:
        if terms.calendar == SlaCalendar.AGENCY:
            return self.agency
        key = (terms.calendar, terms.zone, terms.start_minute, terms.end_minute)
        clock = self._clients.get(key)
        if clock is None:
            day = ((terms.start_minute, terms.end_minute),)
            week: Week = (day, day, day, day, day, (), ())
            own = CalendarRules(terms.zone, week, self._public, {}).clock()
            clock = own if terms.calendar == SlaCalendar.CLIENT else overlap_clock(self.agency, own)
            self._clients[key] = clock
        return clock

    def due_minute(self, terms: ClientTerms, received: int) -> int:
        clock = self.of(terms)
        if terms.mode == ResponseMode.NEXT_BUSINESS_DAY or terms.minutes is None:
            return to_minute(clock.next_day_end(from_minute(received)))
        return clock.add_minutes(received, terms.minutes)

    def due(self, terms: ClientTerms, received: datetime) -> datetime:
        return from_minute(self.due_minute(terms, to_minute(received)))

    def waited(self, terms: ClientTerms, received: datetime, answered: datetime) -> int:
        """Business minutes from receipt to the first response, never below zero."""
        return max(0, self.of(terms).minutes_between(to_minute(received), to_minute(answered)))


def clocks(db: Database) -> Clocks:
    with db.reading() as s:
        return Clocks(load_rules(s))


def recompute(db: Database, progress: Progress | None = None) -> Changes:
    """Every request's deadline and waiting time on the calendar as it is now."""
    with db.transaction() as s:
        changed = recompute_on(s.connection(), progress)
    return Changes.everything(("request",)) if changed else Changes()


def recompute_on(con: Connection, progress: Progress | None = None) -> int:
    """`recompute` inside the caller's transaction (a migration's, say); how many requests
    changed. Values are read and compared at driver level and only changed rows written."""
    clocks = Clocks(load_rules(con))
    c = Client.__table__  # type: ignore[attr-defined]
    terms = {
        row[0]: ClientTerms(*row[1:])
        for row in con.execute(
            select(
                type_coerce(c.c.id, String),
                c.c.timezone,
                c.c.work_start_minute,
                c.c.work_end_minute,
                c.c.response_mode,
                c.c.response_minutes,
                c.c.sla_calendar,
            )
        )
    }
    r = Request.__table__  # type: ignore[attr-defined]
    rows = con.execute(
        select(
            type_coerce(r.c.id, String),
            type_coerce(r.c.client_id, String),
            epoch_minutes(con, r.c.received_at),
            epoch_minutes(con, r.c.first_response_at),
            epoch_minutes(con, r.c.due_at),
            r.c.waited_minutes,
        )
    ).all()
    total = len(rows)
    write = (
        update(r)
        .where(r.c.id == bindparam("rid"))
        .values(due_at=bindparam("due"), waited_minutes=bindparam("waited"))
    )
    pending: list[dict[str, Any]] = []
    changed = 0
    for done, (rid, client_id, received, answered, due, waited) in enumerate(rows, 1):
        t = terms[client_id]
        clock = clocks.of(t)
        start = received
        if t.mode == ResponseMode.MINUTES and t.minutes is not None:
            new_due = clock.add_minutes(start, t.minutes)
        else:
            new_due = clocks.due_minute(t, start)
        new_waited = None if answered is None else max(0, clock.minutes_between(start, answered))
        if due != new_due or new_waited != waited:
            pending.append(
                {"rid": uuid_from_db(rid), "due": from_minute(new_due), "waited": new_waited}
            )
        if done % BATCH == 0 or done == total:
            if pending:
                con.execute(write, pending)
                changed += len(pending)
                pending = []
            if progress is not None:
                progress(done, total)
    return changed


def epoch_minutes(con: Connection, column: Any) -> Any:
    """Whole minutes since the epoch of a stored instant, computed by the database: the
    engines spell it differently (SQLite stores UTC text, PostgreSQL a timestamptz)."""
    if con.dialect.name == "sqlite":
        return cast(func.strftime("%s", column), Integer) // 60
    return cast(func.floor(func.extract("epoch", column) / 60), Integer)


# --- The agency's calendar, as the settings dialog edits it ----------------------------------
@dataclass(frozen=True)
class DayOverride:
    day: date
    kind: str  # a DayKind value
    hours: str  # "10:00-16:00" for a shortened or extra working day, else ""
    note: str


@dataclass(frozen=True)
class CalendarView:
    zone: str
    country: str
    week: tuple[str, ...]  # hours typed per weekday, Monday first
    days: tuple[DayOverride, ...]


def calendar_view(db: Database) -> CalendarView:
    with db.reading() as s:
        rules = load_rules(s)
        rows = s.exec(orm_select(CalendarDay).order_by(col(CalendarDay.day))).all()
    return CalendarView(
        zone=rules.zone,
        country=rules.workdays.country,
        week=tuple(format_hours(h) for h in rules.week),
        days=tuple(
            DayOverride(
                r.day,
                r.kind,
                format_hours([(r.start_minute, r.end_minute)])
                if r.start_minute is not None and r.end_minute is not None
                else "",
                r.note,
            )
            for r in rows
        ),
    )


def _checked_calendar(view: CalendarView) -> tuple[list[list[list[int]]], list[CalendarDay]]:
    """The settings and override rows `view` stands for; every problem, named by field."""
    errors: dict[str, str] = {}
    if view.zone not in time_zones():
        errors["zone"] = f"“{view.zone}” is not a known time zone (e.g. Europe/Moscow)"
    if view.country not in holidays.list_supported_countries():
        errors["country"] = f"“{view.country}” is not a country code the holiday calendar knows"
    week: list[list[list[int]]] = []
    for n, text in enumerate(view.week):
        try:
            week.append([list(pair) for pair in parse_hours(text)])
        except ValueError as exc:
            errors[f"week.{n}"] = str(exc)
    if len(view.week) != 7:
        errors["week"] = "needs hours for each of the seven days"
    elif not errors and not any(week):
        errors["week"] = "has no working hours at all"
    rows: list[CalendarDay] = []
    seen: set[date] = set()
    for n, d in enumerate(view.days):
        if d.day in seen:
            errors[f"days.{n}.day"] = f"{d.day:%d.%m.%Y} is listed twice"
        seen.add(d.day)
        if d.kind not in set(DayKind):
            errors[f"days.{n}.kind"] = f"“{d.kind}” is not a kind of day"
            continue
        start = end = None
        if d.kind != DayKind.DAY_OFF:
            try:
                hours = parse_hours(d.hours)
            except ValueError as exc:
                errors[f"days.{n}.hours"] = str(exc)
                continue
            if d.kind == DayKind.SHORT and len(hours) != 1:
                errors[f"days.{n}.hours"] = "a shortened day needs one range, like 10:00-16:00"
                continue
            if hours:
                start, end = hours[0][0], hours[-1][1]
        rows.append(
            CalendarDay(
                day=d.day, kind=d.kind, start_minute=start, end_minute=end, note=d.note.strip()
            )
        )
    if errors:
        raise ValidationError(errors)
    return week, rows


def save_calendar(db: Database, view: CalendarView) -> Changes:
    """Store the agency's zone, holiday country, week and override days in one go.

    Deadlines are not moved here: `recompute` does that (in a worker, with progress)."""
    week, rows = _checked_calendar(view)
    with db.transaction() as s:
        put_setting(s, "agency_timezone", view.zone)
        put_setting(s, "holiday_country", view.country)
        put_setting(s, "work_week", week)
        for old in s.exec(orm_select(CalendarDay)).all():
            s.delete(old)
        s.flush()
        for row in rows:
            s.add(row)
    return Changes.everything(("setting", "calendar"))
