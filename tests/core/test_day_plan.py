"""The day plan a manager follows: answers before their deadlines, a lunch kept free, selling
within a budget, a day off pointing at the next working day, the same plan every time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from accdesk.ops.agenda import agenda, put_item, week_agendas
from accdesk.ops.requests import find_manager
from accdesk.planning.agenda import AgendaItem, Block, Budget, plan_day
from accdesk.storage.db import Database

MSK = ZoneInfo("Europe/Moscow")
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=MSK)
DAY = [(MONDAY, MONDAY + timedelta(hours=9))]  # 10:00-19:00
LUNCH = Block("Lunch", MONDAY + timedelta(hours=3), MONDAY + timedelta(hours=4))


def request(key: str, due_hour: int, minutes: int = 15) -> AgendaItem:
    return AgendaItem(
        f"request:{key}", "request", key, "", minutes, due=MONDAY.replace(hour=due_hour)
    )


def offer(key: str, value: int = 0, *, at_risk: bool = False) -> AgendaItem:
    return AgendaItem(f"upsell:{key}", "upsell", key, "", 30, value=value, at_risk=at_risk)


def test_answers_go_earliest_deadline_first_and_a_late_one_says_so() -> None:
    items = [request("later", 15), request("sooner", 11), request("soonest", 10, 30)]
    plan = plan_day(items, DAY, [Block("Stand-up", MONDAY, MONDAY + timedelta(minutes=15))], MONDAY)
    assert [p.item.title for p in plan.planned] == ["soonest", "sooner", "later"]
    # Due 10:00 behind a stand-up to 10:15: placed at once, and marked late, never hidden.
    assert [p.item.title for p in plan.late] == ["soonest"]
    assert plan.not_fitting == ()


def test_the_lunch_break_and_meetings_stay_free() -> None:
    meeting = Block("Call", MONDAY + timedelta(hours=1), MONDAY + timedelta(hours=2))
    items = [request(str(n), 18, 60) for n in range(5)]
    plan = plan_day(items, DAY, [LUNCH, meeting], MONDAY)
    for planned in plan.planned:
        for block in (LUNCH, meeting):
            assert planned.end <= block.start or planned.start >= block.end


def test_selling_keeps_to_its_budget_best_client_first_and_never_to_one_at_risk() -> None:
    items = [
        offer("small", 10),
        offer("big", 1000),
        offer("risky", 5000, at_risk=True),
        offer("middle", 100),
        AgendaItem("feedback:a", "feedback", "ask a", "", 15),
        AgendaItem("feedback:b", "feedback", "ask b", "", 15),
        AgendaItem("feedback:c", "feedback", "ask c", "", 15),
    ]
    plan = plan_day(items, DAY, [LUNCH], MONDAY, Budget(upsell=2, feedback=2))
    offers = [p.item.title for p in plan.planned if p.item.kind == "upsell"]
    assert offers == ["big", "middle"]
    assert sum(p.item.kind == "feedback" for p in plan.planned) == 2
    # The rest waits for a freer moment: listed, not an alarm.
    assert {i.title for i in plan.later} == {"small", "risky", "ask c"}
    assert plan.not_fitting == ()


def test_project_time_takes_at_most_its_share_and_answers_come_first() -> None:
    work = AgendaItem("work:m", "work", "Projects", "", 600)
    plan = plan_day([work, request("a", 12)], DAY, [LUNCH], MONDAY, Budget(work_share=0.5))
    assert plan.planned[0].item.kind == "request"
    work_minutes = sum(p.item.minutes for p in plan.planned if p.item.kind == "work")
    free_after_answers = 8 * 60 - 15  # nine hours, less lunch, less the answer
    assert 0 < work_minutes <= free_after_answers // 2
    assert all(p.item.minutes >= 30 for p in plan.planned if p.item.kind == "work")


def test_only_a_must_do_that_finds_no_time_does_not_fit() -> None:
    short = [(MONDAY, MONDAY + timedelta(minutes=30))]
    plan = plan_day([request("a", 11, 30), request("b", 11, 30), offer("x")], short, [], MONDAY)
    assert [i.title for i in plan.not_fitting] == ["b"]
    assert [i.title for i in plan.later] == ["x"]


def test_an_item_put_at_a_time_stays_there() -> None:
    pinned = AgendaItem("promise:p", "promise", "call", "", 20, start=MONDAY + timedelta(hours=5))
    plan = plan_day([request("a", 11), pinned], DAY, [], MONDAY)
    placed = {p.item.key: p.start for p in plan.planned}
    assert placed["promise:p"] == MONDAY + timedelta(hours=5)


def test_the_same_data_gives_the_same_plan() -> None:
    items = [request(str(n), 11 + n % 5) for n in range(12)] + [offer(str(n), n) for n in range(6)]
    first = plan_day(items, DAY, [LUNCH], MONDAY)
    assert plan_day(list(reversed(items)), DAY, [LUNCH], MONDAY) == first


kinds = st.sampled_from(
    ["request", "deadline", "promise", "reaction", "work", "upsell", "feedback"]
)


@settings(max_examples=200, deadline=None)
@given(
    specs=st.lists(
        st.tuples(kinds, st.integers(5, 240), st.integers(0, 600), st.booleans()), max_size=25
    ),
    blocks=st.lists(st.tuples(st.integers(0, 520), st.integers(5, 120)), max_size=4),
    start=st.integers(0, 600),
)
def test_a_plan_never_overlaps_itself_or_a_fixed_block(
    specs: list[tuple[str, int, int, bool]], blocks: list[tuple[int, int]], start: int
) -> None:
    items = [
        AgendaItem(
            f"{kind}:{n}",
            kind,
            str(n),
            "",
            minutes,
            due=MONDAY + timedelta(minutes=due) if kind == "request" else None,
            at_risk=risky,
        )
        for n, (kind, minutes, due, risky) in enumerate(specs)
    ]
    fixed = [
        Block("b", MONDAY + timedelta(minutes=a), MONDAY + timedelta(minutes=a + n))
        for a, n in blocks
    ]
    plan = plan_day(items, DAY, fixed, MONDAY + timedelta(minutes=start))
    spans = sorted((p.start, p.end) for p in plan.planned)
    for (_a, end), (next_start, _b) in pairwise(spans):
        assert end <= next_start
    for p in plan.planned:
        assert DAY[0][0] <= p.start and p.end <= DAY[0][1]
        assert all(p.end <= b.start or p.start >= b.end for b in fixed)
    placed = {p.item.key for p in plan.planned}
    others = {i.key for i in (*plan.not_fitting, *plan.later)}
    assert placed | others >= {i.key for i in items if i.kind != "work"}
    assert not any(p.item.at_risk and p.item.kind == "upsell" for p in plan.planned)


def test_a_weekend_shows_the_next_working_days_plan(demo_db: Database) -> None:
    manager = find_manager(demo_db, "am02")
    saturday = date(2026, 11, 28)
    now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    day = agenda(demo_db, manager, saturday, now)
    assert day.day_off and day.asked == saturday and day.day == date(2026, 11, 30)
    assert day.plan.working and day.plan.planned
    assert day.plan.not_fitting == ()
    week = week_agendas(demo_db, manager, saturday, now)
    assert [d.day.weekday() for d in week] == list(range(7))
    assert [bool(d.plan.working) for d in week] == [True] * 5 + [False] * 2
    assert all(not d.plan.not_fitting for d in week if not d.plan.working)


def test_a_monday_plan_has_its_lunch_answers_on_time_and_a_selling_budget(
    demo_db: Database,
) -> None:
    manager = find_manager(demo_db, "am02")
    now = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 10:00 in Moscow
    day = agenda(demo_db, manager, date(2026, 11, 23), now)
    lunch = next(b for b in day.plan.blocks if b.start.astimezone(MSK).hour == 13)
    assert (lunch.end - lunch.start) == timedelta(hours=1)
    kinds = [p.item.kind for p in day.plan.planned]
    assert kinds.count("upsell") <= 2 and kinds.count("feedback") <= 2
    answers = [p for p in day.plan.planned if p.item.kind == "request"]
    assert answers == sorted(answers, key=lambda p: p.item.due)  # earliest deadline first
    titles = [p.item.title for p in day.plan.planned if p.item.kind == "upsell"]
    assert len(titles) == len(set(titles))  # one call per client


def test_a_moved_item_leaves_its_day_and_stays_where_it_was_put(demo_db: Database) -> None:
    manager = find_manager(demo_db, "am02")
    now = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    monday, tuesday = date(2026, 11, 23), date(2026, 11, 24)
    plan = agenda(demo_db, manager, monday, now).plan
    item = next(p.item for p in plan.planned if p.item.kind not in ("request", "work"))
    put_item(demo_db, manager, monday, item, on=tuesday)
    assert item.key not in {p.item.key for p in agenda(demo_db, manager, monday, now).plan.planned}
    on_tuesday = agenda(demo_db, manager, tuesday, now)
    assert item.key in {p.item.key for p in on_tuesday.plan.planned}
    at = datetime(2026, 11, 24, 16, 30, tzinfo=MSK)
    put_item(demo_db, manager, tuesday, item, at=at)
    again = agenda(demo_db, manager, tuesday, now)
    assert {p.item.key: p.start for p in again.plan.planned}[item.key] == at
