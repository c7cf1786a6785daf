"""a team database that no login can trick: pinned function paths, clients kept by their
managers, versions kept by the server, notices that can be checked

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 10:00:00.000000

On PostgreSQL the functions behind the policies read only schema-qualified tables with
pg_temp last on their search path (a temporary table named `manager` made any login a team
lead), temporary tables are no longer granted to everyone, a project may be put only on a
client its manager may change, a request may be given only to one of its client's managers,
every row gets a new version on any update, and each change is logged so that the windows
believe only real notices. Sessions idle inside a transaction are ended after a minute, so
nobody can hold a table locked. A SQLite file has one user and nothing to set up.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from accdesk.storage.access import install_policies
        from accdesk.storage.live import install_notices

        install_policies(bind)
        install_notices(bind)
        op.execute(
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET"
            " idle_in_transaction_session_timeout = ''60s''', current_database());"
            " EXCEPTION WHEN insufficient_privilege THEN"
            " RAISE NOTICE 'the owner of the database sets idle_in_transaction_session_timeout';"
            " END $$"
        )


def downgrade() -> None:
    """Back to 0007's policies and notices (installed by the same functions)."""
