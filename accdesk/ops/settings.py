"""Agency-wide settings stored in the database, so a whole team shares them."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from accdesk.briefs.schema import DEFAULT_AUDIENCE_LEVELS
from accdesk.models import Setting
from accdesk.planning.workload import Rules
from accdesk.storage.db import Database
from accdesk.types import utcnow

DEFAULTS: dict[str, Any] = {
    "currency": "RUB",
    "agency_timezone": "Europe/Moscow",
    "holiday_country": "RU",
    # The agency's working hours in its own zone, Monday to Sunday: a list of
    # [start, end] minutes after midnight per day (two for a lunch break, none for a day off).
    "work_week": [[[600, 1140]]] * 5 + [[], []],
    # Blocks the agenda plans around every working day (minutes after midnight).
    "daily_blocks": [{"title": "Stand-up", "start": 600, "minutes": 15}],
    # The lunch break a working day of one stretch keeps free (minutes after midnight).
    "lunch": {"start": 780, "minutes": 60},
    # Relationship work a day holds, and the share of free time project work may take
    # (see accdesk.planning.agenda.Budget).
    "agenda_budget": {"upsell": 2, "feedback": 2, "greeting": 5, "work_share": 0.5},
    # Expected minutes per kind of agenda item, before a manager changes one.
    "agenda_minutes": {
        "request": 15,
        "deadline": 30,
        "feedback": 15,
        "greeting": 10,
        "upsell": 30,
        "promise": 20,
        "reaction": 20,
    },
    # How often each client is asked for feedback, in days.
    "feedback_cadence_days": 30,
    # How often an up-sell is attempted again after an offer, in days.
    "upsell_cadence_days": 90,
    # The lowest brief level each kind of specialist can work from, by audience key.
    "audience_levels": DEFAULT_AUDIENCE_LEVELS,
    # How suggestions move work between managers (see accdesk.planning.workload.Rules).
    "rebalance": asdict(Rules()),
    # The agency's own brief templates (see accdesk.briefs.schema.TemplateData).
    "brief_templates": [],
}


def get_setting(session: Session | Connection, key: str) -> Any:
    # Core columns: read at start-up, before SQLAlchemy's one-time mapper set-up is needed.
    table: Table = Setting.__table__  # type: ignore[attr-defined]
    value = session.execute(sa_select(table.c.value).where(table.c.key == key)).scalar()
    return DEFAULTS.get(key) if value is None else value


def get_settings(session: Session | Connection, *keys: str) -> dict[str, Any]:
    """Several settings in one query: on a team database each query is a round trip."""
    table: Table = Setting.__table__  # type: ignore[attr-defined]
    stored = dict(
        session.execute(sa_select(table.c.key, table.c.value).where(table.c.key.in_(keys))).all()
    )
    return {k: DEFAULTS.get(k) if stored.get(k) is None else stored[k] for k in keys}


def put_setting(session: Session, key: str, value: Any) -> Setting:
    """Store an agency setting inside the caller's transaction; the row is returned flushed,
    so its new version can be reported."""
    setting = session.exec(select(Setting).where(Setting.key == key)).first()
    if setting is None:
        setting = Setting(key=key)
        session.add(setting)
    setting.value = value
    setting.updated_at = utcnow()
    session.flush()
    return setting


def agency_timezone(db: Database) -> str:
    """The IANA zone the agency works in; deadlines are shown in it."""
    with db.reading() as session:
        return str(get_setting(session, "agency_timezone"))
