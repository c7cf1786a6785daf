"""Which days are working days, and how many lie between two dates.

Public holidays, the government's substituted days off and working Saturdays come from the
`holidays` package (Russia by default); an agency's own overrides win over them. Counting is
two lookups in a per-year prefix sum, so scoring 10,000 deadlines costs no loop over days.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from itertools import accumulate

import holidays


class WorkdayCalendar:
    def __init__(self, country: str = "RU", overrides: Mapping[date, bool] | None = None) -> None:
        self._holidays = holidays.country_holidays(country)
        self._overrides = dict(overrides or {})
        self._prefix: dict[int, list[int]] = {}
        self._before: dict[int, int] = {}  # working days before 1 January, from any origin

    def is_working_day(self, day: date) -> bool:
        if day in self._overrides:
            return self._overrides[day]
        return bool(self._holidays.is_working_day(day))

    def business_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative when `end` is
        earlier (a deadline that has passed). Today to tomorrow's deadline is 1."""
        return self._running_count(end) - self._running_count(start)

    def _running_count(self, day: date) -> int:
        """Working days up to and including `day`, from an origin that cancels out."""
        prefix = self._year(day.year)
        return self._days_before(day.year) + prefix[day.timetuple().tm_yday - 1]

    def _year(self, year: int) -> list[int]:
        prefix = self._prefix.get(year)
        if prefix is None:
            first = date(year, 1, 1)
            length = (date(year + 1, 1, 1) - first).days
            days = (first + timedelta(days=i) for i in range(length))
            prefix = self._prefix[year] = list(
                accumulate(int(self.is_working_day(d)) for d in days)
            )
        return prefix

    def _days_before(self, year: int) -> int:
        if not self._before:
            self._before[year] = 0  # the first year asked for is the origin
        if year not in self._before:
            if year - 1 in self._before or max(self._before) < year:
                self._before[year] = self._days_before(year - 1) + self._year(year - 1)[-1]
            else:
                self._before[year] = self._days_before(year + 1) - self._year(year)[-1]
        return self._before[year]
