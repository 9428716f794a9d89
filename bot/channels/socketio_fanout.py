"""Rasa's socket.io channel, with its messages fanned out through Redis (credentials.yml when REDIS_URL is set).

Rasa's channel emits a bot message to the room named after the conversation on its own socket.io server,
so with several replicas an analyst's message sent through one replica's HTTP API reached a widget only
when the widget's socket was held by that same replica. python-socketio's `AsyncRedisManager` publishes
every emit on one Redis channel (`RELAIS_REDIS_PREFIX:socketio`) that every replica listens to, and each
replica delivers it to the sockets it holds: the same rooms, across processes. A socket stays on the
replica it connected to (the widget's relay uses the websocket transport only, one TCP connection), so
no sticky session is needed.

Redis is then on the path of every message to a socket, the bot's own replies included; the lock store
already makes it a dependency of every turn in that topology.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

import socketio
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.settings import load


def channel_name(redis_prefix: str) -> str:
    """The Redis pub/sub channel the replicas of one deployment share."""
    return f"{redis_prefix}:socketio"


class FanOutSocketIOInput(SocketIOInput):
    """`SocketIOInput` whose server uses python-socketio's Redis manager; named `socketio` like Rasa's own,
    so `output_channel=socketio|latest` in the HTTP API finds it."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        settings = load()
        if settings.redis_url and self.sio is not None:
            # Swapped in before the server has handled anything: python-socketio initialises its manager
            # lazily, on the first connection.
            manager = socketio.AsyncRedisManager(settings.redis_url, channel=channel_name(settings.redis_prefix))
            manager.set_server(self.sio)
            self.sio.manager = manager
        return blueprint
