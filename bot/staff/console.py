"""The staff console's routes under /staff: login, queue, claim, live conversation, replies, notes, hand back,
close, and (supervisors) the accounts page.

Every page view and action is written to the audit log as `staff:<username>`; the one-second
message polls of an open conversation page are part of that audited view and are not logged again.
When Rasa is down or slower than RELAIS_STAFF_RASA_TIMEOUT, a claim is undone, a reply is not
recorded as sent and a hand-back or close changes nothing; the analyst is told so in plain words.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import threading
import zlib
from typing import Any, Callable

from aiohttp import web
from sqlalchemy.orm import Session

from bot.cases.models import STATUSES, Case, CaseStatus
from bot.cases.repository import linked_references
from bot.settings import Settings
from bot.staff import accounts, live, queue, rasa_api
from bot.staff.auth import COOKIE, SETTINGS, action, page, posted_form, settings_of, signed_in, wants_json
from bot.staff.models import OUTCOMES, ROLES, Handoff, Staff
from bot.staff.pages import render
from bot.staff.sessions import SignedIn, close_session, open_session, same_secret
from bot.storage import audit
from bot.storage.db import session
from content.texts import render as text

LOGIN_COOKIE = "relais_staff_login"
CANNED = ("canned.greeting", "canned.links", "canned.removal", "canned.closing")
MAX_TEXT = 4000
MAX_ID = 2**31 - 1
"""Ids are 32-bit in every database Relais runs on; a larger number names nothing (and SQLite would overflow)."""
LOGIN_LOCKS = tuple(threading.Lock() for _ in range(64))
"""One login at a time per account name (by hash, so any number of names tried costs no memory): the
failure count is read and written in one turn, so a burst of wrong passwords cannot all pass the
check before the first failure is recorded. The web server is one process (bot/web/app.py)."""
log = logging.getLogger(__name__)


def _why(error: rasa_api.RasaUnavailableError) -> tuple[str, int]:
    """The start of a plain-words explanation, and the HTTP status that goes with it."""
    if isinstance(error, rasa_api.RasaTimeoutError):
        return "The assistant did not answer in time", 504
    return "The assistant could not be reached", 502


def _see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def _cookie(response: web.StreamResponse, settings: Settings, name: str, value: str) -> None:
    response.set_cookie(
        name, value, path="/staff", httponly=True, samesite="Strict", secure=settings.staff_https or None
    )


LOCKED = "locked"
"""Not a token: the answer of `check` when the account's failures are over the limit."""


async def login_form(request: web.Request) -> web.StreamResponse:
    token = secrets.token_urlsafe(24)
    response = render("login.html", csrf=token, error=None)
    _cookie(response, settings_of(request), LOGIN_COOKIE, token)
    return response


async def login(request: web.Request) -> web.StreamResponse:
    """Login CSRF: the form's token must match the cookie set with the form (double submit)."""
    settings = settings_of(request)
    form = await posted_form(request)
    if form is None:
        return web.json_response({"error": "bad_form"}, status=400)
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not same_secret(form.get("csrf"), expected):
        return web.json_response({"error": "bad_csrf_token"}, status=403)
    username, password = form.get("username", "")[:80], form.get("password", "")[:200]
    lock = LOGIN_LOCKS[zlib.crc32(accounts.login_actor(username).encode("utf-8", "replace")) % len(LOGIN_LOCKS)]

    def check() -> str | None:
        with lock, session(settings.database_url) as db:
            if accounts.login_locked(db, username):
                return LOCKED
            staff = accounts.authenticate(db, username, password)
            if staff is None:
                audit.record(db, accounts.login_actor(username), "staff_login_failed")
                return None
            audit.record(db, f"staff:{staff.username}", "staff_login")
            accounts.record_sign_in(staff)
            return open_session(db, staff)

    token = await asyncio.to_thread(check)
    if token == LOCKED:
        return render("login.html", status=429, csrf=expected, error="Too many failed attempts. Try again later.")
    if token is None:
        return render("login.html", status=401, csrf=expected, error="Wrong username or password.")
    response = _see_other("/staff")
    _cookie(response, settings, COOKIE, token)
    response.del_cookie(LOGIN_COOKIE, path="/staff")
    return response


@action()
async def logout(request: web.Request, me: SignedIn) -> web.StreamResponse:
    with session(settings_of(request).database_url) as db:
        close_session(db, request.cookies.get(COOKIE))
        audit.record(db, me.actor, "staff_logout")
    response = _see_other("/staff/login")
    response.del_cookie(COOKIE, path="/staff")
    return response


def _queue_page(request: web.Request, me: SignedIn, notice: str | None = None, status: int = 200) -> web.Response:
    with session(settings_of(request).database_url) as db:
        waiting = queue.listing(db, ["waiting"])
        held = queue.listing(db, ["human"], None if me.is_supervisor else me.staff_id)
        staff = queue.analysts(db) if me.is_supervisor else []
        audit.record(db, me.actor, "queue_viewed", waiting=len(waiting), held=len(held))
        return render("queue.html", status=status, me=me, waiting=waiting, held=held, staff=staff, notice=notice)


@page()
async def queue_view(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return _queue_page(request, me)


def _id(raw: str) -> int:
    """A row id from a URL or a form; raises ValueError for anything but 1..MAX_ID in ASCII digits."""
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 10) or not 0 < int(raw) <= MAX_ID:
        raise ValueError(f"not an id: {raw[:20]!r}")
    return int(raw)


def _handoff_id(request: web.Request) -> int:
    try:
        return _id(request.match_info["handoff_id"])
    except ValueError as error:
        raise web.HTTPNotFound() from error


def _reference(db: Any, handoff: Handoff) -> str | None:
    case = db.get(Case, handoff.case_id) if handoff.case_id else None
    return case.reference if case else None


def _may_see(me: SignedIn, handoff: Handoff) -> bool:
    """Supervisors see every conversation; an analyst only the one they hold now, not once it is handed
    back, closed or reassigned (the live conversation goes on, and is no longer theirs)."""
    return me.is_supervisor or (handoff.state == "human" and handoff.claimed_by == me.staff_id)


async def _language(request: web.Request, handoff: Handoff) -> str:
    """The victim's current language (they may have switched since asking), else the one they asked in."""
    tracker = await rasa_api.tracker(request.app["http"], settings_of(request), handoff.sender_id)
    language = (tracker.get("slots") or {}).get("language")
    return str(language) if language in ("fr", "ko", "en") else handoff.language


@action()
async def claim(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = _handoff_id(request)
    settings = settings_of(request)
    with session(settings.database_url) as db:
        won = queue.claim(db, handoff_id, me.staff_id)
        handoff = queue.get(db, handoff_id)
        if handoff is None:
            raise web.HTTPNotFound()
        audit.record(
            db, me.actor, "handoff_claimed" if won else "claim_lost", _reference(db, handoff), handoff=handoff_id
        )
    if not won:
        return _queue_page(request, me, "Someone else has already taken this conversation.", status=409)
    sent = False
    try:
        language = await _language(request, handoff)
        events = [
            rasa_api.pause(),
            rasa_api.bot_text(text(language, "handoff.joined")),
            rasa_api.slot("handoff_state", "human"),
        ]
        sent = True
        await rasa_api.append(request.app["http"], settings, handoff.sender_id, events)
    except rasa_api.RasaUnavailableError as error:
        return await _undo_claim(request, me, handoff, error, sent)
    raise web.HTTPSeeOther(f"/staff/handoffs/{handoff_id}")


async def _undo_claim(
    request: web.Request, me: SignedIn, handoff: Handoff, error: rasa_api.RasaUnavailableError, sent: bool
) -> web.StreamResponse:
    """Put the person back in the queue; if the pause was sent, ask Rasa to resume in case it lands late.

    A late pause would otherwise leave a waiting person unable even to cancel. The "analyst joined"
    line cannot be taken back; the person is still first in line for the next analyst.
    """
    settings = settings_of(request)
    why, status = _why(error)
    with session(settings.database_url) as db:
        undone = queue.unclaim(db, handoff.id, me.staff_id)
        audit.record(
            db, me.actor, "claim_rolled_back", _reference(db, handoff), handoff=handoff.id, reason=status, undone=undone
        )
    if sent:
        undo = [rasa_api.slot("handoff_state", "waiting"), rasa_api.resume()]
        try:
            await rasa_api.append(request.app["http"], settings, handoff.sender_id, undo)
        except rasa_api.RasaUnavailableError as second:
            log.warning("handoff %s: could not resume the conversation after a failed claim: %s", handoff.id, second)
    notice = f"{why}, so you have not taken this conversation: the person is still waiting. Try again in a moment."
    return _queue_page(request, me, notice, status=status)


def _held_or_refuse(db: Any, me: SignedIn, handoff_id: int) -> Handoff:
    handoff = queue.get(db, handoff_id)
    if handoff is None:
        raise web.HTTPNotFound()
    if not _may_see(me, handoff):
        raise web.HTTPForbidden(text='{"error": "not_your_conversation"}', content_type="application/json")
    return handoff


@page()
async def conversation(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return _conversation_page(request, me, _handoff_id(request))


def _conversation_page(
    request: web.Request, me: SignedIn, handoff_id: int, notice: str | None = None, status: int = 200, draft: str = ""
) -> web.Response:
    """The conversation page; `notice` explains a failed action, `draft` refills the reply box."""
    with session(settings_of(request).database_url) as db:
        handoff = _held_or_refuse(db, me, handoff_id)
        case = db.get(Case, handoff.case_id) if handoff.case_id else None
        linked = linked_references(db, case) if case else []
        notes = queue.notes(db, handoff)
        staff = queue.analysts(db) if me.is_supervisor else []
        audit.record(db, me.actor, "conversation_viewed", case.reference if case else None, handoff=handoff_id)
        language = handoff.language
        canned = [(key, text(language, key)) for key in CANNED]
        return render(
            "conversation.html",
            status=status,
            notice=notice,
            draft=draft,
            me=me,
            handoff=handoff,
            case=case,
            linked=linked,
            notes=notes,
            staff=staff,
            canned=canned,
            outcomes=OUTCOMES,
            statuses=STATUSES,
        )


@page()
async def messages(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = _handoff_id(request)
    try:
        since = max(0, int(request.query.get("since", "0")))
    except ValueError:
        return web.json_response({"error": "bad_since"}, status=400)
    with session(settings_of(request).database_url) as db:
        handoff = _held_or_refuse(db, me, handoff_id)
    try:
        tracker = await rasa_api.tracker(request.app["http"], settings_of(request), handoff.sender_id)
    except rasa_api.RasaUnavailableError:
        return web.json_response({"error": "assistant_unavailable"}, status=502)
    events = tracker.get("events") or []
    return web.json_response(
        {
            "next": len(events),
            "messages": live.messages(events, since),
            "state": handoff.state,
            "paused": tracker.get("paused"),
        }
    )


def _done(request: web.Request, handoff_id: int, **payload: Any) -> web.StreamResponse:
    if wants_json(request):
        return web.json_response({"ok": True, **payload})
    raise web.HTTPSeeOther(f"/staff/handoffs/{handoff_id}")


async def _form(request: web.Request) -> dict[str, str]:
    """The text fields of a form or of a JSON object; anything else (null, numbers, lists) is left out.

    Raises web.HTTPBadRequest for a body that is not valid JSON, or not a form in its encoding.
    """
    if request.content_type == "application/json":
        try:
            body = json.loads(await request.text())
        except (ValueError, LookupError, RecursionError) as error:  # Recursion: nesting deeper than the stack
            raise web.HTTPBadRequest(text='{"error": "bad_json"}', content_type="application/json") from error
        return {str(k): v for k, v in body.items() if isinstance(v, str)} if isinstance(body, dict) else {}
    form = await posted_form(request)
    if form is None:
        raise web.HTTPBadRequest(text='{"error": "bad_form"}', content_type="application/json")
    return form


@action()
async def reply(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = _handoff_id(request)
    form = await _form(request)
    settings = settings_of(request)
    with session(settings.database_url) as db:
        handoff = _held_or_refuse(db, me, handoff_id)
        reference = _reference(db, handoff)
    if handoff.state != "human":
        return web.json_response({"error": "not_held"}, status=409)
    canned = form.get("canned")
    if canned:
        if canned not in CANNED:
            return web.json_response({"error": "unknown_canned_reply"}, status=400)
        words = text(await _language(request, handoff), canned)
    else:
        words = form.get("text", "").strip()
    if not words or len(words) > MAX_TEXT:
        return web.json_response({"error": "empty_or_too_long"}, status=400)
    try:
        await rasa_api.append(request.app["http"], settings, handoff.sender_id, [rasa_api.analyst_message(words)])
    except rasa_api.RasaUnavailableError as error:
        why, status = _why(error)
        if isinstance(error, rasa_api.RasaTimeoutError):
            notice = f"{why}, so we cannot tell whether your message reached the person. Check the conversation first."
        else:
            notice = f"{why}, so your message was not sent. Try again in a moment."
        with session(settings.database_url) as db:
            audit.record(db, me.actor, "reply_failed", reference, handoff=handoff_id, reason=status)
        if wants_json(request):
            return web.json_response({"error": "assistant_unavailable", "message": notice}, status=status)
        return _conversation_page(request, me, handoff_id, notice, status, draft="" if canned else words)
    with session(settings.database_url) as db:
        audit.record(db, me.actor, "reply_sent", reference, handoff=handoff_id, chars=len(words), canned=bool(canned))
    return _done(request, handoff_id)


@action()
async def note(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = _handoff_id(request)
    words = (await _form(request)).get("text", "").strip()
    if not words or len(words) > MAX_TEXT:
        return web.json_response({"error": "empty_or_too_long"}, status=400)
    with session(settings_of(request).database_url) as db:
        handoff = _held_or_refuse(db, me, handoff_id)
        queue.add_note(db, handoff, me.staff_id, words)
        audit.record(db, me.actor, "note_added", _reference(db, handoff), handoff=handoff_id)
    return _done(request, handoff_id)


async def _give_back(
    request: web.Request, me: SignedIn, state: str, outcome: str | None, status: str | None
) -> web.StreamResponse:
    handoff_id = _handoff_id(request)
    settings = settings_of(request)
    with session(settings.database_url) as db:
        handoff = _held_or_refuse(db, me, handoff_id)
    if handoff.state != "human":
        return web.json_response({"error": "not_held"}, status=409)
    try:
        language = await _language(request, handoff)
        events = [
            rasa_api.bot_text(text(language, "handoff.returned")),
            rasa_api.slot("handoff_state", "none" if state == "bot" else "closed"),
            rasa_api.resume(),
            rasa_api.listen(),
        ]
        await rasa_api.append(request.app["http"], settings, handoff.sender_id, events)
    except rasa_api.RasaUnavailableError as error:
        why, status_code = _why(error)
        notice = f"{why}, so the conversation is still yours and no outcome or case status was recorded."
        if isinstance(error, rasa_api.RasaTimeoutError):
            notice += " The person may nonetheless have been told that the assistant is back."
        notice += " Try again in a moment."
        with session(settings.database_url) as db:
            failed = "hand_back_failed" if state == "bot" else "close_failed"
            audit.record(db, me.actor, failed, _reference(db, handoff), handoff=handoff_id, reason=status_code)
        if wants_json(request):
            return web.json_response({"error": "assistant_unavailable", "message": notice}, status=status_code)
        return _conversation_page(request, me, handoff_id, notice, status_code)
    with session(settings.database_url) as db:
        handoff = _held_or_refuse(db, me, handoff_id)
        queue.release(db, handoff, state, outcome)
        case = db.get(Case, handoff.case_id) if handoff.case_id else None
        if case is not None and status:
            case.status = status
            case.history.append(CaseStatus(status=status, by=me.actor))
        action_name = "handed_back" if state == "bot" else "handoff_closed"
        audit.record(
            db,
            me.actor,
            action_name,
            case.reference if case else None,
            handoff=handoff_id,
            outcome=outcome,
            status=status,
        )
    if wants_json(request):
        return web.json_response({"ok": True})
    raise web.HTTPSeeOther("/staff")


@action()
async def hand_back(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return await _give_back(request, me, "bot", None, None)


@action()
async def close(request: web.Request, me: SignedIn) -> web.StreamResponse:
    form = await _form(request)
    outcome, status = form.get("outcome", ""), form.get("case_status") or None
    if outcome not in OUTCOMES or (status is not None and status not in STATUSES):
        return web.json_response({"error": "bad_outcome_or_status"}, status=400)
    return await _give_back(request, me, "closed", outcome, status)


@action(supervisor=True)
async def reassign(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = _handoff_id(request)
    try:
        staff_id = _id((await _form(request)).get("staff_id", ""))
    except ValueError:
        return web.json_response({"error": "bad_staff_id"}, status=400)
    with session(settings_of(request).database_url) as db:
        if staff_id not in {s.id for s in queue.analysts(db)}:
            return web.json_response({"error": "bad_staff_id"}, status=400)
        moved = queue.reassign(db, handoff_id, staff_id)
        handoff = queue.get(db, handoff_id)
        reference = _reference(db, handoff) if handoff else None
        audit.record(
            db,
            me.actor,
            "handoff_reassigned" if moved else "reassign_refused",
            reference,
            handoff=handoff_id,
            to=staff_id,
        )
    if not moved:
        return web.json_response({"error": "not_held"}, status=409)
    return _done(request, handoff_id)


def _accounts_page(
    request: web.Request, me: SignedIn, notice: str | None = None, error: str | None = None, status: int = 200
) -> web.Response:
    with session(settings_of(request).database_url) as db:
        rows = accounts.listing(db)
        audit.record(db, me.actor, "accounts_viewed", accounts=len(rows))
        context = {"accounts": rows, "roles": ROLES, "notice": notice, "error": error, "utc": accounts.utc}
        return render("accounts.html", status=status, me=me, **context)


@page(supervisor=True)
async def accounts_view(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return _accounts_page(request, me)


def _sentence(words: str, username: str) -> str:
    """An error message of the accounts module as a sentence on the page (a username keeps its case)."""
    first = words[:1] if words.startswith(username) else words[:1].upper()
    return first + words[1:] + ("" if words.endswith(".") else ".")


Change = Callable[[Session, Staff, dict[str, str], str], str]
"""Makes one change to an account (db, account, form, actor) and returns what to tell the supervisor;
raises AccountError (refused, 409) or ValueError (bad input, 400)."""


async def _change_account(request: web.Request, me: SignedIn, change: Change) -> web.StreamResponse:
    try:
        staff_id = _id(request.match_info["staff_id"])
    except ValueError as error:
        raise web.HTTPNotFound() from error
    form = await _form(request)
    settings = settings_of(request)
    username = ""

    def apply() -> str:  # in a thread: a password reset hashes with Argon2 (about half a second of CPU)
        nonlocal username
        with session(settings.database_url) as db:
            staff = db.get(Staff, staff_id)
            if staff is None:
                raise web.HTTPNotFound()
            username = staff.username
            return change(db, staff, form, me.actor)

    try:
        notice = await asyncio.to_thread(apply)
    except ValueError as refused:
        status = 409 if isinstance(refused, accounts.AccountError) else 400
        with session(settings.database_url) as db:
            audit.record(db, me.actor, "staff_change_refused", staff_id=staff_id, status=status)
        return _accounts_page(request, me, error=_sentence(str(refused), username), status=status)
    now_me = signed_in(request)
    if now_me is None:  # the supervisor disabled their own account or reset their own password
        response = _see_other("/staff/login")
        response.del_cookie(COOKIE, path="/staff")
        return response
    if not now_me.is_supervisor:  # they made themselves an analyst
        return _see_other("/staff")
    return _accounts_page(request, now_me, notice=notice)


def _disable(db: Session, staff: Staff, form: dict[str, str], actor: str) -> str:
    if not accounts.set_active(db, staff, False, actor):
        return f"{staff.username} was already disabled."
    notice = f"{staff.username} is disabled and signed out everywhere."
    held = accounts.held(db, staff)
    if held:
        notice += f" They still hold {held} conversation(s): open each from the queue and reassign it."
    return notice


def _enable(db: Session, staff: Staff, form: dict[str, str], actor: str) -> str:
    if not accounts.set_active(db, staff, True, actor):
        return f"{staff.username} was already active."
    return f"{staff.username} can sign in again."


def _set_role(db: Session, staff: Staff, form: dict[str, str], actor: str) -> str:
    if not accounts.set_role(db, staff, form.get("role", ""), actor):
        return f"{staff.username} was already {staff.role}."
    return f"{staff.username} is now {'a supervisor' if staff.role == 'supervisor' else 'an analyst'}."


def _reset_password(db: Session, staff: Staff, form: dict[str, str], actor: str) -> str:
    password = form.get("password", "")
    if password != form.get("password_again", ""):
        raise ValueError("the two passwords differ")
    ended = accounts.reset_password(db, staff, password, actor)
    return f"New password set for {staff.username}; {ended} open session(s) ended. Give it to them in person."


@action(supervisor=True)
async def disable(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return await _change_account(request, me, _disable)


@action(supervisor=True)
async def enable(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return await _change_account(request, me, _enable)


@action(supervisor=True)
async def set_role(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return await _change_account(request, me, _set_role)


@action(supervisor=True)
async def reset_password(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return await _change_account(request, me, _reset_password)


def install(app: web.Application, settings: Settings) -> None:
    """Add the console's routes; the app's `http` client session (aiohttp) talks to Rasa."""
    app[SETTINGS] = settings
    app.router.add_get("/staff/login", login_form)
    app.router.add_post("/staff/login", login)
    app.router.add_post("/staff/logout", logout)
    app.router.add_get("/staff", queue_view)
    app.router.add_post("/staff/handoffs/{handoff_id}/claim", claim)
    app.router.add_get("/staff/handoffs/{handoff_id}", conversation)
    app.router.add_get("/staff/handoffs/{handoff_id}/messages", messages)
    app.router.add_post("/staff/handoffs/{handoff_id}/reply", reply)
    app.router.add_post("/staff/handoffs/{handoff_id}/notes", note)
    app.router.add_post("/staff/handoffs/{handoff_id}/hand-back", hand_back)
    app.router.add_post("/staff/handoffs/{handoff_id}/close", close)
    app.router.add_post("/staff/handoffs/{handoff_id}/reassign", reassign)
    app.router.add_get("/staff/accounts", accounts_view)
    app.router.add_post("/staff/accounts/{staff_id}/disable", disable)
    app.router.add_post("/staff/accounts/{staff_id}/enable", enable)
    app.router.add_post("/staff/accounts/{staff_id}/role", set_role)
    app.router.add_post("/staff/accounts/{staff_id}/password", reset_password)
