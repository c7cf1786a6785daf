"""Client requests: capture with a deadline, first response, link to a project, turn into a brief.

A request's deadline is fixed when it is received, on the clock the client agreed to (see
`accdesk.ops.deadlines`); answering it stores the business minutes the client waited.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlmodel import Session, col

from accdesk.changes import Changes
from accdesk.codes import CLIENT, PROJECT, REQUEST, format_code, parse_code
from accdesk.errors import NotFound, StaleEdit, ValidationError
from accdesk.models import Client, Manager, Project, Request
from accdesk.ops.briefs import create_brief
from accdesk.ops.deadlines import ClientTerms, clocks_for
from accdesk.ops.inputs import RequestCreate, validate
from accdesk.ops.readmodels import BriefDoc, RequestRow
from accdesk.storage.db import Database
from accdesk.text import sort_key, translate
from accdesk.types import as_utc, utcnow, uuid_from_db

FUTURE_SLACK = timedelta(minutes=1)  # clocks of two machines never agree to the second
RECENT_ANSWERED = timedelta(days=7)


def _row_query() -> Any:
    r, c, p, m = (t.__table__ for t in (Request, Client, Project, Manager))  # type: ignore[union-attr]
    return (
        select(
            type_coerce(r.c.id, String),
            type_coerce(r.c.client_id, String),
            c.c.number,
            c.c.name,
            c.c.timezone,
            type_coerce(r.c.project_id, String),
            p.c.number,
            p.c.name,
            type_coerce(r.c.manager_id, String),
            m.c.name,
            r.c.channel,
            r.c.text,
            type_coerce(r.c.received_at, String),
            type_coerce(r.c.due_at, String),
            type_coerce(r.c.first_response_at, String),
            r.c.waited_minutes,
            r.c.version,
            r.c.number,
        )
        .join(c, c.c.id == r.c.client_id)
        .outerjoin(p, p.c.id == r.c.project_id)
        .outerjoin(m, m.c.id == r.c.manager_id)
    )


def _request_row(r: Any) -> RequestRow:
    return RequestRow(
        id=uuid_from_db(r[0]),
        code=format_code(REQUEST, r[17]),
        client_id=uuid_from_db(r[1]),
        client_code=format_code(CLIENT, r[2]),
        client_name=r[3],
        client_zone=r[4],
        project_id=uuid_from_db(r[5]) if r[5] else None,
        project=f"{format_code(PROJECT, r[6])} {r[7]}" if r[5] else "",
        manager_id=uuid_from_db(r[8]) if r[8] else None,
        manager=r[9] or "",
        channel=r[10],
        text=r[11],
        received_at=as_utc(r[12]),  # type: ignore[arg-type]
        due_at=as_utc(r[13]),
        answered_at=as_utc(r[14]),
        waited_minutes=r[15],
        version=r[16],
    )


def inbox(
    db: Database,
    *,
    manager_id: uuid.UUID | None = None,
    answered: bool = False,
    now: datetime | None = None,
) -> list[RequestRow]:
    """Requests waiting for a first response, soonest deadline first; with `answered`, those
    answered in the last week instead, newest first. `manager_id` keeps one manager's."""
    r = Request.__table__  # type: ignore[attr-defined]
    query = _row_query()
    if answered:
        since = (now or utcnow()) - RECENT_ANSWERED
        query = query.where(r.c.first_response_at >= since).order_by(r.c.first_response_at.desc())
    else:
        query = query.where(r.c.first_response_at.is_(None)).order_by(r.c.due_at, r.c.received_at)
    if manager_id is not None:
        query = query.where(r.c.manager_id == manager_id)
    with db.reading() as s:
        return [_request_row(row) for row in s.execute(query)]


def get_request(db: Database, request_id: uuid.UUID) -> RequestRow:
    r = Request.__table__  # type: ignore[attr-defined]
    with db.reading() as s:
        row = s.execute(_row_query().where(r.c.id == request_id)).first()
    if row is None:
        raise NotFound(translate("Requests", "this request no longer exists"))
    return _request_row(row)


def add_request(
    db: Database,
    data: dict[str, Any],
    *,
    now: datetime | None = None,
    request_id: uuid.UUID | None = None,
) -> tuple[RequestRow, Changes]:
    """Record a request and fix its deadline. `request_id` brings back one that an undo
    removed, under the same id."""
    edit = check_request(data, now)
    with db.transaction() as s:
        client = s.get(Client, edit.client_id)
        if client is None or client.deleted_at is not None:
            raise ValidationError(
                {"client_id": translate("Requests", "this client no longer exists")}
            )
        manager_id = None
        if edit.project_id is not None:
            manager_id = _project_of(s, edit.project_id, client.id).manager_id
        clocks = clocks_for(s)
        request = Request(
            number=(s.execute(select(func.max(col(Request.number)))).scalar() or 0) + 1,
            client_id=client.id,
            project_id=edit.project_id,
            manager_id=manager_id or _main_manager(s, client.id),
            channel=edit.channel,
            text=edit.text,
            received_at=edit.received_at,
            due_at=clocks.due(ClientTerms.of(client), edit.received_at),
        )
        if request_id is not None:
            request.id = request_id
        s.add(request)
        changes = Changes.written(s)
    return get_request(db, request.id), changes


def check_request(data: dict[str, Any], now: datetime | None = None) -> RequestCreate:
    """A request as typed, checked field by field (quick capture checks as the user types)."""
    edit = validate(RequestCreate, data)
    if edit.received_at > (now or utcnow()) + FUTURE_SLACK:
        raise ValidationError(
            {
                "received_at": translate(
                    "Requests", "is in the future; a request is recorded once it has arrived"
                )
            }
        )
    return edit


def _project_of(s: Session, project_id: uuid.UUID, client_id: uuid.UUID) -> Project:
    project = s.get(Project, project_id)
    if project is None or project.client_id != client_id:
        raise ValidationError(
            {"project_id": translate("Requests", "choose one of this client's projects")}
        )
    return project


def _main_manager(s: Session, client_id: uuid.UUID) -> uuid.UUID | None:
    """The manager of most of the client's projects: who a request without a project is for."""
    found = s.execute(
        select(col(Project.manager_id))
        .where(col(Project.client_id) == client_id, col(Project.manager_id).is_not(None))
        .group_by(col(Project.manager_id))
        .order_by(func.count().desc(), col(Project.manager_id))
        .limit(1)
    ).scalar()
    return uuid_from_db(found) if found is not None else None


def remove_request(db: Database, request_id: uuid.UUID) -> Changes:
    """Take back a request just captured (its undo)."""
    with db.transaction() as s:
        request = s.get(Request, request_id)
        if request is None:
            raise NotFound(translate("Requests", "this request no longer exists"))
        s.delete(request)
        return Changes.written(s)


def _live_request(s: Session, request_id: uuid.UUID, expected_version: int) -> Request:
    request = s.get(Request, request_id)
    if request is None:
        raise NotFound(translate("Requests", "this request no longer exists"))
    if request.version != expected_version:
        raise StaleEdit(
            translate("Requests", "the request was changed elsewhere; reload to see it")
        )
    return request


def set_answered(
    db: Database,
    request_id: uuid.UUID,
    answered_at: datetime | None,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> Changes:
    """Record the first response at `answered_at` (None takes it back)."""
    moment = now or utcnow()
    if answered_at is not None and answered_at > moment + FUTURE_SLACK:
        raise ValidationError({"answered_at": translate("Requests", "is in the future")})
    with db.transaction() as s:
        request = _live_request(s, request_id, expected_version)
        if answered_at is not None and answered_at < request.received_at:
            raise ValidationError(
                {"answered_at": translate("Requests", "is before the request was received")}
            )
        request.first_response_at = answered_at
        if answered_at is None:
            request.waited_minutes = None
        else:
            client = s.get(Client, request.client_id)
            assert client is not None
            clocks = clocks_for(s)
            request.waited_minutes = clocks.waited(
                ClientTerms.of(client), request.received_at, answered_at
            )
        request.updated_at = utcnow()
        return Changes.written(s)


def link_project(
    db: Database, request_id: uuid.UUID, project_id: uuid.UUID | None, *, expected_version: int
) -> Changes:
    """Tie the request to one of its client's projects; its manager becomes the project's."""
    with db.transaction() as s:
        request = _live_request(s, request_id, expected_version)
        request.project_id = project_id
        if project_id is not None:
            project = _project_of(s, project_id, request.client_id)
            request.manager_id = project.manager_id or request.manager_id
        request.updated_at = utcnow()
        return Changes.written(s)


def brief_from_request(db: Database, request_id: uuid.UUID) -> tuple[BriefDoc, Changes]:
    """A new brief on the request's project, titled by its first line, with the request's
    whole text kept in the notes."""
    row = get_request(db, request_id)
    if row.project_id is None:
        raise ValidationError(
            {"project_id": translate("Requests", "link the request to a project first")}
        )
    note = f"{row.channel}, {row.received_at:%Y-%m-%d %H:%M} UTC:\n{row.text}"
    return create_brief(db, row.project_id, {"title": _title(row.text), "notes": note})


def _title(text: str, limit: int = 120) -> str:
    line = next(
        (ln.strip() for ln in text.splitlines() if ln.strip()),
        translate("Requests", "Client request"),
    )
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def find_client(db: Database, text: str) -> uuid.UUID:
    """A client by code (C-0007) or by name, whole or its unique beginning."""
    number = parse_code(CLIENT, text)
    with db.reading() as s:
        live = col(Client.deleted_at).is_(None)
        if number is not None:
            query = select(col(Client.id)).where(col(Client.number) == number, live)
            found = list(s.execute(query).scalars())
        else:
            name = text.strip().casefold()
            rows = s.execute(select(col(Client.id), col(Client.name)).where(live)).all()
            exact = [cid for cid, n in rows if n.casefold() == name]
            found = exact or [cid for cid, n in rows if n.casefold().startswith(name)]
    count = len(found)
    if count != 1:
        problem = (
            translate("Requests", "no client matches")
            if not found
            else translate("Requests", "%n client(s) match", None, count)
        )
        raise NotFound(
            translate(
                "Requests", "{problem} “{text}”; give the code (C-0007) or more of the name"
            ).format(problem=problem, text=text)
        )
    return uuid_from_db(found[0])


def find_manager(db: Database, text: str) -> uuid.UUID:
    """A manager by login (am03) or by name, whole or its unique beginning."""
    wanted = text.strip().casefold()
    with db.reading() as s:
        rows = s.execute(select(col(Manager.id), col(Manager.name), col(Manager.login))).all()
    found = [
        mid for mid, name, login in rows if wanted in ((login or "").casefold(), name.casefold())
    ]
    found = found or [mid for mid, name, _ in rows if name.casefold().startswith(wanted)]
    count = len(found)
    if count != 1:
        problem = (
            translate("Requests", "no manager matches")
            if not found
            else translate("Requests", "%n manager(s) match", None, count)
        )
        raise NotFound(
            translate("Requests", "{problem} “{text}”; give the login or more of the name").format(
                problem=problem, text=text
            )
        )
    return uuid_from_db(found[0])


def capture_choices(db: Database) -> list[tuple[uuid.UUID, str, list[tuple[uuid.UUID, str]]]]:
    """Clients (code and name) with their open projects: what quick capture offers."""
    with db.reading() as s:
        clients = s.execute(
            select(col(Client.id), col(Client.number), col(Client.name))
            .where(col(Client.deleted_at).is_(None))
            .order_by(col(Client.name))
        ).all()
        projects: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
        for pid, cid, number, name in s.execute(
            select(col(Project.id), col(Project.client_id), col(Project.number), col(Project.name))
            .where(col(Project.status).not_in(("done", "archived")))
            .order_by(col(Project.number))
        ):
            projects.setdefault(cid, []).append((pid, f"{format_code(PROJECT, number)} {name}"))
    return [
        (cid, f"{name} · {format_code(CLIENT, number)}", projects.get(cid, []))
        for cid, number, name in sorted(clients, key=lambda c: sort_key(c[2]))
    ]


def deadline_for(db: Database, client_id: uuid.UUID, received_at: datetime) -> tuple[datetime, str]:
    """When a request from the client received then must be answered, and their zone."""
    with db.reading() as s:
        client = s.get(Client, client_id)
        if client is None:
            raise NotFound(translate("Requests", "this client no longer exists"))
        return clocks_for(s).due(ClientTerms.of(client), received_at), client.timezone
