"""Whole stored rows checked by the rules the operations apply to what people type.

The forms and the commands validate their fields through `accdesk.ops.inputs`; a path that
writes table rows directly (restoring an archive) must not accept what they refuse, or a
row the app cannot show (a time zone that does not exist, a budget beyond any column) sits
in the database until a screen trips over it. Two layers check every row:

- every column by its type: text without NUL or lone surrogates and within the column's
  length, integers within 64 bits, finite numbers, dates and moments within the years the
  calendar arithmetic counts, values of an enumerated column among its choices, JSON that
  is plain and bounded;
- the fields an operation's input model also has, by that model, so a rule added to a form
  reaches this path too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import Field
from sqlalchemy import JSON, Column, Date, Float, Integer, String, Table, Text
from sqlalchemy.types import TypeDecorator, TypeEngine

from accdesk.errors import ValidationError
from accdesk.ops.inputs import (
    EARLIEST,
    EARLIEST_MOMENT,
    LATEST,
    MINUTES_IN_DAY,
    BriefPatch,
    ClientEdit,
    ContactEdit,
    Email,
    FeedbackEdit,
    Input,
    Line,
    LoyaltyEdit,
    MeetingCreate,
    Name,
    ProjectCreate,
    PromiseEdit,
    RequestCreate,
    ServiceCellEdit,
    ServiceCreate,
    json_problem,
    text_problem,
    validate,
)
from accdesk.text import translate
from accdesk.types import UTCDateTime

TEXT_MAX = 200_000  # characters in a column of unbounded text: the longest a form takes
INT_LIMIT = 2**63  # what both engines store in an integer column


class ManagerRow(Input):
    """A manager as the team setup writes one."""

    name: Name
    email: Email = Field(default="", max_length=320)
    capacity_hours: float = Field(default=40.0, ge=0, le=168)
    login: Line = Field(default="", max_length=63)


class SkillRow(Input):
    level: int = Field(ge=0, le=5)


class CalendarDayRow(Input):
    start_minute: int | None = Field(default=None, ge=0, le=MINUTES_IN_DAY)
    end_minute: int | None = Field(default=None, ge=0, le=MINUTES_IN_DAY)


class CountedRow(Input):
    """Minutes and positions kept beside a row are never negative."""

    minutes: int | None = Field(default=None, ge=0, le=7 * MINUTES_IN_DAY)


class BriefRow(Input):
    estimate_hours: float | None = Field(default=None, ge=0, le=100_000)


RULES: Mapping[str, tuple[type[Input], ...]] = {
    "manager": (ManagerRow,),
    "service": (ServiceCreate,),
    "managerskill": (SkillRow,),
    "client": (ClientEdit,),
    "contact": (ContactEdit,),
    "clientservice": (ServiceCellEdit,),
    "project": (ProjectCreate,),
    "request": (RequestCreate,),
    "brief": (BriefPatch, BriefRow),
    "briefrevision": (BriefPatch,),
    "promise": (PromiseEdit,),
    "loyaltyaction": (LoyaltyEdit,),
    "feedback": (FeedbackEdit,),
    "calendarday": (CalendarDayRow,),
    "meeting": (MeetingCreate,),
    "agendamark": (CountedRow,),
}
"""For each table, the input models whose fields its rows must satisfy."""


def row_problems(table: Table, row: Mapping[str, Any]) -> dict[str, str]:
    """What is wrong with one row about to be stored in `table`, by column; empty if nothing.

    Values are as they will be stored (uuids, dates and moments already parsed)."""
    problems: dict[str, str] = {}
    for column in table.columns:
        if column.name in row and (problem := _column_problem(column, row[column.name])):
            problems[column.name] = problem
    if problems:
        return problems
    for model in RULES.get(table.name, ()):
        # a column left empty takes the model's default, as the form would
        fields = {n: row[n] for n in model.model_fields if row.get(n) is not None}
        try:
            validate(model, fields)
        except ValidationError as exc:
            return dict(exc.errors)
    return {}


def _column_problem(column: Column[Any], value: Any) -> str | None:
    if value is None or (value == "" and column.nullable):
        return None if column.nullable else translate("Input", "must not be empty")
    choices: type[StrEnum] | None = column.info.get("choices")
    if choices is not None and value not in {c.value for c in choices}:
        return translate("Input", "“{value}” is not one of: {choices}").format(
            value=value, choices=", ".join(c.value for c in choices)
        )
    if isinstance(column.type, UTCDateTime) and isinstance(value, datetime):
        return _span_problem(value >= EARLIEST_MOMENT and value.year <= LATEST.year)
    kind: TypeEngine[Any] = column.type
    if isinstance(kind, TypeDecorator):  # sqlmodel's AutoString wraps a String
        kind = kind.impl_instance
    if isinstance(kind, String | Text) and isinstance(value, str):
        return _text_problem(value, kind.length or TEXT_MAX)
    if isinstance(kind, Integer) and isinstance(value, int):
        return None if -INT_LIMIT < value < INT_LIMIT else translate("Input", "is too large")
    if isinstance(kind, Float) and isinstance(value, float):
        return None if math.isfinite(value) else translate("Input", "must be a finite number")
    if isinstance(kind, Date) and isinstance(value, date):
        return _span_problem(EARLIEST <= value <= LATEST)
    if isinstance(kind, JSON):
        return json_problem(value)
    return None


def _text_problem(value: str, longest: int) -> str | None:
    if problem := text_problem(value):
        return problem
    if len(value) > longest:
        return translate("Input", "is too long (at most {TITLE_MAX} characters)").format(
            TITLE_MAX=longest
        )
    return None


def _span_problem(inside: bool) -> str | None:
    if inside:
        return None
    return translate("Input", "must lie between {first} and {last}").format(
        first=EARLIEST.year, last=LATEST.year
    )
