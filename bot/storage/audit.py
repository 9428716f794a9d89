"""The audit log: who did what, when, on which case; never the content itself."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.storage.base import Base, now


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id = sa.Column(sa.Integer, primary_key=True)
    at = sa.Column(sa.Float, nullable=False, default=now, index=True)
    actor = sa.Column(sa.String(80), nullable=False)
    action = sa.Column(sa.String(40), nullable=False)
    case_reference = sa.Column(sa.String(12), nullable=True, index=True)
    detail = sa.Column(sa.Text, nullable=False, default="{}")


def record(db: Session, actor: str, action: str, case_reference: str | None = None, **detail: Any) -> None:
    """Add one line; `detail` holds counts and identifiers only, by the callers' contract."""
    db.add(AuditEntry(actor=actor, action=action, case_reference=case_reference, detail=json.dumps(detail)))
