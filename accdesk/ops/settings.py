"""Agency-wide settings stored in the database, so a whole team shares them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy import select as sa_select
from sqlmodel import Session

from accdesk.db import Database
from accdesk.models import Setting

DEFAULTS: dict[str, Any] = {
    "currency": "RUB",
    "agency_timezone": "Europe/Moscow",
    "holiday_country": "RU",
    # The agency's working day in its own zone, minutes after midnight.
    "agency_day": [600, 1140],
    # How often an up-sell is attempted again after an offer, in days.
    "upsell_cadence_days": 90,
}


def get_setting(session: Session, key: str) -> Any:
    # Core columns: read at start-up, before SQLAlchemy's one-time mapper set-up is needed.
    table: Table = Setting.__table__  # type: ignore[attr-defined]
    value = session.execute(sa_select(table.c.value).where(table.c.key == key)).scalar()
    return DEFAULTS.get(key) if value is None else value


def agency_timezone(db: Database) -> str:
    """The IANA zone the agency works in; deadlines are shown in it."""
    with db.reading() as session:
        return str(get_setting(session, "agency_timezone"))
