"""Changes other people make on a team database, announced by PostgreSQL as they commit.

Every table of the agency carries a statement trigger that records the table and the
transaction in `accdesk_change` and sends "table transaction" on the `accdesk_changes`
channel (schemas 0007 and 0008). PostgreSQL delivers a notice when the transaction commits
and folds repeats within it, so a rebalance of 200 projects is one notice per table; each
transaction writes its own log row, so nobody waits on a shared counter row.

Anyone connected may send a notice on that channel, so `ChangeFeed` believes only notices
the log confirms, each once: a forged or replayed notice reloads nothing. The window turns
what it hears into the same `Changes` its own edits produce.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from accdesk.errors import AccdeskError
from accdesk.storage.access import MANAGER_GROUP, RULES, NotPermitted
from accdesk.text import translate

CHANNEL = "accdesk_changes"

LOG = "public.accdesk_change"
NOTIFY_FUNCTION = f"""
CREATE TABLE IF NOT EXISTS {LOG} (
    xid xid8 NOT NULL,
    table_name text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (xid, table_name)
);
CREATE OR REPLACE FUNCTION public.accdesk_notify() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    tx xid8 := pg_current_xact_id();
BEGIN
    INSERT INTO {LOG} (xid, table_name) VALUES (tx, TG_TABLE_NAME) ON CONFLICT DO NOTHING;
    IF random() < 0.001 THEN  -- now and then, forget what nobody listens for any more
        DELETE FROM {LOG} WHERE at < now() - interval '1 day';
    END IF;
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ' ' || tx::text);
    RETURN NULL;
END $$;
"""


def install_notices(con: Any) -> None:
    con.execute(text(NOTIFY_FUNCTION))
    # Everyone may read the log; only the trigger (as the owner) writes it.
    con.execute(text(f"REVOKE ALL ON {LOG} FROM PUBLIC, {MANAGER_GROUP}"))
    con.execute(text(f"GRANT SELECT ON {LOG} TO {MANAGER_GROUP}"))
    for table in RULES:
        con.execute(text(f"DROP TRIGGER IF EXISTS accdesk_notify ON {table}"))
        con.execute(
            text(
                f"CREATE TRIGGER accdesk_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
                f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION public.accdesk_notify()"
            )
        )


def remove_notices(con: Any) -> None:
    for table in RULES:
        con.execute(text(f"DROP TRIGGER IF EXISTS accdesk_notify ON {table}"))
    con.execute(text("DROP FUNCTION IF EXISTS public.accdesk_notify()"))
    con.execute(text(f"DROP TABLE IF EXISTS {LOG}"))


def libpq_params(url: str) -> dict[str, Any]:
    """A `postgresql+psycopg://` URL as psycopg's own connection keywords (query parameters
    such as `sslmode` and `service` included), for connections made outside SQLAlchemy."""
    parsed = make_url(url)
    named = parsed.translate_connect_args(username="user", database="dbname")
    return {**{k: v for k, v in named.items() if v is not None}, **parsed.query}


class ServerUnavailable(AccdeskError):
    """The team database cannot be reached just now; nothing was written."""


class ServerBusy(AccdeskError):
    """The team database did not answer in time because a table was held locked."""


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
    if state in ("55P03", "25P03"):  # a lock waited too long; an idle transaction was ended
        return ServerBusy(
            translate(
                "Access",
                "the team database {where} is held up: someone keeps its tables locked; nothing was written, try again in a moment",  # noqa: E501
            ).format(where=where)
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


FEED_NAME = "accdesk change feed"  # how an administrator sees the listening connection
SEEN = 10_000  # confirmed notices remembered, so that a replayed one is not believed twice


def _claim(payload: str) -> tuple[str, int] | None:
    """("project", 7345) from "project 7345"; None for anything a trigger would not send."""
    table, _, xid = payload.partition(" ")
    return (table, int(xid)) if table in RULES and xid.isdigit() else None


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
        self._believed: dict[tuple[str, int], None] = {}  # in arrival order, the last SEEN

    def connect(self) -> None:
        import psycopg

        self.close()
        try:
            self._con = psycopg.connect(
                **{"application_name": FEED_NAME, **self._params},
                autocommit=True,
                connect_timeout=5,
            )
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
            # Back as soon as someone else's believable notice arrives (the window gathers
            # what follows it); notices of our own do not end the wait.
            while not tables and (left := deadline - time.monotonic()) > 0:
                heard = {
                    claim
                    for notice in self._con.notifies(timeout=left, stop_after=1)
                    if notice.pid not in self._ignore and (claim := _claim(notice.payload))
                }
                tables |= self._confirmed(heard)
                if self._con.closed or self._con.broken:
                    break
            if self._con.closed or self._con.broken:
                raise psycopg.OperationalError("the connection was closed")
        except psycopg.Error as exc:
            self.close()
            raise unreachable(self._where, exc) from exc
        return tables

    def _confirmed(self, claims: set[tuple[str, int]]) -> set[str]:
        """The tables of the claims the log bears out and that were not believed before."""
        fresh = [c for c in claims if c not in self._believed]
        if not fresh:
            return set()
        rows = self._con.execute(
            f"SELECT table_name, xid::text FROM {LOG}"
            " WHERE (table_name, xid::text) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
            ([t for t, _ in fresh], [str(x) for _, x in fresh]),
        ).fetchall()
        true = {(table, int(xid)) for table, xid in rows}
        for claim in true:
            self._believed[claim] = None
        while len(self._believed) > SEEN:
            del self._believed[next(iter(self._believed))]
        return {table for table, _ in true}

    def close(self) -> None:
        if self._con is not None:
            try:
                self._con.close()
            finally:
                self._con = None
