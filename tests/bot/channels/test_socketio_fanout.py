"""The socket.io fan-out: a message reaches a socket on either replica once, and this replica's own sockets
even while Redis is down (bot/channels/socketio_fanout.py).

Two python-socketio servers with `LocalFirstRedisManager` stand for two Rasa replicas, on a Redis server of
the test's own (bench/faults.py), which is stopped for the outage; a socket on each, spoken as the widget
speaks (tests/widget_socket.py).
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Iterator

import pytest
import socketio
from aiohttp import web

from bench.faults import OwnRedis
from bot.channels.socketio_fanout import LocalFirstRedisManager
from bot.replicas import free_ports
from tests.widget_socket import socket_io_event, widget_socket

ROOM = "conversation-1"


@pytest.fixture
def redis_server() -> Iterator[OwnRedis]:
    try:
        with OwnRedis() as server:
            yield server
    except FileNotFoundError:
        pytest.skip("redis-server is not installed")


def _code_file(task: asyncio.Task) -> str:
    code = getattr(task.get_coro(), "cr_code", None)
    return str(getattr(code, "co_filename", ""))


@asynccontextmanager
async def replica(redis_url: str) -> AsyncIterator[tuple[socketio.AsyncServer, str]]:
    """A socket.io server whose sockets join ROOM on connection; yields it and its URL."""
    server = socketio.AsyncServer(async_mode="aiohttp", client_manager=LocalFirstRedisManager(redis_url))

    @server.event
    async def connect(sid: str, environ: dict) -> None:
        server.enter_room(sid, ROOM)

    app = web.Application()
    server.attach(app)
    runner = web.AppRunner(app)
    await runner.setup()
    (port,) = free_ports(1)
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield server, f"http://127.0.0.1:{port}"
    finally:
        await server.eio.shutdown()  # engine.io's service task, started by the first request
        await runner.cleanup()
        # The sockets' ping tasks: left pending, they outlive the test's loop and are destroyed (and logged,
        # "Task was destroyed but it is pending!") during a later test. A coroutine's repr does not name its
        # module, so its code's file tells engine.io's.
        engine_tasks = [t for t in asyncio.all_tasks() if "engineio" in _code_file(t)]
        for task in engine_tasks:
            task.cancel()
        await asyncio.gather(*engine_tasks, return_exceptions=True)
        listening = getattr(server.manager, "thread", None)  # the manager's Redis subscription, started lazily
        if listening is not None:
            listening.cancel()
            await asyncio.gather(listening, return_exceptions=True)
        await server.manager.redis.close()


@asynccontextmanager
async def listener(url: str) -> AsyncIterator[list[str]]:
    """A socket on `url` (raw frames: tests/widget_socket.py); yields the texts of the bot_uttered it receives."""
    received: list[str] = []

    async def receive(ws: Any) -> None:
        while True:
            name, data = await socket_io_event(ws)
            if name == "bot_uttered":
                received.append(data["text"])

    async with widget_socket(url) as ws:
        task = asyncio.create_task(receive(ws))
        try:
            yield received
        finally:
            task.cancel()


async def until(condition: object, seconds: float = 10) -> None:
    for _ in range(int(seconds * 20)):
        if callable(condition) and condition():
            return
        await asyncio.sleep(0.05)


async def test_a_message_reaches_each_socket_once_whichever_replica_sends_it(redis_server: OwnRedis) -> None:
    async with replica(redis_server.url) as (one, url_one), replica(redis_server.url) as (_, url_two):
        async with listener(url_one) as here, listener(url_two) as there:
            await asyncio.sleep(1)  # both managers subscribed
            await one.emit("bot_uttered", {"text": "hello"}, room=ROOM)
            await until(lambda: here and there)
            await asyncio.sleep(1)  # a second copy would have arrived by now
    assert (here, there) == (["hello"], ["hello"])


async def test_this_replicas_sockets_get_their_messages_while_redis_is_down(redis_server: OwnRedis) -> None:
    async with replica(redis_server.url) as (one, url_one), listener(url_one) as here:
        redis_server.stop()
        try:
            await one.emit("bot_uttered", {"text": "still here"}, room=ROOM)
            await until(lambda: here)
        finally:
            redis_server.start()
    assert here == ["still here"]
