"""Agency-wide settings stored in the database, so a whole team shares them."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from accdesk.db import Database
from accdesk.models import Setting

DEFAULTS: dict[str, Any] = {
    "currency": "RUB",
    "agency_timezone": "Europe/Moscow",
    "holiday_country": "RU",
}


def get_setting(session: Session, key: str) -> Any:
    value = session.exec(select(Setting.value).where(Setting.key == key)).first()
    return DEFAULTS.get(key) if value is None else value


def agency_timezone(db: Database) -> str:
    """The IANA zone the agency works in; deadlines are shown in it."""
    with db.reading() as session:
        return str(get_setting(session, "agency_timezone"))
