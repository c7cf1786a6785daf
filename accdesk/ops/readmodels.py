"""Plain, frozen values the window receives: never ORM objects, never a live session."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple


class ProjectRow(NamedTuple):
    """One queue line. A NamedTuple rather than a frozen dataclass: the queue builds 10,000
    of them at start-up and a tuple is built several times faster, just as immutable."""

    id: uuid.UUID
    code: str
    name: str
    client_id: uuid.UUID
    client_name: str
    service: str
    manager: str
    status: str
    deadline: date | None
    weekly_effort_hours: float
    queue_position: int
    pinned: bool
    next_response_due: datetime | None
    manager_id: uuid.UUID | None
    client_budget: int
    last_touched_at: datetime | None
    last_nps: int | None
    unreacted_feedback: int
    risky_promises: int
    version: int


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: uuid.UUID
    name: str
    role: str
    email: str
    phone: str
    messenger: str
    birthday: date | None
    is_primary: bool


@dataclass(frozen=True, slots=True)
class ServiceCell:
    service: str
    state: str
    monthly_value: int
    next_offer_on: date | None


@dataclass(frozen=True, slots=True)
class PromiseRow:
    id: uuid.UUID
    what: str
    promised_by: str
    due_on: date | None
    feasibility: str
    status: str


@dataclass(frozen=True, slots=True)
class ClientCard:
    id: uuid.UUID
    code: str
    name: str
    legal_name: str
    segment: str
    monthly_budget: int
    currency: str
    preferred_channel: str
    kpi_focus: str
    timezone: str
    response_mode: str
    response_minutes: int | None
    notes: str
    managers: tuple[str, ...]
    project_count: int
    open_requests: int
    last_nps: int | None
    last_nps_on: date | None
    contacts: tuple[ContactRow, ...]
    services: tuple[ServiceCell, ...]
    open_promises: tuple[PromiseRow, ...]


@dataclass(frozen=True, slots=True)
class BriefDoc:
    id: uuid.UUID
    code: str
    project_id: uuid.UUID
    title: str
    body: str
    level: int
    audience: str
    status: str
    updated_at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class Counts:
    managers: int
    clients: int
    projects: int
    requests: int
    briefs: int


@dataclass(frozen=True, slots=True)
class DraftDoc:
    """Unsaved text of a brief, as typed; shown again after a crash."""

    brief_id: uuid.UUID
    project_id: uuid.UUID
    title: str
    body: str
    typed_at: datetime
