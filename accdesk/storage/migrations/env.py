"""Alembic environment: runs on the connection accdesk hands over, or on ACCDESK_DB."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import accdesk.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from accdesk.storage.db import make_engine, resolve_url

config = context.config


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    run(given)
else:
    engine = make_engine(resolve_url(config.get_main_option("sqlalchemy.url") or None))
    with engine.connect() as con:
        run(con)
        con.commit()
