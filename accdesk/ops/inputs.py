"""Validated input for writes.

SQLModel table models skip pydantic validation, so every write goes through one of these
first and only then touches a table. A failure becomes one `ValidationError` mapping each
field to a sentence a person can act on.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from accdesk.errors import ValidationError

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]

M = TypeVar("M", bound=BaseModel)


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BriefEdit(Input):
    """The text of a brief as the editor holds it."""

    title: Title
    body: str = Field(default="", max_length=200_000)


def _sentence(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "must not be empty"
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
