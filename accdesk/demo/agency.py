"""A deterministic, realistic demo agency at two sizes.

Everything comes from one `random.Random(seed)` and a fixed "now", so the same seed and the
same moment give the same rows (ids included). Rows are inserted with Core bulk inserts in a
single transaction: the large agency (200,000 requests) builds in seconds, and an
interrupted build leaves nothing behind.
"""

# long: one random stream, read in a fixed order through every table, makes the agency

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select

from accdesk import models as m
from accdesk.briefs.content import to_json
from accdesk.briefs.schema import Templates
from accdesk.changes import Changes, Kind
from accdesk.demo.briefs import NEWSLETTER_TITLE, demo_content
from accdesk.demo.english import ENGLISH
from accdesk.demo.names import (
    BRANDS,
    BRIEF_TEMPLATES,
    BRIEF_TITLES,
    CLIENT_ZONES,
    FIRST_NAMES,
    HANDOVER_REASONS,
    LAST_NAMES_F,
    LAST_NAMES_M,
    MANAGER_NAMES,
    MEETING_TITLES,
    PROJECT_NAMES,
    PROMISES,
    REQUEST_TEXTS,
    SEGMENTS,
    SERVICES,
)
from accdesk.errors import AccdeskError
from accdesk.facts import LOYALTY_PRACTICES
from accdesk.ops.deadlines import ClientTerms, Clocks, week_from_setting
from accdesk.ops.settings import DEFAULTS
from accdesk.planning.business import CalendarRules
from accdesk.planning.workdays import WorkdayCalendar
from accdesk.storage.db import Database
from accdesk.types import utcnow


@dataclass(frozen=True)
class Scale:
    managers: int
    clients: int
    projects: int
    requests: int
    briefs: int


SCALES = {
    "demo": Scale(managers=6, clients=40, projects=120, requests=400, briefs=30),
    "large": Scale(managers=50, clients=2000, projects=10_000, requests=200_000, briefs=20_000),
}

# Projects are sold mostly in the first five services; the rest exist for up-sell.
PROJECT_SERVICES = ("seo", "ppc", "smm", "web", "support")


LEGAL_FORMS = ("ООО", "АО", "ИП")
CHANNELS = ("email", "telegram", "phone", "whatsapp", "slack")
KPIS = tuple(k.value for k in m.KpiFocus)


# Agreed first-response times (minutes; None = next business day) weighted like the survey.
SLA_CHOICES = ((15, 15), (60, 55), (180, 19), (360, 6), (None, 5))

SALES_PEOPLE = ("Антон (отдел продаж)", "Виктор, коммерческий директор", "Наталья (продажи)")


AGENCY_TZ = ZoneInfo("Europe/Moscow")
WORKING_DAY = 9 * 60  # minutes in the agency's default working day


SLA_CLOCKS = (m.SlaCalendar.AGENCY,) * 5 + (m.SlaCalendar.CLIENT, m.SlaCalendar.OVERLAP)


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _row(rng: random.Random, now: datetime, **values: Any) -> dict[str, Any]:
    return {"id": _uuid(rng), "created_at": now, "updated_at": now, "version": 1, **values}


def _person(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(FIRST_NAMES[:8])} {rng.choice(LAST_NAMES_F)}"
    return f"{rng.choice(FIRST_NAMES[8:])} {rng.choice(LAST_NAMES_M)}"


def _phone(rng: random.Random) -> str:
    a, b, c, d = (
        rng.randint(10, 99),
        rng.randint(100, 999),
        rng.randint(10, 99),
        rng.randint(10, 99),
    )
    return f"+7 9{a} {b}-{c}-{d}"


def _weekday(day: date) -> date:
    """The day itself, or the Monday after a weekend: demo deadlines fall on working days."""
    return day + timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def _weighted_sla(rng: random.Random) -> int | None:
    values = [v for v, _ in SLA_CHOICES]
    return rng.choices(values, weights=[w for _, w in SLA_CHOICES])[0]


def _response_delay(rng: random.Random, sla: int | None) -> int:
    """A first-response delay in working minutes; most answers land inside the agreed time."""
    target = sla if sla is not None else WORKING_DAY
    if rng.random() < 0.85:
        return rng.randint(1, max(1, target))
    return rng.randint(target + 1, target * 3 + 30)


class _Builder:
    def __init__(self, scale: Scale, seed: int, now: datetime) -> None:
        self.s = scale
        self.rng = random.Random(seed)
        self.now = now
        self.today = now.astimezone(AGENCY_TZ).date()
        # The default calendar of a new database: deadlines come out as the app computes them.
        self.clocks = Clocks(
            CalendarRules(
                str(DEFAULTS["agency_timezone"]),
                week_from_setting(DEFAULTS["work_week"]),
                WorkdayCalendar(str(DEFAULTS["holiday_country"])),
                {},
            )
        )
        self.tables: dict[type[m.Entity], list[dict[str, Any]]] = {}
        self.project_service: dict[uuid.UUID, str] = {}
        self.started: dict[uuid.UUID, dict[str, Any]] = {}  # project -> its first assignment

    def add(self, model: type[m.Entity], **values: Any) -> dict[str, Any]:
        row = _row(self.rng, self.now, **values)
        self.tables.setdefault(model, []).append(row)
        return row

    def build(self) -> dict[type[m.Entity], list[dict[str, Any]]]:
        services = {
            key: self.add(m.Service, key=key, name=name, position=i)
            for i, (key, name) in enumerate(SERVICES)
        }
        managers = list(self._managers(services))
        clients = list(self._clients())
        projects = list(self._projects(clients, managers, services))
        self._upsell_matrix(clients, projects, services)
        self._requests(clients, projects)
        self._briefs(projects)
        self._relationship(clients, managers)
        self._handovers(clients, managers)
        self._meetings(managers)
        self.add(m.Setting, key="currency", value="RUB")
        self.add(m.Setting, key="agency_timezone", value="Europe/Moscow")
        # The agency's own fixed block, named as the team calls it.
        self.add(
            m.Setting,
            key="daily_blocks",
            value=[{"title": "Планёрка", "start": 600, "minutes": 15}],
        )
        return self.tables

    def _managers(self, services: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
        rng = self.rng
        for i in range(self.s.managers):
            lead = i == 0
            name = MANAGER_NAMES[i] if i < len(MANAGER_NAMES) else f"{_person(rng)} ({i + 1})"
            row = self.add(
                m.Manager,
                name=name,
                email=f"manager{i + 1}@agency.example",
                role=m.Role.TEAM_LEAD if lead else m.Role.MANAGER,
                capacity_hours=20.0 if lead else rng.choice((32.0, 40.0, 40.0)),
                login=f"am{i + 1:02d}",
                active=True,
            )
            # Each manager has a background: one or two strong services, some weak ones.
            strong = set(rng.sample(PROJECT_SERVICES, 2))
            for key, service in services.items():
                if key in strong:
                    level = rng.randint(4, 5)
                elif key in PROJECT_SERVICES:
                    level = rng.randint(2, 4)
                else:
                    level = rng.randint(0, 3)
                self.add(
                    m.ManagerSkill, manager_id=row["id"], service_id=service["id"], level=level
                )
            yield row

    def _clients(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        for i in range(self.s.clients):
            brand = BRANDS[i % len(BRANDS)]
            name = brand if i < len(BRANDS) else f"{brand} {i // len(BRANDS) + 1}"
            zone = CLIENT_ZONES[i % len(CLIENT_ZONES)]
            sla = _weighted_sla(rng)
            client = self.add(
                m.Client,
                number=i + 1,
                name=name,
                legal_name=f"{rng.choice(LEGAL_FORMS)} «{name}»",
                segment=rng.choice(SEGMENTS),
                monthly_budget=rng.randrange(60_000, 1_500_000, 10_000) * 100,
                preferred_channel=rng.choice(CHANNELS),
                kpi_focus=rng.choice(KPIS),
                timezone=zone,
                work_start_minute=9 * 60 if rng.random() < 0.3 else 10 * 60,
                work_end_minute=18 * 60 if rng.random() < 0.3 else 19 * 60,
                response_mode=m.ResponseMode.MINUTES if sla else m.ResponseMode.NEXT_BUSINESS_DAY,
                response_minutes=sla,
                # A few clients agreed that the clock runs in their own hours or in ours and
                # theirs together.
                sla_calendar=SLA_CLOCKS[i % len(SLA_CLOCKS)],
                keep_manager=rng.random() < 0.1,
                notes="",
                deleted_at=None,
            )
            for c in range(rng.randint(1, 3)):
                person = _person(rng)
                birthday = date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
                self.add(
                    m.Contact,
                    client_id=client["id"],
                    name=person,
                    role=("Директор по маркетингу", "Владелец", "Менеджер проекта")[c],
                    email=f"contact{i + 1}.{c + 1}@client.example",
                    phone=_phone(rng),
                    messenger=f"@client{i + 1}_{c + 1}",
                    birthday=birthday,
                    is_primary=c == 0,
                    deleted_at=None,
                )
            yield client

    def _projects(
        self,
        clients: list[dict[str, Any]],
        managers: list[dict[str, Any]],
        services: dict[str, dict[str, Any]],
    ) -> Iterator[dict[str, Any]]:
        rng = self.rng
        positions = {mgr["id"]: 0 for mgr in managers}
        # A client stays with one manager for most of its projects: continuity.
        client_manager = {c["id"]: managers[i % len(managers)]["id"] for i, c in enumerate(clients)}
        statuses = (m.ProjectStatus.ACTIVE,) * 7 + (
            m.ProjectStatus.PLANNED,
            m.ProjectStatus.PAUSED,
            m.ProjectStatus.DONE,
        )
        for i in range(self.s.projects):
            client = clients[i % len(clients)]
            key = PROJECT_SERVICES[rng.randrange(len(PROJECT_SERVICES))]
            manager_id = client_manager[client["id"]]
            if rng.random() < 0.1:
                manager_id = rng.choice(managers)["id"]
            positions[manager_id] += 1
            status = rng.choice(statuses)
            deadline = (
                None if key == "support" else self.today + timedelta(days=rng.randint(-5, 75))
            )
            project = self.add(
                m.Project,
                number=i + 1,
                name=rng.choice(PROJECT_NAMES[key]),
                client_id=client["id"],
                service_id=services[key]["id"],
                manager_id=manager_id,
                status=status,
                deadline=deadline,
                weekly_effort_hours=float(rng.choice((1, 2, 2, 3, 4, 4, 6, 8))),
                queue_position=positions[manager_id],
                pinned=rng.random() < 0.05,
                last_touched_at=self.now - timedelta(hours=rng.randint(1, 24 * 20)),
                deleted_at=None,
            )
            self.project_service[project["id"]] = key
            self.started[project["id"]] = self.add(
                m.Assignment,
                project_id=project["id"],
                manager_id=manager_id,
                previous_manager_id=None,
                assigned_at=self.now - timedelta(days=rng.randint(30, 700)),
                reason="Project started",
            )
            yield project

    def _upsell_matrix(
        self,
        clients: list[dict[str, Any]],
        projects: list[dict[str, Any]],
        services: dict[str, dict[str, Any]],
    ) -> None:
        rng = self.rng
        active: dict[uuid.UUID, set[str]] = {}
        for p in projects:
            active.setdefault(p["client_id"], set()).add(self.project_service[p["id"]])
        helpers = tuple(h.value for h in m.UpsellHelper)
        for client in clients:
            for key, service in services.items():
                if key in active.get(client["id"], set()):
                    state, value = m.OfferState.ACTIVE, rng.randrange(30_000, 400_000, 5_000) * 100
                else:
                    state = rng.choice(
                        (
                            m.OfferState.NONE,
                            m.OfferState.NONE,
                            m.OfferState.PROSPECT,
                            m.OfferState.OFFERED,
                            m.OfferState.DECLINED,
                        )
                    )
                    value = 0
                last = (
                    self.today - timedelta(days=rng.randint(10, 200))
                    if state != m.OfferState.NONE
                    else None
                )
                self.add(
                    m.ClientService,
                    client_id=client["id"],
                    service_id=service["id"],
                    state=state,
                    monthly_value=value,
                    last_offer_on=last,
                    next_offer_on=last + timedelta(days=90) if last else None,
                    helper=rng.choice(helpers) if state != m.OfferState.NONE else None,
                )

    def _requests(self, clients: list[dict[str, Any]], projects: list[dict[str, Any]]) -> None:
        rng = self.rng
        by_client: dict[uuid.UUID, list[dict[str, Any]]] = {}
        for p in projects:
            by_client.setdefault(p["client_id"], []).append(p)
        day_start = self.now.astimezone(AGENCY_TZ).replace(hour=10, minute=0, second=0)
        agency = self.clocks.agency
        for i in range(self.s.requests):
            client = clients[rng.randrange(len(clients))]
            project = rng.choice(by_client[client["id"]]) if client["id"] in by_client else None
            sla = client["response_minutes"]
            terms = ClientTerms(
                client["timezone"],
                client["work_start_minute"],
                client["work_end_minute"],
                client["response_mode"],
                sla,
                client["sla_calendar"],
            )
            # The newest few requests arrived this morning and are still waiting for an answer.
            fresh = i >= self.s.requests - max(8, self.s.requests // 50)
            if fresh:
                received = min(self.now, day_start + timedelta(minutes=rng.randint(0, 240)))
            else:
                # Some time in the last month, moved to the next working minute.
                earlier = self.now - timedelta(days=rng.uniform(1, 30))
                received = min(self.now, agency.add(earlier, 1) - timedelta(minutes=1))
            due = self.clocks.due(terms, received)
            answered = (
                None if fresh else self.clocks.of(terms).add(received, _response_delay(rng, sla))
            )
            if answered is not None and answered > self.now:
                answered = None  # not answered yet, as it would be today
            self.add(
                m.Request,
                client_id=client["id"],
                project_id=project["id"] if project else None,
                manager_id=project["manager_id"] if project else None,
                channel=client["preferred_channel"],
                text=rng.choice(REQUEST_TEXTS),
                received_at=received,
                due_at=due,
                first_response_at=answered,
                waited_minutes=(
                    self.clocks.waited(terms, received, answered) if answered else None
                ),
                resolved_at=answered + timedelta(hours=rng.randint(1, 48)) if answered else None,
            )
        # Numbered as they arrived, as the app numbers them (R-0001 the oldest).
        arrived = sorted(self.tables[m.Request], key=lambda r: (r["received_at"], str(r["id"])))
        for number, row in enumerate(arrived, start=1):
            row["number"] = number

    def _briefs(self, projects: list[dict[str, Any]]) -> None:
        rng = self.rng
        audiences = (
            m.Audience.PROJECT_MANAGER,
            m.Audience.UX_DESIGNER,
            m.Audience.DEVELOPER,
            m.Audience.QA,
            m.Audience.DESIGNER,
            m.Audience.COPYWRITER,
        )
        # Briefs go to the projects at the top of each queue first: where a manager looks.
        by_position = sorted(projects, key=lambda p: (p["queue_position"], p["number"]))
        templates = Templates.of()
        for i in range(self.s.briefs):
            project = by_position[i % len(by_position)]
            level = i % 10 + 1
            service = self.project_service[project["id"]]
            title = BRIEF_TITLES[service][i % len(BRIEF_TITLES[service])]
            status = rng.choice((m.BriefStatus.DRAFT, m.BriefStatus.SENT, m.BriefStatus.ACCEPTED))
            content = demo_content(
                templates,
                "web_form" if title == NEWSLETTER_TITLE else BRIEF_TEMPLATES[service],
                title,
                level,
                rng.choice(audiences),
                _weekday(self.today + timedelta(days=rng.randint(2, 20))),
                float(rng.randint(2, 24)),
            )
            stored = to_json(content)
            brief = self.add(
                m.Brief,
                number=i + 1,
                project_id=project["id"],
                title=title,
                body="",
                level=level,
                audience=content.audience,
                template=content.template,
                sections={
                    k: v for k, v in stored["values"].items() if k not in ("deadline", "estimate")
                },
                status=status,
                estimate_hours=content.values.get("estimate"),
                deadline=content.values.get("deadline"),
                sent_at=self.now - timedelta(days=2) if status != m.BriefStatus.DRAFT else None,
                accepted_at=self.now - timedelta(days=1)
                if status == m.BriefStatus.ACCEPTED
                else None,
                deleted_at=None,
            )
            self.add(
                m.BriefRevision,
                brief_id=brief["id"],
                revision=1,
                title=title,
                body="",
                level=level,
                sections=stored,
            )

    def _relationship(self, clients: list[dict[str, Any]], managers: list[dict[str, Any]]) -> None:
        rng = self.rng
        # Practices as common in the demo as among the surveyed agencies.
        practices = [p.key for p in LOYALTY_PRACTICES]
        shares = [p.share for p in LOYALTY_PRACTICES]
        for i, client in enumerate(clients):
            if i % 3 == 0:
                what, feasibility = rng.choice(PROMISES)
                promised_on = self.today - timedelta(days=rng.randint(5, 120))
                self.add(
                    m.Promise,
                    client_id=client["id"],
                    project_id=None,
                    what=what,
                    promised_by=rng.choice(SALES_PEOPLE),
                    promised_on=promised_on,
                    due_on=promised_on + timedelta(days=rng.randint(14, 90)),
                    feasibility=feasibility,
                    status=rng.choice(
                        (
                            m.PromiseStatus.OPEN,
                            m.PromiseStatus.OPEN,
                            m.PromiseStatus.KEPT,
                            m.PromiseStatus.RENEGOTIATED,
                        )
                    ),
                    note="",
                )
            for _ in range(rng.randint(0, 2)):
                self.add(
                    m.LoyaltyAction,
                    client_id=client["id"],
                    practice=rng.choices(practices, weights=shares)[0],
                    done_on=self.today - timedelta(days=rng.randint(1, 180)),
                    planned_on=None,
                    note="",
                    manager_id=rng.choice(managers)["id"],
                )
            for q in range(rng.randint(1, 4)):
                score = rng.choices(range(11), weights=(1, 1, 1, 1, 2, 3, 4, 8, 12, 12, 10))[0]
                received = self.today - timedelta(days=90 * q + rng.randint(0, 30))
                # Older feedback has long been answered; only the newest may still wait.
                reacted = q > 0 or score >= 9 or rng.random() < 0.6
                self.add(
                    m.Feedback,
                    client_id=client["id"],
                    score=score,
                    comment="Всё устраивает"
                    if score >= 9
                    else "Хотим больше лидов и быстрее ответы",
                    received_on=received,
                    reaction="Созвон с клиентом, план улучшений" if reacted else "",
                    reacted_on=received + timedelta(days=2) if reacted else None,
                )

    def _handovers(self, clients: list[dict[str, Any]], managers: list[dict[str, Any]]) -> None:
        """Some clients changed hands in the last year, one in twelve three times over: the
        continuity the card warns about. Drawn last, so the rest of the agency stays as it is
        for a given seed."""
        rng = self.rng
        first_project: dict[uuid.UUID, uuid.UUID] = {}
        for project in self.tables[m.Project]:
            first_project.setdefault(project["client_id"], project["id"])
        for i, client in enumerate(clients):
            if i % 4 or client["id"] not in first_project:
                continue
            started = self.started[first_project[client["id"]]]
            current = started["manager_id"]
            others = [x["id"] for x in managers if x["id"] != current]
            earlier = rng.sample(others, 2 if i % 12 == 0 else 1)
            chain = [*earlier, current]
            days_ago = sorted(rng.sample(range(20, 330), len(chain)), reverse=True)
            started.update(
                manager_id=chain[0],
                assigned_at=self.now - timedelta(days=days_ago[0]),
            )
            for before, after, ago in zip(chain, chain[1:], days_ago[1:], strict=False):
                self.add(
                    m.Assignment,
                    project_id=started["project_id"],
                    manager_id=after,
                    previous_manager_id=before,
                    assigned_at=self.now - timedelta(days=ago),
                    reason=rng.choice(HANDOVER_REASONS),
                )

    def _meetings(self, managers: list[dict[str, Any]]) -> None:
        """A client call in each manager's afternoon, today and tomorrow: the agenda plans
        around them."""
        rng = self.rng
        first = _weekday(self.today)
        for day in (first, _weekday(first + timedelta(days=1))):
            for manager in managers:
                hour = rng.choice((13, 15, 16))
                self.add(
                    m.Meeting,
                    manager_id=manager["id"],
                    starts_at=datetime.combine(day, time(hour), AGENCY_TZ).astimezone(UTC),
                    minutes=rng.choice((30, 45, 60)),
                    title=rng.choice(MEETING_TITLES),
                    deleted_at=None,
                )


# Parents before children, so foreign keys hold at every insert.
INSERT_ORDER: tuple[type[m.Entity], ...] = (
    m.Service,
    m.Manager,
    m.ManagerSkill,
    m.Client,
    m.Contact,
    m.Project,
    m.Assignment,
    m.ClientService,
    m.Request,
    m.Brief,
    m.BriefRevision,
    m.Promise,
    m.LoyaltyAction,
    m.Feedback,
    m.Setting,
    m.Meeting,
)


LANGUAGES = ("ru", "en")
# Longest first, so that a surname is replaced whole before the first name inside it.
_RUSSIAN = re.compile("|".join(re.escape(p) for p in sorted(ENGLISH, key=len, reverse=True)))
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _in_english(value: Any) -> Any:
    """A stored value with every Russian phrase of the demo replaced by its English."""
    if isinstance(value, str):
        if not _CYRILLIC.search(value):
            return value
        exact = ENGLISH.get(value)
        if exact is not None:
            return exact
        # English quotes, too: the generator writes «Колос» in legal names.
        found = _RUSSIAN.sub(lambda m: ENGLISH[m.group(0)], value)
        return found.replace("«", "“").replace("»", "”")
    if isinstance(value, dict):
        return {k: _in_english(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_in_english(v) for v in value]
    return value


def create_demo(
    db: Database,
    *,
    scale: str = "demo",
    seed: int = 1,
    now: datetime | None = None,
    lang: str = "ru",
) -> Changes:
    """Fill an empty database with the demo agency; refuses one that already has clients."""
    if scale not in SCALES:
        raise AccdeskError(f"unknown scale {scale!r}; choose one of: {', '.join(SCALES)}")
    if lang not in LANGUAGES:
        raise AccdeskError(f"unknown language {lang!r}; choose one of: {', '.join(LANGUAGES)}")
    moment = now or utcnow()
    tables = _Builder(SCALES[scale], seed, moment).build()
    if lang == "en":
        tables = {model: [_in_english(row) for row in rows] for model, rows in tables.items()}
    with db.transaction() as s:
        if s.execute(select(func.count()).select_from(m.Client)).scalar_one():
            raise AccdeskError(
                f"{db.location} already holds an agency; demo data goes into an empty database"
            )
        con = s.connection()
        for model in INSERT_ORDER:
            if rows := tables.get(model):
                con.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]
    return Changes.everything(Kind.of(model) for model in INSERT_ORDER)
