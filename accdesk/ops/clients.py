"""The client card: what an account manager must know before the next call."""

from __future__ import annotations

import uuid

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from accdesk.codes import CLIENT, format_code
from accdesk.db import Database
from accdesk.errors import NotFound
from accdesk.models import (
    Client,
    ClientService,
    Contact,
    Feedback,
    Manager,
    Project,
    Promise,
    PromiseStatus,
    Request,
    Service,
)
from accdesk.ops.readmodels import ClientCard, ContactRow, PromiseRow, ServiceCell
from accdesk.ops.settings import get_setting


def client_card(db: Database, client_id: uuid.UUID) -> ClientCard:
    with db.reading() as s:
        client = s.get(Client, client_id)
        if client is None or client.deleted_at is not None:
            raise NotFound("this client no longer exists")
        contacts = s.exec(
            select(Contact)
            .where(Contact.client_id == client_id, col(Contact.deleted_at).is_(None))
            .order_by(col(Contact.is_primary).desc(), Contact.name)
        ).all()
        services = s.execute(
            sa_select(
                col(Service.name),
                col(ClientService.state),
                col(ClientService.monthly_value),
                col(ClientService.next_offer_on),
            )
            .join(Service, col(Service.id) == col(ClientService.service_id))
            .where(col(ClientService.client_id) == client_id)
            .order_by(col(Service.position))
        ).all()
        promises = s.exec(
            select(Promise)
            .where(Promise.client_id == client_id, Promise.status == PromiseStatus.OPEN)
            .order_by(col(Promise.due_on).asc().nulls_last())
        ).all()
        managers = s.exec(
            select(Manager.name)
            .join(Project, col(Project.manager_id) == col(Manager.id))
            .where(Project.client_id == client_id, col(Project.deleted_at).is_(None))
            .distinct()
            .order_by(Manager.name)
        ).all()
        project_count = s.exec(
            select(func.count()).where(
                Project.client_id == client_id, col(Project.deleted_at).is_(None)
            )
        ).one()
        open_requests = s.exec(
            select(func.count()).where(
                Request.client_id == client_id, col(Request.first_response_at).is_(None)
            )
        ).one()
        nps = s.execute(
            sa_select(col(Feedback.score), col(Feedback.received_on))
            .where(col(Feedback.client_id) == client_id)
            .order_by(col(Feedback.received_on).desc())
            .limit(1)
        ).first()
        currency = str(get_setting(s, "currency"))
    return ClientCard(
        id=client.id,
        code=format_code(CLIENT, client.number),
        name=client.name,
        legal_name=client.legal_name or "",
        segment=client.segment or "",
        monthly_budget=client.monthly_budget,
        currency=currency,
        preferred_channel=client.preferred_channel or "",
        kpi_focus=client.kpi_focus or "",
        timezone=client.timezone,
        response_mode=client.response_mode,
        response_minutes=client.response_minutes,
        notes=client.notes,
        managers=tuple(managers),
        project_count=project_count,
        open_requests=open_requests,
        last_nps=nps[0] if nps else None,
        last_nps_on=nps[1] if nps else None,
        contacts=tuple(
            ContactRow(
                id=c.id,
                name=c.name,
                role=c.role or "",
                email=c.email or "",
                phone=c.phone or "",
                messenger=c.messenger or "",
                birthday=c.birthday,
                is_primary=c.is_primary,
            )
            for c in contacts
        ),
        services=tuple(ServiceCell(*row) for row in services),
        open_promises=tuple(
            PromiseRow(
                id=p.id,
                what=p.what,
                promised_by=p.promised_by,
                due_on=p.due_on,
                feasibility=p.feasibility,
                status=p.status,
            )
            for p in promises
        ),
    )
