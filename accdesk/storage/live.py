"""Changes other people make on a team database, announced by PostgreSQL as they commit.

Every table of the agency carries a statement trigger that sends the table's name on the
`accdesk_changes` channel (installed by schema 0007). PostgreSQL delivers a notice when the
transaction commits and folds repeats within it, so a rebalance of 200 projects is one notice
per table, and nobody waits on a shared counter row. `ChangeFeed` listens on a connection of
its own; the window turns what it hears into the same `Changes` its own edits produce.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from accdesk.errors import AccdeskError
from accdesk.storage.access import RULES, NotPermitted
from accdesk.text import translate

CHANNEL = "accdesk_changes"

NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION accdesk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END $$;
"""


def install_notices(con: Any) -> None:
    con.execute(text(NOTIFY_FUNCTION))
    for table in RULES:
        con.execute(text(f"DROP TRIGGER IF EXISTS accdesk_notify ON {table}"))
        con.execute(
            text(
                f"CREATE TRIGGER accdesk_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
                f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION accdesk_notify()"
            )
        )


def remove_notices(con: Any) -> None:
    for table in RULES:
        con.execute(text(f"DROP TRIGGER IF EXISTS accdesk_notify ON {table}"))
    con.execute(text("DROP FUNCTION IF EXISTS accdesk_notify()"))


def libpq_params(url: str) -> dict[str, Any]:
    """A `postgresql+psycopg://` URL as psycopg's own connection keywords (query parameters
    such as `sslmode` and `service` included), for connections made outside SQLAlchemy."""
    parsed = make_url(url)
    named = parsed.translate_connect_args(username="user", database="dbname")
    return {**{k: v for k, v in named.items() if v is not None}, **parsed.query}


class ServerUnavailable(AccdeskError):
    """The team database cannot be reached just now; nothing was written."""


def unreachable(where: object, error: object) -> ServerUnavailable:
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return ServerUnavailable(
        translate(
            "Live",
            "the team database {where} cannot be reached ({error}); nothing was saved",
        ).format(where=where, error=first)
    )


def explain_server(error: Exception, where: object) -> AccdeskError | None:
    """Our message for what a team database refused or could not do, or None for a bug."""
    state = getattr(error, "sqlstate", None)
    if state == "42501":  # insufficient_privilege: a policy or a grant said no
        return NotPermitted(
            translate("Access", "not permitted by the team database {where}: {error}").format(
                where=where, error=str(error).splitlines()[0]
            )
        )
    # Class 08 is "connection exception"; a connection that never opened has no state.
    if (state or "").startswith("08") or (state is None and _is_connection_error(error)):
        return unreachable(where, error)
    return None


def _is_connection_error(error: Exception) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    return isinstance(error, psycopg.OperationalError)


class ChangeFeed:
    """The tables others changed, read from a listening connection of its own.

    `ignore` holds the server process ids of this window's own connections, whose notices
    it already knows about.
    """

    def __init__(self, url: str, ignore: set[int] | None = None) -> None:
        self._where = make_url(url).render_as_string(hide_password=True)
        self._params = libpq_params(url)
        self._ignore = ignore if ignore is not None else set()
        self._con: Any = None

    def connect(self) -> None:
        import psycopg

        self.close()
        try:
            self._con = psycopg.connect(**self._params, autocommit=True, connect_timeout=5)
            self._con.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            self._con = None
            raise unreachable(self._where, exc) from exc

    def wait(self, seconds: float) -> set[str]:
        """Tables changed by others within `seconds` (empty if none); raises
        `ServerUnavailable` when the connection is gone."""
        import psycopg

        if self._con is None:
            self.connect()
        tables: set[str] = set()
        deadline = time.monotonic() + seconds
        try:
            # Back as soon as someone else's notice arrives (the window gathers what follows
            # it); notices of our own do not end the wait.
            while not tables and (left := deadline - time.monotonic()) > 0:
                for notice in self._con.notifies(timeout=left, stop_after=1):
                    if notice.pid not in self._ignore:
                        tables.add(notice.payload)
                if self._con.closed or self._con.broken:
                    break
            if self._con.closed or self._con.broken:
                raise psycopg.OperationalError("the connection was closed")
        except psycopg.Error as exc:
            self.close()
            raise unreachable(self._where, exc) from exc
        return tables

    def close(self) -> None:
        if self._con is not None:
            try:
                self._con.close()
            finally:
                self._con = None
