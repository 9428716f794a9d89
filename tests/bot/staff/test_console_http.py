"""Authentication, CSRF and roles on the real web server: no case data before a valid session."""

from __future__ import annotations

import requests
import sqlalchemy as sa

from bot.services import Stack
from bot.staff.accounts import MAX_LOGIN_FAILURES
from bot.staff.auth import COOKIE
from bot.staff.models import Handoff
from bot.storage.audit import AuditEntry
from bot.storage.db import session
from tests.bot.staff.conftest import Console, create_account, handoff_of, live_chat
from tests.conftest import Chat

PAGES = ("/staff", "/staff/handoffs/{id}")
JSON = ("/staff/handoffs/{id}/messages?since=0",)
ACTIONS = ("claim", "reply", "notes", "hand-back", "close", "reassign")


def _waiting(stack: Stack, text: str = "/request_human") -> tuple[Chat, Handoff]:
    """A person waiting in the widget's channel (a conversation the console can take)."""
    victim = live_chat(stack, "en", text)
    return victim, handoff_of(stack, victim.sender)


def test_unauthenticated_requests_never_reach_case_data(stack: Stack) -> None:
    victim, handoff = _waiting(stack)
    base = f"http://{stack.settings.host}:{stack.settings.web_port}"
    for path in PAGES:
        response = requests.get(base + path.format(id=handoff.id), allow_redirects=False, timeout=30)
        assert response.status_code == 303 and response.headers["Location"] == "/staff/login"
        assert victim.sender not in response.text
    for path in JSON:
        response = requests.get(base + path.format(id=handoff.id), timeout=30)
        assert response.status_code == 401 and response.json() == {"error": "not_signed_in"}
    for name in ACTIONS:
        response = requests.post(f"{base}/staff/handoffs/{handoff.id}/{name}", data={"text": "x"}, timeout=30)
        assert response.status_code == 401
    forged = requests.get(base + "/staff", cookies={"relais_staff": "forged"}, allow_redirects=False, timeout=30)
    assert forged.status_code == 303
    assert handoff_of(stack, victim.sender).state == "waiting"


def test_login_needs_the_right_password_and_its_form_token(stack: Stack, analyst: Console) -> None:
    other = Console(stack, analyst.username)
    assert other.login(password="not the password").status_code == 401
    base = other.base
    no_token = requests.post(f"{base}/staff/login", data={"username": analyst.username, "password": "x"}, timeout=30)
    assert no_token.status_code == 403


def test_repeated_wrong_passwords_lock_the_account_name_for_a_while(stack: Stack) -> None:
    target = Console(stack, create_account(stack, "analyst"))
    statuses = [target.login(password=f"wrong password {n}").status_code for n in range(MAX_LOGIN_FAILURES)]
    assert statuses == [401] * MAX_LOGIN_FAILURES
    assert target.login().status_code == 429, "even the right password waits once the limit is reached"
    assert COOKIE not in target.http.cookies


def test_the_session_cookie_is_httponly_and_strict(stack: Stack) -> None:
    from tests.bot.staff.conftest import PASSWORD, create_account

    console = Console(stack, create_account(stack, "analyst"))
    form = console.http.get(f"{console.base}/staff/login", timeout=30)
    token = form.text.split('name="csrf" value="')[1].split('"')[0]
    response = console.http.post(
        f"{console.base}/staff/login",
        data={"csrf": token, "username": console.username, "password": PASSWORD},
        allow_redirects=False,
        timeout=30,
    )
    cookie = response.headers["Set-Cookie"]
    assert response.status_code == 303 and "relais_staff=" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/staff" in cookie
    assert "default-src 'none'" in form.headers["Content-Security-Policy"]


def test_csrf_missing_or_wrong_is_refused(stack: Stack, analyst: Console) -> None:
    victim, handoff = _waiting(stack)
    for token in ("", "wrong"):
        response = analyst.post(f"/staff/handoffs/{handoff.id}/claim", csrf=token)
        assert response.status_code == 403 and response.json() == {"error": "bad_csrf_token"}
    assert handoff_of(stack, victim.sender).state == "waiting"
    assert analyst.post("/staff/logout", csrf="wrong").status_code == 403
    assert analyst.get("/staff").status_code == 200


def test_analysts_cannot_do_supervisor_things(stack: Stack, analyst: Console, supervisor: Console) -> None:
    victim, handoff = _waiting(stack)
    assert supervisor.post(f"/staff/handoffs/{handoff.id}/claim").status_code == 200
    assert analyst.get(f"/staff/handoffs/{handoff.id}").status_code == 403
    assert analyst.get(f"/staff/handoffs/{handoff.id}/messages?since=0").status_code == 403
    assert analyst.post(f"/staff/handoffs/{handoff.id}/reply", text="hello").status_code == 403
    with session(stack.settings.database_url) as db:
        analyst_id = db.execute(sa.text("select id from staff where username = :u"), {"u": analyst.username}).scalar()
    refused = analyst.post(f"/staff/handoffs/{handoff.id}/reassign", staff_id=str(analyst_id))
    assert refused.status_code == 403 and refused.json() == {"error": "supervisors_only"}
    moved = supervisor.post(f"/staff/handoffs/{handoff.id}/reassign", staff_id=str(analyst_id))
    assert moved.status_code == 200
    assert analyst.get(f"/staff/handoffs/{handoff.id}").status_code == 200
    assert supervisor.get(f"/staff/handoffs/{handoff.id}").status_code == 200  # supervisors see all
    closed = analyst.post(f"/staff/handoffs/{handoff.id}/close", outcome="resolved")
    assert closed.status_code == 200 and handoff_of(stack, victim.sender).state == "closed"
    assert victim.slot("handoff_state") == "closed"


def test_the_loser_of_a_claim_is_told(stack: Stack, analyst: Console, supervisor: Console) -> None:
    _, handoff = _waiting(stack)
    assert analyst.post(f"/staff/handoffs/{handoff.id}/claim").status_code == 200
    lost = supervisor.post(f"/staff/handoffs/{handoff.id}/claim")
    assert lost.status_code == 409 and "Someone else has already taken this conversation" in lost.text


def test_every_view_and_action_is_audited(stack: Stack, analyst: Console) -> None:
    victim, handoff = _waiting(stack)
    analyst.get("/staff")
    analyst.post(f"/staff/handoffs/{handoff.id}/claim")
    analyst.post(f"/staff/handoffs/{handoff.id}/notes", text="calls back tomorrow")
    analyst.post(f"/staff/handoffs/{handoff.id}/hand-back")
    with session(stack.settings.database_url) as db:
        actions = db.scalars(
            sa.select(AuditEntry.action).where(AuditEntry.actor == f"staff:{analyst.username}").order_by(AuditEntry.id)
        ).all()
        details = db.scalars(sa.select(AuditEntry.detail)).all()
    assert actions == [
        "staff_login",
        "queue_viewed",  # the redirect after signing in
        "queue_viewed",
        "handoff_claimed",
        "conversation_viewed",
        "note_added",
        "conversation_viewed",
        "handed_back",
        "queue_viewed",
    ]
    assert not any("calls back" in detail for detail in details)
    assert victim.slot("handoff_state") == "none"
