"""The widget's socket relay in front of the real Rasa: a conversation passes, anything else is cut."""

from __future__ import annotations

import json
from typing import Any, AsyncIterator

import aiohttp
import pytest
from aiohttp import WSCloseCode, WSMsgType

from actions.texts import render
from bot.services import Stack

pytestmark = pytest.mark.e2e

SESSION = "0123456789abcdef" * 2
TIMEOUT_S = 60


def event(name: str, data: Any) -> str:
    return "42" + json.dumps([name, data], ensure_ascii=False)


@pytest.fixture
async def socket(stack: Stack) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """A socket.io session opened as the widget opens it, from the web server's own page."""
    settings = stack.settings
    origin = f"http://{settings.host}:{settings.web_port}"
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(
            f"{origin}/socket.io/?EIO=4&transport=websocket", headers={"Origin": origin}, timeout=TIMEOUT_S
        ) as ws:
            assert (await ws.receive_str(timeout=TIMEOUT_S)).startswith("0{")
            await ws.send_str("40")
            assert (await ws.receive_str(timeout=TIMEOUT_S)).startswith("40")
            yield ws


async def socket_io_event(ws: aiohttp.ClientWebSocketResponse) -> tuple[str, Any]:
    """The next Socket.IO event, answering Engine.IO pings on the way."""
    while True:
        frame = await ws.receive_str(timeout=TIMEOUT_S)
        if frame == "2":
            await ws.send_str("3")
        elif frame.startswith("42"):
            name, data = json.loads(frame[2:])
            return name, data


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
