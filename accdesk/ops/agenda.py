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
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar as ICalendar
from icalendar import Event
from sqlalchemy import String, type_coerce
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from accdesk.changes import Changes
from accdesk.codes import PROJECT, format_code
from accdesk.errors import NotFound, ValidationError
from accdesk.models import (
    AgendaMark,
    Client,
    ClientService,
    Contact,
    Feedback,
    LoyaltyAction,
    Manager,
    Meeting,
    Project,
    ProjectStatus,
    Promise,
    PromiseStatus,
    Request,
    Service,
)
from accdesk.ops.deadlines import ClientTerms, clocks_for, load_rules
from accdesk.ops.inputs import MeetingCreate, validate
from accdesk.ops.settings import get_setting
from accdesk.planning.agenda import KINDS, AgendaItem, Block, DayPlan, plan_day
from accdesk.planning.greetings import greeting_dates, public_holidays
from accdesk.planning.upsell import RETRY_STATES, next_offer, offer_due
from accdesk.storage.db import Database
from accdesk.text import translate
from accdesk.types import utcnow, uuid_from_db

PROMISE_HORIZON = 3  # days ahead a promise's date appears on the agenda
DEADLINE_HORIZON = 2  # ... and a project's deadline
EFFECT_NAMESPACE = uuid.UUID("5b0d7a8e-3f52-4a53-9d5e-7c61d6a1c0de")


@dataclass(frozen=True)
class Agenda:
    manager_id: uuid.UUID
    manager: str
    day: date
    zone: str
    plan: DayPlan
    now: datetime  # the moment it was planned at

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


def agenda(db: Database, manager_id: uuid.UUID, day: date, now: datetime) -> Agenda:
    """The manager's plan for `day`; on a day that has not started, planned from its start."""
    with db.reading() as s:
        manager = s.get(Manager, manager_id)
        if manager is None:
            raise NotFound(translate("Agenda", "this manager no longer exists"))
        rules = load_rules(s)
        zone = ZoneInfo(rules.zone)
        clock = rules.clock()
        day_start = datetime.combine(day, time(), zone)
        working = clock.intervals(day_start, day_start + timedelta(days=1))
        minutes = {**get_setting(s, "agenda_minutes")}
        marks = {
            m.key: m
            for m in s.exec(
                select(AgendaMark).where(AgendaMark.manager_id == manager_id, AgendaMark.day == day)
            )
        }
        gather = _Gatherer(s, manager_id, day, zone, rules.workdays.country, minutes)
        items = [_marked(item, marks.get(item.key)) for item in gather.items()]
        # Ticking off can end what made an item due (a feedback request answers the
        # cadence): it stays on the day as done, under the title it had.
        shown = {item.key for item in items}
        items += [
            AgendaItem(key, key.split(":", 1)[0], str(mark.effect["title"]), "", 0, done=True)
            for key, mark in marks.items()
            if key not in shown and mark.done_at is not None and mark.effect
        ]
        blocks = _blocks(s, manager_id, day, zone, working)
    plan = plan_day(items, working, blocks, max(now, day_start))
    return Agenda(manager_id, manager.name, day, rules.zone, plan, now)


def _marked(item: AgendaItem, mark: AgendaMark | None) -> AgendaItem:
    if mark is None:
        return item
    return AgendaItem(
        key=item.key,
        kind=item.kind,
        title=item.title,
        detail=item.detail,
        minutes=mark.minutes if mark.minutes is not None else item.minutes,
        due=item.due,
        client_id=item.client_id,
        done=mark.done_at is not None,
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


class _Gatherer:
    """Reads what needs doing on one day for one manager's clients."""

    def __init__(
        self,
        s: Session,
        manager_id: uuid.UUID,
        day: date,
        zone: ZoneInfo,
        country: str,
        minutes: dict[str, int],
    ) -> None:
        self.s = s
        self.manager_id = manager_id
        self.day = day
        self.zone = zone
        self.country = country
        self.minutes = minutes
        # Plain columns, not ORM objects: a manager of the large agency has 200 projects,
        # and building entities was most of the agenda's time.
        self.projects = s.execute(
            sa_select(
                col(Project.id),
                col(Project.number),
                col(Project.name),
                col(Project.client_id),
                col(Project.deadline),
                col(Project.status),
            ).where(
                col(Project.manager_id) == manager_id,
                col(Project.status).in_(
                    (ProjectStatus.ACTIVE, ProjectStatus.PLANNED, ProjectStatus.PAUSED)
                ),
            )
        ).all()
        client_ids = {p.client_id for p in self.projects}
        self.clients = {
            c.id: c
            for c in s.execute(
                sa_select(col(Client.id), col(Client.name), col(Client.segment)).where(
                    col(Client.id).in_(client_ids), col(Client.deleted_at).is_(None)
                )
            )
        }

    def item(self, kind: str, key: str, title: str, detail: str, **extra: Any) -> AgendaItem:
        return AgendaItem(key, kind, title, detail, int(self.minutes.get(kind, 15)), **extra)

    def items(self) -> list[AgendaItem]:
        return [
            *self.requests(),
            *self.deadlines(),
            *self.promises(),
            *self.reactions(),
            *self.upsells(),
            *self.feedback_due(),
            *self.greetings(),
        ]

    def requests(self) -> list[AgendaItem]:
        end = datetime.combine(self.day + timedelta(days=1), time(), self.zone)
        rows = self.s.execute(
            sa_select(
                type_coerce(col(Request.id), String).label("id"),
                type_coerce(col(Request.client_id), String).label("client_id"),
                col(Request.text),
                col(Request.due_at),
                col(Client.name),
            )
            .join(Client, col(Client.id) == Request.client_id)
            .where(
                col(Request.manager_id) == self.manager_id,
                col(Request.first_response_at).is_(None),
                col(Request.received_at) < end,
            )
        ).all()
        return [
            self.item(
                "request",
                f"request:{uuid_from_db(r.id)}",
                translate("Agenda", "Answer {name}").format(name=r.name),
                r.text,
                due=r.due_at,
                client_id=uuid_from_db(r.client_id),
            )
            for r in rows
        ]

    def deadlines(self) -> list[AgendaItem]:
        until = self.day + timedelta(days=DEADLINE_HORIZON)
        out = []
        for p in self.projects:
            if p.deadline is not None and p.deadline <= until and p.status != ProjectStatus.PAUSED:
                client = self.clients.get(p.client_id)
                out.append(
                    self.item(
                        "deadline",
                        f"deadline:{p.id}:{p.deadline}",
                        translate("Agenda", "Deadline {code} {name}").format(
                            code=format_code(PROJECT, p.number), name=p.name
                        ),
                        f"{client.name if client else ''} · due {p.deadline:%d.%m}",
                        due=datetime.combine(p.deadline, time(23, 59), self.zone),
                        client_id=p.client_id,
                    )
                )
        return out

    def promises(self) -> list[AgendaItem]:
        until = self.day + timedelta(days=PROMISE_HORIZON)
        found = self.s.exec(
            select(Promise).where(
                col(Promise.client_id).in_(self.clients),
                Promise.status == PromiseStatus.OPEN,
                col(Promise.deleted_at).is_(None),
                col(Promise.due_on).is_not(None),
                col(Promise.due_on) <= until,
            )
        )
        return [
            self.item(
                "promise",
                f"promise:{p.id}",
                translate("Agenda", "Promise to {name}").format(
                    name=self.clients[p.client_id].name
                ),
                translate(
                    "Agenda", "{what} (promised by {promised_by}, due {due_on:%d.%m})"
                ).format(what=p.what, promised_by=p.promised_by, due_on=p.due_on),
                due=datetime.combine(p.due_on, time(23, 59), self.zone) if p.due_on else None,
                client_id=p.client_id,
            )
            for p in found
        ]

    def reactions(self) -> list[AgendaItem]:
        found = self.s.exec(
            select(Feedback).where(
                col(Feedback.client_id).in_(self.clients),
                Feedback.reaction == "",
                col(Feedback.deleted_at).is_(None),
                col(Feedback.received_on) <= self.day,
            )
        )
        return [
            self.item(
                "reaction",
                f"reaction:{f.id}",
                translate("Agenda", "React to {name}'s feedback").format(
                    name=self.clients[f.client_id].name
                ),
                f"NPS {f.score}: {f.comment}" if f.comment else f"NPS {f.score}",
                client_id=f.client_id,
            )
            for f in found
        ]

    def upsells(self) -> list[AgendaItem]:
        found = self.s.execute(
            sa_select(
                col(ClientService.id),
                col(ClientService.client_id),
                col(ClientService.state),
                col(ClientService.last_offer_on),
                col(ClientService.next_offer_on),
                col(Service.name),
            )
            .join(Service, col(Service.id) == ClientService.service_id)
            .where(
                col(ClientService.client_id).in_(self.clients),
                col(ClientService.state).in_(RETRY_STATES),
            )
        ).all()
        return [
            self.item(
                "upsell",
                f"upsell:{cs.id}",
                translate("Agenda", "Offer {name} to {name2}").format(
                    name=cs.name, name2=self.clients[cs.client_id].name
                ),
                translate("Agenda", "First offer")
                if cs.last_offer_on is None
                else translate("Agenda", "Last offered {last_offer_on:%d.%m.%Y}").format(
                    last_offer_on=cs.last_offer_on
                ),
                client_id=cs.client_id,
            )
            for cs in found
            if offer_due(cs.state, cs.next_offer_on, self.day)
        ]

    def feedback_due(self) -> list[AgendaItem]:
        """Clients not asked for feedback (nor giving it) within the agency's cadence."""
        cadence = timedelta(days=int(get_setting(self.s, "feedback_cadence_days")))
        last: dict[uuid.UUID, date] = {}
        for client_id, received in self.s.exec(
            select(col(Feedback.client_id), col(Feedback.received_on)).where(
                col(Feedback.client_id).in_(self.clients), col(Feedback.deleted_at).is_(None)
            )
        ):
            last[client_id] = max(received, last.get(client_id, received))
        for client_id, done in self.s.exec(
            select(col(LoyaltyAction.client_id), col(LoyaltyAction.done_on)).where(
                col(LoyaltyAction.client_id).in_(self.clients),
                LoyaltyAction.practice == "feedback",
                col(LoyaltyAction.done_on).is_not(None),
                col(LoyaltyAction.deleted_at).is_(None),
            )
        ):
            if done is not None:
                last[client_id] = max(done, last.get(client_id, done))
        return [
            self.item(
                "feedback",
                f"feedback:{client.id}",
                translate("Agenda", "Ask {name} for feedback").format(name=client.name),
                translate("Agenda", "Last heard {value:%d.%m.%Y}").format(value=last[client.id])
                if client.id in last
                else translate("Agenda", "Never asked"),
                client_id=client.id,
            )
            for client in self.clients.values()
            if client.id not in last or last[client.id] + cadence <= self.day
        ]

    def greetings(self) -> list[AgendaItem]:
        public = public_holidays(self.country, self.day.year)
        contacts: dict[uuid.UUID, list[tuple[str, date]]] = {}
        for c in self.s.exec(
            select(Contact).where(
                col(Contact.client_id).in_(self.clients),
                col(Contact.birthday).is_not(None),
                col(Contact.deleted_at).is_(None),
            )
        ):
            assert c.birthday is not None
            contacts.setdefault(c.client_id, []).append((c.name, c.birthday))
        out = []
        for client in self.clients.values():
            for g in greeting_dates(
                self.day,
                days=0,
                birthdays=contacts.get(client.id, ()),
                segment=client.segment or "",
                public=public,
            ):
                out.append(
                    self.item(
                        "greeting",
                        f"greeting:{client.id}:{g.occasion}",
                        translate("Agenda", "Greet {name}").format(name=client.name),
                        g.occasion,
                        client_id=client.id,
                    )
                )
        return out


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


def _mark(s: Session, manager_id: uuid.UUID, day: date, key: str) -> AgendaMark:
    if key.split(":", 1)[0] not in KINDS:
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
        cell = s.get(ClientService, target)
        if cell is None:
            return {}
        before = {
            "state": cell.state,
            "last_offer_on": cell.last_offer_on.isoformat() if cell.last_offer_on else None,
            "next_offer_on": cell.next_offer_on.isoformat() if cell.next_offer_on else None,
        }
        cadence = int(get_setting(s, "upsell_cadence_days"))
        cell.state = "offered"
        cell.last_offer_on = day
        cell.next_offer_on = next_offer("offered", day, cadence)
        return {"upsell": str(target), "before": before}
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
    if "upsell" in effect:
        cell = s.get(ClientService, uuid.UUID(effect["upsell"]))
        if cell is not None:
            before = effect["before"]
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
    """The plans of the working week `day` falls in, Monday to Sunday."""
    monday = day - timedelta(days=day.weekday())
    return [agenda(db, manager_id, monday + timedelta(days=n), now) for n in range(7)]


def to_ics(agendas: list[Agenda], now: datetime) -> bytes:
    """An iCalendar file of planned items and meetings; an item that several days would plan
    (a request still waiting) is exported on the first of them only."""
    cal = ICalendar()
    cal.add("prodid", "-//accdesk//agenda//EN")
    cal.add("version", "2.0")
    seen: set[str] = set()
    for day_plan in agendas:
        for planned in day_plan.plan.planned:
            if planned.item.key in seen:
                continue
            seen.add(planned.item.key)
            cal.add_component(
                _event(
                    f"{planned.item.key}@accdesk",
                    planned.item.title,
                    planned.item.detail,
                    planned.start,
                    planned.end,
                    now,
                )
            )
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
    return [(mid, name) for mid, name in rows]
