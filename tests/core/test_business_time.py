"""Business time: the agency's calendar, client clocks and response deadlines.

Every test here runs twice, with the machine's own zone set to Moscow and to Los Angeles:
the answers must not depend on where the computer is.
"""

from __future__ import annotations

import os
import time as systime
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from accdesk.models import ResponseMode, SlaCalendar
from accdesk.ops.deadlines import ClientTerms, Clocks
from accdesk.planning.business import OFFICE_WEEK, CalendarRules, parse_hours, to_minute
from accdesk.planning.workdays import WorkdayCalendar

MSK = ZoneInfo("Europe/Moscow")
VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
RU = WorkdayCalendar("RU")
AGENCY = CalendarRules("Europe/Moscow", OFFICE_WEEK, RU, {})
CLOCKS = Clocks(AGENCY)
CLOCK = CLOCKS.agency
LUNCH = CalendarRules(
    "Europe/Moscow", tuple([parse_hours("10:00-13:00, 14:00-19:00")] * 5 + [(), ()]), RU, {}
).clock()  # type: ignore[arg-type]


@pytest.fixture(autouse=True, params=["Europe/Moscow", "America/Los_Angeles"])
def machine_zone(request: pytest.FixtureRequest) -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    systime.tzset()
    yield
    if before is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = before
    systime.tzset()


def terms(
    minutes: int | None = 60, calendar: str = SlaCalendar.AGENCY, zone: str = ""
) -> ClientTerms:
    mode = ResponseMode.MINUTES if minutes is not None else ResponseMode.NEXT_BUSINESS_DAY
    return ClientTerms(zone or "Europe/Moscow", 600, 1140, mode, minutes, calendar)


def test_a_client_in_vladivostok_writing_at_ten_their_time_is_answered_by_eleven_moscow() -> None:
    received = datetime(2026, 11, 23, 10, 0, tzinfo=VLADIVOSTOK)
    due = CLOCKS.due(terms(60, zone="Asia/Vladivostok"), received)
    assert due.astimezone(MSK) == datetime(2026, 11, 23, 11, 0, tzinfo=MSK)
    assert due.astimezone(VLADIVOSTOK).hour == 18


def test_friday_evening_request_is_due_on_monday_morning() -> None:
    received = datetime(2026, 11, 27, 18, 30, tzinfo=MSK)
    assert CLOCKS.due(terms(60), received) == datetime(2026, 11, 30, 10, 30, tzinfo=MSK)


def test_new_year_holidays_are_skipped() -> None:
    # 31 December 2026 is a day off in Russia and the holidays run to 10 January.
    received = datetime(2026, 12, 30, 18, 30, tzinfo=MSK)
    assert CLOCK.add(received, 60) == datetime(2027, 1, 11, 10, 30, tzinfo=MSK)


def test_a_working_saturday_from_the_transfers_counts() -> None:
    # 1 November 2025 was a working Saturday (its day off moved to 3 November).
    received = datetime(2025, 10, 31, 18, 30, tzinfo=MSK)
    assert CLOCK.add(received, 60) == datetime(2025, 11, 1, 10, 30, tzinfo=MSK)


def test_next_business_day_means_the_end_of_the_following_working_day() -> None:
    friday = datetime(2026, 11, 27, 11, 0, tzinfo=MSK)
    assert CLOCKS.due(terms(None), friday) == datetime(2026, 11, 30, 19, 0, tzinfo=MSK)
    saturday = datetime(2026, 11, 28, 11, 0, tzinfo=MSK)
    assert CLOCKS.due(terms(None), saturday) == datetime(2026, 11, 30, 19, 0, tzinfo=MSK)


def test_a_lunch_break_is_not_working_time() -> None:
    start = datetime(2026, 11, 23, 12, 30, tzinfo=MSK)
    assert LUNCH.add(start, 60) == datetime(2026, 11, 23, 14, 30, tzinfo=MSK)
    assert LUNCH.between(start, datetime(2026, 11, 23, 15, 0, tzinfo=MSK)) == 90


def test_agency_overrides_win_over_the_public_calendar() -> None:
    friday, saturday = date(2026, 11, 27), date(2026, 11, 28)
    rules = CalendarRules(
        "Europe/Moscow",
        OFFICE_WEEK,
        WorkdayCalendar("RU", {friday: False, saturday: True}),
        {saturday: ((600, 840),)},  # a short working Saturday, 10:00-14:00
    )
    clock = rules.clock()
    thursday = datetime(2026, 11, 26, 18, 30, tzinfo=MSK)
    assert clock.add(thursday, 60) == datetime(2026, 11, 28, 10, 30, tzinfo=MSK)
    assert clock.add(thursday, 30 + 240 + 15) == datetime(2026, 11, 30, 10, 15, tzinfo=MSK)


def test_overlap_clock_runs_only_while_both_sides_work() -> None:
    # Moscow 10-19 and Vladivostok 10-19 share Moscow 10:00-12:00.
    received = datetime(2026, 11, 23, 11, 30, tzinfo=MSK)
    due = CLOCKS.due(terms(60, SlaCalendar.OVERLAP, "Asia/Vladivostok"), received)
    assert due == datetime(2026, 11, 24, 10, 30, tzinfo=MSK)


def test_a_client_abroad_keeps_their_hours_across_their_clock_change() -> None:
    # New York leaves daylight saving on 1 November 2026: the client's 10:00 moves from
    # 14:00 to 15:00 UTC, and their clock is still 10:00-19:00 local on both sides.
    own = terms(60, SlaCalendar.CLIENT, "America/New_York")
    ny = ZoneInfo("America/New_York")
    before = CLOCKS.due(own, datetime(2026, 10, 30, 18, 30, tzinfo=ny))  # Friday
    assert before.astimezone(ny) == datetime(2026, 11, 2, 10, 30, tzinfo=ny)
    assert before.astimezone(UTC).hour == 15


def test_hours_typed_wrong_are_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="end is not after the start"):
        parse_hours("19:00-10:00")
    with pytest.raises(ValueError, match="overlaps"):
        parse_hours("10:00-14:00, 13:00-19:00")
    with pytest.raises(ValueError, match="not a time"):
        parse_hours("10:00-25:00")


instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
)
zones = st.sampled_from(
    ["Europe/Moscow", "Asia/Vladivostok", "America/New_York", "Europe/Berlin", "Asia/Kolkata"]
)


@given(
    instants, st.integers(min_value=1, max_value=20_000), zones, st.sampled_from(list(SlaCalendar))
)
def test_adding_then_counting_business_minutes_round_trips(
    start: datetime, minutes: int, zone: str, calendar: str
) -> None:
    clock = CLOCKS.of(terms(minutes, calendar, zone))
    start = start.replace(second=0, microsecond=0)
    assert clock.between(start, clock.add(start, minutes)) == minutes


@given(
    instants, st.integers(min_value=0, max_value=5_000), zones, st.sampled_from(list(SlaCalendar))
)
def test_a_deadline_is_never_in_non_working_time_unless_the_target_is_zero(
    start: datetime, minutes: int, zone: str, calendar: str
) -> None:
    clock = CLOCKS.of(terms(minutes, calendar, zone))
    due = clock.add(start, minutes)
    if minutes == 0:
        assert due == start
    else:
        # The last minute of working time ends at the deadline.
        assert clock.is_working(due - timedelta(minutes=1))
        assert due > start


@given(instants, instants)
def test_counting_is_antisymmetric_and_never_more_than_the_clock(a: datetime, b: datetime) -> None:
    counted = CLOCK.between(a, b)
    assert counted == -CLOCK.between(b, a)
    assert abs(counted) <= abs((b - a).total_seconds()) / 60 + 1


@given(
    st.lists(st.tuples(instants, instants, st.integers(0, 5_000)), min_size=1, max_size=30),
    zones,
    st.sampled_from(list(SlaCalendar)),
)
def test_recomputing_many_at_once_gives_what_one_at_a_time_gives(
    rows: list[tuple[datetime, datetime, int]], zone: str, calendar: str
) -> None:
    """The batch arithmetic behind a calendar change agrees with the scalar arithmetic that
    computes a deadline when a request arrives."""
    clock = CLOCKS.of(terms(60, calendar, zone))
    starts = np.array([to_minute(a) for a, _, _ in rows], dtype=np.int64)
    ends = np.array([to_minute(b) for _, b, _ in rows], dtype=np.int64)
    targets = np.array([m for _, _, m in rows], dtype=np.int64)
    assert clock.add_many(starts, targets).tolist() == [
        clock.add_minutes(int(s), int(m)) for s, m in zip(starts, targets, strict=True)
    ]
    assert clock.between_many(starts, ends).tolist() == [
        clock.minutes_between(int(a), int(b)) for a, b in zip(starts, ends, strict=True)
    ]
    assert clock.next_day_end_many(starts).tolist() == [
        to_minute(clock.next_day_end(a)) for a, _, _ in rows
    ]
