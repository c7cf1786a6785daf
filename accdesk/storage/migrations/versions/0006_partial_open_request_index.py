"""partial index of waiting requests

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 16:00:00.000000

The index behind the inbox and the queue's nearest deadline held every request, answered or
not, so recomputing deadlines after a calendar change rewrote all of it. It now holds only the
requests still waiting.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_REQUEST = "first_response_at IS NULL"  # as accdesk.models.OPEN_REQUEST was at this revision


def upgrade() -> None:
    op.drop_index("ix_request_open_due", "request")
    op.create_index(
        "ix_request_open",
        "request",
        ["project_id", "due_at"],
        sqlite_where=sa.text(OPEN_REQUEST),
        postgresql_where=sa.text(OPEN_REQUEST),
    )


def downgrade() -> None:
    op.drop_index("ix_request_open", "request")
    op.create_index("ix_request_open_due", "request", ["first_response_at", "due_at"])
