"""What a write changed, in one vocabulary for the whole application.

A `Kind` is a table, named as the database names it, or one of the two changes that mean
more than their table (a manager's manual order, a client's records). Operations do not
name their changes by hand: every row a session flushes is logged (`log_flush`, installed
on each database's sessions) and `Changes.written(session)` turns the log into kinds, ids
and new versions, so an operation cannot announce a kind its writes do not match. Writes
made with Core statements, which the session does not see row by row (a reorder, the
deadline recompute, an import of a whole archive), say what they changed themselves.

The team server's change feed hears table names; `Changes.of_tables` maps them to the same
kinds. Which screen shows which kinds is said once, in `accdesk.screens.dependencies`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session, UOWTransaction

LOG = "accdesk.changes"  # the key of a session's log in `Session.info`


class Kind(StrEnum):
    """What changed. Table kinds carry the changed rows' ids; derived kinds say what their
    ids are."""

    MANAGER = "manager"
    MANAGER_SKILL = "managerskill"
    SERVICE = "service"
    CLIENT = "client"
    CONTACT = "contact"
    CLIENT_SERVICE = "clientservice"
    PROJECT = "project"
    ASSIGNMENT = "assignment"
    REQUEST = "request"
    BRIEF = "brief"
    BRIEF_REVISION = "briefrevision"
    BRIEF_DRAFT = "briefdraft"
    PROMISE = "promise"
    LOYALTY_ACTION = "loyaltyaction"
    FEEDBACK = "feedback"
    CALENDAR_DAY = "calendarday"
    MEETING = "meeting"
    AGENDA_MARK = "agendamark"
    SETTING = "setting"
    # Derived. Ids are projects whose place in a manager's manual order moved, and nothing
    # else of them: a queue rearranges those rows instead of reading them again.
    QUEUE_ORDER = "queue_order"
    # Derived. Ids are clients one of whose rows (profile, contacts, services, projects,
    # requests, promises, loyalty actions, feedback) changed: what a card or a client's
    # queue rows need to know without looking each row up.
    CLIENT_RECORDS = "client_records"

    @classmethod
    def of(cls, table: Any) -> Kind:
        """The kind of a table model or of one of its rows."""
        return cls(table.__tablename__)


REFINES: Mapping[Kind, tuple[Kind, str]] = MappingProxyType(
    {Kind.QUEUE_ORDER: (Kind.PROJECT, "queue_position")}
)
"""A derived kind and the one column of its table it stands for: only a screen that shows
that column needs to hear of it (a reorder leaves the card, the day and the totals as they
were)."""

TABLE_KINDS = frozenset(k for k in Kind if k not in REFINES and k is not Kind.CLIENT_RECORDS)


@dataclass(frozen=True)
class Changes:
    """The kinds that changed, each with the ids of its rows, and each row's new version.

    `versions` gives the optimistic-lock version each row now has, so the caller can make
    its next edit (an undo, say) without reading the row again. A kind with no ids is a
    change too broad to list (a new database, a recompute of every deadline).
    """

    kinds: Mapping[Kind, frozenset[uuid.UUID]] = field(default_factory=dict)
    versions: Mapping[uuid.UUID, int] = field(default_factory=dict)

    @classmethod
    def one(cls, kind: Kind, row_id: uuid.UUID, version: int | None = None) -> Changes:
        versions = {row_id: version} if version is not None else {}
        return cls(MappingProxyType({kind: frozenset([row_id])}), MappingProxyType(versions))

    @classmethod
    def of(
        cls,
        kinds: Mapping[Kind, Iterable[uuid.UUID]],
        versions: Mapping[uuid.UUID, int] | None = None,
    ) -> Changes:
        return cls(
            MappingProxyType({Kind(k): frozenset(ids) for k, ids in kinds.items()}),
            MappingProxyType(dict(versions or {})),
        )

    @classmethod
    def everything(cls, kinds: Iterable[Kind]) -> Changes:
        """A change too broad to list row by row, such as a new database or demo data."""
        return cls(MappingProxyType({Kind(kind): frozenset() for kind in kinds}))

    @classmethod
    def of_tables(cls, tables: Iterable[str]) -> Changes:
        """What the team server announced, by table name; names that are no kind of ours
        (Alembic's own table) are left out."""
        known = {str(k) for k in TABLE_KINDS}
        return cls.everything(Kind(t) for t in tables if t in known)

    @classmethod
    def written(cls, session: Session) -> Changes:
        """Every row this session has flushed, by kind, with its version now; the clients
        they belong to as `CLIENT_RECORDS`. Flushes first, so nothing pending is missed."""
        session.flush()
        log: dict[tuple[Kind, uuid.UUID], Any] = session.info.get(LOG, {})
        kinds: dict[Kind, set[uuid.UUID]] = {}
        versions: dict[uuid.UUID, int] = {}
        for (kind, row_id), row in log.items():
            kinds.setdefault(kind, set()).add(row_id)
            version = getattr(row, "version", None)
            if isinstance(version, int) and not inspect(row).was_deleted:
                versions[row_id] = version
            client = row.id if kind is Kind.CLIENT else getattr(row, "client_id", None)
            if isinstance(client, uuid.UUID):
                kinds.setdefault(Kind.CLIENT_RECORDS, set()).add(client)
        return cls.of(kinds, versions)

    def touches(self, kind: Kind) -> bool:
        return kind in self.kinds

    def ids(self, kind: Kind) -> frozenset[uuid.UUID]:
        """The ids of `kind` (empty when it is untouched, or touched too broadly to list)."""
        return self.kinds.get(kind, frozenset())

    def is_broad(self) -> bool:
        """Some kind changed without a list of rows: everything showing it is read again."""
        return any(not ids for ids in self.kinds.values())

    def __or__(self, other: Changes) -> Changes:
        kinds = {k: set(v) for k, v in self.kinds.items()}
        for kind, ids in other.kinds.items():
            kinds.setdefault(kind, set()).update(ids)
        return Changes.of(kinds, {**self.versions, **other.versions})


def log_flush(session: Session, _context: UOWTransaction) -> None:
    """`after_flush`: remember each row the flush wrote, for `Changes.written`.

    Installed on every database's session factory. The session's new, dirty and deleted
    sets still hold what was flushed here; a dirty row whose columns did not change is
    left out.
    """
    log: dict[tuple[Kind, uuid.UUID], Any] = session.info.setdefault(LOG, {})
    for row in (*session.new, *session.deleted):
        log[(Kind.of(row), row.id)] = row
    for row in session.dirty:
        if session.is_modified(row, include_collections=False):
            log[(Kind.of(row), row.id)] = row
