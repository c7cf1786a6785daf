"""Which days are working days, and how many lie between two dates.

Public holidays, the government's substituted days off and working Saturdays come from the
`holidays` package (Russia by default); an agency's own overrides win over them. Counting is
two dictionary lookups in a running count keyed by date ordinal, built a year at a time, so
scoring 10,000 deadlines costs no loop over days.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import date

import holidays


class WorkdayCalendar:
    def __init__(self, country: str = "RU", overrides: Mapping[date, bool] | None = None) -> None:
        self._country = country
        self._holidays: holidays.HolidayBase | None = None
        self._lock = threading.Lock()
        self._overrides = dict(overrides or {})
        self._known: dict[date, bool] = {}  # every calendar built from this one asks again
        # Working days up to and including each day, from an origin that cancels out.
        self._running: dict[int, int] = {}
        self._years: dict[int, tuple[int, int]] = {}  # year -> (count before it, count in it)

    @property
    def country(self) -> str:
        return self._country

    @property
    def loaded(self) -> bool:
        return self._holidays is not None

    def load(self) -> holidays.HolidayBase:
        """The country's holidays, loaded on first use (a tenth of a second, so the window
        loads them in a worker once the queue is on screen). Safe from any thread."""
        with self._lock:
            if self._holidays is None:
                self._holidays = holidays.country_holidays(self._country)
            return self._holidays

    def is_working_day(self, day: date) -> bool:
        known = self._known.get(day)
        if known is None:
            if day in self._overrides:
                known = self._overrides[day]
            else:
                known = bool((self._holidays or self.load()).is_working_day(day))
            self._known[day] = known
        return known

    def business_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative when `end` is
        earlier (a deadline that has passed). Today to tomorrow's deadline is 1."""
        running = self._running
        a = running.get(start.toordinal())
        if a is None:
            a = self._fill(start)
        b = running.get(end.toordinal())
        if b is None:
            b = self._fill(end)
        return b - a

    def _fill(self, day: date) -> int:
        """Add the running counts of `day`'s year (and the years between it and those
        already known, so the counts stay continuous)."""
        year = day.year
        if self._years:
            low, high = min(self._years), max(self._years)
            for missing in [*range(high + 1, year), *range(low - 1, year, -1)]:
                self._add_year(missing)
        self._add_year(year)
        return self._running[day.toordinal()]

    def _add_year(self, year: int) -> None:
        if year in self._years:
            return
        first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        flags = [self.is_working_day(date.fromordinal(o)) for o in range(first, last + 1)]
        if not self._years:
            before = 0
        elif year > max(self._years):
            prior_before, prior_count = self._years[year - 1]
            before = prior_before + prior_count
        else:
            before = self._years[year + 1][0] - sum(flags)
        count = before
        for ordinal, working in zip(range(first, last + 1), flags, strict=True):
            count += working
            self._running[ordinal] = count
        self._years[year] = (before, sum(flags))
