"""requests numbered, agenda items put where the person put them, a client's country

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 12:00:00.000000

Requests get a number (shown as R-0042, like projects and briefs), given to the ones already
stored in the order they arrived. A manager can put an agenda item at a time or on another
day, and the mark keeps it there when the plan is worked out again. A client's country
decides whose public holidays its own working hours skip; left empty, it is read from the
client's time zone.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import accdesk.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.Integer(), nullable=True))
    request = sa.table(
        "request",
        sa.column("id", sa.Uuid()),
        sa.column("number", sa.Integer()),
        sa.column("received_at", accdesk.types.UTCDateTime()),
    )
    connection = op.get_bind()
    ordered = connection.execute(
        sa.select(request.c.id).order_by(request.c.received_at, request.c.id)
    ).scalars()
    for number, request_id in enumerate(ordered, start=1):
        connection.execute(request.update().where(request.c.id == request_id).values(number=number))
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.alter_column("number", existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint("uq_request_number", ["number"])
    with op.batch_alter_table("agendamark", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_at", accdesk.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("moved_to", sa.Date(), nullable=True))
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(sa.Column("country", sa.String(length=2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("country")
    with op.batch_alter_table("agendamark", schema=None) as batch_op:
        batch_op.drop_column("moved_to")
        batch_op.drop_column("start_at")
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.drop_constraint("uq_request_number", type_="unique")
        batch_op.drop_column("number")
