"""Figures for the status bar and the CLI."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import col, select

from accdesk.models import Brief, Client, Manager, Project, Request
from accdesk.ops.readmodels import Counts
from accdesk.storage.db import Database


def counts(db: Database) -> Counts:
    with db.reading() as s:
        return Counts(
            managers=s.exec(select(func.count()).select_from(Manager).where(Manager.active)).one(),
            clients=s.exec(select(func.count()).where(col(Client.deleted_at).is_(None))).one(),
            projects=s.exec(select(func.count()).where(col(Project.deleted_at).is_(None))).one(),
            requests=s.exec(select(func.count()).select_from(Request)).one(),
            briefs=s.exec(select(func.count()).where(col(Brief.deleted_at).is_(None))).one(),
        )
