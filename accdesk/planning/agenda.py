"""A manager's day: what needs doing, in what order, and when it fits.

The day has a shape before anything is placed: working hours, the lunch break and fixed
blocks (the stand-up, meetings) are what they are. Into the free time that is left, from
now on, go in turn:

1. items the person put at a time themselves, where they put them;
2. answers owed, earliest deadline first (EDF), each into the earliest gap; one that cannot
   end before its deadline is placed anyway and marked late, so the manager sees at once
   "due 10:00, first free 10:15" and can move something;
3. what has a date coming (a project due this week gets a block sized from its effort
   hours, promises, reactions to feedback);
4. time for the projects themselves, from their weekly effort, at most a share of what is
   left (the rest of the day is for the client work above and below);
5. relationship work within a daily budget: up-sell offers (one call per client, combining
   its due offers; the most valuable prospects first; never to a client at risk), requests
   for feedback, greetings.

Must-do items that find no time are "does not fit"; relationship work over the budget or
without time waits under "when you have time", which is a list, not an alarm. An item is
never split (project time aside, which fills what gaps there are), never placed before a
more urgent one, and the same data always gives the same plan.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

# The order of kinds on the day: answers first, then what has a date, then the projects'
# own time, then what builds the relationship.
KINDS = ("request", "deadline", "promise", "reaction", "work", "upsell", "feedback", "greeting")
MUST = frozenset({"request", "deadline", "promise", "reaction"})
SELLING = ("upsell", "feedback", "greeting")
STEP = timedelta(minutes=5)  # suggested starts are on a five-minute grid
WORK_CHUNK = timedelta(minutes=30)  # project time is not worth booking in smaller pieces


@dataclass(frozen=True)
class AgendaItem:
    key: str  # stable across reloads: "<kind>:<id>[:<detail>]"
    kind: str
    title: str
    detail: str
    minutes: int
    due: datetime | None = None
    client_id: uuid.UUID | None = None
    done: bool = False
    value: int = 0  # what a sale would be worth (minor units a month): the better first
    at_risk: bool = False  # the client's relationship is at risk: no selling today
    start: datetime | None = None  # where the person put it


@dataclass(frozen=True)
class Block:
    """A fixed part of the day the agenda works around."""

    title: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Planned:
    item: AgendaItem
    start: datetime
    end: datetime

    @property
    def late(self) -> bool:
        """An answer placed past its deadline: the first free time comes too late."""
        return self.item.due is not None and self.end > self.item.due


@dataclass(frozen=True)
class Budget:
    """How much relationship work a day holds, and how much of it project time may take.
    The agency's setting `agenda_budget`; these defaults keep a day humane."""

    upsell: int = 2  # clients offered something (one call each, whatever it combines)
    feedback: int = 2
    greeting: int = 5  # birthdays and holidays come when they come
    work_share: float = 0.5  # of the free time after the must-dos, at most this for projects

    @classmethod
    def of(cls, value: object) -> Budget:
        """The budget from a stored setting; what is missing or wrong keeps its default."""
        if not isinstance(value, dict):
            return cls()
        made = cls()
        for name in ("upsell", "feedback", "greeting"):
            given = value.get(name)
            if isinstance(given, int) and not isinstance(given, bool) and 0 <= given <= 50:
                made = replace(made, **{name: given})
        share = value.get("work_share")
        if isinstance(share, int | float) and not isinstance(share, bool) and 0 <= share <= 1:
            made = replace(made, work_share=float(share))
        return made

    def cap(self, kind: str) -> int:
        return int(getattr(self, kind)) if kind in SELLING else 10**6


@dataclass(frozen=True)
class DayPlan:
    planned: tuple[Planned, ...]
    not_fitting: tuple[AgendaItem, ...]  # must-dos with no time left today
    done: tuple[AgendaItem, ...]
    blocks: tuple[Block, ...]
    free_minutes: int  # left over once everything planned is done
    working: tuple[tuple[datetime, datetime], ...] = field(default=())
    later: tuple[AgendaItem, ...] = ()  # relationship work for when there is time

    @property
    def late(self) -> tuple[Planned, ...]:
        return tuple(p for p in self.planned if p.late)


def _ceil(moment: datetime) -> datetime:
    """Up to the next five minutes: nobody starts a call at 10:07."""
    step = int(STEP.total_seconds())
    seconds = int(moment.timestamp())
    rest = seconds % step
    return (
        moment
        if rest == 0 and moment.microsecond == 0
        else moment + timedelta(seconds=step - rest, microseconds=-moment.microsecond)
    )


def free_time(
    working: Iterable[tuple[datetime, datetime]], blocks: Iterable[Block], now: datetime
) -> list[tuple[datetime, datetime]]:
    """Working intervals minus the blocks, from `now` on (rounded up to the grid)."""
    start_at = _ceil(now)
    gaps = [(max(a, start_at), b) for a, b in working if b > start_at]
    for block in sorted(blocks, key=lambda b: b.start):
        gaps = _cut(gaps, block.start, block.end)
    return [(a, b) for a, b in gaps if a < b]


def _cut(
    gaps: list[tuple[datetime, datetime]], start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """The gaps less the span from `start` to `end`."""
    out: list[tuple[datetime, datetime]] = []
    for a, b in gaps:
        if end <= a or start >= b:
            out.append((a, b))
            continue
        if a < start:
            out.append((a, start))
        if end < b:
            out.append((end, b))
    return out


class _Day:
    """The free time of one day, taken piece by piece."""

    def __init__(self, gaps: list[tuple[datetime, datetime]]) -> None:
        self.gaps = gaps
        self.planned: list[Planned] = []

    def place(self, item: AgendaItem) -> Planned | None:
        """`item` in the earliest gap long enough for it, or None."""
        need = timedelta(minutes=item.minutes)
        for index, (a, b) in enumerate(self.gaps):
            if b - a >= need:
                placed = Planned(item, a, a + need)
                # Keep the next start on the grid; the few minutes lost are a breather.
                self.gaps[index] = (_ceil(a + need), b)
                self.planned.append(placed)
                return placed
        return None

    def pin(self, item: AgendaItem, start: datetime) -> bool:
        """`item` at the time the person chose, if that time is still free."""
        end = start + timedelta(minutes=item.minutes)
        if not any(a <= start and end <= b for a, b in self.gaps):
            return False
        self.gaps = [(a, b) for a, b in _cut(self.gaps, start, _ceil(end)) if a < b]
        self.planned.append(Planned(item, start, end))
        return True

    def fill(self, item: AgendaItem, minutes: int) -> int:
        """Project time: up to `minutes` of it, in pieces of half an hour or more, across
        the gaps in order (a shorter rest is left free); the minutes placed."""
        left = timedelta(minutes=minutes)
        for index, (a, b) in enumerate(self.gaps):
            if left <= timedelta(0):
                break
            piece = min(b - a, left)
            if piece < WORK_CHUNK:
                continue
            self.planned.append(Planned(replace(item, minutes=_minutes(piece)), a, a + piece))
            self.gaps[index] = (_ceil(a + piece), b)
            left -= piece
        return minutes - _minutes(left)

    def free_minutes(self) -> int:
        return sum(_minutes(b - a) for a, b in self.gaps if a < b)


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def plan_day(
    items: Sequence[AgendaItem],
    working: Sequence[tuple[datetime, datetime]],
    blocks: Sequence[Block],
    now: datetime,
    budget: Budget | None = None,
) -> DayPlan:
    budget = budget or Budget()
    if not working:  # a day off: nothing to plan, and nothing "does not fit"
        return DayPlan((), (), tuple(i for i in items if i.done), (), 0, ())
    day = _Day(free_time(working, blocks, now))
    open_items = sorted((i for i in items if not i.done), key=_urgency)
    missing: list[AgendaItem] = []
    later: list[AgendaItem] = []
    pinned = [i for i in open_items if i.start is not None and day.pin(i, i.start)]
    rest = [i for i in open_items if i not in pinned]
    for item in (i for i in rest if i.kind in MUST):
        if day.place(item) is None:
            missing.append(item)
    for item in (i for i in rest if i.kind == "work"):
        # The projects' own time, at most a share of what the must-dos left.
        share = int(day.free_minutes() * budget.work_share) // 5 * 5
        day.fill(item, min(item.minutes, share))
    used = {kind: sum(1 for p in pinned if p.kind == kind) for kind in SELLING}
    for item in _best_first(i for i in rest if i.kind in SELLING):
        if item.at_risk or used[item.kind] >= budget.cap(item.kind) or day.place(item) is None:
            later.append(item)
        else:
            used[item.kind] += 1
    return DayPlan(
        planned=tuple(sorted(day.planned, key=lambda p: (p.start, p.item.key))),
        not_fitting=tuple(missing),
        done=tuple(i for i in items if i.done),
        blocks=tuple(sorted(blocks, key=lambda b: b.start)),
        free_minutes=day.free_minutes(),
        working=tuple(working),
        later=tuple(later),
    )


def _urgency(item: AgendaItem) -> tuple[int, bool, float, str]:
    """Earliest deadline first within a kind; kinds in the order of the day."""
    due = item.due.timestamp() if item.due else 0.0
    return (KINDS.index(item.kind), item.due is None, due, item.key)


def _best_first(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """Relationship work in the order worth doing: by kind, then the most valuable client,
    then the earliest date; a client at risk goes last (and waits)."""
    return sorted(
        items,
        key=lambda i: (KINDS.index(i.kind), i.at_risk, -i.value, i.due is None, _urgency(i)),
    )
