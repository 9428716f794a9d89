"""Who is asking: the session cookie, CSRF on every POST, roles. Nothing reaches case data before this."""

from __future__ import annotations

import functools
from typing import Awaitable, Callable

from aiohttp import web

from bot.settings import Settings
from bot.staff.sessions import SignedIn, csrf_ok, lookup
from bot.storage.db import in_thread

COOKIE = "relais_staff"
SETTINGS = web.AppKey("staff_settings", Settings)
StaffHandler = Callable[[web.Request, SignedIn], Awaitable[web.StreamResponse]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def settings_of(request: web.Request) -> Settings:
    return request.app[SETTINGS]


async def signed_in(request: web.Request) -> SignedIn | None:
    """The staff member of the request's session cookie (which it keeps alive), or None."""
    settings = settings_of(request)
    cookie = request.cookies.get(COOKIE)
    return await in_thread(
        settings.database_url,
        lambda db: lookup(db, cookie, settings.staff_session_minutes, settings.staff_session_max_hours),
    )


async def posted_form(request: web.Request) -> dict[str, str] | None:
    """The form's text fields, or None when the body is not a form in its declared encoding.

    aiohttp decodes the body when it is first read and raises UnicodeDecodeError or ValueError on
    bytes that are not in the charset, which would otherwise be a 500 with a traceback. A file part
    is not a text field and is left out. Raises web.HTTPRequestEntityTooLarge (413) over the app's limit.
    """
    try:
        form = await request.post()
    except (UnicodeDecodeError, ValueError, LookupError):
        return None
    return {key: value for key, value in form.items() if isinstance(value, str)}


def wants_json(request: web.Request) -> bool:
    """Whether to answer in JSON (401/403 rather than the login page): scripts and event streams."""
    return request.headers.get("X-Requested-With") == "fetch" or request.path.endswith(("/messages", "/events"))


def _refused(request: web.Request, status: int, error: str) -> web.StreamResponse:
    if status == 401 and request.method == "GET" and not wants_json(request):
        raise web.HTTPSeeOther("/staff/login")
    return web.json_response({"error": error}, status=status)


def page(supervisor: bool = False) -> Callable[[StaffHandler], Handler]:
    """GET: a signed-in staff member (else the login page, or 401 for JSON), optionally a supervisor."""

    def wrap(handler: StaffHandler) -> Handler:
        @functools.wraps(handler)
        async def guarded(request: web.Request) -> web.StreamResponse:
            me = await signed_in(request)
            if me is None:
                return _refused(request, 401, "not_signed_in")
            if supervisor and not me.is_supervisor:
                return _refused(request, 403, "supervisors_only")
            return await handler(request, me)

        return guarded

    return wrap


def action(supervisor: bool = False) -> Callable[[StaffHandler], Handler]:
    """POST: signed in, with the session's CSRF token in the form field `csrf` or the X-CSRF-Token header."""

    def wrap(handler: StaffHandler) -> Handler:
        @functools.wraps(handler)
        async def guarded(request: web.Request) -> web.StreamResponse:
            me = await signed_in(request)
            if me is None:
                return _refused(request, 401, "not_signed_in")
            submitted = request.headers.get("X-CSRF-Token")
            if submitted is None and request.content_type in (
                "application/x-www-form-urlencoded",
                "multipart/form-data",
            ):
                form = await posted_form(request)
                if form is None:
                    return _refused(request, 400, "bad_form")
                submitted = form.get("csrf") or None
            if not csrf_ok(me, submitted):
                return _refused(request, 403, "bad_csrf_token")
            if supervisor and not me.is_supervisor:
                return _refused(request, 403, "supervisors_only")
            return await handler(request, me)

        return guarded

    return wrap
