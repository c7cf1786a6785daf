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
from accdesk.ops.settings import get_setting
from accdesk.planning.agenda import AgendaItem
from accdesk.planning.greetings import greeting_dates, public_holidays
from accdesk.planning.upsell import RETRY_STATES, offer_due
from accdesk.text import translate
from accdesk.types import uuid_from_db

PROMISE_HORIZON = 3  # days ahead a promise's date appears on the agenda
DEADLINE_HORIZON = 2  # ... and a project's deadline


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
