"""The stored data of an agency: SQLModel tables.

Table models skip pydantic validation (sqlmodel #453), so nothing outside `accdesk/ops`
constructs them from user input: operations validate through the non-table models in
`accdesk/ops/inputs.py` first. Enumerated values are stored as short strings, not database
enums, so that adding a status is a code change and not a migration on two engines.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint, text
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from accdesk.types import UTCDateTime, utcnow

OPEN_REQUEST = "first_response_at IS NULL"
"""The condition of the partial index of waiting requests, the same text in migrations."""


class Role(StrEnum):
    MANAGER = "manager"
    TEAM_LEAD = "team_lead"


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"
    ARCHIVED = "archived"


class ResponseMode(StrEnum):
    """How a client's agreed first-response time is counted."""

    MINUTES = "minutes"
    NEXT_BUSINESS_DAY = "next_business_day"


class SlaCalendar(StrEnum):
    """Whose working hours the response clock runs in."""

    AGENCY = "agency"
    CLIENT = "client"
    OVERLAP = "overlap"


class KpiFocus(StrEnum):
    POSITIONS = "positions"
    TRAFFIC = "traffic"
    LEADS = "leads"
    ORDERS = "orders"
    REVENUE = "revenue"


class OfferState(StrEnum):
    ACTIVE = "active"
    PROSPECT = "prospect"
    OFFERED = "offered"
    DECLINED = "declined"
    NONE = "none"


class UpsellHelper(StrEnum):
    """Who helps an up-sell along: the roles of the agency-heads survey."""

    MANAGER = "manager"
    DEPARTMENT_HEAD = "department_head"
    COMPANY_HEAD = "company_head"
    SALESPERSON = "salesperson"


class Feasibility(StrEnum):
    REALISTIC = "realistic"
    DOUBTFUL = "doubtful"
    UNREALISTIC = "unrealistic"


class PromiseStatus(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    RENEGOTIATED = "renegotiated"


class BriefStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"


class Audience(StrEnum):
    PROJECT_MANAGER = "project_manager"
    UX_DESIGNER = "ux_designer"
    DEVELOPER = "developer"
    QA = "qa"
    SEO = "seo"
    PPC = "ppc"
    SMM = "smm"
    DESIGNER = "designer"
    COPYWRITER = "copywriter"


class DayKind(StrEnum):
    """An agency's override of its regular working week for one date."""

    DAY_OFF = "day_off"
    WORKING = "working"
    SHORT = "short"


def _choice(
    kind: type[StrEnum], default: StrEnum | None, max_length: int, index: bool = False
) -> Any:
    """A short string that must be one of `kind`'s values; the column carries its enumeration
    so that every row written by any path (an archive, a copy) is checked the same way."""
    return Field(
        default=default,
        max_length=max_length,
        index=index,
        sa_column_kwargs={"info": {"choices": kind}},
    )


def _utc_column(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


class Entity(SQLModel):
    """Identity and bookkeeping every stored row shares.

    UUID keys let two databases be merged or synced without id clashes; `version` is the
    optimistic lock: SQLAlchemy adds `WHERE version = :seen` to every UPDATE, so a write based
    on a stale read fails loudly instead of overwriting someone else's edit.
    """

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    version: int = Field(default=1, nullable=False)

    @declared_attr  # type: ignore[arg-type]
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Manager(Entity, table=True):
    name: str = Field(max_length=200)
    email: str | None = Field(default=None, max_length=320)
    role: str = _choice(Role, Role.MANAGER, 20)
    capacity_hours: float = Field(default=40.0, description="weekly hours available for projects")
    login: str | None = Field(default=None, max_length=63, unique=True)
    active: bool = Field(default=True)


class Service(Entity, table=True):
    """An entry of the agency's service catalogue (SEO, PPC, SMM, web development...)."""

    key: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=120)
    position: int = Field(default=0)
    active: bool = Field(default=True)


class ManagerSkill(Entity, table=True):
    """How well a manager knows a service: knowledge differs per service and per person."""

    __table_args__ = (UniqueConstraint("manager_id", "service_id"),)

    manager_id: uuid.UUID = Field(foreign_key="manager.id", ondelete="CASCADE")
    service_id: uuid.UUID = Field(foreign_key="service.id", ondelete="CASCADE")
    level: int = Field(default=0, description="0 none .. 5 expert")


class Client(Entity, table=True):
    number: int = Field(unique=True)
    name: str = Field(max_length=200, index=True)
    legal_name: str | None = Field(default=None, max_length=300)
    segment: str | None = Field(default=None, max_length=80)
    monthly_budget: int = Field(default=0, description="minor units of the agency currency")
    preferred_channel: str | None = Field(default=None, max_length=40)
    kpi_focus: str | None = _choice(KpiFocus, None, 20)
    timezone: str = Field(default="Europe/Moscow", max_length=64)
    # Whose public holidays the client's own hours skip; empty: read from the time zone.
    country: str | None = Field(default=None, max_length=2)
    work_start_minute: int = Field(default=600, description="client's working day, local time")
    work_end_minute: int = Field(default=1140)
    response_mode: str = _choice(ResponseMode, ResponseMode.MINUTES, 24)
    response_minutes: int | None = Field(default=60)
    sla_calendar: str = _choice(SlaCalendar, SlaCalendar.AGENCY, 12)
    keep_manager: bool = Field(default=False)
    notes: str = Field(default="")
    deleted_at: datetime | None = _utc_column()


class Contact(Entity, table=True):
    client_id: uuid.UUID = Field(foreign_key="client.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=200)
    role: str | None = Field(default=None, max_length=120)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    messenger: str | None = Field(default=None, max_length=120)
    birthday: date | None = None
    is_primary: bool = Field(default=False)
    deleted_at: datetime | None = _utc_column()


class ClientService(Entity, table=True):
    """One cell of the up-sell matrix: a client crossed with a catalogue service."""

    __table_args__ = (UniqueConstraint("client_id", "service_id"),)

    client_id: uuid.UUID = Field(foreign_key="client.id", ondelete="CASCADE")
    service_id: uuid.UUID = Field(foreign_key="service.id", index=True)
    state: str = _choice(OfferState, OfferState.NONE, 12)
    monthly_value: int = Field(default=0, description="minor units")
    last_offer_on: date | None = None
    next_offer_on: date | None = Field(default=None, index=True)
    helper: str | None = _choice(UpsellHelper, None, 20)


class Project(Entity, table=True):
    __table_args__ = (
        Index("ix_project_queue", "manager_id", "queue_position"),
        Index("ix_project_client", "client_id"),
    )

    number: int = Field(unique=True)
    name: str = Field(max_length=200)
    client_id: uuid.UUID = Field(foreign_key="client.id")
    service_id: uuid.UUID = Field(foreign_key="service.id", index=True)
    manager_id: uuid.UUID | None = Field(default=None, foreign_key="manager.id")
    status: str = _choice(ProjectStatus, ProjectStatus.ACTIVE, 12, index=True)
    deadline: date | None = None
    weekly_effort_hours: float = Field(default=0.0)
    queue_position: int = Field(default=0)
    pinned: bool = Field(default=False)
    last_touched_at: datetime | None = _utc_column()
    deleted_at: datetime | None = _utc_column()


class Assignment(Entity, table=True):
    """The history of who managed a project, so continuity per client can be measured."""

    project_id: uuid.UUID = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    manager_id: uuid.UUID | None = Field(default=None, foreign_key="manager.id", index=True)
    previous_manager_id: uuid.UUID | None = Field(default=None, foreign_key="manager.id")
    assigned_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    reason: str = Field(default="")


class Request(Entity, table=True):
    """A client's request and the clock of its first response."""

    __table_args__ = (
        Index("ix_request_client_received", "client_id", "received_at"),
        # The queue's nearest deadline per project and the inbox read only the requests still
        # waiting, a few thousand of 200,000; an index of just those is barely touched when
        # every deadline is recomputed after a calendar change.
        Index(
            "ix_request_open",
            "project_id",
            "due_at",
            sqlite_where=text(OPEN_REQUEST),
            postgresql_where=text(OPEN_REQUEST),
        ),
        Index("ix_request_project", "project_id"),
        # Response statistics: one ordered pass counts every manager-client pair, and the
        # medians are index seeks ordered by the waiting time.
        Index(
            "ix_request_stats",
            "manager_id",
            "client_id",
            "received_at",
            "first_response_at",
            "due_at",
            "waited_minutes",
        ),
        Index("ix_request_manager_wait", "manager_id", "waited_minutes", "received_at"),
        Index("ix_request_client_wait", "client_id", "waited_minutes", "received_at"),
        Index("ix_request_wait", "waited_minutes", "received_at"),
    )

    number: int = Field(unique=True)
    client_id: uuid.UUID = Field(foreign_key="client.id")
    project_id: uuid.UUID | None = Field(default=None, foreign_key="project.id")
    manager_id: uuid.UUID | None = Field(default=None, foreign_key="manager.id", index=True)
    channel: str = Field(default="email", max_length=40)
    text: str = Field(default="")
    received_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    due_at: datetime | None = _utc_column()
    first_response_at: datetime | None = _utc_column()
    # Business minutes the client waited for that first response, on the request's clock.
    waited_minutes: int | None = None
    resolved_at: datetime | None = _utc_column()


class Brief(Entity, table=True):
    """A task brief for a specialist. `sections` holds the structured parts by key (in the
    stored form of `accdesk.briefs.content`); deadline and estimate have columns of their
    own so that lists and the agenda can query them; `body` holds the free notes."""

    number: int = Field(unique=True)
    project_id: uuid.UUID = Field(foreign_key="project.id", index=True)
    title: str = Field(max_length=300)
    body: str = Field(default="")
    level: int = Field(default=1)
    audience: str = _choice(Audience, Audience.DEVELOPER, 20)
    template: str = Field(default="generic", max_length=40)
    sections: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = _choice(BriefStatus, BriefStatus.DRAFT, 12)
    estimate_hours: float | None = None
    deadline: date | None = None
    sent_at: datetime | None = _utc_column()
    accepted_at: datetime | None = _utc_column()
    deleted_at: datetime | None = _utc_column()


class BriefRevision(Entity, table=True):
    __table_args__ = (UniqueConstraint("brief_id", "revision"),)

    brief_id: uuid.UUID = Field(foreign_key="brief.id", ondelete="CASCADE")
    revision: int
    title: str = Field(max_length=300)
    body: str = Field(default="")
    level: int = Field(default=1)
    sections: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Promise(Entity, table=True):
    """A promise made to the client, usually by sales at signing, that the AM must honour."""

    client_id: uuid.UUID = Field(foreign_key="client.id", index=True)
    project_id: uuid.UUID | None = Field(default=None, foreign_key="project.id")
    what: str
    promised_by: str = Field(max_length=200)
    promised_on: date
    due_on: date | None = None
    feasibility: str = _choice(Feasibility, Feasibility.REALISTIC, 12)
    status: str = _choice(PromiseStatus, PromiseStatus.OPEN, 14)
    note: str = Field(default="")
    deleted_at: datetime | None = _utc_column()


class LoyaltyAction(Entity, table=True):
    client_id: uuid.UUID = Field(foreign_key="client.id", index=True)
    practice: str = Field(max_length=40)
    done_on: date | None = None
    planned_on: date | None = None
    note: str = Field(default="")
    manager_id: uuid.UUID | None = Field(default=None, foreign_key="manager.id")
    deleted_at: datetime | None = _utc_column()


class Feedback(Entity, table=True):
    client_id: uuid.UUID = Field(foreign_key="client.id", index=True)
    score: int = Field(description="NPS answer 0..10")
    comment: str = Field(default="")
    received_on: date
    reaction: str = Field(default="")
    reacted_on: date | None = None
    deleted_at: datetime | None = _utc_column()


class CalendarDay(Entity, table=True):
    """An override of the agency's working week: an extra day off, a working Saturday..."""

    day: date = Field(unique=True)
    kind: str = _choice(DayKind, None, 10)
    start_minute: int | None = None
    end_minute: int | None = None
    note: str = Field(default="")


class Meeting(Entity, table=True):
    """A fixed block in a manager's day (a call, a review); the agenda plans around it."""

    manager_id: uuid.UUID = Field(foreign_key="manager.id", index=True, ondelete="CASCADE")
    starts_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    minutes: int = Field(default=30)
    title: str = Field(max_length=200)
    deleted_at: datetime | None = _utc_column()


class AgendaMark(Entity, table=True):
    """What a manager did to one agenda item on one day: ticked it off or set its duration.

    Items are computed from the data every time; `key` names the item (`request:<id>`,
    `greeting:<contact id>`...) so the mark finds it again.
    """

    __table_args__ = (UniqueConstraint("manager_id", "day", "key"),)

    manager_id: uuid.UUID = Field(foreign_key="manager.id", ondelete="CASCADE")
    day: date
    key: str = Field(max_length=80)
    minutes: int | None = None
    done_at: datetime | None = _utc_column()
    start_at: datetime | None = _utc_column()  # the time the person put the item at
    moved_to: date | None = None  # the day the person moved the item to
    # What ticking the item off changed elsewhere, so that unticking puts it back.
    effect: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class Setting(Entity, table=True):
    """An agency-wide setting shared by the team (calendar, SLA presets, weights...)."""

    key: str = Field(max_length=80, unique=True)
    value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))


class BriefDraft(Entity, table=True):
    """Text typed into a brief but not yet saved, kept so a crash never loses it.

    One per brief; saving the brief removes it in the same transaction.
    """

    brief_id: uuid.UUID = Field(foreign_key="brief.id", unique=True, ondelete="CASCADE")
    title: str = Field(default="")
    # The whole editor as typed, in the stored form of `accdesk.briefs.content`.
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    typed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
