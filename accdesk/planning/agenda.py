"""A manager's day: what needs doing, in what order, and when it fits.

Items are placed one after another into the free time that is left today (working hours
minus fixed blocks such as the stand-up and meetings, from now on), most urgent first, each
into the earliest gap long enough for it. An item is never split and never moved before a
more urgent one; what finds no gap is returned as not fitting, so the manager sees it and
decides, instead of it silently sliding to tomorrow.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

# The order of kinds on the day: answers first, then what has a date, then what builds the
# relationship. Within a kind, the earlier deadline first.
KINDS = ("request", "deadline", "promise", "reaction", "upsell", "feedback", "greeting")
STEP = timedelta(minutes=5)  # suggested starts are on a five-minute grid


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


@dataclass(frozen=True)
class DayPlan:
    planned: tuple[Planned, ...]
    not_fitting: tuple[AgendaItem, ...]
    done: tuple[AgendaItem, ...]
    blocks: tuple[Block, ...]
    free_minutes: int  # left over once everything planned is done
    working: tuple[tuple[datetime, datetime], ...] = field(default=())


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
        cut: list[tuple[datetime, datetime]] = []
        for a, b in gaps:
            if block.end <= a or block.start >= b:
                cut.append((a, b))
                continue
            if a < block.start:
                cut.append((a, block.start))
            if block.end < b:
                cut.append((block.end, b))
        gaps = cut
    return [(a, b) for a, b in gaps if a < b]


def plan_day(
    items: Sequence[AgendaItem],
    working: Sequence[tuple[datetime, datetime]],
    blocks: Sequence[Block],
    now: datetime,
) -> DayPlan:
    gaps = free_time(working, blocks, now)
    planned: list[Planned] = []
    missing: list[AgendaItem] = []
    open_items = sorted((i for i in items if not i.done), key=_urgency)
    for item in open_items:
        need = timedelta(minutes=item.minutes)
        for index, (a, b) in enumerate(gaps):
            if b - a >= need:
                planned.append(Planned(item, a, a + need))
                # Keep the next start on the grid; the few minutes lost are a breather.
                rest = _ceil(a + need)
                gaps[index] = (rest, b)
                break
        else:
            missing.append(item)
    free = sum(int((b - a).total_seconds() // 60) for a, b in gaps if a < b)
    return DayPlan(
        planned=tuple(planned),
        not_fitting=tuple(missing),
        done=tuple(i for i in items if i.done),
        blocks=tuple(sorted(blocks, key=lambda b: b.start)),
        free_minutes=free,
        working=tuple(working),
    )


def _urgency(item: AgendaItem) -> tuple[int, bool, float, str]:
    due = item.due.timestamp() if item.due else 0.0
    return (KINDS.index(item.kind), item.due is None, due, item.key)
