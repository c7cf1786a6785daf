"""Task briefs of a project: write, keep drafts and revisions, move them from draft to
accepted, export them, and the templates and audience levels they are written against."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import count
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from accdesk.briefs.content import BriefContent, from_json, problems, to_json
from accdesk.briefs.render import brief_html, brief_markdown
from accdesk.briefs.schema import (
    DEFAULT_AUDIENCE_LEVELS,
    MAX_LEVEL,
    MIN_LEVEL,
    Template,
    TemplateData,
    Templates,
    agency_templates,
    template_data,
)
from accdesk.changes import Changes
from accdesk.codes import BRIEF, format_code, parse_code
from accdesk.errors import AccdeskError, NotFound, StaleEdit, ValidationError
from accdesk.models import Brief, BriefDraft, BriefRevision, BriefStatus, Project
from accdesk.ops.inputs import BriefCreate, BriefPatch, DraftText, TemplateName, validate
from accdesk.ops.readmodels import BriefDoc, DraftDoc, RevisionDoc
from accdesk.ops.settings import get_setting, put_setting
from accdesk.storage.db import Database
from accdesk.text import translate
from accdesk.types import utcnow

# Saves this close together are one revision: history shows sittings, not keystrokes.
REVISION_WINDOW = timedelta(minutes=10)
# The columns of their own; every other section lives in `Brief.sections`.
COLUMN_SECTIONS = ("deadline", "estimate")


# --- Reading ------------------------------------------------------------------------------------
def _content(brief: Brief) -> BriefContent:
    stored = from_json({"values": brief.sections})
    values = {k: v for k, v in stored.values.items() if k not in COLUMN_SECTIONS}
    if brief.deadline is not None:
        values["deadline"] = brief.deadline
    if brief.estimate_hours is not None:
        values["estimate"] = float(brief.estimate_hours)
    return BriefContent(
        title=brief.title,
        level=brief.level,
        audience=brief.audience,
        template=brief.template,
        values=values,
        notes=brief.body,
    )


def _doc(brief: Brief) -> BriefDoc:
    return BriefDoc(
        id=brief.id,
        code=format_code(BRIEF, brief.number),
        project_id=brief.project_id,
        content=_content(brief),
        status=brief.status,
        sent_at=brief.sent_at,
        accepted_at=brief.accepted_at,
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


def find_brief(db: Database, code: str) -> BriefDoc:
    """A brief by the code people type (`B-0007`, `b7`, `7`) or by a unique id prefix."""
    number = parse_code(BRIEF, code, bare=True)
    with db.reading() as s:
        brief = None
        if number is not None:
            brief = s.exec(select(Brief).where(Brief.number == number)).first()
        if brief is None and len(code.strip()) >= 4:
            prefix = code.strip().lower().replace("-", "")
            ids = [i for i in s.exec(select(Brief.id)).all() if i.hex.startswith(prefix)]
            brief = s.get(Brief, ids[0]) if len(ids) == 1 else None
        if brief is None or brief.deleted_at is not None:
            raise NotFound(translate("Briefs", "there is no brief {code!r}").format(code=code))
        return _doc(brief)


def _live_brief(s: Session, brief_id: uuid.UUID) -> Brief:
    brief = s.get(Brief, brief_id)
    if brief is None or brief.deleted_at is not None:
        raise NotFound(translate("Briefs", "this brief no longer exists"))
    return brief


def revisions(db: Database, brief_id: uuid.UUID) -> list[RevisionDoc]:
    """The brief's saved states, newest first."""
    with db.reading() as s:
        rows = s.exec(
            select(BriefRevision)
            .where(BriefRevision.brief_id == brief_id)
            .order_by(col(BriefRevision.revision).desc())
        ).all()
        return [
            RevisionDoc(r.brief_id, r.revision, r.updated_at, from_json(r.sections)) for r in rows
        ]


# --- Templates and audience levels ----------------------------------------------------------
def templates(db: Database) -> Templates:
    with db.reading() as s:
        return _templates(s)


def _templates(s: Session) -> Templates:
    """The built-in templates and the agency's, inside the caller's session."""
    return Templates.of(agency_templates(get_setting(s, "brief_templates")))


def audience_levels(db: Database) -> dict[str, int]:
    with db.reading() as s:
        stored = get_setting(s, "audience_levels")
    levels = dict(DEFAULT_AUDIENCE_LEVELS)
    if isinstance(stored, dict):
        levels.update({k: v for k, v in stored.items() if k in levels and isinstance(v, int)})
    return levels


def check_audience_levels(data: dict[str, Any]) -> None:
    """Raise `ValidationError` unless every entry is a known audience with a level 1..10."""
    errors = {
        key: translate("Briefs", "must be a whole number from {MIN_LEVEL} to {MAX_LEVEL}").format(
            MIN_LEVEL=MIN_LEVEL, MAX_LEVEL=MAX_LEVEL
        )
        for key, value in data.items()
        if key in DEFAULT_AUDIENCE_LEVELS
        and not (isinstance(value, int) and MIN_LEVEL <= value <= MAX_LEVEL)
    }
    errors.update(
        {
            key: translate("Briefs", "is not an audience")
            for key in data
            if key not in DEFAULT_AUDIENCE_LEVELS
        }
    )
    if errors:
        raise ValidationError(errors)


def set_audience_levels(db: Database, data: dict[str, Any]) -> Changes:
    check_audience_levels(data)
    with db.transaction() as s:
        put_setting(s, "audience_levels", {**audience_levels(db), **data})
        return Changes.written(s)


def save_template(db: Database, brief_id: uuid.UUID, name: str) -> tuple[Template, Changes]:
    """Make the agency a template from a brief: its sections, level and audience, with what
    is written in it as the starting text of every new brief of that template. A template
    of the same name is replaced."""
    if not name.strip():
        raise ValidationError({"name": translate("Briefs", "give the template a name")})
    name = validate(TemplateName, {"name": name}).name
    with db.transaction() as s:
        brief = _content(_live_brief(s, brief_id))
        stored = get_setting(s, "brief_templates")
        current = agency_templates(stored)
        same = next((t for t in current if t.name == name.strip()), None)
        entries = stored if isinstance(stored, list) else []
        taken = {item.get("key") for item in entries if isinstance(item, dict)}
        key = (
            same.key
            if same
            else next(f"agency_{n}" for n in count(1) if f"agency_{n}" not in taken)
        )
        base = Templates.of(current).get(brief.template)
        starter = {k: v for k, v in to_json(brief)["values"].items() if k not in COLUMN_SECTIONS}
        data = TemplateData.model_validate(
            template_data(base)
            | {
                "key": key,
                "name": name.strip(),
                "description": translate("Briefs", "Made from “{title}”").format(title=brief.title)[
                    :300
                ],
                "level": brief.level,
                "audience": brief.audience,
                "starter": starter,
            }
        )
        kept = [item for item in entries if not (isinstance(item, dict) and item.get("key") == key)]
        put_setting(s, "brief_templates", [*kept, data.model_dump()])
        return data.build(), Changes.written(s)


# --- Writing ------------------------------------------------------------------------------------
def create_brief(
    db: Database, project_id: uuid.UUID, data: dict[str, Any]
) -> tuple[BriefDoc, Changes]:
    """A new brief on a project, laid out by its template and starting at its level."""
    edit = validate(BriefCreate, data)
    with db.transaction() as s:
        if s.get(Project, project_id) is None:
            raise NotFound(translate("Briefs", "this project no longer exists"))
        template = _templates(s).get(edit.template)
        content = replace(
            from_json({"values": dict(template.starter)}),
            title=edit.title,
            level=template.level,
            audience=template.audience,
            template=template.key,
            notes=edit.notes,
        )
        number = (s.exec(select(func.max(Brief.number))).one() or 0) + 1
        brief = Brief(number=number, project_id=project_id, title=edit.title)
        _write(brief, content)
        s.add(brief)
        s.flush()
        _record_revision(s, brief, content, new=True)
        return _doc(brief), Changes.written(s)


def update_brief(
    db: Database, brief_id: uuid.UUID, data: dict[str, Any], *, expected_version: int
) -> Changes:
    """Save an edit of a brief (what `data` leaves out stays), refusing it if someone saved
    the brief in between; the unsaved draft goes in the same transaction."""
    patch = validate(BriefPatch, data)
    try:
        with db.transaction() as s:
            brief = _live_brief(s, brief_id)
            if brief.version != expected_version:
                raise StaleEdit(_stale_message(brief))
            content = _patched(_content(brief), patch).normalized()
            template = _templates(s).get(content.template)
            if errors := problems(template, content):
                raise ValidationError(errors)
            _write(brief, content)
            brief.updated_at = utcnow()
            _drop_draft(s, brief_id)
            s.flush()
            _record_revision(s, brief, content)
            changes = Changes.written(s)
    except StaleDataError:
        raise StaleEdit(
            translate("Briefs", "this brief was changed elsewhere while you were saving; reload it")
        ) from None
    return changes


def _patched(content: BriefContent, patch: BriefPatch) -> BriefContent:
    given = {k: v for k, v in patch.model_dump().items() if v is not None}
    values = given.pop("values", None)
    merged = replace(content, **given)
    if values is not None:
        merged = replace(merged, values=from_json({"values": values}).values)
    return merged


def _write(brief: Brief, content: BriefContent) -> None:
    stored = to_json(content)["values"]
    deadline, estimate = content.values.get("deadline"), content.values.get("estimate")
    brief.title = content.title.strip()
    brief.level = content.level
    brief.audience = content.audience
    brief.template = content.template
    brief.body = content.notes
    brief.sections = {k: v for k, v in stored.items() if k not in COLUMN_SECTIONS}
    brief.deadline = deadline if isinstance(deadline, date) else None
    brief.estimate_hours = estimate if isinstance(estimate, float) else None


def _record_revision(s: Session, brief: Brief, content: BriefContent, *, new: bool = False) -> None:
    """Keep the saved state in the history: a new revision, or the latest one updated if it
    is from the same sitting (saved less than REVISION_WINDOW ago)."""
    latest = s.exec(
        select(BriefRevision)
        .where(BriefRevision.brief_id == brief.id)
        .order_by(col(BriefRevision.revision).desc())
    ).first()
    now = utcnow()
    if latest is None or new or now - latest.updated_at >= REVISION_WINDOW:
        latest = BriefRevision(
            brief_id=brief.id,
            revision=(latest.revision + 1) if latest else 1,
            title=brief.title,
        )
        s.add(latest)
    latest.title, latest.body, latest.level = brief.title, brief.body, brief.level
    latest.sections = to_json(content)
    latest.updated_at = now
    s.flush()


def restore_revision(
    db: Database, brief_id: uuid.UUID, number: int, *, expected_version: int
) -> Changes:
    """Save an old revision's content as the brief's current one, as a revision of its own."""
    with db.reading() as s:
        old = s.exec(
            select(BriefRevision).where(
                BriefRevision.brief_id == brief_id, BriefRevision.revision == number
            )
        ).first()
        if old is None:
            raise NotFound(
                translate("Briefs", "this brief has no revision {number}").format(number=number)
            )
        data = to_json(from_json(old.sections))
    return update_brief(db, brief_id, data, expected_version=expected_version)


def set_brief_status(
    db: Database,
    brief_id: uuid.UUID,
    status: str,
    *,
    expected_version: int,
    sent_at: datetime | None = None,
    accepted_at: datetime | None = None,
) -> Changes:
    """Move a brief along draft -> sent -> accepted (or back). A date not given is now;
    going back clears the dates of the later steps."""
    if status not in set(BriefStatus):
        raise ValidationError({"status": translate("Briefs", "must be draft, sent or accepted")})
    now = utcnow()
    with db.transaction() as s:
        brief = _live_brief(s, brief_id)
        if brief.version != expected_version:
            raise StaleEdit(_stale_message(brief))
        brief.sent_at = None if status == BriefStatus.DRAFT else (sent_at or brief.sent_at or now)
        brief.accepted_at = (accepted_at or now) if status == BriefStatus.ACCEPTED else None
        brief.status = status
        brief.updated_at = now
        s.flush()
        if status == BriefStatus.SENT:
            # What the specialist received stays in the history as it was.
            _record_revision(s, brief, _content(brief), new=True)
        return Changes.written(s)


def _stale_message(brief: Brief) -> str:
    code = format_code(BRIEF, brief.number)
    return translate(
        "Briefs",
        "{code} was changed elsewhere since you opened it; reload it to see the newer text",
    ).format(code=code)


# --- Drafts -------------------------------------------------------------------------------------
def save_draft(
    db: Database, brief_id: uuid.UUID, data: dict[str, Any], *, based_on: int | None = None
) -> Changes:
    """Keep what is typed in a brief's editor (`{"content": to_json(...)}`), saved or not,
    so a crash cannot lose it.

    `based_on` is the brief's version the typing started from: a draft written late (from
    a worker) after the brief was saved again is dropped, never kept over the newer text.
    """
    text = validate(DraftText, data)
    with db.transaction() as s:
        brief = _live_brief(s, brief_id)
        if based_on is not None and brief.version != based_on:
            return Changes()
        draft = s.exec(select(BriefDraft).where(BriefDraft.brief_id == brief_id)).first()
        if draft is None:
            draft = BriefDraft(brief_id=brief_id)
            s.add(draft)
        draft.title = str(text.content.get("title", text.title))
        draft.content = text.content
        draft.typed_at = draft.updated_at = utcnow()
        return Changes.written(s)


def discard_draft(db: Database, brief_id: uuid.UUID) -> Changes:
    """Forget a draft: what is in the editor is what is stored again."""
    with db.transaction() as s:
        _drop_draft(s, brief_id)
        return Changes.written(s)


def _drop_draft(s: Session, brief_id: uuid.UUID) -> None:
    draft = s.exec(select(BriefDraft).where(BriefDraft.brief_id == brief_id)).first()
    if draft is not None:
        s.delete(draft)


def _draft_doc(draft: BriefDraft, project_id: uuid.UUID) -> DraftDoc:
    return DraftDoc(draft.brief_id, project_id, from_json(draft.content), draft.typed_at)


def drafts(db: Database) -> list[DraftDoc]:
    """Unsaved drafts, newest first, with the project each brief belongs to."""
    with db.reading() as s:
        rows = s.exec(
            select(BriefDraft, Brief.project_id)
            .join(Brief, col(Brief.id) == col(BriefDraft.brief_id))
            .where(col(Brief.deleted_at).is_(None))
            .order_by(col(BriefDraft.typed_at).desc())
        ).all()
        return [_draft_doc(d, project_id) for d, project_id in rows]


def draft_for(db: Database, brief_id: uuid.UUID) -> DraftDoc | None:
    with db.reading() as s:
        row = s.exec(
            select(BriefDraft, Brief.project_id)
            .join(Brief, col(Brief.id) == col(BriefDraft.brief_id))
            .where(BriefDraft.brief_id == brief_id)
        ).first()
        return None if row is None else _draft_doc(*row)


# --- Export -------------------------------------------------------------------------------------
EXPORT_FORMATS = ("md", "html", "pdf")
# PDF is drawn from the HTML by the window's toolkit, which the core may not import.
PdfMaker = Callable[[str], bytes]


def export_bytes(db: Database, brief: BriefDoc, fmt: str, pdf: PdfMaker | None = None) -> bytes:
    """The brief as a Markdown, HTML or PDF file's contents."""
    template = templates(db).get(brief.content.template)
    if fmt == "md":
        return brief_markdown(template, brief.content).encode()
    if fmt == "html":
        return brief_html(template, brief.content).encode()
    if fmt == "pdf" and pdf is not None:
        return pdf(brief_html(template, brief.content))
    if fmt == "pdf":
        raise AccdeskError(
            translate(
                "Briefs", "PDF export needs the window's libraries: run it as `accdesk brief …`"
            )
        )
    raise ValidationError(
        {
            "format": translate("Briefs", "must be one of: {value}").format(
                value=", ".join(EXPORT_FORMATS)
            )
        }
    )
