"""Task briefs of a project: list, create, edit."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from accdesk.codes import BRIEF, format_code
from accdesk.db import Database
from accdesk.errors import NotFound, StaleEdit
from accdesk.models import Brief, BriefDraft, Project
from accdesk.ops.changes import Changes
from accdesk.ops.inputs import BriefEdit, DraftText, validate
from accdesk.ops.readmodels import BriefDoc, DraftDoc
from accdesk.types import utcnow


def _doc(brief: Brief) -> BriefDoc:
    return BriefDoc(
        id=brief.id,
        code=format_code(BRIEF, brief.number),
        project_id=brief.project_id,
        title=brief.title,
        body=brief.body,
        level=brief.level,
        audience=brief.audience,
        status=brief.status,
        updated_at=brief.updated_at,
        version=brief.version,
    )


def briefs_for_project(db: Database, project_id: uuid.UUID) -> list[BriefDoc]:
    with db.reading() as s:
        briefs = s.exec(
            select(Brief)
            .where(Brief.project_id == project_id, col(Brief.deleted_at).is_(None))
            .order_by(col(Brief.updated_at).desc())
        ).all()
        return [_doc(b) for b in briefs]


def get_brief(db: Database, brief_id: uuid.UUID) -> BriefDoc:
    with db.reading() as s:
        return _doc(_live_brief(s, brief_id))


def _live_brief(s: Session, brief_id: uuid.UUID) -> Brief:
    brief = s.get(Brief, brief_id)
    if brief is None or brief.deleted_at is not None:
        raise NotFound("this brief no longer exists")
    return brief


def create_brief(
    db: Database, project_id: uuid.UUID, data: dict[str, Any]
) -> tuple[BriefDoc, Changes]:
    edit = validate(BriefEdit, data)
    with db.transaction() as s:
        if s.get(Project, project_id) is None:
            raise NotFound("this project no longer exists")
        number = (s.exec(select(func.max(Brief.number))).one() or 0) + 1
        brief = Brief(number=number, project_id=project_id, title=edit.title, body=edit.body)
        s.add(brief)
        s.flush()
        doc = _doc(brief)
    return doc, Changes.one("brief", doc.id, doc.version)


def update_brief(
    db: Database, brief_id: uuid.UUID, data: dict[str, Any], *, expected_version: int
) -> Changes:
    """Save a brief's title and text, refusing the write if someone saved it in between."""
    edit = validate(BriefEdit, data)
    try:
        with db.transaction() as s:
            brief = _live_brief(s, brief_id)
            if brief.version != expected_version:
                raise StaleEdit(_stale_message(brief))
            brief.title = edit.title
            brief.body = edit.body
            brief.updated_at = utcnow()
            _drop_draft(s, brief_id)
            s.flush()
            version = brief.version
    except StaleDataError:
        raise StaleEdit(
            "this brief was changed elsewhere while you were saving; reload it"
        ) from None
    return Changes.one("brief", brief_id, version)


def _stale_message(brief: Brief) -> str:
    code = format_code(BRIEF, brief.number)
    return f"{code} was changed elsewhere since you opened it; reload it to see the newer text"


def save_draft(db: Database, brief_id: uuid.UUID, data: dict[str, Any]) -> Changes:
    """Keep what is typed in a brief's editor, saved or not, so a crash cannot lose it."""
    text = validate(DraftText, data)
    with db.transaction() as s:
        _live_brief(s, brief_id)
        draft = s.exec(select(BriefDraft).where(BriefDraft.brief_id == brief_id)).first()
        if draft is None:
            draft = BriefDraft(brief_id=brief_id)
            s.add(draft)
        draft.title, draft.body, draft.typed_at = text.title, text.body, utcnow()
        draft.updated_at = draft.typed_at
        s.flush()
        draft_id = draft.id
    return Changes.one("draft", draft_id)


def _drop_draft(s: Session, brief_id: uuid.UUID) -> None:
    draft = s.exec(select(BriefDraft).where(BriefDraft.brief_id == brief_id)).first()
    if draft is not None:
        s.delete(draft)


def drafts(db: Database) -> list[DraftDoc]:
    """Unsaved drafts, newest first, with the project each brief belongs to."""
    with db.reading() as s:
        rows = s.exec(
            select(BriefDraft, Brief.project_id)
            .join(Brief, col(Brief.id) == col(BriefDraft.brief_id))
            .where(col(Brief.deleted_at).is_(None))
            .order_by(col(BriefDraft.typed_at).desc())
        ).all()
        return [
            DraftDoc(d.brief_id, project_id, d.title, d.body, d.typed_at) for d, project_id in rows
        ]


def draft_for(db: Database, brief_id: uuid.UUID) -> DraftDoc | None:
    with db.reading() as s:
        row = s.exec(
            select(BriefDraft, Brief.project_id)
            .join(Brief, col(Brief.id) == col(BriefDraft.brief_id))
            .where(BriefDraft.brief_id == brief_id)
        ).first()
        if row is None:
            return None
        d, project_id = row
        return DraftDoc(d.brief_id, project_id, d.title, d.body, d.typed_at)
