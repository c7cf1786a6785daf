"""The team's logins on a team database: which PostgreSQL login acts for which manager."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import col, select

from accdesk.changes import Changes
from accdesk.errors import NotFound, ValidationError
from accdesk.models import Manager, Role
from accdesk.storage.access import MANAGER_GROUP
from accdesk.storage.db import Database
from accdesk.text import translate

# PostgreSQL's unquoted identifiers: what a person types at a login prompt works as is.
LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class Linked:
    changes: Changes
    manager: str
    server_has_login: bool | None  # None: not a server (a SQLite file has no logins)
    create_login: str  # what an administrator runs on the server when it has no such login


def link_login(
    db: Database, manager_id: uuid.UUID, login: str, *, role: str | None = None
) -> Linked:
    """Let `login` act for the manager (a team lead's change); a login acts for one manager.
    `role` (a `Role` value), if given, also makes the manager a team lead or an account
    manager: who leads is data, changed only by a team lead."""
    login = login.strip()
    if not LOGIN.fullmatch(login):
        raise ValidationError(
            {
                "login": translate(
                    "Team",
                    "must be a PostgreSQL login: small Latin letters, digits and _, not starting with a digit",  # noqa: E501
                )
            }
        )
    with db.transaction() as s:
        manager = s.get(Manager, manager_id)
        if manager is None:
            raise NotFound(translate("Team", "this manager no longer exists"))
        other = s.exec(select(Manager).where(col(Manager.login) == login)).first()
        if other is not None and other.id != manager_id:
            raise ValidationError(
                {"login": translate("Team", "already acts for {name}").format(name=other.name)}
            )
        manager.login = login
        if role is not None:
            if role not in Role.__members__.values():
                raise ValidationError(
                    {
                        "role": translate("Team", "must be one of: {value}").format(
                            value=", ".join(Role)
                        )
                    }
                )
            manager.role = role
        changes = Changes.written(s)
        name = manager.name
        exists: bool | None = None
        if db.path is None:
            exists = bool(
                s.execute(
                    text("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :l)"), {"l": login}
                ).scalar()
            )
    create = f"CREATE ROLE {login} LOGIN IN ROLE {MANAGER_GROUP}; \\password {login}"
    return Linked(changes, name, exists, create)
