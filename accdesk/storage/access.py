"""Who may change what on a team database, said once for the operations and for PostgreSQL.

Each person connects with a PostgreSQL login of their own, linked to a `Manager` by its
`login`. A team lead (`Manager.role`) may change everything. An account manager may change
the projects they manage, the clients they manage a project of (and a client nobody manages
yet, so a new client can be set up), and what hangs off those: contacts, requests, briefs,
promises. Agency-wide things (the team, the catalogue, the calendar, settings) are the team
lead's. Everyone may read everything: the queue and the rebalance look across the team.

The operations check a flush against these rules before anything is sent, so a refusal names
the row and who may change it (`NotPermitted`). The migrations turn the same rules into
row-level security policies, so that a manager's login is refused by the server itself, from
`psql` too. A SQLite file has one user, who may do everything.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session
from sqlmodel import col

from accdesk.errors import AccdeskError
from accdesk.models import Brief, Manager, Project, Role
from accdesk.text import translate


class NotPermitted(AccdeskError):
    """The person connected may not make this change; nothing was written."""


class Path(Enum):
    """How a row of a table belongs to a manager."""

    LEAD = "lead"  # agency-wide: team leads only
    OWN = "own"  # the row's own manager_id
    PROJECT = "project"  # through project_id to the project's manager
    CLIENT = "client"  # through client_id to the managers of the client's projects
    BRIEF = "brief"  # through brief_id to the brief's project


# The column each path follows, per table; a table not listed has no rule of its own.
RULES: dict[str, tuple[Path, str]] = {
    "manager": (Path.LEAD, ""),
    "managerskill": (Path.LEAD, ""),
    "service": (Path.LEAD, ""),
    "setting": (Path.LEAD, ""),
    "calendarday": (Path.LEAD, ""),
    "project": (Path.OWN, "manager_id"),
    "assignment": (Path.PROJECT, "project_id"),
    "brief": (Path.PROJECT, "project_id"),
    "briefrevision": (Path.BRIEF, "brief_id"),
    "briefdraft": (Path.BRIEF, "brief_id"),
    "client": (Path.CLIENT, "id"),
    "contact": (Path.CLIENT, "client_id"),
    "clientservice": (Path.CLIENT, "client_id"),
    "promise": (Path.CLIENT, "client_id"),
    "loyaltyaction": (Path.CLIENT, "client_id"),
    "feedback": (Path.CLIENT, "client_id"),
    "request": (Path.CLIENT, "client_id"),
    "meeting": (Path.OWN, "manager_id"),
    "agendamark": (Path.OWN, "manager_id"),
}

MANAGER_GROUP = "accdesk_manager"
"""The PostgreSQL role every person's login is granted: the rights the policies then narrow."""


# A row that attaches work to a client (a project) needs the client's right as well as its
# own, so nobody takes over another manager's client by putting a project of theirs on it.
ATTACHED: dict[str, str] = {"project": "client_id"}
# A row attributed to a manager (a request counts in their statistics) may name only a
# manager of the row's client.
ATTRIBUTED: dict[str, tuple[str, str]] = {"request": ("manager_id", "client_id")}


# --- The server's side: row-level security ---------------------------------------------------
def policy_condition(table: str) -> str:
    """The SQL a row of `table` must meet to be changed by the session's login.

    Every name is schema-qualified: the functions run as the tables' owner, and a session
    may not point them at tables of its own (see FUNCTIONS)."""
    path, column = RULES[table]
    lead = "public.accdesk_is_lead()"
    if path is Path.LEAD:
        return lead
    if path is Path.OWN:
        mine = f"{column} = public.accdesk_me()"
    elif path is Path.PROJECT:
        mine = f"public.accdesk_owns_project({column})"
    elif path is Path.BRIEF:
        mine = f"public.accdesk_owns_brief({column})"
    else:
        mine = f"public.accdesk_owns_client({column})"
    if table in ATTACHED:
        mine += f" AND public.accdesk_owns_client({ATTACHED[table]})"
    if table in ATTRIBUTED:
        who, client = ATTRIBUTED[table]
        mine += (
            f" AND ({who} IS NULL OR {who} = public.accdesk_me()"
            f" OR public.accdesk_manages_client({who}, {client}))"
        )
    return f"{lead} OR ({mine})"


# SECURITY DEFINER functions run with the owner's rights, so nothing they read may be chosen
# by the caller: every table is named with its schema and the search path is pg_catalog
# with pg_temp last (PostgreSQL otherwise searches the session's temporary schema first,
# and a temporary table named `manager` would make anyone a team lead).
_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp"
FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION public.accdesk_me() RETURNS uuid {_DEFINER} AS
    $$ SELECT id FROM public.manager WHERE login = session_user AND active $$;
CREATE OR REPLACE FUNCTION public.accdesk_is_lead() RETURNS boolean {_DEFINER} AS
    $$ SELECT EXISTS (SELECT 1 FROM public.manager
                      WHERE login = session_user AND active AND role = 'team_lead') $$;
CREATE OR REPLACE FUNCTION public.accdesk_owns_project(target uuid) RETURNS boolean
    {_DEFINER} AS
    $$ SELECT EXISTS (SELECT 1 FROM public.project
                      WHERE id = target AND manager_id = public.accdesk_me()) $$;
CREATE OR REPLACE FUNCTION public.accdesk_owns_brief(target uuid) RETURNS boolean
    {_DEFINER} AS
    $$ SELECT EXISTS (SELECT 1 FROM public.brief
                      JOIN public.project ON public.project.id = public.brief.project_id
                      WHERE public.brief.id = target
                        AND public.project.manager_id = public.accdesk_me()) $$;
CREATE OR REPLACE FUNCTION public.accdesk_owns_client(target uuid) RETURNS boolean
    {_DEFINER} AS
    $$ SELECT public.accdesk_me() IS NOT NULL AND (
           EXISTS (SELECT 1 FROM public.project
                   WHERE client_id = target AND manager_id = public.accdesk_me())
           OR NOT EXISTS (SELECT 1 FROM public.project
                          WHERE client_id = target AND manager_id IS NOT NULL)) $$;
CREATE OR REPLACE FUNCTION public.accdesk_manages_client(who uuid, target uuid)
    RETURNS boolean {_DEFINER} AS
    $$ SELECT EXISTS (SELECT 1 FROM public.project
                      WHERE client_id = target AND manager_id = who) $$;
"""
DEFINER_FUNCTIONS = (
    "accdesk_me()",
    "accdesk_is_lead()",
    "accdesk_owns_project(uuid)",
    "accdesk_owns_brief(uuid)",
    "accdesk_owns_client(uuid)",
    "accdesk_manages_client(uuid, uuid)",
)

# A row changed by plain SQL without its version still gets a new one, so a window holding
# the old version is refused instead of silently writing over that change.
VERSION_TRIGGER = """
CREATE OR REPLACE FUNCTION public.accdesk_bump_version() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.version IS NULL OR NEW.version <= OLD.version THEN
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END $$;
"""


def create_role_sql(name: str, *, login: bool = False) -> str:
    """A role made only if the server has none of that name (roles are the cluster's, shared
    by its databases); a login is put in the managers' group."""
    make = f"{name} LOGIN IN ROLE {MANAGER_GROUP}" if login else f"{name} NOLOGIN"
    return (
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}')"
        f" THEN CREATE ROLE {make}; END IF; END $$"
    )


def install_policies(con: Any) -> None:
    """Roles, grants and policies on PostgreSQL; run by a migration as the tables' owner.

    The owner (who ran the migrations) is not bound by the policies: it is the server's
    administrator account, not a person's everyday login.
    """
    con.execute(text(create_role_sql(MANAGER_GROUP)))
    con.execute(text(FUNCTIONS))
    con.execute(text(VERSION_TRIGGER))
    # Nothing in the agency needs temporary tables; without them a session cannot even try
    # to shadow a table (the owner keeps them). Refused quietly if the owner of the tables
    # does not own the database.
    con.execute(
        text(
            "DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC',"
            " current_database()); EXCEPTION WHEN insufficient_privilege THEN"
            " RAISE NOTICE 'temporary tables stay allowed: the owner of the database decides';"
            " END $$"
        )
    )
    con.execute(text(f"GRANT USAGE ON SCHEMA public TO {MANAGER_GROUP}"))
    # The policies narrow these to the rows each person may change; tables added later
    # get the same rights.
    rights = "SELECT, INSERT, UPDATE, DELETE"
    con.execute(text(f"GRANT {rights} ON ALL TABLES IN SCHEMA public TO {MANAGER_GROUP}"))
    con.execute(
        text(
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT {rights} ON TABLES TO {MANAGER_GROUP}"
        )
    )
    con.execute(text(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {MANAGER_GROUP}"))
    for table in RULES:
        condition = policy_condition(table)
        con.execute(text(f"DROP TRIGGER IF EXISTS accdesk_version ON {table}"))
        con.execute(
            text(
                f"CREATE TRIGGER accdesk_version BEFORE UPDATE ON {table}"
                " FOR EACH ROW EXECUTE FUNCTION public.accdesk_bump_version()"
            )
        )
        con.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        con.execute(text(f"DROP POLICY IF EXISTS accdesk_read ON {table}"))
        con.execute(text(f"DROP POLICY IF EXISTS accdesk_change ON {table}"))
        con.execute(text(f"CREATE POLICY accdesk_read ON {table} FOR SELECT USING (true)"))
        con.execute(
            text(
                f"CREATE POLICY accdesk_change ON {table} FOR ALL"
                f" USING ({condition}) WITH CHECK ({condition})"
            )
        )


def remove_policies(con: Any) -> None:
    """What `install_policies` made, taken back (the role stays: other databases may use it)."""
    for table in RULES:
        con.execute(text(f"DROP POLICY IF EXISTS accdesk_read ON {table}"))
        con.execute(text(f"DROP POLICY IF EXISTS accdesk_change ON {table}"))
        con.execute(text(f"DROP TRIGGER IF EXISTS accdesk_version ON {table}"))
        con.execute(text(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"))
    for name in reversed(DEFINER_FUNCTIONS):
        con.execute(text(f"DROP FUNCTION IF EXISTS public.{name}"))
    con.execute(text("DROP FUNCTION IF EXISTS public.accdesk_bump_version()"))
    con.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {MANAGER_GROUP}"))


# --- The operations' side: a check before each flush -----------------------------------------
@dataclass(frozen=True)
class Identity:
    """The person a team database connection acts for."""

    login: str
    manager_id: uuid.UUID | None  # None: the login is linked to no manager
    manager_name: str
    lead: bool
    owner: bool  # the tables' owner, whom the server's policies do not bind

    @property
    def unrestricted(self) -> bool:
        return self.lead or self.owner


def identify(session: Session) -> Identity:
    """Who the session's login is on this server."""
    login, owner = session.execute(
        text(
            "SELECT session_user, pg_has_role(session_user, "
            "(SELECT tableowner FROM pg_tables WHERE tablename = 'project' LIMIT 1), 'MEMBER')"
        )
    ).one()
    manager = session.scalars(select(Manager).where(Manager.login == login)).first()
    if manager is None or not manager.active:
        return Identity(login, None, "", False, bool(owner))
    return Identity(login, manager.id, manager.name, manager.role == Role.TEAM_LEAD, bool(owner))


def guard(session_factory: Any, identity: Identity) -> None:
    """Check every flush of `session_factory`'s sessions against `identity`'s rights."""
    if identity.unrestricted:
        return

    @event.listens_for(session_factory, "before_flush")
    def _check(session: Session, _context: Any, _instances: Any) -> None:
        known: dict[tuple[Path, Any], bool] = {}  # an import of 10,000 contacts asks once
        for obj in [*session.new, *session.dirty, *session.deleted]:
            table = getattr(obj, "__tablename__", None)
            if table in RULES and not _may_change(session, identity, table, obj, known):
                raise NotPermitted(_refusal(session, identity, table, obj))


def may_change_project(who: Identity | None, manager_id: uuid.UUID | None) -> bool:
    """Whether the person may change a project managed by `manager_id` and its briefs (what
    the window asks before it offers to edit, so nobody types what cannot be saved)."""
    if who is None or who.unrestricted:
        return True
    return who.manager_id is not None and _project_is(who.manager_id, manager_id)


def may_change_client(who: Identity | None, manager_ids: frozenset[uuid.UUID]) -> bool:
    """Whether the person may change a client whose projects these managers manage."""
    if who is None or who.unrestricted:
        return True
    return who.manager_id is not None and _client_is(who.manager_id, manager_ids)


def _project_is(me: uuid.UUID, manager_id: uuid.UUID | None) -> bool:
    return manager_id == me


def _client_is(me: uuid.UUID, managers: frozenset[uuid.UUID]) -> bool:
    """A client is the managers' of its projects, or anyone's while nobody manages one."""
    return not managers or me in managers


def check_projects(session: Session, who: Identity | None, project_ids: Any) -> None:
    """For a bulk update the flush check does not see: refuse it before anything is written
    (the server's policy would skip the rows silently)."""
    if who is None or who.unrestricted:
        return
    for project_id in project_ids:
        project = session.get(Project, project_id)
        if project is not None and not _may_change(session, who, "project", project, {}):
            raise NotPermitted(_refusal(session, who, "project", project))


def _may_change(
    session: Session, who: Identity, table: str, obj: Any, known: dict[tuple[Path, Any], bool]
) -> bool:
    if who.manager_id is None:
        return False
    path, column = RULES[table]
    if path is Path.LEAD:
        return False
    checks = [(path, column)]
    if table in ATTACHED:
        checks.append((Path.CLIENT, ATTACHED[table]))
    with session.no_autoflush:
        for rule, field in checks:
            for value in _values(obj, field):
                if (rule, value) not in known:
                    known[rule, value] = _owns(session, who.manager_id, rule, value)
                if not known[rule, value]:
                    return False
        if table in ATTRIBUTED:
            named, client = (getattr(obj, f) for f in ATTRIBUTED[table])
            if named not in (None, who.manager_id) and not _manages(session, named, client):
                return False
    return True


def _values(obj: Any, column: str) -> set[Any]:
    """The column as it was and as it will be: a manager can neither take another's row nor
    hand their own to someone else."""
    values = {getattr(obj, column)}
    history = inspect(obj).attrs[column].history
    values.update(v for v in history.deleted or () if v is not None)
    return values


def _manages(session: Session, manager_id: Any, client_id: Any) -> bool:
    found = session.scalar(
        select(col(Project.id)).where(
            col(Project.client_id) == client_id, col(Project.manager_id) == manager_id
        )
    )
    return found is not None


def _owns(session: Session, me: uuid.UUID, path: Path, value: Any) -> bool:
    if path is Path.OWN:
        return _project_is(me, value)
    if path is Path.PROJECT:
        manager = session.scalar(select(col(Project.manager_id)).where(col(Project.id) == value))
        return _project_is(me, manager)
    if path is Path.BRIEF:
        project = session.scalar(select(col(Brief.project_id)).where(col(Brief.id) == value))
        return _owns(session, me, Path.PROJECT, project)
    managers = session.scalars(
        select(col(Project.manager_id)).where(
            col(Project.client_id) == value, col(Project.manager_id).is_not(None)
        )
    )
    return _client_is(me, frozenset(m for m in managers if m is not None))


def _refusal(session: Session, who: Identity, table: str, obj: Any) -> str:
    if who.manager_id is None:
        return translate(
            "Access",
            "the login {login} is linked to no manager of this agency, so it may only read; a team lead links it with: accdesk team link",  # noqa: E501
        ).format(login=who.login)
    path, _column = RULES[table]
    if path is Path.LEAD:
        return translate(
            "Access",
            "not permitted: only a team lead changes the team, the catalogue, the calendar and the settings",  # noqa: E501
        )
    if table in ATTACHED and getattr(obj, "manager_id", None) == who.manager_id:
        return translate(
            "Access",
            "not permitted: this client is managed by someone else; only their managers or a team lead can attach a project to it",  # noqa: E501
        )
    if table in ATTRIBUTED and _may_change_client_of(session, who, obj):
        return translate(
            "Access",
            "not permitted: a client's request can be given only to one of the client's managers",
        )
    project = _project_of(session, table, obj)
    if project is not None:
        name, manager_id = project
        with session.no_autoflush:
            manager = session.get(Manager, manager_id) if manager_id else None
        return translate(
            "Access",
            "not permitted: the project “{project}” is managed by {manager}; only they or a team lead can change it",  # noqa: E501
        ).format(project=name, manager=manager.name if manager else "—")
    if path is Path.CLIENT:
        return translate(
            "Access",
            "not permitted: this client is managed by someone else; only their managers or a team lead can change it",  # noqa: E501
        )
    return translate(
        "Access",
        "not permitted: this is another manager's; only they or a team lead can change it",
    )


def _may_change_client_of(session: Session, who: Identity, obj: Any) -> bool:
    with session.no_autoflush:
        return who.manager_id is not None and all(
            _owns(session, who.manager_id, Path.CLIENT, value)
            for value in _values(obj, "client_id")
        )


def _project_of(session: Session, table: str, obj: Any) -> tuple[str, uuid.UUID | None] | None:
    """The name and manager of the project a refused row belongs to, if it belongs to one
    (found the way `RULES` says the row belongs)."""
    path, column = RULES[table]
    with session.no_autoflush:
        if table == "project":  # refused for the manager it had: name them
            before = inspect(obj).attrs["manager_id"].history.deleted
            return obj.name, before[0] if before else obj.manager_id
        project_id = getattr(obj, column)
        if path is Path.BRIEF:
            brief = session.get(Brief, project_id)
            project_id = brief.project_id if brief else None
        elif path is not Path.PROJECT:
            return None
        project = session.get(Project, project_id) if project_id else None
    return (project.name, project.manager_id) if project is not None else None
