"""Server-sent events for the console's open pages: the queue, and one conversation.

- `GET /staff/queue/events`: an event `queue` whenever the queue changes (the page re-reads itself).
- `GET /staff/handoffs/{id}/events?since=N`: events `messages` (as the JSON of `/messages`, with `crisis_at`; `id:` the
  next tracker index, so a reconnecting browser resumes from `Last-Event-ID`), `unavailable` when Rasa
  cannot be reached, and `gone` when the conversation is no longer the analyst's (handed back, closed,
  reassigned), after which the stream ends. Where the channel tells it (the web widget), also `presence`
  (`{"presence": "online" | "left", "at"}`, the current one first) and `typing` (`{"typing": bool, "at"}`),
  from bot/staff/presence.py; never any text.

Both check the session again at every note and heartbeat (HEARTBEAT_S): a signed-out or disabled
account's stream ends. Streams are part of the audited page view and are not logged again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any, AsyncIterator

from aiohttp import web

from bot.staff import fanout as notes
from bot.staff import ids, live, rasa_api
from bot.staff.auth import SETTINGS, page, settings_of, signed_in
from bot.staff.models import Handoff
from bot.staff.pages import label
from bot.staff.presence import Presence, is_live_note, kept_in_queue
from bot.staff.sessions import SignedIn
from bot.staff.takeover import RefusedError, visible
from bot.staff.watch import Watcher
from bot.storage.db import in_thread

HEARTBEAT_S = 20.0
"""A comment line this often keeps proxies from closing a quiet stream, and re-checks the session."""
FANOUT = web.AppKey("staff_fanout", notes.LocalFanout)
PRESENCE = web.AppKey("staff_presence", Presence)
CRISIS_ACTION = "action_crisis"
"""The assistant's crisis answer (actions/safety.py), run in a held conversation when the person writes a crisis."""


async def _open(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    )
    await response.prepare(request)
    return response


async def _send(response: web.StreamResponse, event: str, data: Any, event_id: int | None = None) -> None:
    head = f"id: {event_id}\n" if event_id is not None else ""
    await response.write(f"{head}event: {event}\ndata: {json.dumps(data)}\n\n".encode())


async def _ticks(source: AsyncIterator[notes.Note]) -> AsyncIterator[notes.Note | None]:
    """The notes, and None after HEARTBEAT_S without one; ends with the subscription."""
    pending = asyncio.ensure_future(source.__anext__())
    try:
        while True:
            done, _ = await asyncio.wait({pending}, timeout=HEARTBEAT_S)
            if not done:
                yield None
                continue
            try:
                note = pending.result()
            except StopAsyncIteration:
                return
            yield note
            pending = asyncio.ensure_future(source.__anext__())
    finally:
        pending.cancel()
        with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
            await pending


async def _still(request: web.Request, me: SignedIn) -> bool:
    now_me = await signed_in(request)
    return now_me is not None and now_me.staff_id == me.staff_id


@page()
async def queue_events(request: web.Request, me: SignedIn) -> web.StreamResponse:
    async with request.app[FANOUT].subscribe(notes.QUEUE) as source:
        response = await _open(request)
        await _send(response, "ready", {})
        async for note in _ticks(source):
            if not await _still(request, me):
                break
            if note is None:
                await response.write(b": still here\n\n")
            else:
                await _send(response, "queue", note)
    return response


def _since(request: web.Request) -> int:
    raw = request.headers.get("Last-Event-ID") or request.query.get("since", "0")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else 0


@page()
async def conversation_events(request: web.Request, me: SignedIn) -> web.StreamResponse:
    handoff_id, since = ids.handoff_id(request), _since(request)
    url = settings_of(request).database_url

    async def mine() -> Any:
        try:
            return await in_thread(url, lambda db: visible(db, me, handoff_id))
        except RefusedError as refused:
            if refused.status == 404:
                raise web.HTTPNotFound() from refused
            return None

    handoff = await mine()
    if handoff is None:
        return web.json_response({"error": "not_your_conversation"}, status=403)
    async with request.app[FANOUT].subscribe(notes.conversation(handoff.sender_id)) as source:
        response = await _open(request)
        since = await _push(request, response, since, handoff, me.language)
        present = request.app[PRESENCE].current(handoff.sender_id)
        if present is not None:
            await _send(response, "presence", present)
        async for note in _ticks(source):
            current = await mine() if await _still(request, me) else None
            if current is None:
                await _send(response, "gone", {})
                break
            if note is None:
                await response.write(b": still here\n\n")
            elif is_live_note(note):
                await _send(response, "presence" if "presence" in note else "typing", note)
            else:
                since = await _push(request, response, since, current, me.language)
    return response


async def _push(
    request: web.Request, response: web.StreamResponse, since: int, handoff: Handoff, language: str
) -> int:
    """Send the lines after index `since`, the handoff's state (its code, and its label in `language`) and when
    the person last wrote a crisis while held (`crisis_at`, Unix seconds, or null); returns the next index."""
    try:
        tracker = await rasa_api.tracker(request.app["http"], settings_of(request), handoff.sender_id)
    except rasa_api.RasaUnavailableError:
        await _send(response, "unavailable", {})
        return since
    events = tracker.get("events") or []
    body = {
        "next": len(events),
        "messages": live.messages(events, since),
        "state": handoff.state,
        "state_label": label(language, "state", handoff.state),
        "paused": tracker.get("paused"),
        "crisis_at": handoff.crisis_at,
    }
    await _send(response, "messages", body, len(events))
    return len(events)


def install(app: web.Application) -> None:
    """The routes, the process's fan-out, presence and watcher (started and stopped with the app)."""
    app[FANOUT] = notes.LocalFanout()
    app[PRESENCE] = Presence(app[FANOUT], keep=kept_in_queue(app[SETTINGS].database_url))
    app.router.add_get("/staff/queue/events", queue_events)
    app.router.add_get("/staff/handoffs/{handoff_id}/events", conversation_events)

    async def watching(app: web.Application) -> AsyncIterator[None]:
        settings = app[SETTINGS]

        async def crisis_line(sender_id: str) -> None:
            await rasa_api.execute(app["http"], settings, sender_id, CRISIS_ACTION)

        task = asyncio.create_task(Watcher(settings.database_url, app[FANOUT], crisis_line).run())
        yield
        await app[PRESENCE].settled()  # the "left" of the sockets closed at shutdown
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def stopping(app: web.Application) -> None:
        await app[FANOUT].close()

    app.cleanup_ctx.append(watching)
    # before the server waits for open requests to end: the streams end here, so stopping takes no minute
    app.on_shutdown.append(stopping)  # type: ignore[arg-type]  # aiohttp 3.9's Signal is typed too narrowly
