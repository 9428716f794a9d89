"""Staff, their sessions, the handoff queue and internal notes.

A handoff is one request for a person in one conversation; the conversation itself stays in Rasa's
tracker store, so nothing a victim wrote is copied here.
"""

from __future__ import annotations

import sqlalchemy as sa

from bot.storage.base import Base, now

ROLES = ("analyst", "supervisor")
STATES = ("waiting", "human", "bot", "closed", "cancelled", "expired")
OPEN_STATES = ("waiting", "human")
OUTCOMES = ("resolved", "reported", "referred", "no_action", "unreachable")


class Staff(Base):
    __tablename__ = "staff"

    id = sa.Column(sa.Integer, primary_key=True)
    username = sa.Column(sa.String(80), nullable=False, unique=True)
    password_hash = sa.Column(sa.String(200), nullable=False)
    role = sa.Column(sa.String(12), nullable=False, default="analyst")
    active = sa.Column(sa.Boolean, nullable=False, default=True)
    created_at = sa.Column(sa.Float, nullable=False, default=now)
    last_login_at = sa.Column(sa.Float, nullable=True)
    language = sa.Column(sa.String(2), nullable=True)
    """The console's language for this account (fr, ko, en); none: English."""


class StaffSession(Base):
    """A signed-in browser; only a hash of its cookie is kept, so a database leak signs no one in."""

    __tablename__ = "staff_sessions"

    id = sa.Column(sa.Integer, primary_key=True)
    token_hash = sa.Column(sa.String(64), nullable=False, unique=True)
    staff_id = sa.Column(sa.Integer, sa.ForeignKey("staff.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = sa.Column(sa.String(64), nullable=False)
    created_at = sa.Column(sa.Float, nullable=False, default=now)
    last_seen = sa.Column(sa.Float, nullable=False, default=now)


class Handoff(Base):
    __tablename__ = "handoffs"

    id = sa.Column(sa.Integer, primary_key=True)
    sender_id = sa.Column(sa.String(255), nullable=False, index=True)
    channel = sa.Column(sa.String(40), nullable=False)
    language = sa.Column(sa.String(2), nullable=False)
    case_id = sa.Column(sa.Integer, sa.ForeignKey("cases.id", ondelete="SET NULL"), nullable=True, index=True)
    state = sa.Column(sa.String(12), nullable=False, default="waiting", index=True)
    priority = sa.Column(sa.Integer, nullable=False, default=3)
    requested_at = sa.Column(sa.Float, nullable=False, default=now)
    claimed_by = sa.Column(sa.Integer, sa.ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)
    claimed_at = sa.Column(sa.Float, nullable=True)
    closed_at = sa.Column(sa.Float, nullable=True)
    outcome = sa.Column(sa.String(20), nullable=True)
    crisis_at = sa.Column(sa.Float, nullable=True)
    """When the person last wrote a crisis message while an analyst held the conversation (shown on the card)."""
    crisis_event = sa.Column(sa.Integer, nullable=True)
    """The id, in Rasa's `events` table, of that message: each one is acted on once, whichever web process sees it."""
    left_at = sa.Column(sa.Float, nullable=True)
    """When the person's last web-widget socket closed while the request was open (Unix s); None while they are on
    the chat, and always for a channel that does not tell (Telegram, REST). Kept by bot/staff/presence.py."""


class Note(Base):
    """An analyst's internal note on a handoff; never shown to the victim."""

    __tablename__ = "notes"

    id = sa.Column(sa.Integer, primary_key=True)
    handoff_id = sa.Column(sa.Integer, sa.ForeignKey("handoffs.id", ondelete="CASCADE"), nullable=False, index=True)
    staff_id = sa.Column(sa.Integer, sa.ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)
    at = sa.Column(sa.Float, nullable=False, default=now)
    text = sa.Column(sa.Text, nullable=False)
