"""A victim on socket.io: python-socketio's client against Rasa's channel (long-polling transport: python-engineio
4.15's websocket client needs a newer aiohttp than the 3.9 Rasa pins)."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import socketio

from bot.services import Stack


class SocketVictim:
    def __init__(self, stack: Stack, language: str) -> None:
        self.url = stack.settings.rasa_url
        self.language = language
        self.session_id = uuid.uuid4().hex
        self.client = socketio.AsyncClient()
        self.inbox: asyncio.Queue[tuple[float, dict[str, Any]]] = asyncio.Queue()
        self.client.on("bot_uttered", self._received)

    async def _received(self, data: dict[str, Any]) -> None:
        await self.inbox.put((time.monotonic(), data))

    async def connect(self) -> None:
        confirmed = asyncio.Event()
        self.client.on("session_confirm", lambda *_: confirmed.set())
        await self.client.connect(self.url, transports=["polling"])
        await self.client.emit("session_request", {"session_id": self.session_id})
        await asyncio.wait_for(confirmed.wait(), 30)

    async def say(self, text: str) -> float:
        sent = time.monotonic()
        payload = {"message": text, "session_id": self.session_id, "metadata": {"language": self.language}}
        await self.client.emit("user_uttered", payload)
        return sent

    async def next(self, timeout: float = 60) -> tuple[float, dict[str, Any]]:
        return await asyncio.wait_for(self.inbox.get(), timeout)

    async def until(self, wanted: Any, timeout: float = 60) -> tuple[float, dict[str, Any]]:
        """The first message for which `wanted(message)` holds; earlier ones are dropped."""
        deadline = time.monotonic() + timeout
        while True:
            at, message = await self.next(max(0.1, deadline - time.monotonic()))
            if wanted(message):
                return at, message

    def drain(self) -> list[dict[str, Any]]:
        messages = []
        while not self.inbox.empty():
            messages.append(self.inbox.get_nowait()[1])
        return messages

    async def close(self) -> None:
        await self.client.disconnect()
