"""The console's remaining holes, closed: a former analyst's access, the lockout under a burst, the session's
absolute lifetime, malformed input as a 4xx with the security headers, and common passwords."""

from __future__ import annotations

import asyncio

import sqlalchemy as sa

from bot.staff import queue
from bot.staff.models import Note, Staff, StaffSession
from bot.storage.audit import AuditEntry
from bot.storage.base import now
from bot.storage.db import session
from tests.bot.staff.local import PASSWORD, Local, Person, console_test

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Cache-Control")


def _waiting(local: Local, sender_id: str = "victim-1") -> int:
    with session(local.settings.database_url) as db:
        return queue.request(db, sender_id, "socketio", "en", queue.Flags()).id


def _notes(local: Local) -> int:
    with session(local.settings.database_url) as db:
        return int(db.scalar(sa.select(sa.func.count()).select_from(Note)) or 0)


async def _locked_out(handoff_id: int, person: Person) -> None:
    for path in (f"/staff/handoffs/{handoff_id}", f"/staff/handoffs/{handoff_id}/messages"):
        assert (await person.get(path)).status == 403, path
    assert (await person.post(f"/staff/handoffs/{handoff_id}/notes", text="still here")).status == 403


@console_test()
async def test_a_former_analyst_loses_the_conversation(local: Local) -> None:
    ana, bob = await local.signed_in("ana"), await local.signed_in("bob")
    boss = await local.signed_in("sam", "supervisor")
    handed_back, closed, moved = _waiting(local, "v-1"), _waiting(local, "v-2"), _waiting(local, "v-3")
    for handoff_id in (handed_back, closed, moved):
        assert (await ana.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    assert (await ana.get(f"/staff/handoffs/{handed_back}")).status == 200
    assert (await ana.post(f"/staff/handoffs/{handed_back}/hand-back")).status == 200
    assert (await ana.post(f"/staff/handoffs/{closed}/close", outcome="resolved")).status == 200
    await boss.get("/staff")
    bob_id = next(row.id for row in _staff(local) if row.username == "bob")
    assert (await boss.post(f"/staff/handoffs/{moved}/reassign", staff_id=str(bob_id))).status == 200
    notes_before = _notes(local)
    for handoff_id in (handed_back, closed, moved):
        await _locked_out(handoff_id, ana)
    assert _notes(local) == notes_before
    assert (await bob.get(f"/staff/handoffs/{moved}")).status == 200, "the new holder sees it"
    for handoff_id in (handed_back, closed, moved):
        assert (await boss.get(f"/staff/handoffs/{handoff_id}")).status == 200, "supervisors see every conversation"


def _staff(local: Local) -> list[Staff]:
    with session(local.settings.database_url) as db:
        return list(db.scalars(sa.select(Staff)).all())


@console_test()
async def test_ten_concurrent_wrong_logins_never_pass_the_lockout(local: Local) -> None:
    local.account("ana")
    guessers = [local.person("ana") for _ in range(10)]
    answers = await asyncio.gather(*(guesser.login("wrong passphrase, guess") for guesser in guessers))
    assert sorted(answer.status for answer in answers) == [401] * 5 + [429] * 5
    with session(local.settings.database_url) as db:
        failures = db.scalar(
            sa.select(sa.func.count()).where(AuditEntry.action == "staff_login_failed", AuditEntry.actor == "login:ana")
        )
    assert failures == 5
    assert (await local.person("ana").login(PASSWORD)).status == 429, "locked, even with the right password"


@console_test()
async def test_polling_cannot_keep_a_session_alive_past_its_lifetime(local: Local) -> None:
    ana = await local.signed_in("ana")
    handoff_id = _waiting(local)
    assert (await ana.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    assert (await ana.get(f"/staff/handoffs/{handoff_id}/messages")).status == 200
    lifetime_s = local.settings.staff_session_max_hours * 3600
    with session(local.settings.database_url) as db:
        db.execute(sa.update(StaffSession).values(created_at=now() - lifetime_s - 1, last_seen=now()))
    polled = await ana.get(f"/staff/handoffs/{handoff_id}/messages")
    assert polled.status == 401, "the poll a second ago kept it from idling, not from ending"
    assert (await ana.get("/staff", follow=False)).status == 303
    with session(local.settings.database_url) as db:
        assert db.scalar(sa.select(sa.func.count()).select_from(StaffSession)) == 0


async def _raw(
    local: Local, person: Person, method: str, path: str, body: bytes = b"", **headers: str
) -> tuple[int, str, dict[str, str]]:
    async with person.http.request(method, f"{local.base}{path}", data=body, headers=headers) as response:
        return response.status, await response.text(), dict(response.headers)


@console_test()
async def test_malformed_ids_bodies_and_encodings_are_a_4xx_with_the_security_headers(local: Local) -> None:
    ana = await local.signed_in("ana")
    handoff_id = _waiting(local)
    assert (await ana.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    reply = f"/staff/handoffs/{handoff_id}/reply"
    token = {"X-CSRF-Token": ana.csrf, "X-Requested-With": "fetch"}
    as_json = {**token, "Content-Type": "application/json"}
    as_form = {"Content-Type": "application/x-www-form-urlencoded"}
    cases = [
        ("GET", "/staff/handoffs/" + "9" * 30, b"", {}, 404),
        ("GET", "/staff/handoffs/" + "9" * 5000, b"", {}, 404),
        ("GET", "/staff/handoffs/-1/messages", b"", {}, 404),
        ("POST", "/staff/handoffs/" + "9" * 30 + "/claim", b"", token, 404),
        ("POST", reply, b'{"text": "unclosed', as_json, 400),
        ("POST", reply, b"[" * 5000 + b"]" * 5000, as_json, 400),
        ("POST", reply, b'{"text": null}', as_json, 400),
        ("POST", reply, b'{"text": 12}', as_json, 400),
        ("POST", reply, b'{"text": "\xff\xfe"}', as_json, 400),
        ("POST", reply, b"text=hello", {**as_json, "Content-Type": "application/json; charset=no-such-charset"}, 400),
        ("POST", f"/staff/handoffs/{handoff_id}/notes", b"text=\xff\xfe", {**as_form, **token}, 400),
        ("POST", "/staff/login", b"csrf=x&username=\xff\xfe&password=\xc3", as_form, 400),
        ("POST", "/staff/login", b"csrf=%C3%A9t%C3%A9", as_form, 403),
        ("POST", "/staff/accounts/" + "9" * 30 + "/disable", b"", token, 403),
    ]
    for method, path, body, headers, expected in cases:
        status, text, answer_headers = await _raw(local, ana, method, path, body, **headers)
        assert status == expected, (path[:60], body[:40], status, text[:200])
        assert all(name in answer_headers for name in SECURITY_HEADERS), (path[:60], answer_headers)
    assert local.rasa.appended[1:] == [], "no reply was sent: never the word 'None'"
    assert (await ana.post(reply, fetch=True, text="None")).status == 200, "the analyst may still write it"


@console_test()
async def test_common_passwords_are_refused(local: Local) -> None:
    boss = await local.signed_in("sam", "supervisor")
    await boss.get("/staff/accounts")
    local.account("ana")
    ana_id = next(row.id for row in _staff(local) if row.username == "ana")
    for weak in ("passwordpassword", "iloveyou1234", "qwertyuiop123", "Password1234!"):
        answer = await boss.post(f"/staff/accounts/{ana_id}/password", password=weak, password_again=weak)
        assert answer.status == 400 and "too easy to guess" in answer.text, weak
    strong = "blue kettle under seven bridges"
    done = await boss.post(f"/staff/accounts/{ana_id}/password", password=strong, password_again=strong)
    assert done.status == 200
