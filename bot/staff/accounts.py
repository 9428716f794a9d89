"""Staff accounts over their whole life, and the command that manages them.

Usage: python -m bot.staff.accounts COMMAND
  create <username> [--role analyst|supervisor]   a new account
  list                                            every account: role, state, last sign-in (UTC)
  disable <username> / enable <username>          a disabled account's sessions end at once; it cannot sign in
  reset-password <username>                       a new password; the account's open sessions end
  set-role <username> analyst|supervisor          takes effect on the account's next request
A password is never taken from the command line: it is prompted twice, or read from
RELAIS_STAFF_PASSWORD for scripts. The last active supervisor can be neither disabled nor demoted.
Changes made here are audited with the actor `system`; the console audits them as `staff:<username>`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.settings import load
from bot.staff.models import ROLES, Handoff, Staff, StaffSession
from bot.staff.passwords import hash_password, verify
from bot.storage import audit, migrate
from bot.storage.audit import AuditEntry
from bot.storage.base import now
from bot.storage.db import session
from vocabulary.languages import SUPPORTED

MAX_LOGIN_FAILURES = 5
LOGIN_WINDOW_S = 15 * 60
SYSTEM = "system"
"""The audit actor of changes made with this command (whoever has a shell on the server)."""


class AccountError(ValueError):
    """A change that cannot be made; the message says why in plain words, for the operator (in English), and
    `key` and `params`, when given, say it in the console's words (`console.accounts.*` in locales/)."""

    def __init__(self, message: str, key: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.key, self.params = key, params


@dataclass(frozen=True)
class Account:
    """One row of the account list; `last_login_at` is seconds since the epoch, None if never signed in."""

    id: int
    username: str
    role: str
    active: bool
    last_login_at: float | None
    held: int
    """Conversations the account holds now (state `human`): a supervisor reassigns them after a departure."""

    @property
    def state(self) -> str:
        return "active" if self.active else "disabled"


def create(db: Session, username: str, password: str, role: str) -> Staff:
    """Raises ValueError when the role is unknown, the name is taken or the password too short."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if db.scalar(sa.select(Staff.id).where(Staff.username == username)) is not None:
        raise ValueError(f"the account {username!r} already exists")
    staff = Staff(username=username, password_hash=hash_password(password), role=role, active=True)
    db.add(staff)
    db.flush()
    audit.record(db, SYSTEM, "staff_created", staff_id=staff.id, role=role)
    return staff


def authenticate(db: Session, username: str, password: str) -> Staff | None:
    """The active account with this name and password, else None (a disabled account never signs in)."""
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


def listing(db: Session) -> list[Account]:
    """Every account, active ones first, then by name."""
    held = (
        sa.select(Handoff.claimed_by, sa.func.count().label("held"))
        .where(Handoff.state == "human")
        .group_by(Handoff.claimed_by)
        .subquery()
    )
    rows = db.execute(
        sa.select(Staff, sa.func.coalesce(held.c.held, 0))
        .outerjoin(held, held.c.claimed_by == Staff.id)
        .order_by(Staff.active.desc(), Staff.username)
    ).all()
    return [
        Account(staff.id, staff.username, staff.role, staff.active, staff.last_login_at, int(count))
        for staff, count in rows
    ]


def held(db: Session, staff: Staff) -> int:
    """How many conversations the account holds now."""
    count = db.scalar(sa.select(sa.func.count()).where(Handoff.state == "human", Handoff.claimed_by == staff.id))
    return int(count or 0)


def by_username(db: Session, username: str) -> Staff:
    """Raises AccountError when there is no such account."""
    staff = db.scalar(sa.select(Staff).where(Staff.username == username))
    if staff is None:
        raise AccountError(f"there is no account named {username!r}")
    return staff


def by_id(db: Session, staff_id: int) -> Staff:
    """Raises AccountError when there is no such account."""
    staff = db.get(Staff, staff_id)
    if staff is None:
        raise AccountError(f"there is no account number {staff_id}")
    return staff


def _keep_a_supervisor(db: Session, staff: Staff, change: str) -> None:
    """Refuse to leave the console without an active supervisor.

    The active supervisors' rows are locked first (FOR UPDATE on PostgreSQL), so two supervisors
    disabling each other at the same moment cannot both succeed; SQLite serialises writers itself.
    """
    if staff.role != "supervisor" or not staff.active:
        return
    supervisors = db.scalars(
        sa.select(Staff.id).where(Staff.role == "supervisor", Staff.active.is_(True)).with_for_update()
    ).all()
    if not set(supervisors) - {staff.id}:
        raise AccountError(
            f"{staff.username} is the last active supervisor and cannot be {change}: "
            "make another account a supervisor first",
            "console.accounts.last_supervisor_" + ("disable" if change == "disabled" else "demote"),
            name=staff.username,
        )


def end_sessions(db: Session, staff: Staff) -> int:
    """Sign the account out everywhere at once; returns how many sessions ended."""
    result = db.execute(
        sa.delete(StaffSession).where(StaffSession.staff_id == staff.id).execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


def set_active(db: Session, staff: Staff, active: bool, actor: str = SYSTEM) -> bool:
    """Enable or disable; disabling ends the account's sessions at once.

    Returns False (and changes nothing) when the account was already in that state. Raises
    AccountError when disabling the last active supervisor.
    """
    if staff.active == active:
        return False
    if not active:
        _keep_a_supervisor(db, staff, "disabled")
    staff.active = active
    ended = 0 if active else end_sessions(db, staff)
    audit.record(db, actor, "staff_enabled" if active else "staff_disabled", staff_id=staff.id, sessions_ended=ended)
    return True


def reset_password(db: Session, staff: Staff, password: str, actor: str = SYSTEM) -> int:
    """Set a new password and end the account's sessions (whoever knew the old one is signed out).

    Returns the number of sessions ended. Raises ValueError when the password is too short.
    """
    staff.password_hash = hash_password(password)
    ended = end_sessions(db, staff)
    audit.record(db, actor, "staff_password_reset", staff_id=staff.id, sessions_ended=ended)
    return ended


def set_role(db: Session, staff: Staff, role: str, actor: str = SYSTEM) -> bool:
    """Change the role; the account's open sessions get it on their next request.

    Returns False when the role was already that one. Raises AccountError when the role is unknown
    or when demoting the last active supervisor.
    """
    if role not in ROLES:
        raise AccountError(f"the role must be one of {', '.join(ROLES)}", "console.accounts.bad_role", roles=ROLES)
    if staff.role == role:
        return False
    if role != "supervisor":
        _keep_a_supervisor(db, staff, "made an analyst")
    staff.role = role
    audit.record(db, actor, "staff_role_changed", staff_id=staff.id, role=role)
    return True


def set_language(db: Session, staff: Staff, language: str) -> bool:
    """The language of the account's console (one of SUPPORTED); False when it already was. Raises ValueError."""
    if language not in SUPPORTED:
        raise ValueError(f"not a console language: {language[:10]!r}")
    if staff.language == language:
        return False
    staff.language = language
    db.flush()
    return True


def record_sign_in(staff: Staff) -> None:
    """Remember the moment of a successful sign-in, for the account list."""
    staff.last_login_at = now()


def utc(at: float | None) -> str:
    """A time for people: "2026-11-29 20:50 UTC", or "never"."""
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(at)) if at else "never"


def _password() -> str:
    from_env = os.environ.get("RELAIS_STAFF_PASSWORD")
    if from_env:
        return from_env
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise ValueError("the two passwords differ")
    return first


def _table(accounts: list[Account]) -> str:
    rows = [("username", "role", "state", "last sign-in", "holding")]
    rows += [(a.username, a.role, a.state, utc(a.last_login_at), str(a.held)) for a in accounts]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows)
    return "\n".join(line.rstrip() for line in lines)


def _run(db: Session, args: argparse.Namespace, password: str) -> str:
    """One command; returns what to print. Raises ValueError (AccountError included) when refused."""
    if args.command == "create":
        create(db, args.username, password, args.role)
        return f"created {args.role} {args.username}"
    if args.command == "list":
        return _table(listing(db))
    staff = by_username(db, args.username)
    if args.command in ("disable", "enable"):
        active = args.command == "enable"
        if not set_active(db, staff, active):
            return f"{staff.username} was already {'active' if active else 'disabled'}"
        count = held(db, staff)
        warning = f"; reassign the {count} conversation(s) they hold from the console" if count and not active else ""
        return f"{staff.username} is now {'active' if active else 'disabled'}{warning}"
    if args.command == "reset-password":
        ended = reset_password(db, staff, password)
        return f"new password set for {staff.username}; {ended} session(s) ended"
    if not set_role(db, staff, args.role):
        return f"{staff.username} was already {args.role}"
    return f"{staff.username} is now {args.role}"


def parser() -> argparse.ArgumentParser:
    """The command line; no command takes a password as an argument."""
    commands_parser = argparse.ArgumentParser(prog="python -m bot.staff.accounts")
    commands = commands_parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("create", help="create a staff account (password prompted, or RELAIS_STAFF_PASSWORD)")
    new.add_argument("username")
    new.add_argument("--role", choices=ROLES, default="analyst")
    commands.add_parser("list", help="every account with its role, state and last sign-in")
    for name, words in (
        ("disable", "disable an account and end its sessions at once"),
        ("enable", "let a disabled account sign in again"),
        ("reset-password", "set a new password (prompted, or RELAIS_STAFF_PASSWORD) and end its sessions"),
    ):
        commands.add_parser(name, help=words).add_argument("username")
    role = commands.add_parser("set-role", help="make an account an analyst or a supervisor")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    return commands_parser


def main(argv: list[str]) -> int:
    """Returns the exit status: 0 done, 1 refused (the reason on stderr); argparse exits 2 on bad usage."""
    args = parser().parse_args(argv)
    url = load().database_url
    migrate.upgrade(url)
    try:
        if args.command not in ("create", "list"):
            with session(url) as db:
                by_username(db, args.username)  # an unknown name is refused before any prompt
        # Asked before the transaction opens, so a slow typist never holds a lock the console needs.
        password = _password() if args.command in ("create", "reset-password") else ""
        with session(url) as db:
            output = _run(db, args, password)
    except ValueError as error:
        print(f"relais: {error}", file=sys.stderr)
        return 1
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
