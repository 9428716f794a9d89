"""The real web app (and so the real widget relay) in the test process, in front of the Rasa stand-in."""

from __future__ import annotations

import json
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, AsyncIterator

import aiohttp
from aiohttp.test_utils import TestClient, TestServer

from bot.settings import Settings, load
from bot.storage.migrate import upgrade
from bot.web.app import create_app
from tests.bot.web.conftest import HOTLINE
from tests.bot.web.rasa_stand_in import RasaStandIn

SOCKET_PATH = "/socket.io/?EIO=4&transport=websocket"
TIMEOUT_S = 10


@dataclass
class Relay:
    client: TestClient
    rasa: RasaStandIn
    settings: Settings

    @asynccontextmanager
    async def socket(self) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
        """A socket opened as the widget opens it, namespace joined."""
        async with self.client.ws_connect(SOCKET_PATH, headers={"Origin": HOTLINE}) as ws:
            assert (await ws.receive_str(timeout=TIMEOUT_S)).startswith("0{")
            await ws.send_str("40")
            assert (await ws.receive_str(timeout=TIMEOUT_S)).startswith("40")
            yield ws


@asynccontextmanager
async def relay(tmp_path: Path, **changes: Any) -> AsyncIterator[Relay]:
    rasa = RasaStandIn()
    async with TestServer(rasa.app(), host="127.0.0.1") as rasa_server:
        upgrade(f"sqlite:///{tmp_path}/r.db")
        settings = replace(
            load(),
            rasa_port=rasa_server.port or 0,
            var_dir=tmp_path,
            database_url=f"sqlite:///{tmp_path}/r.db",
            widget_origins=(HOTLINE,),
            **changes,
        )
        async with TestClient(TestServer(create_app(settings))) as client:
            yield Relay(client, rasa, settings)


def event(name: str, data: Any) -> str:
    """An event frame as a browser's JSON.stringify writes it (a lone surrogate as a \\u escape)."""
    return "42" + json.dumps([name, data])


async def next_event(ws: aiohttp.ClientWebSocketResponse) -> tuple[str, Any]:
    while True:
        frame = await ws.receive_str(timeout=TIMEOUT_S)
        if frame.startswith("42"):
            name, data = json.loads(frame[2:])
            return name, data
