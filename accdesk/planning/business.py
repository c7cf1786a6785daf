"""Business time: adding and counting working minutes across time zones, holidays and breaks.

A calendar turns its rules (zone, hours per weekday, which dates are working days, shortened
days) into one sorted list of working intervals in UTC minutes, with the working minutes
before each interval summed up. Adding N business minutes or counting them between two
instants is then a binary search and a subtraction, whatever the distance: recomputing
200,000 deadlines after a calendar change is a matter of a second. The list is built a few
years at a time, on first use, so a calendar costs nothing until it is asked.

Every instant is an aware datetime; the machine's own zone is never consulted.
"""

from __future__ import annotations

import functools
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import numpy as np

from accdesk.planning.workdays import WorkdayCalendar
from accdesk.text import translate

Hours = tuple[tuple[int, int], ...]
"""Working intervals of one day: (start, end) in minutes after local midnight, in order."""

Week = tuple[Hours, Hours, Hours, Hours, Hours, Hours, Hours]
"""Hours for Monday .. Sunday."""

OFFICE_WEEK: Week = (((600, 1140),),) * 5 + ((), ())

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DAY = 24 * 60


def to_minute(moment: datetime) -> int:
    """Whole minutes since the epoch; seconds are dropped, as the clock shows them."""
    if moment.tzinfo is None:
        raise ValueError(translate("Calendar", "business time needs an aware datetime"))
    return int(moment.timestamp()) // 60


def from_minute(minute: int) -> datetime:
    return _EPOCH + timedelta(minutes=minute)


# A span: (start minute, end minute, local date ordinal) of each working interval, in order.
Span = list[tuple[int, int, int]]


F = TypeVar("F", bound=Callable[..., Any])


def _locked(method: F) -> F:
    """One thread at a time: a worker recomputing deadlines and the window planning a day
    share the agency's clock, and extending it replaces several lists together."""

    @functools.wraps(method)
    def wrapper(self: BusinessClock, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class BusinessClock:
    """Working intervals of some calendar, with the arithmetic over them.

    `build(first_year, last_year)` gives the intervals whose local dates fall in those years;
    the clock asks for more years when an instant falls outside what it has.
    """

    def __init__(self, zone: ZoneInfo, build: Callable[[int, int], Span]) -> None:
        self.zone = zone
        self._build = build
        # Reentrant: the arithmetic holds it and may extend the built years inside.
        self._lock = threading.RLock()
        self._years: tuple[int, int] | None = None
        self._covered = (0, -1)  # minutes safely inside the built years
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._days: list[int] = []
        self._before: list[int] = []  # working minutes before each interval
        self._through: list[int] = []  # ... and up to its end
        self._span: Span = []
        self._arrays: list[np.ndarray] = []
        self._arrays_of: list[int] | None = None  # the list `_arrays` were made from
        self._midnight_minutes = np.empty(0, dtype=np.int64)
        self._midnights_of: tuple[int, int] | None = None  # the years they were made for

    # Building ------------------------------------------------------------------------------
    def _cover(self, minute: int) -> None:
        if self._covered[0] <= minute <= self._covered[1]:
            return
        # The local date of an instant may be a day off its UTC date: build that year too.
        near = [from_minute(minute + shift).year for shift in (-_DAY, _DAY)]
        self._ensure(min(near), max(near))

    def _ensure(self, first_year: int, last_year: int) -> None:
        """Build the intervals of those years (and any between them and what is built)."""
        years = self._years
        if years is not None and years[0] <= first_year and last_year <= years[1]:
            return
        with self._lock:
            low = first_year if years is None else min(years[0], first_year)
            high = last_year if years is None else max(years[1], last_year)
            span = self._build(low, high)
            if not span:
                raise ValueError(translate("Calendar", "the calendar has no working time at all"))
            before: list[int] = []
            through: list[int] = []
            total = 0
            for start, end, _day in span:
                before.append(total)
                total += end - start
                through.append(total)
            self._starts = [s for s, _, _ in span]
            self._ends = [e for _, e, _ in span]
            self._days = [d for _, _, d in span]
            self._before, self._through = before, through
            self._span = span
            self._years = (low, high)
            self._covered = (
                to_minute(datetime(low, 1, 1, tzinfo=UTC)) + _DAY,
                to_minute(datetime(high + 1, 1, 1, tzinfo=UTC)) - _DAY,
            )

    def _position(self, minute: int) -> int:
        """Working minutes from the start of the built span up to `minute` (covered)."""
        i = bisect_right(self._starts, minute) - 1
        if i < 0:
            return 0
        return self._before[i] + min(minute, self._ends[i]) - self._starts[i]

    # Arithmetic ----------------------------------------------------------------------------
    def add(self, moment: datetime, minutes: int) -> datetime:
        """The instant `minutes` of working time after `moment`.

        The answer always lies inside working time (its end counts: 19:00 is the last
        minute of a day that ends at 19:00); zero minutes gives `moment` itself.
        """
        if minutes == 0:
            return moment
        return from_minute(self.add_minutes(to_minute(moment), minutes))

    @_locked
    def add_minutes(self, start: int, minutes: int) -> int:
        """`add` on epoch minutes, for recomputing many deadlines without datetimes."""
        if minutes < 0:
            raise ValueError(translate("Calendar", "minutes must not be negative"))
        if minutes == 0:
            return start
        self._cover(start)
        target = self._position(start) + minutes
        while target > self._through[-1]:
            self._ensure(self._years[1] + 1, self._years[1] + 1)  # type: ignore[index]
            target = self._position(start) + minutes
        j = bisect_left(self._through, target)
        return self._starts[j] + target - self._before[j]

    def between(self, start: datetime, end: datetime) -> int:
        """Working minutes from `start` to `end`; negative when `end` is earlier."""
        return self.minutes_between(to_minute(start), to_minute(end))

    @_locked
    def minutes_between(self, a: int, b: int) -> int:
        self._cover(min(a, b))
        self._cover(max(a, b))
        return self._position(b) - self._position(a)

    # Many at once (recomputing every deadline): the same arithmetic over numpy arrays.
    @_locked
    def add_many(self, starts: np.ndarray, minutes: np.ndarray) -> np.ndarray:
        """`add_minutes` for each pair; zero minutes leave the start as it is."""
        if len(starts) == 0:
            return starts.copy()
        # Build far enough: the latest start plus the longest target, done once in scalar.
        self.add_minutes(int(starts.max()), int(minutes.max()))
        self._cover(int(starts.min()))
        target = self._positions(starts) + minutes
        arrays = self._numpy()
        j = np.searchsorted(arrays[4], target, side="left")
        j = np.minimum(j, len(arrays[4]) - 1)
        due = arrays[0][j] + target - arrays[3][j]
        return np.where(minutes == 0, starts, due)

    @_locked
    def between_many(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """`minutes_between` for each pair."""
        if len(starts) == 0:
            return starts.copy()
        for edge in (starts.min(), starts.max(), ends.min(), ends.max()):
            self._cover(int(edge))
        difference: np.ndarray = self._positions(ends) - self._positions(starts)
        return difference

    @_locked
    def next_day_end_many(self, starts: np.ndarray) -> np.ndarray:
        """`next_day_end` for each start, in epoch minutes."""
        if len(starts) == 0:
            return starts.copy()
        # Build far enough: the latest start's next working day, done once in scalar.
        self.next_day_end(from_minute(int(starts.max())))
        self._cover(int(starts.min()))
        _starts, ends, days, _before, _through = self._numpy()
        midnights, first_day = self._midnights()
        today = first_day + np.searchsorted(midnights, starts, side="right") - 1
        j = np.searchsorted(days, today, side="right")
        k = np.searchsorted(days, days[j], side="right") - 1
        result: np.ndarray = ends[k]
        return result

    def _midnights(self) -> tuple[np.ndarray, int]:
        """Each local midnight of the built years as an epoch minute, and the first one's
        date ordinal: an instant's local date is then a binary search, daylight saving and
        half-hour zones included."""
        years = self._years
        assert years is not None
        first = date(years[0], 1, 1)
        if self._midnights_of != years:
            count = (date(years[1] + 1, 1, 1) - first).days + 1
            self._midnight_minutes = np.array(
                [
                    to_minute(datetime.combine(first + timedelta(days=n), time(), self.zone))
                    for n in range(count)
                ],
                dtype=np.int64,
            )
            self._midnights_of = years
        return self._midnight_minutes, first.toordinal()

    def _positions(self, minutes: np.ndarray) -> np.ndarray:
        starts, ends, _days, before, _through = self._numpy()
        i = np.searchsorted(starts, minutes, side="right") - 1
        safe = np.maximum(i, 0)
        inside = before[safe] + np.minimum(minutes, ends[safe]) - starts[safe]
        return np.where(i < 0, 0, inside)

    def _numpy(self) -> list[np.ndarray]:
        """The built lists as arrays (starts, ends, days, before, through), made again only
        after the lists were rebuilt."""
        if self._arrays_of is not self._starts:
            lists = (self._starts, self._ends, self._days, self._before, self._through)
            self._arrays = [np.asarray(a, dtype=np.int64) for a in lists]
            self._arrays_of = self._starts
        return self._arrays

    @_locked
    def next_day_end(self, moment: datetime) -> datetime:
        """The end of the first working day after the date `moment` falls on in this
        calendar's zone: "by the end of the next business day" for a request received then."""
        today = moment.astimezone(self.zone).date().toordinal()
        self._cover(to_minute(moment))
        j = bisect_right(self._days, today)
        while j >= len(self._days):
            self._ensure(self._years[1] + 1, self._years[1] + 1)  # type: ignore[index]
            j = bisect_right(self._days, today)
        k = bisect_right(self._days, self._days[j]) - 1
        return from_minute(self._ends[k])

    @_locked
    def is_working(self, moment: datetime) -> bool:
        minute = to_minute(moment)
        self._cover(minute)
        i = bisect_right(self._starts, minute) - 1
        return i >= 0 and minute < self._ends[i]

    @_locked
    def intervals(self, first: datetime, last: datetime) -> list[tuple[datetime, datetime]]:
        """Working intervals that overlap [first, last), clipped to it."""
        a, b = to_minute(first), to_minute(last)
        self._cover(a)
        self._cover(b)
        i = max(bisect_right(self._starts, a) - 1, 0)
        out = []
        while i < len(self._starts) and self._starts[i] < b:
            start, end = max(self._starts[i], a), min(self._ends[i], b)
            if start < end:
                out.append((from_minute(start), from_minute(end)))
            i += 1
        return out

    @_locked
    def span(self, first_year: int, last_year: int) -> Span:
        """The intervals dated in those years, from what is built (building more if needed)."""
        self._ensure(first_year, last_year)
        days = self._days
        low = bisect_left(days, date(first_year, 1, 1).toordinal())
        high = bisect_right(days, date(last_year, 12, 31).toordinal())
        return self._span[low:high]


_EPOCH_DAY = _EPOCH.date().toordinal()


def _local_span(
    zone: ZoneInfo,
    first_year: int,
    last_year: int,
    hours_of: Callable[[date], Hours],
) -> Span:
    span: Span = []
    day = date(first_year, 1, 1)
    last = date(last_year, 12, 31)
    one = timedelta(days=1)
    offset = _offset(day, zone)
    while day <= last:
        following = day + one
        next_offset = _offset(following, zone)
        ordinal = day.toordinal()
        hours = hours_of(day)
        if hours and offset == next_offset:
            # No clock change today: local minutes are UTC minutes shifted by the offset.
            base = (ordinal - _EPOCH_DAY) * 1440 - offset
            span.extend((base + a, base + b, ordinal) for a, b in hours)
        elif hours:
            # A clock change today: each wall-clock time becomes its own instant, so the
            # change moves an interval, not its length on the clock.
            midnight = datetime.combine(day, time(), zone)
            for a, b in hours:
                start, end = to_minute(_wall(midnight, a)), to_minute(_wall(midnight, b))
                if start < end:
                    span.append((start, end, ordinal))
        day, offset = following, next_offset
    return span


def _wall(midnight: datetime, minute: int) -> datetime:
    """Local wall-clock `minute` after `midnight` (1440 is the next midnight)."""
    days, rest = divmod(minute, 1440)
    day = midnight.date() + timedelta(days=days)
    return datetime.combine(day, time(rest // 60, rest % 60), midnight.tzinfo)


def _offset(day: date, zone: ZoneInfo) -> int:
    """Minutes `zone` is ahead of UTC at the start of `day`."""
    return _offsets(zone, day.year)[day.toordinal() - date(day.year, 1, 1).toordinal()]


@functools.cache
def _offsets(zone: ZoneInfo, year: int) -> tuple[int, ...]:
    """The offset at each midnight of a year (and the next New Year's), shared by every
    calendar in that zone."""
    first = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - first).days + 1
    out = []
    for n in range(days):
        d = first + timedelta(days=n)
        delta = datetime(d.year, d.month, d.day, tzinfo=zone).utcoffset()
        assert delta is not None
        out.append(int(delta.total_seconds()) // 60)
    return tuple(out)


@dataclass(frozen=True)
class CalendarRules:
    """An organisation's working time: what the agency edits in its settings.

    `workdays` says which dates are working days (public holidays, transfers and the agency's
    own days off and working Saturdays); `special_hours` gives a date its own hours (a
    shortened day). A working day that falls on a weekend works the first weekday's hours.
    """

    zone: str
    week: Week
    workdays: WorkdayCalendar
    special_hours: Mapping[date, Hours]

    def hours_of(self, day: date) -> Hours:
        if not self.workdays.is_working_day(day):
            return ()
        special = self.special_hours.get(day)
        if special is not None:
            return special
        return self.week[day.weekday()] or next((h for h in self.week if h), ())

    def clock(self) -> BusinessClock:
        """The rules' clock, built once (the rules are frozen, so it never goes stale)."""
        built = self.__dict__.get("_clock")
        if built is None:
            zone = ZoneInfo(self.zone)
            built = BusinessClock(zone, lambda a, b: _local_span(zone, a, b, self.hours_of))
            self.__dict__["_clock"] = built
        return built


def overlap_clock(a: BusinessClock, b: BusinessClock) -> BusinessClock:
    """Working time shared by two calendars, dated and zoned as `a` (the agency's).

    Where the two never meet (a client on the other side of the world), `a`'s time alone
    runs: a deadline that could never fall would help nobody.
    """

    def build(first: int, last: int) -> Span:
        left, right = a.span(first, last), b.span(first - 1, last + 1)
        out: Span = []
        j = 0
        for start, end, day in left:
            while j < len(right) and right[j][1] <= start:
                j += 1
            k = j
            while k < len(right) and right[k][0] < end:
                lo, hi = max(start, right[k][0]), min(end, right[k][1])
                if lo < hi:
                    out.append((lo, hi, day))
                k += 1
        return out or left

    return BusinessClock(a.zone, build)


def parse_hours(text: str) -> Hours:
    """Hours typed as "10:00-13:00, 14:00-19:00" (empty for a day off).

    Raises ValueError with a sentence a person can act on.
    """
    out: list[tuple[int, int]] = []
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        pieces = part.replace("–", "-").split("-")
        if len(pieces) != 2:
            raise ValueError(
                translate("Calendar", "“{part}” is not a range like 10:00-19:00").format(part=part)
            )
        start, end = (_clock_minute(p) for p in pieces)
        if end <= start:
            raise ValueError(
                translate("Calendar", "in “{part}” the end is not after the start").format(
                    part=part
                )
            )
        if out and start < out[-1][1]:
            raise ValueError(
                translate("Calendar", "“{part}” overlaps the range before it").format(part=part)
            )
        out.append((start, end))
    return tuple(out)


def _clock_minute(text: str) -> int:
    text = text.strip()
    hour, _, minute = text.partition(":")
    try:
        h, m = int(hour), int(minute or 0)
    except ValueError:
        raise ValueError(
            translate("Calendar", "“{text}” is not a time like 10:00").format(text=text)
        ) from None
    if not (0 <= h <= 24 and 0 <= m < 60) or h * 60 + m > 1440:
        raise ValueError(translate("Calendar", "“{text}” is not a time of day").format(text=text))
    return h * 60 + m


def format_hours(hours: Sequence[tuple[int, int]]) -> str:
    return ", ".join(f"{s // 60:02d}:{s % 60:02d}-{e // 60:02d}:{e % 60:02d}" for s, e in hours)
