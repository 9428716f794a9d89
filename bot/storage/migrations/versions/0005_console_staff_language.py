"""staff: the language of each account's console (fr, ko or en; none: English)

Revision ID: 0005_console_staff_language
Revises: 0004_telegram_updates
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_console_staff_language"
down_revision = "0004_telegram_updates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("language")
