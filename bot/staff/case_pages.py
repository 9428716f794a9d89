"""The case inbox and case pages under /staff/cases: every report reaches the console, with or without a handoff.

- `/staff/cases`: the inbox, newest first, filtered by reference, status, language, priority, analyst,
  or "without a request for a person" (reports the team must follow up by the contact preference).
- `/staff/cases/{reference}`: the case, its status history and a status change, the same person's
  other reports and conversations, and the messages an analyst may pick for an export.
- `/staff/cases/{reference}/export`: a printable summary for the police or a platform. It holds the
  report's answers and links, and only the messages ticked on the case page (none by default).

Every view, change and export is an audit line (ids and counts only). Any signed-in staff member may
use them: a report without a handoff belongs to no analyst until someone acts on it.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web
from sqlalchemy.orm import Session

from bot.cases import status_history
from bot.cases.models import STATUSES, Case
from bot.cases.repository import linked_references
from bot.staff import case_inbox, live, queue, rasa_api
from bot.staff.auth import action, page, posted_form, settings_of
from bot.staff.pages import label, render
from bot.staff.sessions import SignedIn
from bot.storage import audit
from bot.storage.base import now
from bot.storage.db import in_thread
from content.texts import render as text

MAX_PICKED = 500
"""Messages one export may include."""


def _reference(request: web.Request) -> str:
    return request.match_info["reference"][:20]


def _case_or_404(db: Session, reference: str) -> Case:
    case = case_inbox.find(db, reference)
    if case is None:
        raise web.HTTPNotFound()
    return case


@page()
async def inbox(request: web.Request, me: SignedIn) -> web.StreamResponse:
    filters = case_inbox.Filters.from_query(request.query)

    def build(db: Session) -> web.Response:
        rows = case_inbox.inbox(db, filters)
        audit.record(db, me.actor, "cases_viewed", cases=len(rows), searched=bool(filters.reference))
        return render(
            "cases.html",
            me=me,
            rows=rows,
            filters=filters,
            statuses=STATUSES,
            languages=("fr", "ko", "en"),
            priorities=case_inbox.PRIORITIES,
            analysts=[s.username for s in queue.analysts(db)],
        )

    return await in_thread(settings_of(request).database_url, build)


async def _messages(request: web.Request, sender_id: str | None) -> list[dict[str, Any]] | None:
    """The conversation's lines (as live.messages), or None when Rasa cannot give them now."""
    if not sender_id:
        return []
    try:
        tracker = await rasa_api.tracker(request.app["http"], settings_of(request), sender_id)
    except rasa_api.RasaUnavailableError:
        return None
    return live.messages(tracker.get("events") or [], 0)


@page()
async def case_view(request: web.Request, me: SignedIn) -> web.StreamResponse:
    return await _case_page(request, me)


async def _case_page(request: web.Request, me: SignedIn, notice: str | None = None, status: int = 200) -> web.Response:
    reference = _reference(request)
    url = settings_of(request).database_url
    sender_id = await in_thread(url, lambda db: _case_or_404(db, reference).sender_id)
    lines = await _messages(request, sender_id)

    def build(db: Session) -> web.Response:
        case = _case_or_404(db, reference)
        audit.record(db, me.actor, "case_viewed", case.reference)
        return render(
            "case.html",
            status=status,
            me=me,
            notice=notice,
            file=case_inbox.case_file(db, case),
            case=case,
            linked=linked_references(db, case),
            statuses=STATUSES,
            lines=lines,
        )

    return await in_thread(url, build)


@action()
async def change_status(request: web.Request, me: SignedIn) -> web.StreamResponse:
    reference = _reference(request)
    form = await posted_form(request) or {}
    wanted = form.get("status", "")
    if wanted not in STATUSES:
        return web.json_response({"error": "bad_status"}, status=400)

    def change(db: Session) -> bool:
        case = _case_or_404(db, reference)
        changed = status_history.change(db, case, wanted, me.actor)
        action_name = "case_status_changed" if changed else "case_status_kept"
        audit.record(db, me.actor, action_name, case.reference, status=wanted)
        return changed

    changed = await in_thread(settings_of(request).database_url, change)
    key = "console.case.status_changed" if changed else "console.case.status_kept"
    return await _case_page(request, me, text(me.language, key, status=label(me.language, "case_status", wanted)))


def _picked(request: web.Request) -> set[int]:
    picked = set()
    for raw in request.query.getall("include", [])[:MAX_PICKED]:
        if raw.isascii() and raw.isdigit() and len(raw) <= 9:
            picked.add(int(raw))
    return picked


@page()
async def export(request: web.Request, me: SignedIn) -> web.StreamResponse:
    """The printable summary; message text only for the tracker indexes in `include` (ticked by the analyst)."""
    reference = _reference(request)
    url = settings_of(request).database_url
    picked = _picked(request)
    sender_id = await in_thread(url, lambda db: _case_or_404(db, reference).sender_id)
    lines = await _messages(request, sender_id) if picked else []
    if lines is None:
        return web.json_response({"error": "assistant_unavailable"}, status=502)
    chosen = [line for line in lines if line["index"] in picked]

    def build(db: Session) -> web.Response:
        case = _case_or_404(db, reference)
        audit.record(db, me.actor, "case_exported", case.reference, messages=len(chosen))
        return render(
            "export.html",
            me=me,
            file=case_inbox.case_file(db, case),
            case=case,
            urls=[u.url for u in case.urls],
            lines=chosen,
            exported_at=now(),
        )

    return await in_thread(url, build)


def install(app: web.Application) -> None:
    app.router.add_get("/staff/cases", inbox)
    app.router.add_get("/staff/cases/{reference}", case_view)
    app.router.add_post("/staff/cases/{reference}/status", change_status)
    app.router.add_get("/staff/cases/{reference}/export", export)
