"""Time the console's two live paths on the real stack: a victim's message to the analyst's open conversation
page (its server-sent event stream), and an analyst's reply to the victim's socket.

Starts the stack (RELAIS_MODEL, free ports, a fresh SQLite file, always open), one analyst and one victim on
Rasa's socket.io channel (as the widget), claims the conversation, then sends MESSAGES messages each way,
one at a time, and prints p50 and p95 in milliseconds. Run it with `make bench-console` (about 2 minutes).
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import socketio

from bot.services import running
from bot.settings import Settings, load
from bot.staff import accounts, queue
from bot.storage.db import session

MESSAGES = 60
PASSWORD = "a bench passphrase long enough"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Victim:
    """A widget-like client on Rasa's socket.io channel; every `bot_uttered` is queued with its arrival time."""

    def __init__(self, url: str) -> None:
        self.url, self.session_id = url, uuid.uuid4().hex
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
        payload = {"message": text, "session_id": self.session_id, "metadata": {"language": "fr"}}
        await self.client.emit("user_uttered", payload)
        return sent

    async def until_text(self, words: str) -> float:
        while True:
            at, message = await asyncio.wait_for(self.inbox.get(), 60)
            custom = ((message.get("custom") or {}).get("data") or {}) if isinstance(message, dict) else {}
            if message.get("text") == words or custom.get("text") == words:
                return at


async def _sign_in(http: aiohttp.ClientSession, base: str, username: str) -> str:
    async with http.get(f"{base}/staff/login") as form:
        token = CSRF.search(await form.text())
    assert token
    data = {"csrf": token.group(1), "username": username, "password": PASSWORD}
    async with http.post(f"{base}/staff/login", data=data) as page:
        found = CSRF.search(await page.text())
    assert found
    return found.group(1)


async def _handoff_id(sender_id: str, settings: Settings) -> int:
    for _ in range(200):
        with session(settings.database_url) as db:
            handoff = queue.open_handoff(db, sender_id)
        if handoff is not None:
            return int(handoff.id)
        await asyncio.sleep(0.1)
    raise RuntimeError("the victim never reached the queue")


async def _stream_lines(response: aiohttp.ClientResponse, inbox: asyncio.Queue[tuple[float, str]]) -> None:
    data = ""
    async for raw in response.content:
        line = raw.decode().rstrip("\n")
        if line.startswith("data: "):
            data = line[6:]
        elif not line and data:
            for message in json.loads(data).get("messages", []):
                await inbox.put((time.monotonic(), message["text"]))
            data = ""


async def measure(settings: Settings) -> dict[str, list[float]]:
    base = f"http://{settings.host}:{settings.web_port}"
    with session(settings.database_url) as db:
        accounts.create(db, "bench-analyst", PASSWORD, "analyst")
    victim = Victim(settings.rasa_url)
    await victim.connect()
    delays: dict[str, list[float]] = {"victim → console page": [], "analyst reply → victim": []}
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        csrf = await _sign_in(http, base, "bench-analyst")
        await victim.say("/request_human")
        handoff_id = await _handoff_id(victim.session_id, settings)
        async with http.post(f"{base}/staff/handoffs/{handoff_id}/claim", data={"csrf": csrf}) as claimed:
            assert claimed.status == 200, claimed.status
        seen: asyncio.Queue[tuple[float, str]] = asyncio.Queue()
        timeout = aiohttp.ClientTimeout(total=None)
        async with http.get(f"{base}/staff/handoffs/{handoff_id}/events?since=0", timeout=timeout) as stream:
            reader = asyncio.create_task(_stream_lines(stream, seen))
            await asyncio.sleep(2)
            for n in range(MESSAGES):
                words = f"message {n} {uuid.uuid4().hex[:6]}"
                sent = await victim.say(words)
                while True:
                    at, text = await asyncio.wait_for(seen.get(), 60)
                    if text == words:
                        delays["victim → console page"].append(at - sent)
                        break
                reply = f"reply {n} {uuid.uuid4().hex[:6]}"
                started = time.monotonic()
                async with http.post(
                    f"{base}/staff/handoffs/{handoff_id}/reply",
                    data={"text": reply},
                    headers={"X-CSRF-Token": csrf, "X-Requested-With": "fetch"},
                ) as answered:
                    assert answered.status == 200, answered.status
                delays["analyst reply → victim"].append(await victim.until_text(reply) - started)
            reader.cancel()
    await victim.client.disconnect()
    return delays


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="relais-bench-console-") as folder:
        var = Path(folder)
        settings = replace(
            load(),
            host="127.0.0.1",
            rasa_port=_free_port(),
            actions_port=_free_port(),
            web_port=_free_port(),
            var_dir=var,
            database_url=f"sqlite:///{var / 'relais.db'}",
            opening_hours="always",
        )
        with open(var / "services.log", "ab") as log, running(settings, log):
            delays = asyncio.run(measure(settings))
    for path, values in delays.items():
        ms = [v * 1000 for v in values]
        print(
            f"{path}: p50 {_percentile(ms, 0.5):.0f} ms, p95 {_percentile(ms, 0.95):.0f} ms, "
            f"max {max(ms):.0f} ms, mean {statistics.mean(ms):.0f} ms over {len(ms)} messages"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
