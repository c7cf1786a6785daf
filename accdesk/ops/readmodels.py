"""Plain, frozen values the window receives: never ORM objects, never a live session."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from accdesk.briefs.content import BriefContent
from accdesk.planning.workload import utilisation


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
    version: int


@dataclass(frozen=True, slots=True)
class ServiceCell:
    """A client crossed with a catalogue service; `id` is None until the cell is first set."""

    service_id: uuid.UUID
    service: str
    state: str
    monthly_value: int
    last_offer_on: date | None
    next_offer_on: date | None
    helper: str
    id: uuid.UUID | None
    version: int | None


@dataclass(frozen=True, slots=True)
class PromiseRow:
    id: uuid.UUID
    what: str
    promised_by: str
    promised_on: date
    due_on: date | None
    feasibility: str
    status: str
    note: str
    version: int

    @property
    def needs_talk(self) -> bool:
        """Open and not realistic: the next call must bring it up."""
        return self.status == "open" and self.feasibility in ("doubtful", "unrealistic")


@dataclass(frozen=True, slots=True)
class LoyaltyRow:
    id: uuid.UUID
    practice: str
    done_on: date | None
    planned_on: date | None
    note: str
    version: int


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    id: uuid.UUID
    score: int
    comment: str
    received_on: date
    reaction: str
    reacted_on: date | None
    version: int

    @property
    def unanswered(self) -> bool:
        return self.reacted_on is None


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    assigned_at: datetime
    manager: str
    previous_manager: str
    project: str
    reason: str


@dataclass(frozen=True, slots=True)
class ClientCard:
    id: uuid.UUID
    version: int
    code: str
    name: str
    legal_name: str
    segment: str
    monthly_budget: int
    currency: str
    preferred_channel: str
    kpi_focus: str
    timezone: str
    work_start_minute: int
    work_end_minute: int
    response_minutes: int | None
    sla_calendar: str
    keep_manager: bool
    notes: str
    agency_timezone: str
    agency_day: tuple[int, int]
    upsell_cadence_days: int
    managers: tuple[str, ...]
    manager_ids: frozenset[uuid.UUID]  # of any of its projects: who may change the client
    project_count: int
    open_requests: int
    contacts: tuple[ContactRow, ...]
    services: tuple[ServiceCell, ...]
    promises: tuple[PromiseRow, ...]
    loyalty: tuple[LoyaltyRow, ...]
    feedback: tuple[FeedbackRow, ...]  # newest first
    history: tuple[AssignmentRow, ...]  # newest first
    managers_last_year: tuple[str, ...]

    def practices_done(self) -> Counter[str]:
        """How often each loyalty practice was done for this client (planned ones aside)."""
        return Counter(a.practice for a in self.loyalty if a.done_on is not None)

    @property
    def promises_to_discuss(self) -> tuple[PromiseRow, ...]:
        return tuple(p for p in self.promises if p.needs_talk)

    def profile(self) -> dict[str, object]:
        """The client's own fields as the profile form edits them (`ClientEdit`)."""
        return {
            "name": self.name,
            "legal_name": self.legal_name,
            "segment": self.segment,
            "monthly_budget": self.monthly_budget,
            "preferred_channel": self.preferred_channel,
            "kpi_focus": self.kpi_focus,
            "notes": self.notes,
            "timezone": self.timezone,
            "work_start_minute": self.work_start_minute,
            "work_end_minute": self.work_end_minute,
            "response_minutes": self.response_minutes,
            "sla_calendar": self.sla_calendar,
            "keep_manager": self.keep_manager,
        }


@dataclass(frozen=True, slots=True)
class MatrixCell:
    state: str
    next_offer_on: date | None
    due: bool


@dataclass(frozen=True, slots=True)
class UpsellMatrix:
    """Clients x catalogue services for the whole team; `due` cells want an offer now."""

    services: tuple[tuple[uuid.UUID, str], ...]
    clients: tuple[tuple[uuid.UUID, str, str], ...]  # id, name, manager
    cells: tuple[tuple[MatrixCell, ...], ...]  # per client, per service
    this_week: int = 0  # of the clients due, how many the team's plans have room for

    @property
    def due_count(self) -> int:
        return sum(cell.due for row in self.cells for cell in row)


@dataclass(frozen=True, slots=True)
class BriefDoc:
    """A stored brief: what it says (`content`) and where it is on its way to the specialist."""

    id: uuid.UUID
    code: str
    project_id: uuid.UUID
    content: BriefContent
    status: str
    sent_at: datetime | None
    accepted_at: datetime | None
    updated_at: datetime
    version: int

    @property
    def title(self) -> str:
        return self.content.title

    @property
    def level(self) -> int:
        return self.content.level


@dataclass(frozen=True, slots=True)
class RevisionDoc:
    """A brief as it was saved at one point; edits within a few minutes share a revision."""

    brief_id: uuid.UUID
    number: int
    saved_at: datetime
    content: BriefContent


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
    content: BriefContent
    typed_at: datetime


@dataclass(frozen=True, slots=True)
class RequestRow:
    """A client request as the inbox lists it."""

    id: uuid.UUID
    code: str  # R-0042
    client_id: uuid.UUID
    client_code: str
    client_name: str
    client_zone: str
    project_id: uuid.UUID | None
    project: str  # "P-0042 Name", empty when not linked
    manager_id: uuid.UUID | None
    manager: str
    channel: str
    text: str
    received_at: datetime
    due_at: datetime | None
    answered_at: datetime | None
    waited_minutes: int | None
    version: int

    def met(self) -> bool | None:
        """Whether the first response came by the deadline; None while it is awaited."""
        if self.answered_at is None or self.due_at is None:
            return None
        return self.answered_at <= self.due_at


@dataclass(frozen=True, slots=True)
class ManagerLoad:
    """One manager's share of the team's work, as the workload view shows it."""

    id: uuid.UUID
    name: str
    role: str
    capacity_hours: float
    projects: int  # open: active, planned or paused
    load_hours: float  # weekly effort of the active ones
    clients: int
    open_requests: int
    answered_30d: int
    met_30d: int

    @property
    def utilisation(self) -> float:
        return utilisation(self.load_hours, self.capacity_hours)

    @property
    def met_share(self) -> float | None:
        return self.met_30d / self.answered_30d if self.answered_30d else None


@dataclass(frozen=True, slots=True)
class TeamLoad:
    managers: tuple[ManagerLoad, ...]

    @property
    def projects_per_manager(self) -> float:
        return sum(m.projects for m in self.managers) / len(self.managers) if self.managers else 0

    @property
    def load_per_manager(self) -> float:
        return sum(m.load_hours for m in self.managers) / len(self.managers) if self.managers else 0

    @property
    def utilisation(self) -> float:
        """The team's load over its capacity: what every manager would be at, evened out."""
        capacity = sum(m.capacity_hours for m in self.managers)
        return sum(m.load_hours for m in self.managers) / capacity if capacity else 0.0


@dataclass(frozen=True, slots=True)
class WorkRow:
    """An open project in the workload view, ready to be moved."""

    id: uuid.UUID
    code: str
    name: str
    client_id: uuid.UUID
    client: str
    service: str
    status: str
    manager_id: uuid.UUID | None
    hours: float
    pinned: bool
    keep_manager: bool


@dataclass(frozen=True, slots=True)
class MoveRow:
    """One suggested move, with the names and the reason a team lead reads."""

    project_ids: tuple[uuid.UUID, ...]
    what: str  # "P-0042 Семантическое ядро" or "3 projects of Колос"
    client: str
    source_id: uuid.UUID
    source: str
    target_id: uuid.UUID
    target: str
    hours: float
    reason: str


@dataclass(frozen=True, slots=True)
class RebalancePlan:
    moves: tuple[MoveRow, ...]
    before: TeamLoad
    after: TeamLoad
    max_before: float
    max_after: float
    bound: float

    @property
    def moved_hours(self) -> float:
        return sum(m.hours for m in self.moves)
