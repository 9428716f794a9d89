"""handoffs: when the person of an open web-widget request left the chat (their last socket closed)

Revision ID: 0007_handoff_left_at
Revises: 0006_handoff_crisis_while_held
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_handoff_left_at"
down_revision = "0006_handoff_crisis_while_held"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("left_at", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.drop_column("left_at")
