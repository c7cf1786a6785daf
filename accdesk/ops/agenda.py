"""Today's agenda for one manager: gathered from the data, planned into the working day,
ticked off, exported as a calendar.

Items are not stored: they are what the data says needs doing today (a request waiting, a
promise coming due, a birthday). What a manager does to an item (ticks it off, gives it
another duration) is stored as an `AgendaMark` under the item's key; ticking off also does
what the item stands for (answers the request, records the greeting as a loyalty action),
and unticking takes exactly that back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar as ICalendar
from icalendar import Event
from sqlmodel import Session, col, select

from accdesk.changes import Changes
from accdesk.errors import NotFound, ValidationError
from accdesk.models import (
    AgendaMark,
    Client,
    ClientService,
    LoyaltyAction,
    Manager,
    Meeting,
    Request,
)
from accdesk.ops.agenda_items import _Gatherer
from accdesk.ops.deadlines import ClientTerms, clocks_for, load_rules
from accdesk.ops.inputs import MeetingCreate, text_problem, validate
from accdesk.ops.settings import get_setting
from accdesk.planning.agenda import KINDS, AgendaItem, Block, Budget, DayPlan, plan_day
from accdesk.planning.upsell import next_offer, offer_due
from accdesk.storage.db import Database
from accdesk.text import sort_key, translate
from accdesk.types import utcnow

EFFECT_NAMESPACE = uuid.UUID("5b0d7a8e-3f52-4a53-9d5e-7c61d6a1c0de")


@dataclass(frozen=True)
class Agenda:
    manager_id: uuid.UUID
    manager: str
    day: date  # the day shown: the one asked for, or after a day off the next working day
    zone: str
    plan: DayPlan
    now: datetime  # the moment it was planned at
    asked: date | None = None  # the day off asked for, when the next working day is shown

    @property
    def day_off(self) -> bool:
        return self.asked is not None

    def overdue(self, item: AgendaItem) -> bool:
        """An answer still owed past its deadline."""
        return item.due is not None and not item.done and item.due < self.now

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        return (
            *(p.item for p in self.plan.planned),
            *self.plan.not_fitting,
            *self.plan.done,
        )


NEXT_WORKING_WITHIN = 21  # days searched for the next working day after a day off


def agenda(
    db: Database, manager_id: uuid.UUID, day: date, now: datetime, *, follow: bool = True
) -> Agenda:
    """The manager's plan for `day`; on a day that has not started, planned from its start.
    A day off (a weekend, a holiday) shows the next working day's plan, saying so, unless
    `follow` is False (a week lays its days off out as they are)."""
    with db.reading() as s:
        manager = s.get(Manager, manager_id)
        if manager is None:
            raise NotFound(translate("Agenda", "this manager no longer exists"))
        rules = load_rules(s)
        zone = ZoneInfo(rules.zone)
        clock = rules.clock()
        asked = None
        for ahead in range(NEXT_WORKING_WITHIN if follow else 1):
            candidate = day + timedelta(days=ahead)
            day_start = datetime.combine(candidate, time(), zone)
            working = clock.intervals(day_start, day_start + timedelta(days=1))
            if working:
                break
            asked = asked or day
        else:
            candidate, day_start, working, asked = (
                day,
                datetime.combine(day, time(), zone),
                [],
                None,
            )
        day = candidate
        minutes = {**get_setting(s, "agenda_minutes")}
        budget = Budget.of(get_setting(s, "agenda_budget"))
        marks = {
            m.key: m
            for m in s.exec(
                select(AgendaMark).where(AgendaMark.manager_id == manager_id, AgendaMark.day == day)
            )
        }
        gather = _Gatherer(s, manager_id, day, zone, rules.workdays.country, minutes)
        # An item the person moved to another day is off this one.
        items = [
            _marked(item, marks.get(item.key))
            for item in gather.items()
            if not _moved_away(marks.get(item.key), day)
        ]
        # Ticking off can end what made an item due (a feedback request answers the
        # cadence): it stays on the day as done, under the title it had.
        shown = {item.key for item in items}
        items += [
            AgendaItem(key, key.split(":", 1)[0], str(mark.effect["title"]), "", 0, done=True)
            for key, mark in marks.items()
            if key not in shown and mark.done_at is not None and mark.effect
        ]
        shown = {item.key for item in items}
        # ...and on the day it was moved to, even when that day's data would not bring it.
        for mark in s.exec(
            select(AgendaMark).where(
                AgendaMark.manager_id == manager_id,
                AgendaMark.moved_to == day,
                AgendaMark.day != day,
                col(AgendaMark.done_at).is_(None),
            )
        ):
            if mark.key not in shown and mark.effect:
                items.append(_brought(mark))
                shown.add(mark.key)
        blocks = _blocks(s, manager_id, day, zone, working)
    plan = plan_day(items, working, blocks, max(now, day_start), budget)
    return Agenda(manager_id, manager.name, day, rules.zone, plan, now, asked)


def _marked(item: AgendaItem, mark: AgendaMark | None) -> AgendaItem:
    """The item as the person left it: its duration, its tick, the time they put it at."""
    if mark is None:
        return item
    return replace(
        item,
        minutes=mark.minutes if mark.minutes is not None else item.minutes,
        done=mark.done_at is not None,
        start=mark.start_at,
    )


def _moved_away(mark: AgendaMark | None, day: date) -> bool:
    return mark is not None and mark.moved_to is not None and mark.moved_to != day


def _brought(mark: AgendaMark) -> AgendaItem:
    """An item moved here from another day, as it was described there."""
    effect = mark.effect or {}
    client = effect.get("client_id")
    return AgendaItem(
        mark.key,
        mark.key.split(":", 1)[0],
        str(effect.get("title", mark.key)),
        str(effect.get("detail", "")),
        int(effect.get("minutes", mark.minutes or 15)),
        client_id=uuid.UUID(client) if client else None,
        start=mark.start_at,
    )


def _blocks(
    s: Session,
    manager_id: uuid.UUID,
    day: date,
    zone: ZoneInfo,
    working: list[tuple[datetime, datetime]],
) -> list[Block]:
    start = datetime.combine(day, time(), zone)
    blocks = []
    if working:
        for block in get_setting(s, "daily_blocks"):
            at = start + timedelta(minutes=int(block["start"]))
            blocks.append(
                Block(str(block["title"]), at, at + timedelta(minutes=int(block["minutes"])))
            )
        lunch = get_setting(s, "lunch")
        at = start + timedelta(minutes=int(lunch["start"]))
        end = at + timedelta(minutes=int(lunch["minutes"]))
        # A working day of one stretch gets its lunch break; a calendar with two stretches
        # a day has it between them already.
        if len(working) == 1 and working[0][0] < at and end < working[0][1]:
            blocks.append(Block(translate("Agenda", "Lunch"), at, end))
    meetings = s.exec(
        select(Meeting).where(
            Meeting.manager_id == manager_id,
            col(Meeting.deleted_at).is_(None),
            col(Meeting.starts_at) >= start,
            col(Meeting.starts_at) < start + timedelta(days=1),
        )
    )
    for m in meetings:
        blocks.append(Block(m.title, m.starts_at, m.starts_at + timedelta(minutes=m.minutes)))
    return blocks


# --- Writing ------------------------------------------------------------------------------------
def set_item_minutes(
    db: Database, manager_id: uuid.UUID, day: date, key: str, minutes: int
) -> Changes:
    if not 5 <= minutes <= 480:
        raise ValidationError({"minutes": translate("Agenda", "must be from 5 to 480 minutes")})
    with db.transaction() as s:
        mark = _mark(s, manager_id, day, key)
        mark.minutes = minutes
        mark.updated_at = utcnow()
        return Changes.written(s)


def next_working_day(db: Database, day: date) -> date:
    """The first working day of the agency after `day` (within three weeks)."""
    with db.reading() as s:
        rules = load_rules(s)
    zone, clock = ZoneInfo(rules.zone), rules.clock()
    for ahead in range(1, NEXT_WORKING_WITHIN):
        candidate = day + timedelta(days=ahead)
        start = datetime.combine(candidate, time(), zone)
        if clock.intervals(start, start + timedelta(days=1)):
            return candidate
    return day + timedelta(days=1)


def put_item(
    db: Database,
    manager_id: uuid.UUID,
    day: date,
    item: AgendaItem,
    *,
    at: datetime | None = None,
    on: date | None = None,
) -> Changes:
    """Put an item at a time of its day (`at`), or on another day (`on`); both None puts it
    back where the plan would. The plan keeps it there when it is worked out again."""
    if at is not None and at.tzinfo is None:
        raise ValidationError({"at": translate("Agenda", "needs a time zone")})
    if on is not None and not day <= on <= day + timedelta(days=NEXT_WORKING_WITHIN):
        raise ValidationError(
            {"on": translate("Agenda", "must be within three weeks after the item's day")}
        )
    with db.transaction() as s:
        mark = _mark(s, manager_id, day, item.key)
        mark.start_at = at
        mark.moved_to = on if on != day else None
        if on is not None:
            # Enough to show it on the day it goes to, whatever that day's data says.
            mark.effect = {
                "title": item.title[:300],
                "detail": item.detail[:1000],
                "minutes": item.minutes,
                "client_id": str(item.client_id) if item.client_id else None,
            }
        mark.updated_at = utcnow()
        return Changes.written(s)


KEY_MAX = 80  # the stored key names an item: "<kind>:<id>", well within its column


def _mark(s: Session, manager_id: uuid.UUID, day: date, key: str) -> AgendaMark:
    if key.split(":", 1)[0] not in KINDS or len(key) > KEY_MAX or text_problem(key):
        raise ValidationError(
            {"key": translate("Agenda", "“{key}” is not an agenda item").format(key=key)}
        )
    mark = s.exec(
        select(AgendaMark).where(
            AgendaMark.manager_id == manager_id, AgendaMark.day == day, AgendaMark.key == key
        )
    ).first()
    if mark is None:
        mark = AgendaMark(manager_id=manager_id, day=day, key=key)
        s.add(mark)
    return mark


def check_item(
    db: Database,
    manager_id: uuid.UUID,
    day: date,
    key: str,
    done: bool,
    *,
    title: str = "",
    now: datetime | None = None,
) -> Changes:
    """Tick an item off (doing what it stands for) or untick it (taking that back).
    `title` is kept with the tick, for the day's list of what was done."""
    moment = now or utcnow()
    with db.transaction() as s:
        mark = _mark(s, manager_id, day, key)
        if done and mark.done_at is None:
            mark.effect = {**_do(s, key, day, moment, manager_id), "title": title or key}
            mark.done_at = moment
        elif not done and mark.done_at is not None:
            _undo(s, mark.effect or {})
            mark.effect = None
            mark.done_at = None
        mark.updated_at = utcnow()
        return Changes.written(s)


def _do(
    s: Session,
    key: str,
    day: date,
    moment: datetime,
    manager_id: uuid.UUID,
) -> dict[str, Any]:
    kind, _, rest = key.partition(":")
    target = uuid.UUID(rest.split(":", 1)[0])
    if kind == "request":
        request = s.get(Request, target)
        if request is None or request.first_response_at is not None:
            return {}
        client = s.get(Client, request.client_id)
        assert client is not None
        request.first_response_at = moment
        request.waited_minutes = clocks_for(s).waited(
            ClientTerms.of(client), request.received_at, moment
        )
        return {"request": str(target)}
    if kind in ("greeting", "feedback"):
        action_id = uuid.uuid5(EFFECT_NAMESPACE, f"{key}/{day}")
        action = s.get(LoyaltyAction, action_id)
        practice = "greetings" if kind == "greeting" else "feedback"
        note = (
            rest.split(":", 1)[1]
            if kind == "greeting"
            else translate("Agenda", "Asked for feedback")
        )
        if action is None:
            action = LoyaltyAction(id=action_id, client_id=target, practice=practice)
            s.add(action)
        action.done_on, action.note, action.manager_id = day, note, manager_id
        action.deleted_at = None
        return {"loyalty": str(action_id)}
    if kind == "upsell":
        # One call offered the client every service that was due (the key names the
        # client; a key from before named one cell).
        cell = s.get(ClientService, target)
        cells = (
            [cell]
            if cell is not None
            else [
                c
                for c in s.exec(select(ClientService).where(ClientService.client_id == target))
                if offer_due(c.state, c.next_offer_on, day)
            ]
        )
        cadence = int(get_setting(s, "upsell_cadence_days"))
        offered = []
        for cell in cells:
            offered.append(
                {
                    "cell": str(cell.id),
                    "state": cell.state,
                    "last_offer_on": cell.last_offer_on.isoformat() if cell.last_offer_on else None,
                    "next_offer_on": cell.next_offer_on.isoformat() if cell.next_offer_on else None,
                }
            )
            cell.state = "offered"
            cell.last_offer_on = day
            cell.next_offer_on = next_offer("offered", day, cadence)
        return {"offered": offered}
    return {}


def _undo(s: Session, effect: dict[str, Any]) -> None:
    if "request" in effect:
        request = s.get(Request, uuid.UUID(effect["request"]))
        if request is not None:
            request.first_response_at = None
            request.waited_minutes = None
    if "loyalty" in effect:
        action = s.get(LoyaltyAction, uuid.UUID(effect["loyalty"]))
        if action is not None:
            action.deleted_at = utcnow()
    offered = list(effect.get("offered", []))
    if "upsell" in effect:  # a tick made before offers were combined per client
        offered.append({"cell": effect["upsell"], **effect["before"]})
    for before in offered:
        cell = s.get(ClientService, uuid.UUID(before["cell"]))
        if cell is not None:
            cell.state = before["state"]
            cell.last_offer_on = _day(before["last_offer_on"])
            cell.next_offer_on = _day(before["next_offer_on"])


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def add_meeting(db: Database, manager_id: uuid.UUID, data: dict[str, Any]) -> Changes:
    """A fixed block in the manager's day (a call, a review) that the agenda plans around."""
    edit = validate(MeetingCreate, data)
    with db.transaction() as s:
        meeting = Meeting(manager_id=manager_id, **edit.model_dump())
        s.add(meeting)
        return Changes.written(s)


def remove_meeting(db: Database, meeting_id: uuid.UUID, removed: bool = True) -> Changes:
    """Remove a meeting, or (`removed` False) bring it back: its undo."""
    with db.transaction() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(translate("Agenda", "this meeting no longer exists"))
        meeting.deleted_at = utcnow() if removed else None
        return Changes.written(s)


# --- Calendar export ----------------------------------------------------------------------------
def week_agendas(db: Database, manager_id: uuid.UUID, day: date, now: datetime) -> list[Agenda]:
    """The plans of the week `day` falls in, Monday to Sunday, days off as they are."""
    monday = day - timedelta(days=day.weekday())
    return [agenda(db, manager_id, monday + timedelta(days=n), now, follow=False) for n in range(7)]


def to_ics(agendas: list[Agenda], now: datetime) -> bytes:
    """An iCalendar file of planned items and meetings; an item that several days would plan
    (a request still waiting) is exported on the first of them only."""
    cal = ICalendar()
    cal.add("prodid", "-//accdesk//agenda//EN")
    cal.add("version", "2.0")
    seen: set[str] = set()
    for day_plan in agendas:
        for planned in day_plan.plan.planned:
            item = planned.item
            # Project time comes in pieces, each its own event; anything else is one.
            uid = f"{item.key}:{planned.start:%Y%m%dT%H%M}" if item.kind == "work" else item.key
            if uid in seen:
                continue
            seen.add(uid)
            event = _event(
                f"{uid}@accdesk", item.title, item.detail, planned.start, planned.end, now
            )
            if item.due is not None:
                # The deadline travels with the event: calendars have no field for it.
                event.add("x-accdesk-due", item.due.astimezone(UTC))
                event["description"] = translate("Agenda", "Due {due}. {detail}").format(
                    due=item.due.astimezone(ZoneInfo(day_plan.zone)).strftime("%d.%m %H:%M"),
                    detail=item.detail,
                )
            cal.add_component(event)
        for block in day_plan.plan.blocks:
            uid = f"block:{block.title}:{block.start.isoformat()}@accdesk"
            cal.add_component(_event(uid, block.title, "", block.start, block.end, now))
    return bytes(cal.to_ical())


def _event(
    uid: str, title: str, detail: str, start: datetime, end: datetime, now: datetime
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", start.astimezone(UTC))
    event.add("dtend", end.astimezone(UTC))
    event.add("summary", title)
    if detail:
        event.add("description", detail)
    return event


def manager_choices(db: Database) -> list[tuple[uuid.UUID, str]]:
    """Active managers by name: whose day the agenda can show."""
    with db.reading() as s:
        rows = s.exec(
            select(Manager.id, Manager.name).where(col(Manager.active)).order_by(col(Manager.name))
        ).all()
    return sorted(((mid, name) for mid, name in rows), key=lambda m: sort_key(m[1]))
