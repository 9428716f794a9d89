"""staff: when each account last signed in (for the account list)

Revision ID: 0003_staff_last_login
Revises: 0002_staff_handoffs
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_staff_last_login"
down_revision = "0002_staff_handoffs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_login_at", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("last_login_at")
