"""The project queue: reading it, ordering it, and the project actions the queue offers."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Dialect,
    Select,
    String,
    Table,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
    update,
)
from sqlmodel import Session, col

from accdesk.changes import Changes, Kind
from accdesk.codes import PROJECT, format_code
from accdesk.errors import NotFound, StaleEdit, ValidationError
from accdesk.models import (
    Client,
    Contact,
    Feasibility,
    Feedback,
    Manager,
    Project,
    ProjectStatus,
    Promise,
    PromiseStatus,
    Request,
    Service,
)
from accdesk.ops.inputs import ProjectCreate, validate
from accdesk.ops.readmodels import ProjectRow
from accdesk.storage.access import check_projects
from accdesk.storage.db import Database
from accdesk.text import sort_key, translate
from accdesk.types import as_date, as_utc, utcnow, uuid_from_db

RISKY = (Feasibility.DOUBTFUL, Feasibility.UNREALISTIC)


# The start-up queries are built from the tables' Core columns, not ORM attributes: they
# compile in milliseconds without SQLAlchemy's one-time mapper set-up, which the first
# ORM query (the client card, after the first paint) pays instead.
def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


def _columns(model: Any) -> Any:
    return _table(model).c


def queue_query(project_ids: Collection[uuid.UUID] | None = None) -> Select[*tuple[Any, ...]]:
    """Every project that is not archived or deleted (or those of `project_ids`), in each
    manager's queue order.

    One query with the client, service, manager and the earliest open response deadline
    joined in, so 10,000 projects load in a single round trip. The client's health signals
    come from `client_signals_query()`: per client, 2,000 rows instead of 10,000.
    """
    p, c, sv, m, r = (_columns(x) for x in (Project, Client, Service, Manager, Request))
    open_due = (
        select(r.project_id, func.min(r.due_at).label("due"))
        .where(r.first_response_at.is_(None), r.project_id.is_not(None))
        .group_by(r.project_id)
    )
    if project_ids is not None:
        open_due = open_due.where(r.project_id.in_(list(project_ids)))
    due = open_due.subquery()
    query = (
        select(
            type_coerce(p.id, String),
            p.number,
            p.name,
            type_coerce(p.client_id, String),
            c.name,
            sv.name,
            m.name,
            p.status,
            p.deadline,
            p.weekly_effort_hours,
            p.queue_position,
            p.pinned,
            due.c.due,
            type_coerce(p.manager_id, String),
            c.monthly_budget,
            p.last_touched_at,
            p.version,
        )
        .select_from(_table(Project))
        .join(_table(Client), c.id == p.client_id)
        .join(_table(Service), sv.id == p.service_id)
        .outerjoin(_table(Manager), m.id == p.manager_id)
        .outerjoin(due, due.c.project_id == p.id)
        .where(p.deleted_at.is_(None), p.status != ProjectStatus.ARCHIVED.value)
        .order_by(m.name, p.queue_position, p.number)
    )
    return query if project_ids is None else query.where(p.id.in_(list(project_ids)))


def queue_key(row: ProjectRow) -> tuple[tuple[str, str], int, str]:
    """The queue's order (manager's name as people sort it, queue position, number), for
    the whole queue as read and for a row in hand, so a re-read row goes back in place."""
    return (sort_key(row.manager), row.queue_position, f"{len(row.code):03d}{row.code}")


def client_signals_query(
    client_ids: Collection[uuid.UUID] | None = None,
) -> Select[*tuple[Any, ...]]:
    """Per client with any (of `client_ids`, or all): the newest NPS score, feedback nobody
    reacted to, and promises in trouble (open and doubtful or unrealistic, or broken)."""
    f, pr = _columns(Feedback), _columns(Promise)
    feedback_rows = select(
        f.client_id,
        f.score,
        func.row_number()
        .over(partition_by=f.client_id, order_by=f.received_on.desc())
        .label("rank"),
        func.sum(case((f.reaction == "", 1), else_=0))
        .over(partition_by=f.client_id)
        .label("unreacted"),
    )
    if client_ids is not None:
        feedback_rows = feedback_rows.where(f.client_id.in_(list(client_ids)))
    ranked = feedback_rows.subquery()
    feedback = select(
        ranked.c.client_id, ranked.c.score, ranked.c.unreacted, literal(0).label("risky")
    ).where(ranked.c.rank == 1)
    promises = (
        select(pr.client_id, literal(None), literal(0), func.count())
        .where(
            or_(
                and_(
                    pr.status == PromiseStatus.OPEN.value,
                    pr.feasibility.in_([r.value for r in RISKY]),
                ),
                pr.status == PromiseStatus.BROKEN.value,
            )
        )
        .group_by(pr.client_id)
    )
    if client_ids is not None:
        promises = promises.where(pr.client_id.in_(list(client_ids)))
    both = union_all(feedback, promises).subquery()
    return select(
        type_coerce(both.c.client_id, String),
        func.max(both.c.score),
        func.sum(both.c.unreacted),
        func.sum(both.c.risky),
    ).group_by(both.c.client_id)


@cache
def _compiled(dialect: Dialect) -> tuple[str, str]:
    def sql(query: Select[*tuple[Any, ...]]) -> str:
        return str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))

    return sql(queue_query()), sql(client_signals_query())


def queue_sql(dialect: Dialect) -> tuple[str, str]:
    """The two statements `list_queue` runs, as text (the benchmark's floor runs them too)."""
    return _compiled(dialect)


def list_queue(db: Database, project_ids: Collection[uuid.UUID] | None = None) -> list[ProjectRow]:
    """The queue, or (`project_ids`) those of its projects still in it, read at driver level.

    The whole queue runs the compiled queries above without SQLAlchemy's per-value result
    processing, which cost as much as the query itself at 10,000 rows; the few typed
    columns are converted here instead (`as_date`, `as_utc`, `uuid_from_db`), accepting
    both SQLite's text and a driver's native values, as a few rows read through the ORM
    layer return them.
    """
    projects_sql, clients_sql = queue_sql(db.engine.dialect)
    with db.connection() as con:
        if project_ids is None:
            rows = con.exec_driver_sql(projects_sql).all()
            found = con.exec_driver_sql(clients_sql)
        else:
            rows = con.execute(queue_query(project_ids)).all()
            clients = {uuid_from_db(r[3]) for r in rows}
            found = con.execute(client_signals_query(clients))
        signals = {r[0]: (r[1], r[2] or 0, r[3] or 0) for r in found}
    none = (None, 0, 0)
    result = []
    for r in rows:
        nps, unreacted, risky = signals.get(r[3], none)
        result.append(
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
                uuid_from_db(r[13]) if r[13] else None,
                r[14],
                as_utc(r[15]),
                nps,
                int(unreacted),
                int(risky),
                r[16],
            )
        )
    if project_ids is None:
        result.sort(key=queue_key)  # the query's order, with names as people sort them
    return result


def contact_names(db: Database) -> dict[uuid.UUID, str]:
    """Contact names per client, for finding a project by the person one talks to."""
    with db.connection() as con:
        rows = con.execute(
            select(type_coerce(col(Contact.client_id), String), col(Contact.name)).where(
                col(Contact.deleted_at).is_(None)
            )
        ).all()
    names: dict[uuid.UUID, list[str]] = {}
    for client_id, name in rows:
        names.setdefault(uuid_from_db(client_id), []).append(name)
    return {client: " ".join(found) for client, found in names.items()}


# Manual order -----------------------------------------------------------------------------


def queue_order(db: Database, manager_id: uuid.UUID | None) -> list[uuid.UUID]:
    """One manager's live projects in their manual order."""
    with db.reading() as s:
        return list(
            s.execute(
                select(col(Project.id))
                .where(*_live_in_queue(manager_id))
                .order_by(col(Project.queue_position), col(Project.number))
            )
            .scalars()
            .all()
        )


def _live_in_queue(manager_id: uuid.UUID | None) -> tuple[Any, ...]:
    manager = col(Project.manager_id)
    return (
        manager.is_(None) if manager_id is None else manager == manager_id,
        col(Project.deleted_at).is_(None),
        col(Project.status) != ProjectStatus.ARCHIVED,
    )


def reorder(db: Database, manager_id: uuid.UUID | None, ordered: Sequence[uuid.UUID]) -> Changes:
    """Store a manager's manual order: positions 1..n in the order given (a `queue_order`
    change, naming the projects whose position moved).

    `ordered` must hold exactly that manager's live projects; a list made from a stale
    view (a project added or moved elsewhere meanwhile) is refused, nothing written.
    Only rows whose position changes are written, each with its version bumped.
    """
    with db.transaction() as s:
        current: list[tuple[uuid.UUID, int]] = [
            (row[0], row[1])
            for row in s.execute(
                select(col(Project.id), col(Project.queue_position)).where(
                    *_live_in_queue(manager_id)
                )
            ).all()
        ]
        if sorted(current_id for current_id, _ in current) != sorted(ordered) or len(
            set(ordered)
        ) != len(ordered):
            raise StaleEdit(
                translate(
                    "Queue",
                    "the queue changed elsewhere while you were ordering it; reload it and try again",  # noqa: E501
                )
            )
        positions = dict(current)
        moved = [
            (pid, index) for index, pid in enumerate(ordered, start=1) if positions[pid] != index
        ]
        if moved:
            check_projects(s, db.identity, [pid for pid, _ in moved])
            s.connection().execute(
                update(Project)
                .where(col(Project.id) == bindparam("pid"))
                .values(queue_position=bindparam("pos"), version=col(Project.version) + 1),
                [{"pid": pid, "pos": pos} for pid, pos in moved],
            )
    # Its own kind: a pane can rearrange one manager's rows instead of reading the queue.
    return Changes.of({Kind.QUEUE_ORDER: [pid for pid, _ in moved]}) if moved else Changes()


# Project actions ---------------------------------------------------------------------------


def _live_project(s: Session, project_id: uuid.UUID, expected_version: int | None) -> Project:
    project = s.get(Project, project_id)
    if project is None or project.deleted_at is not None:
        raise NotFound(translate("Queue", "this project no longer exists"))
    if expected_version is not None and project.version != expected_version:
        code = format_code(PROJECT, project.number)
        raise StaleEdit(
            translate("Queue", "{code} was changed elsewhere since you saw it; reload it").format(
                code=code
            )
        )
    return project


def _change_project(
    db: Database, project_id: uuid.UUID, expected_version: int | None, **values: Any
) -> Changes:
    """Set a project's fields in one transaction; the manager touched it just now."""
    with db.transaction() as s:
        project = _live_project(s, project_id, expected_version)
        for field, value in values.items():
            setattr(project, field, value)
        project.updated_at = project.last_touched_at = utcnow()
        return Changes.written(s)


def set_status(
    db: Database, project_id: uuid.UUID, status: str, *, expected_version: int | None = None
) -> Changes:
    if status not in ProjectStatus.__members__.values():
        raise ValidationError(
            {
                "status": translate("Queue", "must be one of: {value}").format(
                    value=", ".join(ProjectStatus)
                )
            }
        )
    return _change_project(db, project_id, expected_version, status=status)


def set_pinned(
    db: Database, project_id: uuid.UUID, pinned: bool, *, expected_version: int | None = None
) -> Changes:
    return _change_project(db, project_id, expected_version, pinned=pinned)


def create_project(db: Database, data: dict[str, Any], *, today: date) -> tuple[uuid.UUID, Changes]:
    """A new project at the end of its manager's queue.

    `today` is the agency's date: a deadline before it is refused.
    """
    new = validate(ProjectCreate, data)
    if new.deadline is not None and new.deadline < today:
        raise ValidationError({"deadline": translate("Queue", "is in the past")})
    with db.transaction() as s:
        errors = {}
        client = s.get(Client, new.client_id)
        if client is None or client.deleted_at is not None:
            errors["client_id"] = translate("Queue", "is not a client of this agency")
        if s.get(Service, new.service_id) is None:
            errors["service_id"] = translate("Queue", "is not a service of this agency")
        if new.manager_id is not None and s.get(Manager, new.manager_id) is None:
            errors["manager_id"] = translate("Queue", "is not a manager of this agency")
        if errors:
            raise ValidationError(errors)
        number = (s.execute(select(func.max(col(Project.number)))).scalar() or 0) + 1
        last = s.execute(
            select(func.max(col(Project.queue_position))).where(*_live_in_queue(new.manager_id))
        ).scalar()
        project = Project(
            number=number,
            name=new.name,
            client_id=new.client_id,
            service_id=new.service_id,
            manager_id=new.manager_id,
            status=new.status,
            deadline=new.deadline,
            weekly_effort_hours=new.weekly_effort_hours,
            queue_position=(last or 0) + 1,
            last_touched_at=utcnow(),
        )
        s.add(project)
        return project.id, Changes.written(s)


def set_deleted(db: Database, project_id: uuid.UUID, deleted: bool) -> Changes:
    """Soft-delete or bring back a project (what undoing its creation does)."""
    with db.transaction() as s:
        project = s.get(Project, project_id)
        if project is None:
            raise NotFound(translate("Queue", "this project no longer exists"))
        project.deleted_at = utcnow() if deleted else None
        project.updated_at = utcnow()
        return Changes.written(s)


def agency_today(zone: str, now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(ZoneInfo(zone)).date()


def project_choices(db: Database) -> dict[str, list[tuple[uuid.UUID, str]]]:
    """What a new project can be attached to: clients, services and managers by name."""
    with db.reading() as s:
        clients = s.execute(
            select(col(Client.id), col(Client.name))
            .where(col(Client.deleted_at).is_(None))
            .order_by(col(Client.name))
        ).all()
        services = s.execute(
            select(col(Service.id), col(Service.name))
            .where(col(Service.active))
            .order_by(col(Service.position))
        ).all()
        managers = s.execute(
            select(col(Manager.id), col(Manager.name))
            .where(col(Manager.active))
            .order_by(col(Manager.name))
        ).all()
    return {
        "clients": sorted(((r[0], r[1]) for r in clients), key=lambda c: sort_key(c[1])),
        "services": [(r[0], r[1]) for r in services],
        "managers": sorted(((r[0], r[1]) for r in managers), key=lambda m: sort_key(m[1])),
    }
