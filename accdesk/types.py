"""Column types that keep stored values honest on every engine."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from accdesk.text import translate


def utcnow() -> datetime:
    """The current instant as an aware UTC datetime: the only clock the core writes with."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC.

    SQLite has no time zone type, so a naive value read back would silently mean "local time
    of whoever reads it". Binding refuses naive values and reading re-attaches UTC, so every
    datetime in the core is aware whatever the engine.
    """

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(DateTime(timezone=True))
        return dialect.type_descriptor(DateTime())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(
                translate(
                    "Database", "naive datetime {value!r} cannot be stored; attach a time zone"
                ).format(value=value)
            )
        value = value.astimezone(UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


_new_object = object.__new__
_set_attribute = object.__setattr__
_SAFETY = uuid.SafeUUID.unknown


def uuid_from_db(value: str | uuid.UUID) -> uuid.UUID:
    """A UUID from a key column read without SQLAlchemy's type processing.

    Bulk reads (the 10,000-row queue) skip the per-value processor and build UUIDs here at
    a third of `uuid.UUID(hex)`'s cost; SQLite stores 32 hex digits, PostgreSQL drivers
    already return UUID objects.
    """
    if isinstance(value, uuid.UUID):
        return value
    result = _new_object(uuid.UUID)
    _set_attribute(result, "int", int(value, 16))
    _set_attribute(result, "is_safe", _SAFETY)
    return result


def as_date(value: str | date | None) -> date | None:
    """A DATE column read at driver level: SQLite gives ISO text, other drivers a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def as_utc(value: str | datetime | None) -> datetime | None:
    """A `UTCDateTime` column read at driver level, as the aware UTC value it stands for."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def typed_number(text: str) -> Decimal | None:
    """A number as people type it ("1 200 000,50", "1.5"); None if it is not one.

    Spaces (also non-breaking) group digits and a comma may be the decimal mark, as in
    Russian.
    """
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".").strip()
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None
