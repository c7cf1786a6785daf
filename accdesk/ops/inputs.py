"""Validated input for writes.

SQLModel table models skip pydantic validation, so every write goes through one of these
first and only then touches a table. A failure becomes one `ValidationError` mapping each
field to a sentence a person can act on.
"""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

import pydantic
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from accdesk.errors import ValidationError

TITLE_MAX = 300


def _one_line(value: str) -> str:
    """A title: trimmed, not empty, one line of printable text.

    Checked here rather than with pydantic's `strip_whitespace`, which keeps characters such
    as U+001F that Python's own `strip` removes: a title must look the same everywhere.
    """
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    if len(value) > TITLE_MAX:
        raise ValueError(f"is too long (at most {TITLE_MAX} characters)")
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValueError("must be one line of text, without line breaks or control characters")
    return value


Title = Annotated[str, AfterValidator(_one_line)]

M = TypeVar("M", bound=BaseModel)


class Input(BaseModel):
    # strict: a text field takes text, not bytes or numbers that happen to convert
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class BriefEdit(Input):
    """The text of a brief as the editor holds it."""

    title: Title
    body: str = Field(default="", max_length=200_000)


def _sentence(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "value_error":
        return str(ctx["error"])
    if kind == "missing":
        return "is required"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']:g}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']:g}"
    if kind == "string_too_long":
        return f"is too long (at most {ctx['max_length']} characters)"
    if kind == "extra_forbidden":
        return "is not a known field"
    return str(error["msg"]).rstrip(".").lower()


def validate(model: type[M], data: dict[str, Any]) -> M:
    """Build an input model or raise `ValidationError` with one message per field."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"]) or "input"
            errors.setdefault(field, _sentence(error))
        raise ValidationError(errors) from None


class DraftText(Input):
    """Whatever is in the editor, even half-finished: a draft is never refused for content."""

    title: str = Field(default="", max_length=10_000)
    body: str = Field(default="", max_length=200_000)


class ProjectCreate(Input):
    """A new project as the dialog (or an import) sends it."""

    name: Title
    client_id: uuid.UUID
    service_id: uuid.UUID
    manager_id: uuid.UUID | None = None
    status: Literal["planned", "active", "paused", "done"] = "active"
    deadline: date | None = None
    weekly_effort_hours: float = Field(default=0.0, ge=0, le=168)
