"""a team database: who may change what, and notices of changes

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 16:20:00.000000

On PostgreSQL: the role every person's login is granted, the functions that tell who the
session's login is, a row-level security policy per table (`accdesk.storage.access`), and the
triggers that announce each change to the other windows (`accdesk.storage.live`). A SQLite file has
one user and nothing to set up.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from accdesk.storage.access import install_policies
        from accdesk.storage.live import install_notices

        install_policies(bind)
        install_notices(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from accdesk.storage.access import remove_policies
        from accdesk.storage.live import remove_notices

        remove_notices(bind)
        remove_policies(bind)
