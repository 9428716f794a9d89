"""The accounts page: a supervisor lists, disables, enables, resets and changes roles, audited (no Rasa needed)."""

from __future__ import annotations

import re

import sqlalchemy as sa

from bot.staff import queue
from bot.staff.models import Staff
from bot.storage.audit import AuditEntry
from bot.storage.db import session
from tests.bot.staff.local import PASSWORD, Local, console_test

NEW_PASSWORD = "a brand new passphrase"


def _id(local: Local, username: str) -> int:
    with session(local.settings.database_url) as db:
        return int(db.scalar(sa.select(Staff.id).where(Staff.username == username)))


def _audit(local: Local, actor: str) -> list[tuple[str, str]]:
    with session(local.settings.database_url) as db:
        rows = db.execute(
            sa.select(AuditEntry.action, AuditEntry.detail).where(AuditEntry.actor == actor).order_by(AuditEntry.id)
        ).all()
    return [(action, detail) for action, detail in rows]


@console_test()
async def test_only_a_supervisor_sees_the_accounts(local: Local) -> None:
    stranger = local.person("nobody")
    assert (await stranger.get("/staff/accounts", follow=False)).location == "/staff/login"
    analyst = await local.signed_in("ana")
    assert (await analyst.get("/staff/accounts")).status == 403
    assert "/staff/accounts" not in (await analyst.get("/staff")).text
    boss = await local.signed_in("sam", "supervisor")
    assert 'href="/staff/accounts"' in (await boss.get("/staff")).text
    page = await boss.get("/staff/accounts")
    assert page.status == 200
    row = re.search(r'<tr data-account="ana".*?</tr>', page.text, re.S)
    assert row and "analyst" in row.group(0) and "active" in row.group(0) and " UTC" in row.group(0)
    assert ("accounts_viewed", '{"accounts": 2}') in _audit(local, "staff:sam")


@console_test()
async def test_a_disabled_analyst_is_signed_out_at_once_and_cannot_sign_in(local: Local) -> None:
    analyst = await local.signed_in("ana")
    boss = await local.signed_in("sam", "supervisor")
    with session(local.settings.database_url) as db:
        handoff = queue.request(db, "victim-1", "socketio", "en", queue.Flags())
        queue.claim(db, handoff.id, _id(local, "ana"))
    done = await boss.post(f"/staff/accounts/{_id(local, 'ana')}/disable")
    assert done.status == 200
    assert "ana is disabled and signed out everywhere" in done.text and "still hold 1 conversation" in done.text
    assert (await analyst.get("/staff", follow=False)).location == "/staff/login"
    assert (await analyst.post("/staff/handoffs/1/reply", fetch=True, text="hello")).status == 401
    assert (await analyst.login()).status == 401, "a disabled account cannot sign in, even with its password"
    assert re.search(r'<tr data-account="ana" class="disabled">', (await boss.get("/staff/accounts")).text)

    again = await boss.post(f"/staff/accounts/{_id(local, 'ana')}/enable")
    assert again.status == 200 and "ana can sign in again" in again.text
    assert (await analyst.login()).status == 200
    details = dict(_audit(local, "staff:sam"))
    assert '"sessions_ended": 1' in details["staff_disabled"] and "staff_enabled" in details


@console_test()
async def test_the_last_supervisor_can_be_neither_disabled_nor_demoted(local: Local) -> None:
    boss = await local.signed_in("sam", "supervisor")
    mine = _id(local, "sam")
    refused = await boss.post(f"/staff/accounts/{mine}/disable")
    assert refused.status == 409 and "sam is the last active supervisor" in refused.text
    demoted = await boss.post(f"/staff/accounts/{mine}/role", role="analyst")
    assert demoted.status == 409 and "make another account a supervisor first" in demoted.text
    assert (await boss.get("/staff/accounts")).status == 200, "still a supervisor, still signed in"
    assert [a for a, _ in _audit(local, "staff:sam")].count("staff_change_refused") == 2

    await local.signed_in("lea", "supervisor")
    demoted = await boss.post(f"/staff/accounts/{mine}/role", role="analyst", follow=False)
    assert demoted.location == "/staff", "once another supervisor exists; sam is an analyst from the next request"
    assert (await boss.get("/staff/accounts")).status == 403


@console_test()
async def test_a_supervisor_who_disables_themselves_is_signed_out(local: Local) -> None:
    await local.signed_in("lea", "supervisor")
    boss = await local.signed_in("sam", "supervisor")
    done = await boss.post(f"/staff/accounts/{_id(local, 'sam')}/disable", follow=False)
    assert done.location == "/staff/login"
    assert (await boss.get("/staff", follow=False)).location == "/staff/login"


@console_test()
async def test_roles_change_from_the_console(local: Local) -> None:
    analyst = await local.signed_in("ana")
    boss = await local.signed_in("sam", "supervisor")
    promoted = await boss.post(f"/staff/accounts/{_id(local, 'ana')}/role", role="supervisor")
    assert promoted.status == 200 and "ana is now a supervisor" in promoted.text
    assert (await analyst.get("/staff/accounts")).status == 200, "without signing in again"
    unknown = await boss.post(f"/staff/accounts/{_id(local, 'ana')}/role", role="admin")
    assert unknown.status == 409 and "The role must be one of analyst, supervisor." in unknown.text
    assert ("staff_role_changed", f'{{"staff_id": {_id(local, "ana")}, "role": "supervisor"}}') in _audit(
        local, "staff:sam"
    )


@console_test()
async def test_a_password_reset_from_the_console_ends_the_old_sessions(local: Local) -> None:
    analyst = await local.signed_in("ana")
    boss = await local.signed_in("sam", "supervisor")
    url = f"/staff/accounts/{_id(local, 'ana')}/password"
    differ = await boss.post(url, password=NEW_PASSWORD, password_again=NEW_PASSWORD + "!")
    assert differ.status == 400 and "The two passwords differ." in differ.text
    short = await boss.post(url, password="short", password_again="short")
    assert short.status == 400 and "at least 12 characters" in short.text
    assert (await analyst.get("/staff")).status == 200, "refused resets change nothing"
    done = await boss.post(url, password=NEW_PASSWORD, password_again=NEW_PASSWORD)
    assert done.status == 200 and "New password set for ana; 1 open session(s) ended" in done.text
    assert (await analyst.get("/staff", follow=False)).location == "/staff/login"
    assert (await analyst.login(PASSWORD)).status == 401
    assert (await analyst.login(NEW_PASSWORD)).status == 200
    details = " ".join(detail for _, detail in _audit(local, "staff:sam"))
    assert "staff_password_reset" in [a for a, _ in _audit(local, "staff:sam")] and NEW_PASSWORD not in details


@console_test()
async def test_account_changes_need_a_supervisor_and_the_session_token(local: Local) -> None:
    analyst = await local.signed_in("ana")
    boss = await local.signed_in("sam", "supervisor")
    target = _id(local, "sam")
    for path, data in (("disable", {}), ("enable", {}), ("role", {"role": "analyst"}), ("password", {})):
        refused = await analyst.post(f"/staff/accounts/{target}/{path}", **data)
        assert refused.status == 403 and refused.json() == {"error": "supervisors_only"}
        forged = await boss.post(f"/staff/accounts/{_id(local, 'ana')}/{path}", csrf="forged", **data)
        assert forged.status == 403 and forged.json() == {"error": "bad_csrf_token"}
    assert (await boss.post("/staff/accounts/999/disable")).status == 404
    assert (await analyst.get("/staff")).status == 200
