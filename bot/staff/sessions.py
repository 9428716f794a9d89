"""Server-side staff sessions: a random cookie, stored hashed, with its CSRF token, an idle timeout and an
absolute lifetime (the conversation page polls every second, so the idle clock alone never runs out)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.staff.models import Staff, StaffSession
from bot.storage.base import now


@dataclass(frozen=True)
class SignedIn:
    staff_id: int
    username: str
    role: str
    csrf_token: str
    language: str = "en"
    """The language of the console's own labels (the account's choice)."""

    @property
    def actor(self) -> str:
        return f"staff:{self.username}"

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(db: Session, staff: Staff) -> str:
    """Returns the cookie value; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    db.add(StaffSession(token_hash=_digest(token), staff_id=staff.id, csrf_token=secrets.token_urlsafe(32)))
    return token


def lookup(db: Session, token: str | None, idle_minutes: int, max_hours: int) -> SignedIn | None:
    """The signed-in staff member, refreshing the idle clock; a session idle for `idle_minutes`, or opened
    more than `max_hours` ago, is deleted and None returned."""
    if not token:
        return None
    row = db.execute(
        sa.select(StaffSession, Staff)
        .join(Staff, Staff.id == StaffSession.staff_id)
        .where(StaffSession.token_hash == _digest(token))
    ).first()
    if row is None:
        return None
    current, staff = row
    expired = current.last_seen < now() - idle_minutes * 60 or current.created_at < now() - max_hours * 3600
    if expired or not staff.active:
        db.delete(current)
        return None
    current.last_seen = now()
    return SignedIn(staff.id, staff.username, staff.role, current.csrf_token, staff.language or "en")


def close_session(db: Session, token: str | None) -> None:
    if token:
        db.execute(sa.delete(StaffSession).where(StaffSession.token_hash == _digest(token)))


def same_secret(submitted: str | None, expected: str) -> bool:
    """Constant-time comparison of any submitted text (compare_digest refuses non-ASCII str) with a token."""
    if not submitted or not expected:
        return False
    return hmac.compare_digest(submitted.encode("utf-8", "replace"), expected.encode("utf-8", "replace"))


def csrf_ok(signed_in: SignedIn, submitted: str | None) -> bool:
    return same_secret(submitted, signed_in.csrf_token)
