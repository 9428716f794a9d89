from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from bot.staff import accounts
from bot.staff.models import StaffSession
from bot.staff.passwords import hash_password, verify
from bot.staff.sessions import close_session, csrf_ok, lookup, open_session
from bot.storage.db import session

PASSWORD = "a long enough passphrase"


def test_hashes_are_argon2id_and_salted() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("$argon2id$") and first != second
    assert verify(PASSWORD, first) and not verify("wrong passphrase!", first)
    assert not verify(PASSWORD, None) and not verify(PASSWORD, "not a hash")


def test_short_passwords_are_refused() -> None:
    with pytest.raises(ValueError, match="at least"):
        hash_password("short")


def test_accounts_authenticate_and_roles_are_checked(db_url: str) -> None:
    with session(db_url) as db:
        accounts.create(db, "ana", PASSWORD, "analyst")
        with pytest.raises(ValueError, match="already exists"):
            accounts.create(db, "ana", PASSWORD, "analyst")
        with pytest.raises(ValueError, match="role"):
            accounts.create(db, "bob", PASSWORD, "admin")
    with session(db_url) as db:
        assert accounts.authenticate(db, "ana", PASSWORD) is not None
        assert accounts.authenticate(db, "ana", "wrong passphrase!") is None
        assert accounts.authenticate(db, "nobody", PASSWORD) is None


def test_sessions_are_stored_hashed_and_expire_when_idle(db_url: str) -> None:
    with session(db_url) as db:
        staff = accounts.create(db, "ana", PASSWORD, "analyst")
        token = open_session(db, staff)
    with session(db_url) as db:
        assert db.scalar(sa.select(sa.func.count()).where(StaffSession.token_hash == token)) == 0
        me = lookup(db, token, idle_minutes=30, max_hours=12)
        assert me is not None and me.actor == "staff:ana" and not me.is_supervisor
        assert csrf_ok(me, me.csrf_token) and not csrf_ok(me, "forged") and not csrf_ok(me, None)
        assert lookup(db, "forged", idle_minutes=30, max_hours=12) is None
    with session(db_url) as db:
        db.execute(sa.update(StaffSession).values(last_seen=time.time() - 31 * 60))
    with session(db_url) as db:
        assert lookup(db, token, idle_minutes=30, max_hours=12) is None
    with session(db_url) as db:
        assert db.scalar(sa.select(sa.func.count()).select_from(StaffSession)) == 0


def test_a_session_ends_after_its_absolute_lifetime_even_when_active(db_url: str) -> None:
    with session(db_url) as db:
        token = open_session(db, accounts.create(db, "ana", PASSWORD, "analyst"))
    with session(db_url) as db:
        db.execute(sa.update(StaffSession).values(created_at=time.time() - 12 * 3600 + 60))
    with session(db_url) as db:
        assert lookup(db, token, idle_minutes=30, max_hours=12) is not None, "a minute before its end"
    with session(db_url) as db:
        db.execute(sa.update(StaffSession).values(created_at=time.time() - 12 * 3600 - 1, last_seen=time.time()))
    with session(db_url) as db:
        assert lookup(db, token, idle_minutes=30, max_hours=12) is None
    with session(db_url) as db:
        assert db.scalar(sa.select(sa.func.count()).select_from(StaffSession)) == 0


@pytest.mark.parametrize(
    "password", ["passwordpassword", "iloveyou1234", "qwertyuiop123", "aaaaaaaaaaaaaaaa", "Password1234!"]
)
def test_common_and_guessable_passwords_are_refused(password: str) -> None:
    with pytest.raises(ValueError, match="too easy to guess"):
        hash_password(password)


def test_logout_ends_the_session(db_url: str) -> None:
    with session(db_url) as db:
        token = open_session(db, accounts.create(db, "ana", PASSWORD, "analyst"))
    with session(db_url) as db:
        close_session(db, token)
    with session(db_url) as db:
        assert lookup(db, token, idle_minutes=30, max_hours=12) is None


def test_disabling_ends_sessions_and_one_supervisor_always_stays(db_url: str, cheap_hashes: None) -> None:
    with session(db_url) as db:
        ana = accounts.create(db, "ana", PASSWORD, "analyst")
        sam = accounts.create(db, "sam", PASSWORD, "supervisor")
        tokens = [open_session(db, ana), open_session(db, ana)]
    with session(db_url) as db:
        ana, sam = accounts.by_username(db, "ana"), accounts.by_username(db, "sam")
        assert accounts.set_active(db, ana, False, "staff:sam") and not accounts.set_active(db, ana, False)
        with pytest.raises(accounts.AccountError, match="last active supervisor"):
            accounts.set_active(db, sam, False)
        with pytest.raises(accounts.AccountError, match="last active supervisor"):
            accounts.set_role(db, sam, "analyst")
    with session(db_url) as db:
        assert all(lookup(db, token, idle_minutes=30, max_hours=12) is None for token in tokens)
        assert db.scalar(sa.select(sa.func.count()).select_from(StaffSession)) == 0
        assert accounts.authenticate(db, "ana", PASSWORD) is None
        listed = {account.username: account for account in accounts.listing(db)}
        assert (listed["ana"].state, listed["sam"].state, listed["sam"].last_login_at) == ("disabled", "active", None)
        accounts.set_role(db, accounts.by_username(db, "ana"), "supervisor")
        accounts.set_active(db, accounts.by_username(db, "ana"), True)
        assert accounts.set_active(db, accounts.by_username(db, "sam"), False), "ana is a supervisor now"
