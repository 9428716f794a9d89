"""Staff accounts, and the command that creates them.

Usage: python -m bot.staff.accounts create <username> --role analyst|supervisor
The password comes from a prompt, or from RELAIS_STAFF_PASSWORD for scripts.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.staff.models import ROLES, Staff
from bot.staff.passwords import hash_password, verify
from bot.storage import audit, migrate
from bot.storage.audit import AuditEntry
from bot.storage.base import now
from bot.storage.db import session

MAX_LOGIN_FAILURES = 5
LOGIN_WINDOW_S = 15 * 60


def create(db: Session, username: str, password: str, role: str) -> Staff:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if db.scalar(sa.select(Staff.id).where(Staff.username == username)) is not None:
        raise ValueError(f"the account {username!r} already exists")
    staff = Staff(username=username, password_hash=hash_password(password), role=role, active=True)
    db.add(staff)
    db.flush()
    audit.record(db, "system", "staff_created", staff_id=staff.id)
    return staff


def authenticate(db: Session, username: str, password: str) -> Staff | None:
    staff = db.scalar(sa.select(Staff).where(Staff.username == username, Staff.active.is_(True)))
    return staff if verify(password, staff.password_hash if staff else None) else None


def login_actor(username: str) -> str:
    """How a failed login is written in the audit log: the name tried, never the password."""
    return f"login:{username.strip().lower()[:60]}"


def login_locked(db: Session, username: str) -> bool:
    """Argon2 slows each guess; this caps guesses per account name, whoever makes them."""
    since = now() - LOGIN_WINDOW_S
    failures = db.scalar(
        sa.select(sa.func.count()).where(
            AuditEntry.actor == login_actor(username), AuditEntry.action == "staff_login_failed", AuditEntry.at >= since
        )
    )
    return int(failures or 0) >= MAX_LOGIN_FAILURES


def _password() -> str:
    from_env = os.environ.get("RELAIS_STAFF_PASSWORD")
    if from_env:
        return from_env
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise ValueError("the two passwords differ")
    return first


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.staff.accounts")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("create", help="create a staff account")
    new.add_argument("username")
    new.add_argument("--role", choices=ROLES, default="analyst")
    args = parser.parse_args(argv)
    migrate.upgrade()
    try:
        with session() as db:
            create(db, args.username, _password(), args.role)
    except ValueError as error:
        print(f"relais: {error}", file=sys.stderr)
        return 1
    print(f"created {args.role} {args.username}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
