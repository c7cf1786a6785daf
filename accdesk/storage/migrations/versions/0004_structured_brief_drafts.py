"""structured brief drafts

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 10:00:00.000000

A draft now keeps the whole structured editor (sections, level, audience), not one text.
A draft written before keeps its text as the brief's notes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("briefdraft") as batch:
        batch.add_column(sa.Column("content", sa.JSON(), nullable=False, server_default="{}"))
    bind = op.get_bind()
    drafts = sa.table(
        "briefdraft",
        sa.column("id", sa.Uuid()),
        sa.column("title", sa.String()),
        sa.column("body", sa.String()),
        sa.column("content", sa.JSON()),
    )
    for row in bind.execute(sa.select(drafts.c.id, drafts.c.title, drafts.c.body)).all():
        content = {"title": row.title, "notes": row.body}
        bind.execute(drafts.update().where(drafts.c.id == row.id).values(content=content))
    with op.batch_alter_table("briefdraft") as batch:
        batch.drop_column("body")


def downgrade() -> None:
    with op.batch_alter_table("briefdraft") as batch:
        batch.add_column(sa.Column("body", sa.String(), nullable=False, server_default=""))
    bind = op.get_bind()
    drafts = sa.table(
        "briefdraft",
        sa.column("id", sa.Uuid()),
        sa.column("body", sa.String()),
        sa.column("content", sa.JSON()),
    )
    for row in bind.execute(sa.select(drafts.c.id, drafts.c.content)).all():
        notes = (row.content or {}).get("notes", "")
        bind.execute(drafts.update().where(drafts.c.id == row.id).values(body=str(notes)))
    with op.batch_alter_table("briefdraft") as batch:
        batch.drop_column("content")
