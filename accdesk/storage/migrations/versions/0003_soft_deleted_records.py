"""soft-deleted promises, loyalty actions and feedback

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 09:05:00.000000

Adding one of these records from the client card is undoable; undo marks the row deleted
and redo brings the same row back, as contacts already do.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import accdesk.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("promise", "loyaltyaction", "feedback")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("deleted_at", accdesk.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("deleted_at")
