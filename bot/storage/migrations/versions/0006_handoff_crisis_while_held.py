"""handoffs: a crisis message written while an analyst holds the conversation (when, and its event id)

Revision ID: 0006_handoff_crisis_while_held
Revises: 0005_console_staff_language
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_handoff_crisis_while_held"
down_revision = "0005_console_staff_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("crisis_at", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("crisis_event", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.drop_column("crisis_event")
        batch_op.drop_column("crisis_at")
