"""Presence and typing, from the widget's socket to the analyst's conversation page (server-sent events).

The real web app in-process (relay and console), Rasa a stand-in: a person joining, typing, stopping and
leaving is seen on the stream of the analyst who holds the conversation; a typing signal carrying the draft's
text, or any other odd payload, is dropped at the relay (the socket stays open) and never reaches the stream
nor Rasa. A socket cannot speak for another session. Closing the widget is kept on the person's waiting request,
and joining again clears it (for the places the queue tells).
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any, AsyncIterator

import pytest

from bot.staff import accounts, queue
from bot.staff.stream import PRESENCE
from bot.storage.db import session
from bot.web.widget_session import sender
from tests.bot.staff.local import PASSWORD, Person
from tests.bot.web.relay import TIMEOUT_S, Relay, event, next_event, relay
from tests.sse import events

SESSION = "0123456789abcdef" * 2
OTHER = "fedcba9876543210" * 2
DRAFT = "je ne sais pas comment dire"
"""What the person has in the box: it must never leave the browser before it is sent."""
JUNK = [
    {"session_id": SESSION, "typing": True, "text": DRAFT},
    {"session_id": SESSION, "typing": False, "text": DRAFT},
    {"session_id": SESSION, "typing": True, "message": DRAFT},
    {"session_id": SESSION, "typing": DRAFT},
    {"session_id": SESSION, "draft": DRAFT},
    {"session_id": SESSION, "typing": 1},
    {"session_id": SESSION, "typing": None},
    {"session_id": OTHER, "typing": True},
    {"session_id": "short", "typing": True},
    {"typing": True},
    [SESSION, True],
    DRAFT,
    "x" * 8000,
    None,
]


async def _next_live(stream: AsyncIterator[tuple[str, Any]]) -> tuple[str, Any]:
    """The next presence or typing event (message re-reads pass by)."""

    async def find() -> tuple[str, Any]:
        async for name, data in stream:
            if name in ("presence", "typing"):
                return name, data
        raise AssertionError("the stream ended")

    return await asyncio.wait_for(find(), TIMEOUT_S)


@pytest.fixture
async def edge(tmp_path: Path) -> AsyncIterator[Relay]:
    async with relay(tmp_path) as running:
        yield running


async def _analyst_watching(edge: Relay) -> tuple[Person, AsyncIterator[tuple[str, Any]], str]:
    """An analyst holding the widget conversation SESSION, its conversation page's stream open (and its path)."""
    url = edge.settings.database_url
    with session(url) as db:
        accounts.create(db, "ana", PASSWORD, "analyst")
        handoff_id = queue.request(db, sender(SESSION), "socketio", "fr", queue.Flags()).id
    analyst = Person(str(edge.client.make_url("")).rstrip("/"), "ana")
    assert (await analyst.login()).status == 200
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    path = f"/staff/handoffs/{handoff_id}/events?since=0"
    return analyst, events(analyst.http, analyst.base + path), path


async def _joined(ws: Any, session_id: str = SESSION) -> None:
    await ws.send_str(event("session_request", {"session_id": session_id}))
    assert await next_event(ws) == ("session_confirm", session_id)


async def test_the_analyst_sees_the_person_join_type_stop_and_leave(edge: Relay) -> None:
    analyst, stream, _ = await _analyst_watching(edge)
    try:
        async with edge.socket() as ws:
            await _joined(ws)
            name, note = await _next_live(stream)
            assert (name, note["presence"]) == ("presence", "online") and note["at"] > 0
            await ws.send_str(event("user_typing", {"session_id": SESSION, "typing": True}))
            name, typing = await _next_live(stream)
            assert (name, typing["typing"], set(typing)) == ("typing", True, {"typing", "at"})
            await ws.send_str(event("user_typing", {"session_id": SESSION, "typing": False}))
            name, stopped = await _next_live(stream)
            assert (name, stopped["typing"]) == ("typing", False)
        name, gone = await _next_live(stream)
        assert (name, gone["presence"]) == ("presence", "left")
    finally:
        await stream.aclose()
        await analyst.http.close()


async def test_a_reopened_page_is_told_the_current_presence_first(edge: Relay) -> None:
    analyst, stream, path = await _analyst_watching(edge)
    try:
        async with edge.socket() as ws:
            await _joined(ws)
            assert (await _next_live(stream))[1]["presence"] == "online"
            await stream.aclose()
            again = events(analyst.http, analyst.base + path)
            name, note = await _next_live(again)
            assert (name, note["presence"]) == ("presence", "online")
            await again.aclose()
    finally:
        await analyst.http.close()


async def test_typing_with_text_or_junk_is_dropped_and_never_reaches_the_stream_nor_rasa(edge: Relay) -> None:
    analyst, stream, _ = await _analyst_watching(edge)
    try:
        async with edge.socket() as ws:
            await _joined(ws)
            assert (await _next_live(stream))[1]["presence"] == "online"
            for junk in JUNK:
                await ws.send_str(event("user_typing", junk))
            await ws.send_str(event("user_uttered", {"message": "bonjour", "session_id": SESSION}))
            assert (await next_event(ws))[0] == "bot_uttered", "the socket stayed open through the junk"
        # Any junk let through would have made a typing note (the gate is fresh) before the person left.
        name, note = await _next_live(stream)
        assert (name, note["presence"]) == ("presence", "left")
        assert edge.rasa.events == ["session_request", "user_uttered"], "no typing signal reached Rasa"
        assert DRAFT not in json.dumps(edge.rasa.uttered)
    finally:
        await stream.aclose()
        await analyst.http.close()


async def test_before_joining_a_socket_has_no_typing_to_tell(edge: Relay) -> None:
    analyst, stream, _ = await _analyst_watching(edge)
    try:
        async with edge.socket() as ws:
            await ws.send_str(event("user_typing", {"session_id": SESSION, "typing": True}))
            await _joined(ws)
            assert (await _next_live(stream))[1]["presence"] == "online", "no typing note came before the join"
    finally:
        await stream.aclose()
        await analyst.http.close()


async def _left_at(edge: Relay) -> float | None:
    await edge.client.app[PRESENCE].settled()
    with session(edge.settings.database_url) as db:
        handoff = queue.open_handoff(db, sender(SESSION))
        assert handoff is not None
        return handoff.left_at


async def test_closing_the_widget_is_kept_on_the_waiting_request_and_coming_back_clears_it(edge: Relay) -> None:
    """What the action server reads when it counts the places it tells (queue.ahead_of)."""
    with session(edge.settings.database_url) as db:
        queue.request(db, sender(SESSION), "socketio", "fr", queue.Flags())
    async with edge.socket() as ws:
        await _joined(ws)
        assert await _left_at(edge) is None
    before = time.time()
    deadline = time.monotonic() + TIMEOUT_S
    while (left_at := await _left_at(edge)) is None and time.monotonic() < deadline:
        await asyncio.sleep(0.05)  # the relay notices the closed socket on its own time
    assert left_at is not None and before - 1 <= left_at <= time.time()
    async with edge.socket() as ws:
        await _joined(ws)
        assert await _left_at(edge) is None
