"""Response deadlines: the agency's working calendar, each client's clock, and the deadlines
and waiting times stored on requests.

A request's deadline and its client's waiting time are stored, not computed on every read:
the inbox sorts 200,000 requests by them and the statistics aggregate them in SQL. After the
calendar changes, `recompute` brings every stored value up to date in one transaction.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import holidays
import numpy as np
from sqlalchemy import (
    Connection,
    Integer,
    String,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    type_coerce,
    update,
)
from sqlmodel import Session, col
from sqlmodel import select as orm_select

from accdesk.changes import Changes, Kind
from accdesk.errors import ValidationError
from accdesk.models import CalendarDay, Client, DayKind, Request, ResponseMode, SlaCalendar
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
from accdesk.storage.db import Database
from accdesk.text import translate

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
    return clocks_for(source).rules


def clocks_for(source: Session | Connection) -> Clocks:
    """The clocks of the stored calendar. The same stored calendar gives back the same
    clocks, so their built intervals (a year of them costs a few milliseconds) serve every
    operation until the calendar changes."""
    table = CalendarDay.__table__  # type: ignore[attr-defined]
    overrides: dict[date, bool] = {}
    special: dict[date, Hours] = {}
    for day, kind, start, end in source.execute(
        select(table.c.day, table.c.kind, table.c.start_minute, table.c.end_minute)
    ):
        overrides[day] = kind != DayKind.DAY_OFF
        if kind != DayKind.DAY_OFF and start is not None and end is not None:
            special[day] = ((start, end),)
    zone = str(get_setting(source, "agency_timezone"))
    week = week_from_setting(get_setting(source, "work_week"))
    country = str(get_setting(source, "holiday_country"))
    key = (zone, week, country, tuple(sorted(overrides.items())), tuple(sorted(special.items())))
    clocks = _CALENDARS.get(key)
    if clocks is None:
        rules = CalendarRules(zone, week, WorkdayCalendar(country, overrides), special)
        if len(_CALENDARS) >= 8:  # a few calendars tried in one sitting, not a history
            _CALENDARS.clear()
        clocks = _CALENDARS[key] = Clocks(rules)
    return clocks


_CALENDARS: dict[Any, Clocks] = {}


class Clocks:
    """The agency's clock and every client clock derived from it, each built once.

    A client's own calendar is their zone and hours, Monday to Friday, with the public
    holidays of the agency's country (a client's country is not recorded); the agency's own
    days off and working Saturdays are the agency's alone.
    """

    def __init__(self, rules: CalendarRules) -> None:
        self.rules = rules
        self.agency = rules.clock()
        self._clients: dict[tuple[str, str, int, int], BusinessClock] = {}

    def of(self, terms: ClientTerms) -> BusinessClock:
        if terms.calendar == SlaCalendar.AGENCY:
            return self.agency
        key = (terms.calendar, terms.zone, terms.start_minute, terms.end_minute)
        clock = self._clients.get(key)
        if clock is None:
            own = _own_clock(
                self.rules.workdays.country, terms.zone, terms.start_minute, terms.end_minute
            )
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


@functools.cache
def _own_clock(country: str, zone: str, start: int, end: int) -> BusinessClock:
    """A client's own working week; it does not depend on the agency's settings, so it
    outlives them (a calendar change rebuilds the agency's clock only)."""
    day = ((start, end),)
    week: Week = (day, day, day, day, day, (), ())
    return CalendarRules(zone, week, _public_days(country), {}).clock()


@functools.cache
def _public_days(country: str) -> WorkdayCalendar:
    return WorkdayCalendar(country)


def recompute(db: Database, progress: Progress | None = None) -> Changes:
    """Every request's deadline and waiting time on the calendar as it is now.

    Most of the file is rewritten, so the caller runs `db.checkpoint()` afterwards, once the
    person has the result.
    """
    with db.bulk_transaction() as s:
        changed = recompute_on(s.connection(), progress)
    return Changes.everything([Kind.REQUEST]) if changed else Changes()


def recompute_on(con: Connection, progress: Progress | None = None) -> int:
    """`recompute` inside the caller's transaction (a migration's, say); how many requests
    changed.

    On SQLite the connection's page cache is raised for the work: the changed rows touch
    most pages of five indexes, and with the usual cache SQLite spills them to the log and
    reads them back before the commit (a quarter of the time on the large agency).
    """
    if con.dialect.name != "sqlite":
        return _recompute(con, progress)
    usual = con.exec_driver_sql("PRAGMA cache_size").scalar()
    con.exec_driver_sql(f"PRAGMA cache_size = {RECOMPUTE_CACHE}")
    try:
        return _recompute(con, progress)
    finally:
        con.exec_driver_sql(f"PRAGMA cache_size = {int(usual or 0)}")


RECOMPUTE_CACHE = -256 * 1024  # KiB, as SQLite reads a negative size


# long: one pass in index order with its batches; measured by the sla_recompute_all bench
def _recompute(con: Connection, progress: Progress | None) -> int:
    """The arithmetic runs over numpy arrays, one batch per client clock, and only changed rows
    are written: at 200,000 requests the writing (and the indexes it updates) is what costs.
    """
    clocks = clocks_for(con)
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
    instant = _InstantReader(con.dialect.name)
    # SQLite finds a row by its rowid directly, where the id needs a search of the primary key
    # index; the rowid is also in every index, so the read below never touches the table.
    key = literal_column("rowid") if con.dialect.name == "sqlite" else r.c.id
    # In the order of the statistics index, which holds every column read here: SQLite scans
    # that index alone, and the changed rows are written in its order, its pages touched one
    # after another instead of at random (three times faster).
    query = select(
        key,
        type_coerce(r.c.client_id, String),
        instant.column(r.c.received_at),
        instant.column(r.c.first_response_at),
        instant.column(r.c.due_at),
        r.c.waited_minutes,
    ).order_by(r.c.manager_id, r.c.client_id, r.c.received_at)
    # At driver level: 200,000 result rows built by SQLAlchemy cost a third of a second.
    cursor = con.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        sql = query.compile(dialect=con.dialect, compile_kwargs={"literal_binds": True})
        cursor.execute(str(sql))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    total = len(rows)
    if progress is not None:
        progress(0, total)
    if not total:
        return 0
    keys, client_ids, received_raw, answered_raw, due_raw, waited_raw = zip(*rows, strict=True)
    received = instant.minutes(received_raw)
    answered = instant.minutes(answered_raw)
    old_due = instant.minutes(due_raw)
    old_waited = np.array([_NONE if w is None else w for w in waited_raw], dtype=np.int64)

    # Which clock and target each request runs on, as indexes into per-client arrays.
    clock_list: list[BusinessClock] = []
    clock_index: dict[int, int] = {}
    position = {client_id: n for n, client_id in enumerate(terms)}
    per_client = np.empty((len(terms), 3), dtype=np.int64)
    for n, t in enumerate(terms.values()):
        clock = clocks.of(t)
        k = clock_index.setdefault(id(clock), len(clock_list))
        if k == len(clock_list):
            clock_list.append(clock)
        timed = t.mode == ResponseMode.MINUTES and t.minutes is not None
        per_client[n] = (k, t.minutes or 0, timed)
    facts = per_client[np.fromiter((position[c] for c in client_ids), np.int64, total)]
    which, target, by_minutes = facts[:, 0], facts[:, 1], facts[:, 2].astype(bool)
    has_answer = answered != _NONE

    new_due = np.empty(total, dtype=np.int64)
    new_waited = np.full(total, _NONE, dtype=np.int64)
    by_clock = np.argsort(which, kind="stable")
    bounds = np.searchsorted(which[by_clock], np.arange(len(clock_list) + 1))
    for k, clock in enumerate(clock_list):
        mine = by_clock[bounds[k] : bounds[k + 1]]
        timed_ones, daily_ones = mine[by_minutes[mine]], mine[~by_minutes[mine]]
        new_due[timed_ones] = clock.add_many(received[timed_ones], target[timed_ones])
        new_due[daily_ones] = clock.next_day_end_many(received[daily_ones])
        sel = mine[has_answer[mine]]
        new_waited[sel] = np.maximum(0, clock.between_many(received[sel], answered[sel]))

    order = np.nonzero((new_due != old_due) | (new_waited != old_waited))[0].tolist()
    # At driver level too: SQLAlchemy's processing of each row's parameters cost more than
    # SQLite's own update.
    write = update(r).values(due_at=bindparam("due"), waited_minutes=bindparam("waited"))
    compiled = write.where(key == bindparam("rid")).compile(dialect=con.dialect)
    columns = {
        "due": instant.stored(new_due[order]),
        "waited": [None if w == _NONE else w for w in new_waited[order].tolist()],
        "rid": [keys[n] for n in order],
    }
    if compiled.positional:
        ordered = (columns[name] for name in compiled.positiontup or ())
        params: list[Any] = list(zip(*ordered, strict=True))
    else:
        rows_out = zip(*columns.values(), strict=True)
        params = [dict(zip(columns, values, strict=True)) for values in rows_out]
    for first in range(0, len(params), BATCH):
        con.exec_driver_sql(str(compiled), params[first : first + BATCH])
        if progress is not None:
            progress(round(total * min(1.0, (first + BATCH) / len(params))), total)
    if progress is not None:
        progress(total, total)
    return len(order)


_NONE = np.iinfo(np.int64).min  # an empty instant or waiting time in the arrays


class _InstantReader:
    """Stored instants as epoch minutes in a numpy array, the fastest way each engine allows.

    SQLite keeps UTC text (`2026-11-23 07:00:00.000000`), which numpy parses two hundred
    thousand at a time in milliseconds; other engines compute the minute themselves.
    """

    def __init__(self, dialect: str) -> None:
        self._text = dialect == "sqlite"

    def column(self, column: Any) -> Any:
        if self._text:
            return type_coerce(column, String)
        return cast(func.floor(func.extract("epoch", column) / 60), Integer)

    def minutes(self, values: Sequence[Any]) -> np.ndarray:
        if self._text:
            parsed = np.array(["NaT" if v is None else v for v in values], dtype="datetime64[m]")
            return parsed.astype(np.int64)  # NaT is the int64 minimum: _NONE
        return np.array([_NONE if v is None else v for v in values], dtype=np.int64)

    def stored(self, minutes: np.ndarray) -> list[Any]:
        """Epoch minutes as the driver takes them for the column: SQLite's text, or aware
        datetimes."""
        if self._text:
            text = np.datetime_as_string(minutes.astype("datetime64[m]"), unit="us")
            return [t.replace("T", " ") for t in text.tolist()]
        return [from_minute(m) for m in minutes.tolist()]


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
        errors["zone"] = translate(
            "Calendar", "“{zone}” is not a known time zone (e.g. Europe/Moscow)"
        ).format(zone=view.zone)
    if view.country not in holidays.list_supported_countries():
        errors["country"] = translate(
            "Calendar", "“{country}” is not a country code the holiday calendar knows"
        ).format(country=view.country)
    week: list[list[list[int]]] = []
    for n, text in enumerate(view.week):
        try:
            week.append([list(pair) for pair in parse_hours(text)])
        except ValueError as exc:
            errors[f"week.{n}"] = str(exc)
    if len(view.week) != 7:
        errors["week"] = translate("Calendar", "needs hours for each of the seven days")
    elif not errors and not any(week):
        errors["week"] = translate("Calendar", "has no working hours at all")
    rows: list[CalendarDay] = []
    seen: set[date] = set()
    for n, d in enumerate(view.days):
        if d.day in seen:
            errors[f"days.{n}.day"] = translate(
                "Calendar", "{day:%d.%m.%Y} is listed twice"
            ).format(day=d.day)
        seen.add(d.day)
        if d.kind not in set(DayKind):
            errors[f"days.{n}.kind"] = translate(
                "Calendar", "“{kind}” is not a kind of day"
            ).format(kind=d.kind)
            continue
        start = end = None
        if d.kind != DayKind.DAY_OFF:
            try:
                hours = parse_hours(d.hours)
            except ValueError as exc:
                errors[f"days.{n}.hours"] = str(exc)
                continue
            if d.kind == DayKind.SHORT and len(hours) != 1:
                errors[f"days.{n}.hours"] = translate(
                    "Calendar", "a shortened day needs one range, like 10:00-16:00"
                )
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
        return Changes.written(s)
