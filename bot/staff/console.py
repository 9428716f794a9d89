"""The staff console's routes under /staff: login, queue, claim, live conversation, replies, notes, hand back,
close, and (supervisors) the accounts page.

Every page view and action is written to the audit log as `staff:<username>`; the one-second
message polls of an open conversation page are part of that audited view and are not logged again.
When Rasa is down or slower than RELAIS_STAFF_RASA_TIMEOUT, a claim is undone, a reply is not
recorded as sent and a hand-back or close changes nothing; the analyst is told so in plain words.
Every notice is in the account's console language (`console.*` texts in locales/).
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

from bot.cases.models import STATUSES, Case
from bot.cases.repository import linked_references
from bot.settings import Settings
from bot.staff import accounts, case_pages, ids, live, passwords, queue, rasa_api, stream, takeover, triage
from bot.staff.auth import COOKIE, SETTINGS, action, page, posted_form, settings_of, signed_in, wants_json
from bot.staff.models import OUTCOMES, ROLES, Handoff, Staff
from bot.staff.pages import label, render
from bot.staff.sessions import SignedIn, close_session, open_session, same_secret
from bot.staff.takeover import CANNED, RefusedError, Takeover
from bot.storage import audit
from bot.storage.db import in_thread, session
from content.texts import render as text
from vocabulary.languages import SUPPORTED, preferred

LOGIN_COOKIE = "relais_staff_login"
LOGIN_LOCKS = tuple(threading.Lock() for _ in range(64))
"""One login at a time per account name (by hash, so any number of names tried costs no memory): the
failure count is read and written in one turn, so a burst of wrong passwords cannot all pass the
check before the first failure is recorded. The web server is one process (bot/web/app.py)."""
log = logging.getLogger(__name__)


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
    response = render(
        "login.html", language=preferred(request.headers.get("Accept-Language", "")), csrf=token, error=None
    )
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

    token = await asyncio.to_thread(check)  # not in_thread: the lock must cover the commit too
    language = preferred(request.headers.get("Accept-Language", ""))
    if token == LOCKED:
        return render(
            "login.html", status=429, language=language, csrf=expected, error=text(language, "console.login.locked")
        )
    if token is None:
        wrong = text(language, "console.login.wrong")
        return render("login.html", status=401, language=language, csrf=expected, error=wrong)
    response = _see_other("/staff")
    _cookie(response, settings, COOKIE, token)
    response.del_cookie(LOGIN_COOKIE, path="/staff")
    return response


@action()
async def logout(request: web.Request, me: SignedIn) -> web.StreamResponse:
    cookie = request.cookies.get(COOKIE)

    def end(db: Session) -> None:
        close_session(db, cookie)
        audit.record(db, me.actor, "staff_logout")

    await in_thread(settings_of(request).database_url, end)
    response = _see_other("/staff/login")
    response.del_cookie(COOKIE, path="/staff")
    return response


@action()
async def set_language(request: web.Request, me: SignedIn) -> web.StreamResponse:
    """The account's console language (form field `language`); then the queue (pages send no Referer)."""
    language = (await _form(request)).get("language", "")
    if language not in SUPPORTED:
        return web.json_response({"error": "bad_language"}, status=400)

    def choose(db: Session) -> None:
        if accounts.set_language(db, accounts.by_id(db, me.staff_id), language):
            audit.record(db, me.actor, "console_language_set", language=language)

    await in_thread(settings_of(request).database_url, choose)
    return _see_other("/staff")


def _takeover(request: web.Request) -> Takeover:
    return Takeover(settings_of(request), request.app["http"], request.app[stream.FANOUT])


def _refusal(refused: RefusedError) -> web.StreamResponse:
    """A refused action as JSON (or aiohttp's 404) when no page explains it."""
    if refused.status == 404:
        raise web.HTTPNotFound()
    body = {"error": refused.error, **({"message": refused.notice} if refused.notice else {})}
    return web.json_response(body, status=refused.status)


async def _queue_page(
    request: web.Request,
    me: SignedIn,
    notice: str | None = None,
    status: int = 200,
    unanswered: list[str] | None = None,
) -> web.Response:
    url = settings_of(request).database_url
    senders = await in_thread(url, lambda db: queue.senders(db, ["waiting", "human"]))
    seen = await triage.glances(request.app["http"], settings_of(request), senders)

    def build(db: Session) -> web.Response:
        waiting = queue.listing(db, ["waiting"])
        held = queue.listing(db, ["human"], None if me.is_supervisor else me.staff_id)
        staff = queue.analysts(db) if me.is_supervisor else []
        audit.record(db, me.actor, "queue_viewed", waiting=len(waiting), held=len(held))
        return render(
            "queue.html",
            status=status,
            me=me,
            waiting=waiting,
            held=held,
            staff=staff,
            notice=notice,
            seen=seen,
            reasons=triage.REASONS,
            unanswered=unanswered or [],
        )

    return await in_thread(url, build)


@page()
async def queue_view(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return await _queue_page(request, me)


def _visible(db: Session, me: SignedIn, handoff_id: int) -> Handoff:
    """The handoff `me` may see, else aiohttp's 404 or a JSON 403."""
    try:
        return takeover.visible(db, me, handoff_id)
    except RefusedError as refused:
        if refused.status == 404:
            raise web.HTTPNotFound() from refused
        raise web.HTTPForbidden(text='{"error": "not_your_conversation"}', content_type="application/json") from refused


@action()
async def claim(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = ids.handoff_id(request)
    try:
        await _takeover(request).claim(me, handoff_id)
    except RefusedError as refused:
        if refused.status == 404:
            raise web.HTTPNotFound() from refused
        return await _queue_page(request, me, refused.notice, status=refused.status)
    raise web.HTTPSeeOther(f"/staff/handoffs/{handoff_id}")


@page()
async def conversation(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return await _conversation_page(request, me, ids.handoff_id(request))


async def _conversation_page(
    request: web.Request, me: SignedIn, handoff_id: int, notice: str | None = None, status: int = 200, draft: str = ""
) -> web.Response:
    """The conversation page; `notice` explains a failed action, `draft` refills the reply box.

    Prepared replies are in the person's current language (asked of Rasa; the language they asked
    in when Rasa cannot say), so the text put in the reply box is the one that will be sent.
    """
    service = _takeover(request)
    asked = await service.db(lambda db: _visible(db, me, handoff_id))
    try:
        language = await service.language(asked)
    except rasa_api.RasaUnavailableError:
        language = asked.language

    def build(db: Session) -> web.Response:
        handoff = _visible(db, me, handoff_id)
        case = db.get(Case, handoff.case_id) if handoff.case_id else None
        linked = linked_references(db, case) if case else []
        notes = queue.notes(db, handoff)
        staff = queue.analysts(db) if me.is_supervisor else []
        audit.record(db, me.actor, "conversation_viewed", case.reference if case else None, handoff=handoff_id)
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
            person_language=language,
            closing=text(language, "canned.closing"),
            outcomes=OUTCOMES,
            statuses=STATUSES,
            reasons=triage.REASONS,
        )

    return await in_thread(settings_of(request).database_url, build)


@page()
async def messages(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = ids.handoff_id(request)
    try:
        since = max(0, int(request.query.get("since", "0")))
    except ValueError:
        return web.json_response({"error": "bad_since"}, status=400)
    service = _takeover(request)
    handoff = await service.db(lambda db: _visible(db, me, handoff_id))
    try:
        tracker = await rasa_api.tracker(service.http, service.settings, handoff.sender_id)
    except rasa_api.RasaUnavailableError:
        return web.json_response({"error": "assistant_unavailable"}, status=502)
    events = tracker.get("events") or []
    return web.json_response(
        {
            "next": len(events),
            "messages": live.messages(events, since),
            "state": handoff.state,
            "paused": tracker.get("paused"),
            "crisis_at": handoff.crisis_at,
        }
    )


def _done(request: web.Request, handoff_id: int) -> web.StreamResponse:
    if wants_json(request):
        return web.json_response({"ok": True})
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


async def _failed_on_page(
    request: web.Request, me: SignedIn, handoff_id: int, refused: RefusedError, draft: str = ""
) -> web.StreamResponse:
    """Rasa failed: the conversation page says why (a form post), or JSON does (console.js)."""
    if refused.error != "assistant_unavailable" or wants_json(request):
        return _refusal(refused)
    return await _conversation_page(request, me, handoff_id, refused.notice, refused.status, draft)


@action()
async def reply(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = ids.handoff_id(request)
    form = await _form(request)
    canned = form.get("canned") or None
    words = form.get("text", "")
    try:
        await _takeover(request).reply(me, handoff_id, words, canned)
    except RefusedError as refused:
        return await _failed_on_page(request, me, handoff_id, refused, "" if canned else words.strip())
    return _done(request, handoff_id)


@action()
async def note(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = ids.handoff_id(request)
    words = (await _form(request)).get("text", "")
    try:
        await _takeover(request).note(me, handoff_id, words)
    except RefusedError as refused:
        return _refusal(refused)
    return _done(request, handoff_id)


async def _given_back(request: web.Request, me: SignedIn, handoff_id: int, unanswered: list[str]) -> web.StreamResponse:
    """Back to the queue; the person's unanswered words, if any, are on it once, for the analyst to see."""
    if wants_json(request):
        return web.json_response({"ok": True, "unanswered": unanswered})
    if not unanswered:
        raise web.HTTPSeeOther("/staff")
    notice = text(me.language, "console.notice.handed_back", id=handoff_id)
    return await _queue_page(request, me, notice, unanswered=unanswered)


@action()
async def hand_back(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = ids.handoff_id(request)
    try:
        unanswered = await _takeover(request).hand_back(me, handoff_id)
    except RefusedError as refused:
        return await _failed_on_page(request, me, handoff_id, refused)
    return await _given_back(request, me, handoff_id, unanswered)


@action()
async def close(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = ids.handoff_id(request)
    form = await _form(request)
    try:
        outcome, status = form.get("outcome", ""), form.get("case_status") or None
        unanswered = await _takeover(request).close(me, handoff_id, outcome, status)
    except RefusedError as refused:
        return await _failed_on_page(request, me, handoff_id, refused)
    return await _given_back(request, me, handoff_id, unanswered)


@action(supervisor=True)
async def reassign(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id = ids.handoff_id(request)
    try:
        staff_id = ids.parse((await _form(request)).get("staff_id", ""))
        await _takeover(request).reassign(me, handoff_id, staff_id)
    except ValueError:
        return web.json_response({"error": "bad_staff_id"}, status=400)
    except RefusedError as refused:
        return _refusal(refused)
    return _done(request, handoff_id)


async def _accounts_page(
    request: web.Request, me: SignedIn, notice: str | None = None, error: str | None = None, status: int = 200
) -> web.Response:
    def build(db: Session) -> web.Response:
        rows = accounts.listing(db)
        audit.record(db, me.actor, "accounts_viewed", accounts=len(rows))
        context: dict[str, Any] = {"accounts": rows, "roles": ROLES, "notice": notice, "error": error}
        return render("accounts.html", status=status, me=me, minimum=passwords.MIN_LENGTH, **context)

    return await in_thread(settings_of(request).database_url, build)


@page(supervisor=True)
async def accounts_view(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return await _accounts_page(request, me)


def _sentence(words: str, username: str) -> str:
    """An error message of the accounts module as a sentence on the page (a username keeps its case)."""
    first = words[:1] if words.startswith(username) else words[:1].upper()
    return first + words[1:] + ("" if words.endswith(".") else ".")


def _refused(language: str, refused: ValueError, username: str) -> str:
    """Why a change was refused, in `language` when the error names the console's words (`key`, `params`:
    AccountError, PasswordRefusedError), else the accounts module's English as a sentence."""
    key: str | None = getattr(refused, "key", None)
    if key is None:
        return _sentence(str(refused), username)
    params = dict(getattr(refused, "params", {}))
    if "roles" in params:
        params["roles"] = ", ".join(label(language, "role", role) for role in params["roles"])
    return text(language, key, **params)


class _PasswordsDifferError(ValueError):
    key = "console.accounts.differ"


Change = Callable[[Session, Staff, dict[str, str], str, str], str]
"""Makes one change to an account (db, account, form, actor, the supervisor's console language) and returns
what to tell the supervisor; raises AccountError (refused, 409) or ValueError (bad input, 400)."""


async def _change_account(request: web.Request, me: SignedIn, change: Change) -> web.StreamResponse:
    try:
        staff_id = ids.parse(request.match_info["staff_id"])
    except ValueError as error:
        raise web.HTTPNotFound() from error
    form = await _form(request)
    settings = settings_of(request)
    username = ""

    def apply(db: Session) -> str:  # in a thread: a password reset hashes with Argon2 (about half a second of CPU)
        nonlocal username
        staff = db.get(Staff, staff_id)
        if staff is None:
            raise web.HTTPNotFound()
        username = staff.username
        return change(db, staff, form, me.actor, me.language)

    try:
        notice = await in_thread(settings.database_url, apply)
    except ValueError as refused:
        status = 409 if isinstance(refused, accounts.AccountError) else 400
        await in_thread(
            settings.database_url,
            lambda db: audit.record(db, me.actor, "staff_change_refused", staff_id=staff_id, status=status),
        )
        return await _accounts_page(request, me, error=_refused(me.language, refused, username), status=status)
    now_me = await signed_in(request)
    if now_me is None:  # the supervisor disabled their own account or reset their own password
        response = _see_other("/staff/login")
        response.del_cookie(COOKIE, path="/staff")
        return response
    if not now_me.is_supervisor:  # they made themselves an analyst
        return _see_other("/staff")
    return await _accounts_page(request, now_me, notice=notice)


def _disable(db: Session, staff: Staff, form: dict[str, str], actor: str, language: str) -> str:
    if not accounts.set_active(db, staff, False, actor):
        return text(language, "console.accounts.already_disabled", name=staff.username)
    notice = text(language, "console.accounts.disabled", name=staff.username)
    held = accounts.held(db, staff)
    if held:
        notice += " " + text(language, "console.accounts.still_holds", count=held)
    return notice


def _enable(db: Session, staff: Staff, form: dict[str, str], actor: str, language: str) -> str:
    if not accounts.set_active(db, staff, True, actor):
        return text(language, "console.accounts.already_active", name=staff.username)
    return text(language, "console.accounts.enabled", name=staff.username)


def _set_role(db: Session, staff: Staff, form: dict[str, str], actor: str, language: str) -> str:
    if not accounts.set_role(db, staff, form.get("role", ""), actor):
        return text(
            language, "console.accounts.already_role", name=staff.username, role=label(language, "role", staff.role)
        )
    return text(language, f"console.accounts.now_{staff.role}", name=staff.username)


def _reset_password(db: Session, staff: Staff, form: dict[str, str], actor: str, language: str) -> str:
    password = form.get("password", "")
    if password != form.get("password_again", ""):
        raise _PasswordsDifferError("the two passwords differ")
    ended = accounts.reset_password(db, staff, password, actor)
    return text(language, "console.accounts.password_set", name=staff.username, count=ended)


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
    app.router.add_post("/staff/language", set_language)
    app.router.add_get("/staff", queue_view)
    app.router.add_post("/staff/handoffs/{handoff_id}/claim", claim)
    app.router.add_get("/staff/handoffs/{handoff_id}", conversation)
    app.router.add_get("/staff/handoffs/{handoff_id}/messages", messages)
    app.router.add_post("/staff/handoffs/{handoff_id}/reply", reply)
    app.router.add_post("/staff/handoffs/{handoff_id}/notes", note)
    app.router.add_post("/staff/handoffs/{handoff_id}/hand-back", hand_back)
    app.router.add_post("/staff/handoffs/{handoff_id}/close", close)
    app.router.add_post("/staff/handoffs/{handoff_id}/reassign", reassign)
    case_pages.install(app)
    stream.install(app)
    app.router.add_get("/staff/accounts", accounts_view)
    app.router.add_post("/staff/accounts/{staff_id}/disable", disable)
    app.router.add_post("/staff/accounts/{staff_id}/enable", enable)
    app.router.add_post("/staff/accounts/{staff_id}/role", set_role)
    app.router.add_post("/staff/accounts/{staff_id}/password", reset_password)
