"""Working days and the priority score: pure functions, checked by example and by property."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accdesk.planning.priority import PRESETS, Factor, Health, Signals, health, score
from accdesk.planning.workdays import WorkdayCalendar

CAL = WorkdayCalendar("RU")
days = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 12, 31))


def test_friday_evening_to_monday_is_one_business_day() -> None:
    assert CAL.business_days_between(date(2026, 11, 27), date(2026, 11, 30)) == 1


def test_new_year_holidays_are_not_business_days() -> None:
    # 1-8 January 2027 are days off in Russia; Monday the 11th is the first working day.
    assert CAL.business_days_between(date(2026, 12, 31), date(2027, 1, 11)) == 1
    assert not CAL.is_working_day(date(2027, 1, 5))


def test_a_working_saturday_from_a_weekend_transfer_counts() -> None:
    assert CAL.is_working_day(date(2024, 11, 2))  # Saturday, worked for the 4 November holiday
    assert not CAL.is_working_day(date(2024, 11, 4))


def test_agency_overrides_win_over_the_official_calendar() -> None:
    cal = WorkdayCalendar("RU", overrides={date(2026, 11, 27): False, date(2026, 11, 28): True})
    assert cal.business_days_between(date(2026, 11, 26), date(2026, 11, 30)) == 2  # Sat + Mon


@given(a=days, b=days)
def test_counting_backwards_is_the_negative(a: date, b: date) -> None:
    assert CAL.business_days_between(a, b) == -CAL.business_days_between(b, a)


@given(a=days, b=days, c=days)
def test_counts_add_up_across_a_midpoint(a: date, b: date, c: date) -> None:
    assert CAL.business_days_between(a, c) == CAL.business_days_between(
        a, b
    ) + CAL.business_days_between(b, c)


@given(a=days, span=st.integers(min_value=0, max_value=120))
def test_count_matches_walking_day_by_day(a: date, span: int) -> None:
    walked = sum(CAL.is_working_day(a + timedelta(days=i)) for i in range(1, span + 1))
    assert CAL.business_days_between(a, a + timedelta(days=span)) == walked


def signals(**changes: object) -> Signals:
    quiet = Signals(None, None, 0.0, 10, 0, 0, False, 0)
    return quiet._replace(**changes)


def test_explanation_lists_exactly_the_factors_that_made_the_score() -> None:
    result = score(
        signals(business_days_to_deadline=2, minutes_to_response_due=-45, pinned=True),
        PRESETS["conveyor"],
    )
    assert [p.factor for p in result.parts] == [
        Factor.DEADLINE,
        Factor.REQUEST_OVERDUE,
        Factor.PINNED,
    ]
    assert [p.value for p in result.parts] == [2, 45, None]
    assert result.total == sum(p.points for p in result.parts) == 33 + 30 + 10
    assert score(signals(), PRESETS["conveyor"]).parts == ()


def test_conveyor_puts_the_deadline_first_and_boutique_the_unhappy_big_client() -> None:
    urgent_small = signals(business_days_to_deadline=1, budget_share=0.05)
    unhappy_big = signals(
        business_days_to_deadline=20, budget_share=1.0, last_nps=4, unreacted_feedback=1
    )

    def order(preset: str) -> list[str]:
        weights = PRESETS[preset]
        projects = {"urgent, small client": urgent_small, "unhappy big client": unhappy_big}
        return sorted(projects, key=lambda name: -score(projects[name], weights).total)

    assert order("conveyor") == ["urgent, small client", "unhappy big client"]
    assert order("boutique") == ["unhappy big client", "urgent, small client"]


def test_deadline_points_grow_as_the_deadline_nears() -> None:
    weights = PRESETS["boutique"]
    points = [
        score(signals(business_days_to_deadline=d), weights).total for d in (12, 10, 5, 1, 0, -3)
    ]
    assert points == sorted(points) and points[0] == 0 and points[-1] == points[-2] == 25


def test_health_of_a_client() -> None:
    assert health(10, 0, 0) is Health.GOOD
    assert health(None, 0, 0) is Health.GOOD
    assert health(8, 0, 0) is Health.WATCH
    assert health(6, 0, 0) is Health.AT_RISK
    assert health(9, 1, 0) is Health.AT_RISK
    assert health(9, 0, 2) is Health.AT_RISK
