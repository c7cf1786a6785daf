"""Validated input for writes.

SQLModel table models skip pydantic validation, so every write goes through one of these
first and only then touches a table. A failure becomes one `ValidationError` mapping each
field to a sentence a person can act on.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cache
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import available_timezones

import pydantic
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
)

from accdesk.briefs.schema import AUDIENCE_NAMES
from accdesk.errors import ValidationError
from accdesk.facts import PRACTICES_BY_KEY
from accdesk.text import translate
from accdesk.types import typed_number

TITLE_MAX = 300


def _one_line(value: str) -> str:
    """A title: trimmed, not empty, one line of printable text.

    Checked here rather than with pydantic's `strip_whitespace`, which keeps characters such
    as U+001F that Python's own `strip` removes: a title must look the same everywhere.
    """
    value = value.strip()
    if not value:
        raise ValueError(translate("Input", "must not be empty"))
    if len(value) > TITLE_MAX:
        raise ValueError(
            translate("Input", "is too long (at most {TITLE_MAX} characters)").format(
                TITLE_MAX=TITLE_MAX
            )
        )
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValueError(
            translate(
                "Input", "must be one line of text, without line breaks or control characters"
            )
        )
    return value


Title = Annotated[str, AfterValidator(_one_line)]
Name = Annotated[Title, Field(max_length=200)]  # of a person, client, project or meeting


def _optional_line(value: str) -> str:
    """Like a title, but may be left empty."""
    return _one_line(value) if value.strip() else ""


Line = Annotated[str, AfterValidator(_optional_line)]

# The shape of an address only: whether a mailbox exists is the mail server's to say.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")
MONEY_MAX = 10**15  # minor units: ten trillion in the agency's currency
PHONE_CHARS = re.compile(r"\+?[\d\s().-]+")


def _email(value: str) -> str:
    value = value.strip()
    if value and not EMAIL.fullmatch(value):
        raise ValueError(translate("Input", "must look like name@example.com"))
    return value


def _phone(value: str) -> str:
    """Digits with the usual separators, 7 to 15 digits (the international maximum)."""
    value = value.strip()
    if not value:
        return ""
    digits = sum(ch.isdigit() for ch in value)
    if not PHONE_CHARS.fullmatch(value) or not 7 <= digits <= 15:
        raise ValueError(translate("Input", "must be a phone: 7 to 15 digits"))
    return value


@cache
def time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _time_zone(value: str) -> str:
    if value not in time_zones():
        raise ValueError(
            translate("Input", "“{value}” is not a known time zone; pick one from the list").format(
                value=value
            )
        )
    return value


def _money(value: Any) -> Any:
    """Amounts arrive as typed ("1 200 000,50") or as minor units; stored as minor units."""
    if isinstance(value, str):
        if not value.strip():
            return 0
        amount = typed_number(value)
        if amount is None or amount.as_tuple().exponent < -2:  # type: ignore[operator]
            raise ValueError(translate("Input", "must be an amount, such as 150000 or 150000.50"))
        value = int(amount * 100)
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise ValueError(translate("Input", "must not be negative"))
        if value > MONEY_MAX:
            raise ValueError(translate("Input", "is too large"))
    return value


# Dates people type are within a working life: outside these, a typo (0001-01-01) would
# reach the calendar arithmetic, which cannot count so far.
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)
EARLIEST_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)  # nothing the agency records is older


def _plausible(value: date | None) -> date | None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValueError(
            translate("Input", "must lie between {first} and {last}").format(
                first=EARLIEST.year, last=LATEST.year
            )
        )
    return value


def _not_in_future(value: date | None) -> date | None:
    if value is not None and value > date.today():
        raise ValueError(translate("Input", "is in the future"))
    return value


Email = Annotated[str, AfterValidator(_email)]
Phone = Annotated[str, AfterValidator(_phone)]
TimeZone = Annotated[str, AfterValidator(_time_zone)]
Money = Annotated[int, BeforeValidator(_money)]
Day = Annotated[date, AfterValidator(_plausible)]
PastDate = Annotated[date, AfterValidator(_plausible), AfterValidator(_not_in_future)]
Notes = Annotated[str, Field(max_length=20_000)]

M = TypeVar("M", bound=BaseModel)


def text_problem(value: str) -> str | None:
    """Why a text cannot be stored on either engine, or None."""
    if "\x00" in value:
        return translate("Input", "contains a NUL character, which text cannot hold")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return translate("Input", "holds a broken character (a lone surrogate)")
    return None


class Input(BaseModel):
    # strict: a text field takes text, not bytes or numbers that happen to convert
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    @field_validator("*", mode="before")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        """A NUL character, which PostgreSQL's text cannot hold, is refused in every field on
        both engines, so a text saved alone is never refused once the team shares it; so is a
        lone surrogate (pasted from a broken source), which no engine can encode."""
        if isinstance(value, str) and (problem := text_problem(value)):
            raise ValueError(problem)
        return value

    def problems(self) -> dict[str, str]:
        """Rules across fields, checked once each field is valid on its own; the message
        goes to the field a person would change."""
        return {}


def _audience(value: str) -> str:
    if value not in AUDIENCE_NAMES:
        raise ValueError(
            translate("Input", "“{value}” is not one of the audiences").format(value=value)
        )
    return value


class BriefCreate(Input):
    """A new brief: its title and the template it starts from."""

    title: Title
    template: str = Field(default="generic", max_length=40)
    notes: str = Field(default="", max_length=200_000)


class BriefPatch(Input):
    """What an edit of a brief changes; what is left out stays as stored. `values`, when
    given, are all the sections in their stored JSON form (`accdesk.briefs.content.to_json`)
    and replace the stored ones, so an undo puts back exactly what was there."""

    title: Title | None = None
    level: int | None = Field(default=None, ge=1, le=10)
    audience: Annotated[str, AfterValidator(_audience)] | None = None
    template: str | None = Field(default=None, max_length=40)
    notes: str | None = Field(default=None, max_length=200_000)
    values: Annotated[dict[str, Any], AfterValidator(_plain_json)] | None = None


def _sentence(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "value_error":
        return str(ctx["error"])
    if kind == "missing":
        return translate("Input", "is required")
    if kind == "greater_than_equal":
        return translate("Input", "must be at least {value:g}").format(value=ctx["ge"])
    if kind == "less_than_equal":
        return translate("Input", "must be at most {value:g}").format(value=ctx["le"])
    if kind == "string_too_long":
        return translate("Input", "is too long (at most {value} characters)").format(
            value=ctx["max_length"]
        )
    if kind == "extra_forbidden":
        return translate("Input", "is not a known field")
    if kind == "literal_error":
        return translate("Input", "must be one of: {value}").format(value=ctx["expected"])
    return str(error["msg"]).rstrip(".").lower()


def validate(model: type[M], data: dict[str, Any]) -> M:
    """Build an input model or raise `ValidationError` with one message per field."""
    try:
        value = model.model_validate(data)
    except pydantic.ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"]) or "input"
            errors.setdefault(field, _sentence(error))
        raise ValidationError(errors) from None
    if isinstance(value, Input) and (problems := value.problems()):
        raise ValidationError(problems)
    return value


DRAFT_MAX = 2_000_000  # characters of JSON: a 200-field brief is a few tens of thousands


def json_problem(value: Any) -> str | None:
    """Why a value cannot be kept as JSON on both engines, or None: only what JSON holds as
    it is (text, numbers, lists, objects), text that PostgreSQL's jsonb accepts, and not
    endless."""
    try:
        size = len(json.dumps(value, allow_nan=False))
        problems = [text_problem(t) for t in _texts(value)]
    except (TypeError, ValueError, RecursionError):
        return translate("Input", "must be plain text, numbers and lists")
    if problem := next((p for p in problems if p), None):
        return problem
    if size > DRAFT_MAX:
        return translate("Input", "is too long to keep as a draft")
    return None


def _texts(value: Any) -> Iterator[str]:
    """Every text in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _plain_json(value: dict[str, Any]) -> dict[str, Any]:
    if problem := json_problem(value):
        raise ValueError(problem)
    return value


class TemplateName(Input):
    """The name an agency gives a template made from a brief."""

    name: Title = Field(max_length=80)


class DraftText(Input):
    """Whatever is in the editor, even half-finished: a draft is never refused for content."""

    title: str = Field(default="", max_length=10_000)
    content: Annotated[dict[str, Any], AfterValidator(_plain_json)] = Field(default_factory=dict)


class ProjectCreate(Input):
    """A new project as the dialog (or an import) sends it."""

    name: Name
    client_id: uuid.UUID
    service_id: uuid.UUID
    manager_id: uuid.UUID | None = None
    status: Literal["planned", "active", "paused", "done"] = "active"
    deadline: Day | None = None
    weekly_effort_hours: float = Field(default=0.0, ge=0, le=168)


def _request_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError(translate("Input", "must say what the client asked"))
    return value


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(translate("Input", "needs a time zone"))
    if not EARLIEST_MOMENT <= value <= datetime(LATEST.year, 12, 31, tzinfo=UTC):
        raise ValueError(
            translate("Input", "must lie between {first} and {last}").format(
                first=EARLIEST_MOMENT.year, last=LATEST.year
            )
        )
    return value


class RequestCreate(Input):
    """A client request as quick capture or `accdesk request add` sends it."""

    client_id: uuid.UUID
    project_id: uuid.UUID | None = None
    channel: Annotated[str, AfterValidator(_one_line)] = Field(default="email", max_length=40)
    text: Annotated[str, AfterValidator(_request_text)] = Field(max_length=20_000)
    received_at: Annotated[datetime, AfterValidator(_aware)]


class MeetingCreate(Input):
    """A fixed block in a manager's day."""

    title: Name
    starts_at: Annotated[datetime, AfterValidator(_aware)]
    minutes: int = Field(ge=5, le=600)


MINUTES_IN_DAY = 24 * 60
KpiChoice = Literal["", "positions", "traffic", "leads", "orders", "revenue"]


class ServiceCreate(Input):
    """A catalogue entry as an import brings it; the key defaults to the folded name."""

    name: Title = Field(max_length=120)
    key: Line = Field(default="", max_length=40)


class ClientEdit(Input):
    """Everything the card's profile, time and response sections edit on the client row."""

    name: Name
    legal_name: Line = ""
    segment: Line = Field(default="", max_length=80)
    monthly_budget: Money = 0
    preferred_channel: Line = Field(default="", max_length=40)
    kpi_focus: KpiChoice = ""
    notes: Notes = ""
    timezone: TimeZone = "Europe/Moscow"
    work_start_minute: int = Field(default=600, ge=0, le=MINUTES_IN_DAY)
    work_end_minute: int = Field(default=1140, ge=0, le=MINUTES_IN_DAY)
    # None: an answer by the end of the next business day.
    response_minutes: int | None = Field(default=60, ge=1, le=7 * MINUTES_IN_DAY)
    sla_calendar: Literal["agency", "client", "overlap"] = "agency"
    keep_manager: bool = False

    def problems(self) -> dict[str, str]:
        if self.work_end_minute <= self.work_start_minute:
            return {
                "work_end_minute": translate("Input", "must be after the start of the working day")
            }
        return {}


class ContactEdit(Input):
    name: Name
    role: Line = Field(default="", max_length=120)
    email: Email = Field(default="", max_length=320)
    phone: Phone = Field(default="", max_length=40)
    messenger: Line = Field(default="", max_length=120)
    birthday: PastDate | None = None
    is_primary: bool = False


class ServiceCellEdit(Input):
    """One cell of the up-sell matrix. A missing next offer date follows the agency's
    cadence from the last offer."""

    state: Literal["active", "prospect", "offered", "declined", "none"] = "none"
    monthly_value: Money = 0
    last_offer_on: Day | None = None
    next_offer_on: Day | None = None
    helper: Literal["", "manager", "department_head", "company_head", "salesperson"] = ""

    def problems(self) -> dict[str, str]:
        if self.last_offer_on and self.next_offer_on and self.next_offer_on < self.last_offer_on:
            return {"next_offer_on": translate("Input", "is before the last offer")}
        return {}


class PromiseEdit(Input):
    what: Title
    promised_by: Name
    promised_on: PastDate
    due_on: Day | None = None
    feasibility: Literal["realistic", "doubtful", "unrealistic"] = "realistic"
    status: Literal["open", "kept", "broken", "renegotiated"] = "open"
    note: Notes = ""

    def problems(self) -> dict[str, str]:
        if self.due_on is not None and self.due_on < self.promised_on:
            return {"due_on": translate("Input", "is before the day the promise was made")}
        return {}


class LoyaltyEdit(Input):
    """A loyalty action done (`done_on`) or planned (`planned_on`)."""

    practice: Title
    done_on: PastDate | None = None
    planned_on: Day | None = None
    note: Notes = ""

    def problems(self) -> dict[str, str]:
        if self.practice not in PRACTICES_BY_KEY:
            return {"practice": translate("Input", "is not one of the loyalty practices")}
        if self.done_on is None and self.planned_on is None:
            return {"done_on": translate("Input", "give the day it was done, or plan a day for it")}
        return {}


class FeedbackEdit(Input):
    score: int = Field(ge=0, le=10)
    comment: Notes = ""
    received_on: PastDate
    reaction: Notes = ""
    reacted_on: PastDate | None = None

    def problems(self) -> dict[str, str]:
        if self.reaction.strip() and self.reacted_on is None:
            return {"reacted_on": translate("Input", "give the day of the reaction")}
        if self.reacted_on is not None and not self.reaction.strip():
            return {"reaction": translate("Input", "say what was done, or clear the reaction date")}
        if self.reacted_on is not None and self.reacted_on < self.received_on:
            return {"reacted_on": translate("Input", "is before the feedback was received")}
        return {}
