"""What needs doing on a manager's day, gathered from the data: answers owed, deadlines and
promises coming up, feedback without a reaction, up-sell offers due, feedback to ask for,
greetings."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import String, type_coerce
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from accdesk.codes import PROJECT, format_code
from accdesk.models import (
    Client,
    ClientService,
    Contact,
    Feedback,
    LoyaltyAction,
    Project,
    ProjectStatus,
    Promise,
    PromiseStatus,
    Request,
    Service,
)
from accdesk.ops.queue import client_signals_query
from accdesk.ops.settings import get_setting
from accdesk.planning.agenda import AgendaItem
from accdesk.planning.greetings import greeting_dates, public_holidays
from accdesk.planning.priority import Health, health
from accdesk.planning.upsell import client_resting, offer_due
from accdesk.text import translate
from accdesk.types import uuid_from_db

PROMISE_HORIZON = 3  # days ahead a promise's date appears on the agenda


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
                col(Project.weekly_effort_hours),
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
                sa_select(
                    col(Client.id),
                    col(Client.name),
                    col(Client.segment),
                    col(Client.monthly_budget),
                ).where(col(Client.id).in_(client_ids), col(Client.deleted_at).is_(None))
            )
        }
        self.at_risk = self._at_risk(client_ids)

    def _at_risk(self, client_ids: set[uuid.UUID]) -> set[uuid.UUID]:
        """Clients whose relationship is at risk (a detractor's score, feedback nobody
        answered, a promise in trouble): the queue's health, read the same way."""
        rows = self.s.execute(client_signals_query(client_ids)).all()
        signals: dict[Any, tuple[int | None, int, int]] = {}
        for client, nps, unreacted, risky in rows:
            was = signals.get(client, (None, 0, 0))
            signals[client] = (
                nps if nps is not None else was[0],
                was[1] + unreacted,
                was[2] + risky,
            )
        return {
            uuid_from_db(client)
            for client, (nps, unreacted, risky) in signals.items()
            if health(nps, int(unreacted or 0), int(risky or 0)) is Health.AT_RISK
        }

    def item(self, kind: str, key: str, title: str, detail: str, **extra: Any) -> AgendaItem:
        extra.setdefault("minutes", int(self.minutes.get(kind, 15)))
        return AgendaItem(key, kind, title, detail, **extra)

    def value(self, client_id: uuid.UUID) -> int:
        client = self.clients.get(client_id)
        return int(client.monthly_budget) if client is not None else 0

    def items(self) -> list[AgendaItem]:
        due_soon = self.due_this_week()
        return [
            *self.requests(),
            *self.deadlines(due_soon),
            *self.project_time(due_soon),
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

    def due_this_week(self) -> list[Any]:
        """Projects at work whose deadline is this week or already passed."""
        sunday = self.day + timedelta(days=6 - self.day.weekday())
        return [
            p
            for p in self.projects
            if p.deadline is not None and p.deadline <= sunday and p.status != ProjectStatus.PAUSED
        ]

    def deadlines(self, due: list[Any]) -> list[AgendaItem]:
        """A block for each project due this week, sized from its weekly effort: a day's
        share of it, half an hour to three hours."""
        out = []
        for p in due:
            client = self.clients.get(p.client_id)
            out.append(
                self.item(
                    "deadline",
                    f"deadline:{p.id}:{p.deadline}",
                    translate("Agenda", "Work towards the deadline: {code} {name}").format(
                        code=format_code(PROJECT, p.number), name=p.name
                    ),
                    translate("Agenda", "{client} · due {day:%d.%m}").format(
                        client=client.name if client else "", day=p.deadline
                    ),
                    due=datetime.combine(p.deadline, time(23, 59), self.zone),
                    client_id=p.client_id,
                    minutes=_share(p.weekly_effort_hours, 30, 180),
                )
            )
        return out

    def project_time(self, due: list[Any]) -> list[AgendaItem]:
        """The day's share of the other projects' weekly effort, as one item of time."""
        others = [
            p
            for p in self.projects
            if p.status == ProjectStatus.ACTIVE and p not in due and p.weekly_effort_hours
        ]
        minutes = sum(_share(p.weekly_effort_hours, 0, 600) for p in others)
        if minutes < 15:
            return []
        hours = sum(p.weekly_effort_hours for p in others)
        return [
            self.item(
                "work",
                f"work:{self.manager_id}",
                translate("Agenda", "Work on the projects"),
                translate("Agenda", "{count} projects, {hours:g} h a week").format(
                    count=len(others), hours=round(hours, 1)
                ),
                minutes=minutes,
            )
        ]

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
        """One call per client whose offers are due, naming them all; a client offered
        anything within the agency's cadence is not pitched again yet."""
        cadence = timedelta(days=int(get_setting(self.s, "upsell_cadence_days")))
        due: dict[uuid.UUID, list[str]] = {}
        last: dict[uuid.UUID, date] = {}
        for cs in self.s.execute(
            sa_select(
                col(ClientService.client_id),
                col(ClientService.state),
                col(ClientService.last_offer_on),
                col(ClientService.next_offer_on),
                col(Service.name),
            )
            .join(Service, col(Service.id) == ClientService.service_id)
            .where(col(ClientService.client_id).in_(self.clients))
            .order_by(col(Service.position))
        ).all():
            if cs.last_offer_on is not None:
                last[cs.client_id] = max(cs.last_offer_on, last.get(cs.client_id, cs.last_offer_on))
            if offer_due(cs.state, cs.next_offer_on, self.day):
                due.setdefault(cs.client_id, []).append(cs.name)
        out = []
        for client_id, services in due.items():
            offered = last.get(client_id)
            if client_resting([offered], self.day, cadence.days):
                continue
            out.append(
                self.item(
                    "upsell",
                    f"upsell:{client_id}",
                    translate("Agenda", "Offer {client}: {services}").format(
                        client=self.clients[client_id].name, services=", ".join(services)
                    ),
                    translate("Agenda", "First offer")
                    if offered is None
                    else translate("Agenda", "Last offered {last_offer_on:%d.%m.%Y}").format(
                        last_offer_on=offered
                    ),
                    client_id=client_id,
                    value=self.value(client_id),
                    at_risk=client_id in self.at_risk,
                )
            )
        return out

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
                value=self.value(client.id),
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
                        value=self.value(client.id),
                    )
                )
        return out


def _share(weekly_hours: float, least: int, most: int) -> int:
    """A working day's share of weekly hours, in minutes on the five-minute grid."""
    minutes = round(weekly_hours * 60 / 5 / 5) * 5
    return min(max(minutes, least), most)
