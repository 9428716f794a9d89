"""telegram: the update ids already handled (replay and redelivery memory)

Revision ID: 0004_telegram_updates
Revises: 0003_staff_last_login
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_telegram_updates"
down_revision = "0003_staff_last_login"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "telegram_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("received_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_telegram_updates")),
    )
    op.create_index(op.f("ix_telegram_updates_received_at"), "telegram_updates", ["received_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_telegram_updates_received_at"), table_name="telegram_updates")
    op.drop_table("telegram_updates")
