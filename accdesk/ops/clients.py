"""The client card: what an account manager must know before the next call, and its edits.

Every edit is one transaction that checks the version the card showed, so an edit made in
another window or by a colleague in between is refused instead of overwritten. Records the
card adds (contacts, promises, loyalty actions, feedback) are deleted softly, so undoing an
addition and redoing it brings back the same row.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import BindParameter, bindparam, func
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from accdesk.changes import Changes
from accdesk.codes import CLIENT, PROJECT, format_code
from accdesk.errors import NotFound, StaleEdit
from accdesk.models import (
    Assignment,
    Client,
    ClientService,
    Contact,
    Entity,
    Feedback,
    LoyaltyAction,
    Manager,
    Project,
    Promise,
    Request,
    Service,
)
from accdesk.ops.deadlines import office_day, week_from_setting
from accdesk.ops.inputs import (
    ClientEdit,
    ContactEdit,
    FeedbackEdit,
    Input,
    LoyaltyEdit,
    PromiseEdit,
    ServiceCellEdit,
    validate,
)
from accdesk.ops.readmodels import (
    AssignmentRow,
    ClientCard,
    ContactRow,
    FeedbackRow,
    LoyaltyRow,
    MatrixCell,
    PromiseRow,
    ServiceCell,
    UpsellMatrix,
)
from accdesk.ops.settings import get_setting, get_settings
from accdesk.planning.agenda import Budget
from accdesk.planning.continuity import managers_since
from accdesk.planning.upsell import client_resting, due_this_week, next_offer, offer_due
from accdesk.storage.db import Database
from accdesk.text import QT_TRANSLATE_NOOP, sort_key, translate
from accdesk.types import utcnow


class Record(NamedTuple):
    """A kind of row the card adds and edits: its table, its input, and how messages name it.

    `noun` is the object of "… was changed elsewhere" and `gone` a whole sentence, because
    languages with cases need a different form of the noun in each.
    """

    table: type[Entity]
    edit: type[Input]
    noun: str
    gone: str


RECORDS: Mapping[str, Record] = {
    "contact": Record(
        Contact,
        ContactEdit,
        QT_TRANSLATE_NOOP("Clients", "this contact"),
        QT_TRANSLATE_NOOP("Clients", "this contact no longer exists"),
    ),
    "promise": Record(
        Promise,
        PromiseEdit,
        QT_TRANSLATE_NOOP("Clients", "this promise"),
        QT_TRANSLATE_NOOP("Clients", "this promise no longer exists"),
    ),
    "loyalty": Record(
        LoyaltyAction,
        LoyaltyEdit,
        QT_TRANSLATE_NOOP("Clients", "this loyalty action"),
        QT_TRANSLATE_NOOP("Clients", "this loyalty action no longer exists"),
    ),
    "feedback": Record(
        Feedback,
        FeedbackEdit,
        QT_TRANSLATE_NOOP("Clients", "this feedback"),
        QT_TRANSLATE_NOOP("Clients", "this feedback no longer exists"),
    ),
}


# Reading ----------------------------------------------------------------------------------


# long: every section of the card from one session, one snapshot
def client_card(db: Database, client_id: uuid.UUID, now: datetime | None = None) -> ClientCard:
    moment = now or utcnow()
    with db.reading() as s:
        client = _live_client(s, client_id)
        q = _card_queries()
        by_client = {"client_id": client_id}
        contacts = s.exec(q.contacts, params=by_client).all()
        services = s.execute(q.services, by_client).all()
        promises = s.exec(q.promises, params=by_client).all()
        loyalty = s.exec(q.loyalty, params=by_client).all()
        feedback = s.exec(q.feedback, params=by_client).all()
        history = _history(s, q.history, client_id)
        managed = s.execute(q.managers, by_client).all()
        managers = sorted({name for _, name, live in managed if live})
        manager_ids = frozenset(manager_id for manager_id, _, _ in managed)
        project_count, open_requests = s.execute(q.counts, by_client).one()
        found = get_settings(s, "currency", "agency_timezone", "work_week", "upsell_cadence_days")
        currency = str(found["currency"])
        agency_zone = str(found["agency_timezone"])
        day_start, day_end = office_day(week_from_setting(found["work_week"]))
        cadence = int(found["upsell_cadence_days"])
    return ClientCard(
        id=client.id,
        version=client.version,
        code=format_code(CLIENT, client.number),
        name=client.name,
        legal_name=client.legal_name or "",
        segment=client.segment or "",
        monthly_budget=client.monthly_budget,
        currency=currency,
        preferred_channel=client.preferred_channel or "",
        kpi_focus=client.kpi_focus or "",
        timezone=client.timezone,
        work_start_minute=client.work_start_minute,
        work_end_minute=client.work_end_minute,
        response_minutes=client.response_minutes if client.response_mode == "minutes" else None,
        sla_calendar=client.sla_calendar,
        keep_manager=client.keep_manager,
        notes=client.notes,
        agency_timezone=agency_zone,
        agency_day=(day_start, day_end),
        upsell_cadence_days=cadence,
        managers=tuple(managers),
        manager_ids=manager_ids,
        project_count=project_count,
        open_requests=open_requests,
        contacts=tuple(
            ContactRow(
                c.id,
                c.name,
                c.role or "",
                c.email or "",
                c.phone or "",
                c.messenger or "",
                c.birthday,
                c.is_primary,
                c.version,
            )
            for c in sorted(contacts, key=lambda c: (not c.is_primary, sort_key(c.name)))
        ),
        services=tuple(
            ServiceCell(service_id, name, "none", 0, None, None, "", None, None)
            if cell is None
            else ServiceCell(
                service_id,
                name,
                cell.state,
                cell.monthly_value,
                cell.last_offer_on,
                cell.next_offer_on,
                cell.helper or "",
                cell.id,
                cell.version,
            )
            for service_id, name, cell in services
        ),
        promises=tuple(
            PromiseRow(
                p.id,
                p.what,
                p.promised_by,
                p.promised_on,
                p.due_on,
                p.feasibility,
                p.status,
                p.note,
                p.version,
            )
            for p in promises
        ),
        loyalty=tuple(
            LoyaltyRow(a.id, a.practice, a.done_on, a.planned_on, a.note, a.version)
            for a in loyalty
        ),
        feedback=tuple(
            FeedbackRow(
                f.id, f.score, f.comment, f.received_on, f.reaction, f.reacted_on, f.version
            )
            for f in feedback
        ),
        history=tuple(row for row, _project, _at in history),
        managers_last_year=tuple(
            managers_since(
                ((project, row.manager or None, at) for row, project, at in history),
                moment - timedelta(days=365),
            )
        ),
    )


def _history(
    s: Session, query: Any, client_id: uuid.UUID
) -> list[tuple[AssignmentRow, uuid.UUID, datetime]]:
    """Every assignment of the client's projects, newest first, with its project and time."""
    rows = s.execute(query, {"client_id": client_id}).all()
    return [
        (
            AssignmentRow(
                at, name or "", before or "", f"{format_code(PROJECT, number)} {title}", reason
            ),
            project,
            at,
        )
        for at, name, before, project, number, title, reason in rows
    ]


class _CardQueries(NamedTuple):
    contacts: Any
    services: Any
    promises: Any
    loyalty: Any
    feedback: Any
    history: Any
    managers: Any
    counts: Any


@cache
def _card_queries() -> _CardQueries:
    """The card's statements, built once with the client as a parameter: building them cost
    as much as running them, and a card opens on every selection in the queue."""
    client_id: BindParameter[uuid.UUID] = bindparam("client_id")
    manager, previous = aliased(Manager), aliased(Manager)
    return _CardQueries(
        contacts=select(Contact)
        .where(Contact.client_id == client_id, col(Contact.deleted_at).is_(None))
        .order_by(col(Contact.is_primary).desc(), Contact.name),
        services=sa_select(col(Service.id), col(Service.name), ClientService)
        .outerjoin(
            ClientService,
            (col(ClientService.service_id) == col(Service.id))
            & (col(ClientService.client_id) == client_id),
        )
        .where(col(Service.active))
        .order_by(col(Service.position), col(Service.name)),
        promises=select(Promise)
        .where(Promise.client_id == client_id, col(Promise.deleted_at).is_(None))
        .order_by(
            (col(Promise.status) != "open"),
            col(Promise.due_on).asc().nulls_last(),
            col(Promise.promised_on).desc(),
        ),
        loyalty=select(LoyaltyAction)
        .where(LoyaltyAction.client_id == client_id, col(LoyaltyAction.deleted_at).is_(None))
        .order_by(
            col(LoyaltyAction.done_on).is_not(None),
            col(LoyaltyAction.planned_on),
            col(LoyaltyAction.done_on).desc(),
        ),
        feedback=select(Feedback)
        .where(Feedback.client_id == client_id, col(Feedback.deleted_at).is_(None))
        .order_by(col(Feedback.received_on).desc(), col(Feedback.created_at).desc()),
        history=sa_select(
            col(Assignment.assigned_at),
            col(manager.name),
            col(previous.name),
            col(Project.id),
            col(Project.number),
            col(Project.name),
            col(Assignment.reason),
        )
        .join(Project, col(Project.id) == col(Assignment.project_id))
        .outerjoin(manager, col(manager.id) == col(Assignment.manager_id))
        .outerjoin(previous, col(previous.id) == col(Assignment.previous_manager_id))
        .where(col(Project.client_id) == client_id, col(Project.deleted_at).is_(None))
        .order_by(col(Assignment.assigned_at).desc()),
        # Each manager of the client's projects, and whether on a live one: the names the card
        # shows, and whose client it is as `accdesk.storage.access` decides who may change it (the
        # managers of any of its projects, archived ones too).
        managers=sa_select(
            col(Project.manager_id), col(Manager.name), col(Project.deleted_at).is_(None)
        )
        .join(Manager, col(Manager.id) == col(Project.manager_id))
        .where(col(Project.client_id) == client_id)
        .distinct(),
        # Both counts in one statement: on a team database each statement is a round trip.
        counts=sa_select(
            sa_select(func.count())
            .select_from(Project)
            .where(col(Project.client_id) == client_id, col(Project.deleted_at).is_(None))
            .scalar_subquery(),
            sa_select(func.count())
            .select_from(Request)
            .where(col(Request.client_id) == client_id, col(Request.first_response_at).is_(None))
            .scalar_subquery(),
        ),
    )


def upsell_matrix(db: Database, today: date) -> UpsellMatrix:
    """The team's clients crossed with the catalogue, for spotting the offers that are due."""
    with db.reading() as s:
        services = s.execute(
            sa_select(col(Service.id), col(Service.name))
            .where(col(Service.active))
            .order_by(col(Service.position), col(Service.name))
        ).all()
        manager_name = (
            sa_select(col(Manager.name))
            .join(Project, col(Project.manager_id) == col(Manager.id))
            .where(col(Project.client_id) == col(Client.id), col(Project.deleted_at).is_(None))
            .order_by(col(Project.number))
            .limit(1)
            .scalar_subquery()
        )
        clients = sorted(
            s.execute(
                sa_select(col(Client.id), col(Client.name), manager_name)
                .where(col(Client.deleted_at).is_(None))
                .order_by(col(Client.name))
            ).all(),
            key=lambda c: sort_key(c[1]),
        )
        cells = s.execute(
            sa_select(
                col(ClientService.client_id),
                col(ClientService.service_id),
                col(ClientService.state),
                col(ClientService.next_offer_on),
                col(ClientService.last_offer_on),
            )
        ).all()
        cadence = int(get_setting(s, "upsell_cadence_days"))
        budget = Budget.of(get_setting(s, "agenda_budget"))
        managers = s.execute(select(func.count()).where(col(Manager.active))).scalar_one()
    found = {(c, sv): (state, nxt) for c, sv, state, nxt, _last in cells}
    offered: dict[uuid.UUID, list[date | None]] = {}
    for client_id, _service, _state, _next, last in cells:
        offered.setdefault(client_id, []).append(last)
    grid = []
    for client_id, _name, _manager in clients:
        # The plan's own rule: a client offered anything within the cadence rests.
        resting = client_resting(offered.get(client_id, []), today, cadence)
        row = []
        for service_id, _service in services:
            state, nxt = found.get((client_id, service_id), ("none", None))
            row.append(MatrixCell(state, nxt, not resting and offer_due(state, nxt, today)))
        grid.append(tuple(row))
    due_clients = sum(1 for row in grid if any(cell.due for cell in row))
    return UpsellMatrix(
        services=tuple((sid, name) for sid, name in services),
        clients=tuple((cid, name, manager or "") for cid, name, manager in clients),
        cells=tuple(grid),
        this_week=due_this_week(due_clients, int(managers), budget.upsell, 5),
    )


# Writing ----------------------------------------------------------------------------------


def _live_client(s: Session, client_id: uuid.UUID) -> Client:
    client = s.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise NotFound(translate("Clients", "this client no longer exists"))
    return client


def _check_version(row: Entity, expected: int | None, what: str) -> None:
    if row.version != expected:
        raise StaleEdit(
            translate(
                "Clients",
                "{what} was changed elsewhere since you opened it; nothing was saved: reload to see the newer version",  # noqa: E501
            ).format(what=what)
        )


def _stale_on_write(what: str) -> StaleEdit:
    return StaleEdit(
        translate(
            "Clients", "{what} was changed elsewhere while you were saving; nothing was saved"
        ).format(what=what)
    )


def update_client(
    db: Database, client_id: uuid.UUID, data: dict[str, Any], *, expected_version: int
) -> Changes:
    """Save the client's profile, time and response fields as the card shows them."""
    edit = validate(ClientEdit, data)
    values = edit.model_dump()
    minutes = values.pop("response_minutes")
    values["response_mode"] = "minutes" if minutes is not None else "next_business_day"
    values["response_minutes"] = minutes
    try:
        with db.transaction() as s:
            client = _live_client(s, client_id)
            _check_version(client, expected_version, format_code(CLIENT, client.number))
            for key, value in values.items():
                setattr(client, key, value)
            client.updated_at = utcnow()
            changes = Changes.written(s)
    except StaleDataError:
        raise _stale_on_write(translate("Clients", "the client")) from None
    return changes


def save_record(
    db: Database,
    kind: str,
    client_id: uuid.UUID,
    data: dict[str, Any],
    *,
    record_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> tuple[uuid.UUID, Changes]:
    """Add (`record_id` None) or edit a contact, promise, loyalty action or feedback."""
    record = RECORDS[kind]
    values = validate(record.edit, data).model_dump()
    try:
        with db.transaction() as s:
            _live_client(s, client_id)
            if record_id is None:
                row: Any = record.table(client_id=client_id, **values)  # type: ignore[call-arg]
                s.add(row)
            else:
                row = _live_record(s, record, record_id, client_id)
                _check_version(row, expected_version, translate("Clients", record.noun))
                for key, value in values.items():
                    setattr(row, key, value)
                row.updated_at = utcnow()
            s.flush()
            if kind == "contact":
                _one_primary(s, client_id, row)
            changes = Changes.written(s)
    except StaleDataError:
        raise _stale_on_write(translate("Clients", record.noun)) from None
    return row.id, changes


def set_record_deleted(
    db: Database, kind: str, client_id: uuid.UUID, record_id: uuid.UUID, deleted: bool
) -> Changes:
    """Delete a card record, or bring a deleted one back (undo)."""
    record = RECORDS[kind]
    with db.transaction() as s:
        row: Any = s.get(record.table, record_id)
        if row is None or row.client_id != client_id:
            raise NotFound(translate("Clients", record.gone))
        row.deleted_at = utcnow() if deleted else None
        row.updated_at = utcnow()
        s.flush()
        if kind == "contact":
            _one_primary(s, client_id, None if deleted else row)
        return Changes.written(s)


def _live_record(s: Session, record: Record, record_id: uuid.UUID, client_id: uuid.UUID) -> Any:
    row: Any = s.get(record.table, record_id)
    if row is None or row.deleted_at is not None or row.client_id != client_id:
        raise NotFound(translate("Clients", record.gone))
    return row


def _one_primary(s: Session, client_id: uuid.UUID, saved: Any) -> None:
    """Exactly one primary contact while the client has any: the one just marked primary,
    else the current one, else the first by name."""
    live = s.exec(
        select(Contact)
        .where(Contact.client_id == client_id, col(Contact.deleted_at).is_(None))
        .order_by(col(Contact.is_primary).desc(), Contact.name)
    ).all()
    if not live:
        return
    keep = saved if saved is not None and saved.is_primary else live[0]
    for contact in live:
        should = contact.id == keep.id
        if contact.is_primary != should:
            contact.is_primary = should
            contact.updated_at = utcnow()


def set_service_cell(
    db: Database,
    client_id: uuid.UUID,
    service_id: uuid.UUID,
    data: dict[str, Any],
    *,
    expected_version: int | None,
) -> Changes:
    """Set one cell of the up-sell matrix; `expected_version` is None for a cell never set."""
    edit = validate(ServiceCellEdit, data)
    try:
        with db.transaction() as s:
            client = _live_client(s, client_id)
            service = s.get(Service, service_id)
            if service is None:
                raise NotFound(translate("Clients", "this service is no longer in the catalogue"))
            cell = s.exec(
                select(ClientService).where(
                    ClientService.client_id == client_id, ClientService.service_id == service_id
                )
            ).first()
            what = translate("Clients", "{service} of {client}").format(
                service=service.name, client=format_code(CLIENT, client.number)
            )
            if cell is None:
                if expected_version is not None:
                    raise NotFound(
                        translate("Clients", "{what} no longer exists").format(what=what)
                    )
                cell = ClientService(client_id=client_id, service_id=service_id)
                s.add(cell)
            else:
                _check_version(cell, expected_version, what)
                cell.updated_at = utcnow()
            cadence = int(get_setting(s, "upsell_cadence_days"))
            cell.state = edit.state
            cell.monthly_value = edit.monthly_value
            cell.last_offer_on = edit.last_offer_on
            cell.next_offer_on = edit.next_offer_on or next_offer(
                edit.state, edit.last_offer_on, cadence
            )
            cell.helper = edit.helper or None
            changes = Changes.written(s)
    except StaleDataError:
        raise _stale_on_write(translate("Clients", "this service")) from None
    return changes
