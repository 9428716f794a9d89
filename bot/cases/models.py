"""The case tables. A case holds what the victim chose to give; no image column exists, by design.

`sender_id` ties a case to its conversation so "delete my data" can find it; the handoff queue
 reads the flags and `queued_at` to order the analysts' work.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import relationship

from bot.storage.base import Base, now

STATUSES = ("received", "in_review", "reported_to_platform", "removed", "closed")


class Case(Base):
    __tablename__ = "cases"

    id = sa.Column(sa.Integer, primary_key=True)
    reference = sa.Column(sa.String(12), nullable=False, unique=True)
    pin_hash = sa.Column(sa.String(160), nullable=False)
    sender_id = sa.Column(sa.String(255), nullable=True, index=True)
    channel = sa.Column(sa.String(40), nullable=False, default="rest")
    language = sa.Column(sa.String(2), nullable=False)
    jurisdiction = sa.Column(sa.String(8), nullable=True)
    situation = sa.Column(sa.String(20), nullable=True)
    platforms = sa.Column(sa.Text, nullable=True)
    found_when = sa.Column(sa.String(200), nullable=True)
    subject = sa.Column(sa.String(10), nullable=True)
    is_minor = sa.Column(sa.Boolean, nullable=False, default=False)
    in_crisis = sa.Column(sa.Boolean, nullable=False, default=False)
    sextortion_ongoing = sa.Column(sa.Boolean, nullable=False, default=False)
    threats_ongoing = sa.Column(sa.String(8), nullable=True)
    consent_open_urls = sa.Column(sa.Boolean, nullable=False, default=False)
    contact_preference = sa.Column(sa.String(10), nullable=True)
    contact_detail = sa.Column(sa.String(254), nullable=True)
    status = sa.Column(sa.String(24), nullable=False, default="received")
    created_at = sa.Column(sa.Float, nullable=False, default=now)
    updated_at = sa.Column(sa.Float, nullable=False, default=now, onupdate=now)

    urls = relationship("CaseUrl", cascade="all, delete-orphan", order_by="CaseUrl.id")
    history = relationship("CaseStatus", cascade="all, delete-orphan", order_by="CaseStatus.id")


class CaseUrl(Base):
    __tablename__ = "case_urls"

    id = sa.Column(sa.Integer, primary_key=True)
    case_id = sa.Column(sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    url = sa.Column(sa.String(2048), nullable=False)
    url_key = sa.Column(sa.String(64), nullable=False, index=True)


class CaseLink(Base):
    """Two cases naming the same link: a sign of repeat victimisation, shown to analysts only."""

    __tablename__ = "case_links"

    id = sa.Column(sa.Integer, primary_key=True)
    case_id = sa.Column(sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    linked_case_id = sa.Column(sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    reason = sa.Column(sa.String(20), nullable=False, default="same_url")
    created_at = sa.Column(sa.Float, nullable=False, default=now)


class CaseStatus(Base):
    __tablename__ = "case_status_history"

    id = sa.Column(sa.Integer, primary_key=True)
    case_id = sa.Column(sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    status = sa.Column(sa.String(24), nullable=False)
    at = sa.Column(sa.Float, nullable=False, default=now)
    by = sa.Column(sa.String(80), nullable=False, default="relais")


class PinAttempt(Base):
    """Failed PIN checks, by reference and by conversation, for rate limiting; purged when old."""

    __tablename__ = "pin_attempts"

    id = sa.Column(sa.Integer, primary_key=True)
    reference = sa.Column(sa.String(12), nullable=False, index=True)
    sender_key = sa.Column(sa.String(64), nullable=False, index=True)
    at = sa.Column(sa.Float, nullable=False, default=now, index=True)


class ErasureJob(Base):
    """A conversation to erase once Rasa has saved its last turn (see bot.cases.erasure).

    `during_turn` is false when the conversation is not the one asking (erasure by reference):
    there is no turn to wait for.
    """

    __tablename__ = "erasure_jobs"

    id = sa.Column(sa.Integer, primary_key=True)
    sender_id = sa.Column(sa.String(255), nullable=False, index=True)
    during_turn = sa.Column(sa.Boolean, nullable=False, default=True)
    requested_at = sa.Column(sa.Float, nullable=False, default=now)
    cutoff = sa.Column(sa.Float, nullable=True)
    done_at = sa.Column(sa.Float, nullable=True)
