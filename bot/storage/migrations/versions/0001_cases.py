"""cases, audit log, erasure jobs

Revision ID: 0001_cases
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_cases"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("case_reference", sa.String(length=12), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_case_reference"), ["case_reference"], unique=False)

    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=12), nullable=False),
        sa.Column("pin_hash", sa.String(length=160), nullable=False),
        sa.Column("sender_id", sa.String(length=255), nullable=True),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("jurisdiction", sa.String(length=8), nullable=True),
        sa.Column("situation", sa.String(length=20), nullable=True),
        sa.Column("platforms", sa.Text(), nullable=True),
        sa.Column("found_when", sa.String(length=200), nullable=True),
        sa.Column("subject", sa.String(length=10), nullable=True),
        sa.Column("is_minor", sa.Boolean(), nullable=False),
        sa.Column("in_crisis", sa.Boolean(), nullable=False),
        sa.Column("sextortion_ongoing", sa.Boolean(), nullable=False),
        sa.Column("threats_ongoing", sa.String(length=8), nullable=True),
        sa.Column("consent_open_urls", sa.Boolean(), nullable=False),
        sa.Column("contact_preference", sa.String(length=10), nullable=True),
        sa.Column("contact_detail", sa.String(length=254), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("reference", name=op.f("uq_cases_reference")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_sender_id"), ["sender_id"], unique=False)

    op.create_table(
        "erasure_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.String(length=255), nullable=False),
        sa.Column("during_turn", sa.Boolean(), nullable=False),
        sa.Column("requested_at", sa.Float(), nullable=False),
        sa.Column("cutoff", sa.Float(), nullable=True),
        sa.Column("done_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_jobs")),
    )
    with op.batch_alter_table("erasure_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_erasure_jobs_sender_id"), ["sender_id"], unique=False)

    op.create_table(
        "pin_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=12), nullable=False),
        sa.Column("sender_key", sa.String(length=64), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pin_attempts")),
    )
    with op.batch_alter_table("pin_attempts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pin_attempts_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_pin_attempts_reference"), ["reference"], unique=False)
        batch_op.create_index(batch_op.f("ix_pin_attempts_sender_key"), ["sender_key"], unique=False)

    op.create_table(
        "case_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("linked_case_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_links_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["linked_case_id"], ["cases.id"], name=op.f("fk_case_links_linked_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_links")),
    )
    with op.batch_alter_table("case_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_links_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_links_linked_case_id"), ["linked_case_id"], unique=False)

    op.create_table(
        "case_status_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_status_history_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_status_history")),
    )
    with op.batch_alter_table("case_status_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_status_history_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_urls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("url_key", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_urls_case_id_cases"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_urls")),
    )
    with op.batch_alter_table("case_urls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_urls_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_urls_url_key"), ["url_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_urls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_urls_url_key"))
        batch_op.drop_index(batch_op.f("ix_case_urls_case_id"))

    op.drop_table("case_urls")
    with op.batch_alter_table("case_status_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_status_history_case_id"))

    op.drop_table("case_status_history")
    with op.batch_alter_table("case_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_links_linked_case_id"))
        batch_op.drop_index(batch_op.f("ix_case_links_case_id"))

    op.drop_table("case_links")
    with op.batch_alter_table("pin_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pin_attempts_sender_key"))
        batch_op.drop_index(batch_op.f("ix_pin_attempts_reference"))
        batch_op.drop_index(batch_op.f("ix_pin_attempts_at"))

    op.drop_table("pin_attempts")
    with op.batch_alter_table("erasure_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erasure_jobs_sender_id"))

    op.drop_table("erasure_jobs")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_sender_id"))

    op.drop_table("cases")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_case_reference"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
