"""The team's workload, moving projects between managers, and rebalancing suggestions.

A move is always a change of `Project.manager_id` with a row in the assignment history,
written in one transaction. The caller chooses the history rows' ids, so that redoing a
move writes the very same rows and undoing it removes them: undo leaves no trace.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import fields, replace
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import String, delete, func, type_coerce
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from accdesk.changes import Changes, Kind
from accdesk.codes import PROJECT, format_code
from accdesk.errors import NotFound, StaleEdit, ValidationError
from accdesk.models import (
    Assignment,
    Client,
    Manager,
    ManagerSkill,
    Project,
    ProjectStatus,
    Request,
    Service,
)
from accdesk.ops.inputs import text_problem
from accdesk.ops.readmodels import ManagerLoad, MoveRow, RebalancePlan, TeamLoad, WorkRow
from accdesk.ops.settings import get_setting
from accdesk.planning.continuity import TOO_MANY_MANAGERS, managers_since
from accdesk.planning.workload import Move, Person, Rules, Work, rebalance
from accdesk.storage.db import Database
from accdesk.text import sort_key, translate
from accdesk.types import utcnow, uuid_from_db

OPEN = (ProjectStatus.ACTIVE, ProjectStatus.PLANNED, ProjectStatus.PAUSED)
MET_WINDOW = timedelta(days=30)
CONTINUITY_WINDOW = timedelta(days=365)
REASON_LIMIT = 300


class ProjectMove(NamedTuple):
    """A project from one manager to another; `position` is its place in the target's
    manual order (None: at the end), which an undo uses to put it back where it was."""

    project_id: uuid.UUID
    source: uuid.UUID | None
    target: uuid.UUID | None  # None only when taking back the assignment of a new project
    position: int | None = None


class Reassigned(NamedTuple):
    changes: Changes
    back: tuple[ProjectMove, ...]  # the moves that take it back, with the old positions


# Reading -----------------------------------------------------------------------------------


def team_workload(db: Database, now: datetime | None = None) -> TeamLoad:
    """Every active manager's projects, load, clients, waiting requests and the share of
    first responses on time over the last 30 days."""
    now = now or utcnow()
    with db.reading() as s:
        return _team(s, now)


def _team(s: Session, now: datetime) -> TeamLoad:
    p, r = Project.__table__.c, Request.__table__.c  # type: ignore[attr-defined]
    managers = s.execute(
        sa_select(
            type_coerce(col(Manager.id), String),
            col(Manager.name),
            col(Manager.role),
            col(Manager.capacity_hours),
        )
        .where(col(Manager.active))
        .order_by(col(Manager.name))
    ).all()
    projects = {
        row[0]: row[1:]
        for row in s.execute(
            sa_select(
                type_coerce(p.manager_id, String),
                func.count(),
                func.coalesce(
                    func.sum(p.weekly_effort_hours).filter(p.status == ProjectStatus.ACTIVE), 0.0
                ),
                func.count(p.client_id.distinct()),
            )
            .where(p.deleted_at.is_(None), p.status.in_(OPEN), p.manager_id.is_not(None))
            .group_by(p.manager_id)
        )
    }
    requests = {
        row[0]: row[1:]
        for row in s.execute(
            sa_select(
                type_coerce(r.manager_id, String),
                func.count().filter(r.first_response_at.is_(None)),
                func.count().filter(
                    r.received_at >= now - MET_WINDOW, r.first_response_at.is_not(None)
                ),
                func.count().filter(
                    r.received_at >= now - MET_WINDOW, r.first_response_at <= r.due_at
                ),
            )
            .where(r.manager_id.is_not(None))
            .group_by(r.manager_id)
        )
    }
    rows = []
    for key, name, role, capacity in sorted(managers, key=lambda m: sort_key(m[1])):
        count, load, clients = projects.get(key, (0, 0.0, 0))
        waiting, answered, met = requests.get(key, (0, 0, 0))
        rows.append(
            ManagerLoad(
                uuid_from_db(key),
                name,
                role,
                capacity,
                count,
                float(load),
                clients,
                waiting,
                answered,
                met,
            )
        )
    return TeamLoad(tuple(rows))


def manager_work(db: Database, manager_id: uuid.UUID | None) -> list[WorkRow]:
    """One manager's open projects (all managers' with None), largest effort first."""
    with db.reading() as s:
        query = (
            select(Project, Client.name, Client.keep_manager, Service.name)
            .join(Client, col(Client.id) == Project.client_id)
            .join(Service, col(Service.id) == Project.service_id)
            .where(col(Project.deleted_at).is_(None), col(Project.status).in_(OPEN))
            .order_by(col(Project.weekly_effort_hours).desc(), col(Project.number))
        )
        if manager_id is not None:
            query = query.where(col(Project.manager_id) == manager_id)
        return [
            WorkRow(
                id=project.id,
                code=format_code(PROJECT, project.number),
                name=project.name,
                client_id=project.client_id,
                client=client,
                service=service,
                status=project.status,
                manager_id=project.manager_id,
                hours=project.weekly_effort_hours,
                pinned=project.pinned,
                keep_manager=keep,
            )
            for project, client, keep, service in s.exec(query)
        ]


def managers_of(
    db: Database, project_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID | None]:
    """Who has each of these (live) projects now: what a move names as its source."""
    with db.reading() as s:
        rows = s.execute(
            sa_select(col(Project.id), col(Project.manager_id)).where(
                col(Project.id).in_(list(project_ids)), col(Project.deleted_at).is_(None)
            )
        )
        return {pid: manager for pid, manager in rows}


def rebalance_rules(source: Session | Any) -> Rules:
    """The agency's `rebalance` setting over the defaults; unknown keys are ignored."""
    stored = get_setting(source, "rebalance") or {}
    known = {f.name for f in fields(Rules)}
    return Rules(**{k: v for k, v in stored.items() if k in known})


def move_warnings(
    db: Database, project_ids: Collection[uuid.UUID], target: uuid.UUID, now: datetime | None = None
) -> list[str]:
    """What a team lead should know before moving these projects to `target`: a client who
    would get a third manager within a year, a project outside the target's skills."""
    now = now or utcnow()
    with db.reading() as s:
        manager = s.get(Manager, target)
        if manager is None:
            raise NotFound(translate("Workload", "this manager no longer exists"))
        rules = rebalance_rules(s)
        moving = s.exec(select(Project).where(col(Project.id).in_(list(project_ids)))).all()
        skills = _skills(s).get(target, {})
        warnings: list[str] = []
        for service_id, service in s.execute(
            sa_select(col(Service.id), col(Service.name)).where(
                col(Service.id).in_({p.service_id for p in moving})
            )
        ):
            level = skills.get(service_id, 0)
            if level < rules.min_skill:
                warnings.append(
                    translate(
                        "Workload",
                        "{name}'s {service} level is {level}, below the agency's minimum of {min_skill}.",  # noqa: E501
                    ).format(
                        name=manager.name, service=service, level=level, min_skill=rules.min_skill
                    )
                )
        for client_id in sorted({p.client_id for p in moving}):
            history = _client_history(s, client_id)
            seen = managers_since(history, now - CONTINUITY_WINDOW)
            would_have = len(seen) + 1
            if manager.name not in seen and would_have >= TOO_MANY_MANAGERS:
                client = s.get(Client, client_id)
                assert client is not None
                warnings.append(
                    translate(
                        "Workload",
                        "{name} would have %n manager(s) within 12 months ({managers}); "
                        "clients notice a third.",
                        None,
                        would_have,
                    ).format(name=client.name, managers=", ".join([*seen, manager.name]))
                )
        return warnings


def _client_history(
    s: Session, client_id: uuid.UUID
) -> list[tuple[uuid.UUID, str | None, datetime]]:
    rows = s.execute(
        sa_select(col(Assignment.project_id), col(Manager.name), col(Assignment.assigned_at))
        .join(Project, col(Project.id) == col(Assignment.project_id))
        .outerjoin(Manager, col(Manager.id) == col(Assignment.manager_id))
        .where(col(Project.client_id) == client_id)
    ).all()
    return [(row[0], row[1], row[2]) for row in rows]


def _skills(s: Session) -> dict[uuid.UUID, dict[uuid.UUID, int]]:
    skills: dict[uuid.UUID, dict[uuid.UUID, int]] = {}
    for manager_id, service_id, level in s.execute(
        sa_select(
            col(ManagerSkill.manager_id), col(ManagerSkill.service_id), col(ManagerSkill.level)
        )
    ):
        skills.setdefault(manager_id, {})[service_id] = level
    return skills


# Writing -----------------------------------------------------------------------------------


# long: one transaction checks, moves and records; apart they could disagree
def reassign(
    db: Database,
    moves: Sequence[ProjectMove],
    reason: str,
    record_ids: Sequence[uuid.UUID],
    *,
    now: datetime | None = None,
    undoing: bool = False,
) -> Reassigned:
    """Move projects between managers in one transaction, with one history row each (ids
    from `record_ids`, one per move). With `undoing`, the moves take a reassignment back:
    the history rows with those ids are removed instead of written.

    Each move names the manager the caller saw; a project someone moved meanwhile is
    refused, and nothing is written.
    """
    reason = reason.strip()
    if not undoing and not reason:
        raise ValidationError(
            {"reason": translate("Workload", "reason must not be empty: say why the projects move")}
        )
    if problem := text_problem(reason):
        raise ValidationError(
            {"reason": translate("Workload", "reason: {problem}").format(problem=problem)}
        )
    if len(reason) > REASON_LIMIT:
        raise ValidationError(
            {
                "reason": translate(
                    "Workload", "reason must be at most {REASON_LIMIT} characters"
                ).format(REASON_LIMIT=REASON_LIMIT)
            }
        )
    if len(record_ids) != len(moves):
        raise ValueError(translate("Workload", "one history row id is needed per move"))
    now = now or utcnow()
    with db.transaction() as s:
        targets = {m.target for m in moves if m.target is not None}
        if len(targets) < len({m.target for m in moves}) and not undoing:
            raise ValidationError({"manager": translate("Workload", "manager must be chosen")})
        live = set(
            s.execute(
                sa_select(col(Manager.id)).where(col(Manager.id).in_(targets), col(Manager.active))
            ).scalars()
        )
        if targets - live:
            raise NotFound(translate("Workload", "a manager you chose is no longer in the team"))
        ends = _order_ends(s, targets)
        back: list[ProjectMove] = []
        for move, record_id in zip(moves, record_ids, strict=True):
            project = s.get(Project, move.project_id)
            if project is None or project.deleted_at is not None:
                raise NotFound(translate("Workload", "a project you are moving no longer exists"))
            code = format_code(PROJECT, project.number)
            if project.manager_id != move.source:
                raise StaleEdit(
                    translate(
                        "Workload",
                        "{code} was moved by someone else meanwhile; reload and try again",
                    ).format(code=code)
                )
            if move.target == move.source:
                raise ValidationError(
                    {
                        "manager": translate(
                            "Workload", "{code} is already with that manager"
                        ).format(code=code)
                    }
                )
            back.append(ProjectMove(project.id, move.target, move.source, project.queue_position))
            project.manager_id = move.target
            if move.position is None and move.target is not None:
                ends[move.target] += 1
                project.queue_position = ends[move.target]
            elif move.position is not None:
                project.queue_position = move.position
            project.updated_at = now
            if undoing:
                s.execute(delete(Assignment).where(col(Assignment.id) == record_id))
            else:
                s.add(
                    Assignment(
                        id=record_id,
                        project_id=project.id,
                        manager_id=move.target,
                        previous_manager_id=move.source,
                        assigned_at=now,
                        reason=reason,
                    )
                )
        # The history rows an undo deletes go by statement, which the session does not log.
        deleted = Changes.of({Kind.ASSIGNMENT: record_ids}) if undoing else Changes()
        return Reassigned(Changes.written(s) | deleted, tuple(back))


def _order_ends(s: Session, managers: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    ends = {m: 0 for m in managers}
    for manager_id, last in s.execute(
        sa_select(col(Project.manager_id), func.max(col(Project.queue_position)))
        .where(col(Project.manager_id).in_(list(ends)))
        .group_by(col(Project.manager_id))
    ):
        ends[manager_id] = last or 0
    return ends


# Rebalancing -------------------------------------------------------------------------------


def suggest_rebalance(db: Database, now: datetime | None = None) -> RebalancePlan:
    """Moves that lower the highest utilisation, each with its reason, and the team before
    and after them. Nothing is written."""
    now = now or utcnow()
    with db.reading() as s:
        rules = rebalance_rules(s)
        people, work, names = _problem(s, rules, now)
        plan = rebalance(people, work, rules)
        before = _team(s, now)
        owners = dict(_open_projects(s))
    clients_of = {p: c for p, (_m, c) in owners.items()}
    for move in plan.moves:
        for pid in move.project_ids:
            owners[pid] = (move.target, clients_of[pid])
    projects: dict[uuid.UUID, int] = {}
    clients: dict[uuid.UUID, set[uuid.UUID]] = {}
    for manager, client in owners.values():
        projects[manager] = projects.get(manager, 0) + 1
        clients.setdefault(manager, set()).add(client)
    after = TeamLoad(
        tuple(
            replace(
                m,
                load_hours=plan.load_after.get(m.id, 0.0),
                projects=projects.get(m.id, 0),
                clients=len(clients.get(m.id, ())),
            )
            for m in before.managers
        )
    )
    by_project = {w.id: w for w in work}
    return RebalancePlan(
        moves=tuple(_describe(m, names, by_project) for m in plan.moves),
        before=before,
        after=after,
        max_before=plan.max_before,
        max_after=plan.max_after,
        bound=plan.bound,
    )


def moves_of(plan: RebalancePlan, chosen: Iterable[MoveRow] | None = None) -> list[ProjectMove]:
    """The project moves behind the chosen suggestions (all of them by default)."""
    return [
        ProjectMove(pid, row.source_id, row.target_id)
        for row in (plan.moves if chosen is None else chosen)
        for pid in row.project_ids
    ]


def _open_projects(s: Session) -> Iterable[tuple[uuid.UUID, tuple[uuid.UUID, uuid.UUID]]]:
    """Each open project with its manager and client, as the workload counts them."""
    rows = s.execute(
        sa_select(
            type_coerce(col(Project.id), String),
            type_coerce(col(Project.manager_id), String),
            type_coerce(col(Project.client_id), String),
        ).where(
            col(Project.deleted_at).is_(None),
            col(Project.status).in_(OPEN),
            col(Project.manager_id).is_not(None),
        )
    )
    for pid, manager, client in rows:
        yield uuid_from_db(pid), (uuid_from_db(manager), uuid_from_db(client))


class _Names(NamedTuple):
    managers: dict[uuid.UUID, str]
    clients: dict[uuid.UUID, str]
    services: dict[uuid.UUID, str]
    projects: dict[uuid.UUID, str]
    skills: dict[uuid.UUID, dict[uuid.UUID, int]]


def _problem(s: Session, rules: Rules, now: datetime) -> tuple[list[Person], list[Work], _Names]:
    skills = _skills(s)
    managers = s.execute(
        sa_select(col(Manager.id), col(Manager.name), col(Manager.capacity_hours))
        .where(col(Manager.active))
        .order_by(col(Manager.id))
    ).all()
    people = [Person(m, name, capacity, skills.get(m, {})) for m, name, capacity in managers]
    recent = set(
        s.execute(
            sa_select(col(Project.client_id))
            .join(Assignment, col(Assignment.project_id) == col(Project.id))
            .where(
                col(Assignment.previous_manager_id).is_not(None),
                col(Assignment.assigned_at) >= now - timedelta(days=rules.recent_days),
            )
            .distinct()
        ).scalars()
    )
    clients: dict[uuid.UUID, str] = {}
    keep: set[uuid.UUID] = set()
    for client_id, name, keeps in s.execute(
        sa_select(col(Client.id), col(Client.name), col(Client.keep_manager))
    ):
        clients[client_id] = name
        if keeps:
            keep.add(client_id)
    # Ids as text turned into UUIDs by `uuid_from_db`: 10,000 rows, and SQLAlchemy's own
    # UUID processing was a third of reading them.
    rows = s.execute(
        sa_select(
            type_coerce(col(Project.id), String),
            col(Project.number),
            col(Project.name),
            type_coerce(col(Project.client_id), String),
            type_coerce(col(Project.service_id), String),
            type_coerce(col(Project.manager_id), String),
            col(Project.weekly_effort_hours),
            col(Project.pinned),
        )
        .where(
            col(Project.deleted_at).is_(None),
            col(Project.status) == ProjectStatus.ACTIVE,
            col(Project.manager_id).is_not(None),
        )
        .order_by(col(Project.id))
    ).all()
    work: list[Work] = []
    projects: dict[uuid.UUID, str] = {}
    for pid_text, number, name, client_text, service, manager, hours, pinned in rows:
        pid, client = uuid_from_db(pid_text), uuid_from_db(client_text)
        work.append(
            Work(
                pid,
                client,
                uuid_from_db(service),
                uuid_from_db(manager),
                hours,
                pinned,
                client in keep,
                client in recent,
            )
        )
        projects[pid] = f"{format_code(PROJECT, number)} {name}"
    services = {k: v for k, v in s.execute(sa_select(col(Service.id), col(Service.name)))}
    names = _Names({m: name for m, name, _c in managers}, clients, services, projects, skills)
    return people, work, names


def _describe(move: Move, names: _Names, work: Mapping[uuid.UUID, Work]) -> MoveRow:
    source, target = names.managers[move.source], names.managers[move.target]
    client = names.clients.get(move.client_id, "")
    if len(move.project_ids) == 1:
        what = names.projects[move.project_ids[0]]
    else:
        count = len(move.project_ids)
        what = translate("Workload", "%n project(s) of {client}", None, count).format(client=client)
    services = sorted({work[p].service_id for p in move.project_ids}, key=str)
    skill = ", ".join(
        translate("Workload", "{service} level {level}").format(
            service=names.services.get(sv, "?"), level=names.skills.get(move.target, {}).get(sv, 0)
        )
        for sv in services
    )
    reason = translate(
        "Workload",
        "{source} is at {source_before:.0%} and {target} at {target_before:.0%}; {target} knows the work ({skill}). After the move: {source_after:.0%} and {target_after:.0%}.",  # noqa: E501
    ).format(
        source=source,
        source_before=move.source_before,
        target=target,
        target_before=move.target_before,
        skill=skill,
        source_after=move.source_after,
        target_after=move.target_after,
    )
    if move.recently_moved:
        reason += translate("Workload", " The client changed manager lately; no other move helped.")
    return MoveRow(
        project_ids=move.project_ids,
        what=what,
        client=client,
        source_id=move.source,
        source=source,
        target_id=move.target,
        target=target,
        hours=move.hours,
        reason=reason,
    )
