"""The widget's socket relay in front of the real Rasa: a conversation passes, anything else is cut."""

from __future__ import annotations

import asyncio
import json
import urllib.request
import uuid
from typing import Any, AsyncIterator

import aiohttp
import pytest
import sqlalchemy as sa
from aiohttp import WSCloseCode, WSMsgType

from bot.services import Stack
from bot.staff import queue
from bot.staff.models import Handoff
from bot.storage import db
from bot.web.widget_session import sender
from content.texts import render
from tests.widget_socket import TIMEOUT_S, event, socket_io_event, widget_socket

pytestmark = pytest.mark.e2e

SESSION = "0123456789abcdef" * 2
BUSY_S = 180
"""How long a test that keeps Rasa busy (eight conversations, a flood) waits for an answer."""


@pytest.fixture
async def socket(stack: Stack) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    async with widget_socket(f"http://{stack.settings.host}:{stack.settings.web_port}") as ws:
        yield ws


@pytest.mark.parametrize(("language", "greeting"), [("fr", "Bonjour"), ("ko", "안녕하세요"), ("en", "Hello")])
async def test_a_conversation_passes_through(socket: Any, language: str, greeting: str) -> None:
    await socket.send_str(event("session_request", {"session_id": SESSION + language}))
    assert await socket_io_event(socket) == ("session_confirm", SESSION + language)
    message = {"message": greeting, "session_id": SESSION + language, "metadata": {"language_hint": language}}
    await socket.send_str(event("user_uttered", message))
    name, data = await socket_io_event(socket)
    assert name == "bot_uttered"
    assert data["text"] == render(language, "greet.welcome")


@pytest.mark.parametrize(
    "frame",
    [
        event("user_uttered", {"message": "x" * 2001, "session_id": SESSION}),
        event("user_uttered", {"message": "hello", "session_id": SESSION, "metadata": {"language": "de"}}),
        event("session_request", {"session_id": "short"}),
        event("anything_else", {}),
        "40/other,",
    ],
)
async def test_a_frame_the_widget_never_sends_closes_the_socket(socket: Any, frame: str) -> None:
    await socket.send_str(frame)
    closing = await socket.receive(timeout=TIMEOUT_S)
    assert closing.type == WSMsgType.CLOSE
    assert closing.data == WSCloseCode.POLICY_VIOLATION


async def test_an_oversized_frame_closes_the_socket(socket: Any) -> None:
    await socket.send_str(event("user_uttered", {"message": "x" * 20_000, "session_id": SESSION}))
    closing = await socket.receive(timeout=TIMEOUT_S)
    assert closing.type == WSMsgType.CLOSE
    assert closing.data == WSCloseCode.MESSAGE_TOO_BIG


async def test_binary_frames_are_refused(socket: Any) -> None:
    await socket.send_bytes(b"\x04binary")
    closing = await socket.receive(timeout=TIMEOUT_S)
    assert closing.data == WSCloseCode.POLICY_VIOLATION


async def _busy_event(ws: aiohttp.ClientWebSocketResponse) -> tuple[str, Any]:
    """The next Socket.IO event within BUSY_S, answering pings (a busy Rasa may not ping for a while)."""
    deadline = asyncio.get_running_loop().time() + BUSY_S
    while True:
        remaining = deadline - asyncio.get_running_loop().time()
        frame = await ws.receive_str(timeout=max(remaining, 0.01))
        if frame == "2":
            await ws.send_str("3")
        elif frame.startswith("42"):
            name, data = json.loads(frame[2:])
            return name, data


async def _conversation(web_url: str, session_id: str, texts: list[str]) -> None:
    """One widget socket saying `texts`, each after the answer to the one before."""
    async with widget_socket(web_url) as ws:
        await ws.send_str(event("session_request", {"session_id": session_id}))
        assert await socket_io_event(ws) == ("session_confirm", session_id)
        for text in texts:
            message = {"message": text, "session_id": session_id, "metadata": {"language_hint": "en"}}
            await ws.send_str(event("user_uttered", message))
            assert (await _busy_event(ws))[0] == "bot_uttered", f"no answer to {text!r}"


def _tracker(stack: Stack, session_id: str) -> dict[str, Any]:
    url = f"{stack.settings.rasa_url}/conversations/{sender(session_id)}/tracker?include_events=ALL"
    with urllib.request.urlopen(f"{url}&token={stack.settings.rasa_token()}", timeout=TIMEOUT_S) as response:
        return dict(json.loads(response.read()))


async def test_typed_intents_from_eight_sockets_put_nothing_in_the_crisis_queue(stack: Stack) -> None:
    web_url = f"http://{stack.settings.host}:{stack.settings.web_port}"
    sessions = [uuid.uuid4().hex for _ in range(8)]
    await asyncio.gather(*(_conversation(web_url, s, ["/crisis", "/request_human"]) for s in sessions))
    crisis = queue.priority(queue.Flags(in_crisis=True))
    with db.session(stack.settings.database_url) as session:
        handoffs = session.scalars(sa.select(Handoff).where(Handoff.sender_id.in_([sender(s) for s in sessions]))).all()
    assert [h for h in handoffs if h.priority == crisis] == []
    for session_id in sessions:
        tracker = _tracker(stack, session_id)
        intents = [e["parse_data"]["intent"]["name"] for e in tracker["events"] if e["event"] == "user"]
        assert "crisis" not in intents and not tracker["slots"].get("in_crisis"), intents


@pytest.mark.parametrize(
    ("typed", "intent"),
    [('/inform{"country": "anything at all"}', "inform"), ('/inform{"age": "12"}', "inform"), ("/restart", "restart")],
)
async def test_a_typed_intent_with_entities_stores_nothing(stack: Stack, typed: str, intent: str) -> None:
    web_url = f"http://{stack.settings.host}:{stack.settings.web_port}"
    session_id = uuid.uuid4().hex
    await _conversation(web_url, session_id, ["Hello", typed])
    tracker = _tracker(stack, session_id)
    typed_event = [e for e in tracker["events"] if e["event"] == "user"][-1]
    parsed = typed_event["parse_data"]
    assert (parsed["intent"]["name"], parsed["intent"].get("confidence")) != (intent, 1.0), "read as /intent{...}"
    assert {e.get("value") for e in parsed["entities"]}.isdisjoint({"anything at all", "12"})
    assert tracker["slots"]["country"] is None and not tracker["slots"]["is_minor"]
    hello = next(i for i, e in enumerate(tracker["events"]) if e["event"] == "user")
    assert not {"restart", "session_started"} & {e["event"] for e in tracker["events"][hello:]}


async def test_a_flood_on_one_socket_is_slowed_down_and_every_accepted_message_answered(stack: Stack) -> None:
    """60 messages at once to the relay on 127.0.0.1: the burst the limit allows reaches Rasa and is
    answered, the rest is refused with one visible notice; nothing is dropped unseen. (The notice in
    each language: tests/bot/web/test_widget_relay.py.) The notice goes through Rasa's conversation
    lock, so it comes after the answers to the burst."""
    language = "ko"
    web_url = f"http://{stack.settings.host}:{stack.settings.web_port}"
    session_id = uuid.uuid4().hex
    slow_down = render(language, "edge.slow_down")
    async with widget_socket(web_url) as ws:
        await ws.send_str(event("session_request", {"session_id": session_id}))
        assert await socket_io_event(ws) == ("session_confirm", session_id)
        started = asyncio.get_running_loop().time()
        for n in range(60):
            message = {"message": f"flood {n}", "session_id": session_id, "metadata": {"language": language}}
            await ws.send_str(event("user_uttered", message))
        while (await _busy_event(ws))[1].get("text") != slow_down:
            pass
        flooding_s = asyncio.get_running_loop().time() - started
    allowed = stack.settings.edge_rate_messages
    loop = asyncio.get_running_loop()
    deadline = loop.time() + BUSY_S
    counted = -1
    while True:
        events = (await loop.run_in_executor(None, _tracker, stack, session_id))["events"]
        said = [e["text"] for e in events if e["event"] == "user"]
        answered = all(
            any(later["event"] == "bot" for later in events[i + 1 :])
            for i, e in enumerate(events)
            if e["event"] == "user"
        )
        if (answered and len(said) >= allowed and len(said) == counted) or loop.time() > deadline:
            break
        counted = len(said)
        await asyncio.sleep(1)
    assert said[:allowed] == [f"flood {n}" for n in range(allowed)], "the burst passes, in order"
    # The bucket leaks one message every RELAIS_EDGE_RATE_SECONDS / RELAIS_EDGE_RATE_MESSAGES while the flood lasts.
    leaked = flooding_s * allowed / stack.settings.edge_rate_seconds
    assert len(said) <= allowed + leaked + 1 < 60, (len(said), flooding_s)
    assert said == sorted(said, key=lambda text: int(text.split()[1]))
    assert answered, "every message Relais accepted got an answer"
    assert [e.get("text") for e in events if e["event"] == "bot"].count(slow_down) == 1
