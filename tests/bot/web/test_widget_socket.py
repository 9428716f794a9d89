"""The widget's socket relay in front of the real Rasa: a conversation passes, anything else is cut."""

from __future__ import annotations

from typing import Any, AsyncIterator

import aiohttp
import pytest
from aiohttp import WSCloseCode, WSMsgType

from bot.services import Stack
from content.texts import render
from tests.widget_socket import TIMEOUT_S, event, socket_io_event, widget_socket

pytestmark = pytest.mark.e2e

SESSION = "0123456789abcdef" * 2


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
