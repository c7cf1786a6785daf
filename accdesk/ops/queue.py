"""The project queue as the queue pane shows it."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Dialect, Select, String, func, select, type_coerce
from sqlmodel import col

from accdesk.codes import PROJECT, format_code
from accdesk.db import Database
from accdesk.models import Client, Manager, Project, ProjectStatus, Request, Service
from accdesk.ops.readmodels import ProjectRow
from accdesk.types import as_date, as_utc, uuid_from_db


def queue_query() -> Select[*tuple[Any, ...]]:
    """Every project that is not archived or deleted, in each manager's queue order.

    One query with the client, service, manager and the earliest open response deadline
    joined in, so 10,000 projects load in a single round trip. Ids are read as plain text
    and turned into UUIDs by `uuid_from_db`, a third of the cost of the generic processor.
    """
    open_due = (
        select(col(Request.project_id), func.min(col(Request.due_at)).label("due"))
        .where(col(Request.first_response_at).is_(None), col(Request.project_id).is_not(None))
        .group_by(col(Request.project_id))
        .subquery()
    )
    return (
        select(
            type_coerce(col(Project.id), String),
            col(Project.number),
            col(Project.name),
            type_coerce(col(Project.client_id), String),
            col(Client.name),
            col(Service.name),
            col(Manager.name),
            col(Project.status),
            col(Project.deadline),
            col(Project.weekly_effort_hours),
            col(Project.queue_position),
            col(Project.pinned),
            open_due.c.due,
        )
        .join(Client, col(Client.id) == col(Project.client_id))
        .join(Service, col(Service.id) == col(Project.service_id))
        .outerjoin(Manager, col(Manager.id) == col(Project.manager_id))
        .outerjoin(open_due, open_due.c.project_id == col(Project.id))
        .where(col(Project.deleted_at).is_(None), col(Project.status) != ProjectStatus.ARCHIVED)
        .order_by(col(Manager.name), col(Project.queue_position), col(Project.number))
    )


@cache
def _queue_sql(dialect: Dialect) -> str:
    return str(queue_query().compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def list_queue(db: Database) -> list[ProjectRow]:
    """The queue, read at driver level.

    The statement is the compiled `queue_query()`, run without SQLAlchemy's per-value result
    processing, which cost as much as the query itself at 10,000 rows; the few typed
    columns are converted here instead (`as_date`, `as_utc`, `uuid_from_db`), accepting
    both SQLite's text and a driver's native values.
    """
    with db.connection() as con:
        rows = con.exec_driver_sql(_queue_sql(con.dialect)).all()
    return [
        ProjectRow(
            uuid_from_db(r[0]),
            format_code(PROJECT, r[1]),
            r[2],
            uuid_from_db(r[3]),
            r[4],
            r[5],
            r[6] or "",
            r[7],
            as_date(r[8]),
            float(r[9]),
            r[10],
            bool(r[11]),
            as_utc(r[12]),
        )
        for r in rows
    ]
