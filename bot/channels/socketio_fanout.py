"""Rasa's socket.io channel, with its messages fanned out through Redis (credentials.yml when REDIS_URL is set).

Rasa's channel emits a bot message to the room named after the conversation on its own socket.io server,
so with several replicas an analyst's message sent through one replica's HTTP API reached a widget only
when the widget's socket was held by that same replica. python-socketio's `AsyncRedisManager` publishes
every emit on one Redis channel (`RELAIS_REDIS_PREFIX:socketio`) that every replica listens to, and each
replica delivers it to the sockets it holds: the same rooms, across processes. A socket stays on the
replica it connected to (the widget's relay uses the websocket transport only, one TCP connection), so
no sticky session is needed.

A message is delivered at once to the sockets this replica holds, then published for the others
(`LocalFirstRedisManager`); each replica skips its own publications. So the bot's reply to a person
reaches their socket even while Redis is down or this replica's subscription is being re-established
(python-socketio's own manager publishes only, and drops the message when Redis does not take it);
what Redis being out costs is an analyst's message sent through another replica meanwhile, which the
widget reads back from the history when it reconnects.

Both classes answer a turn that fails (Redis down under the lock store, PostgreSQL's connections cut
under the tracker store) with `turn.failed` on the person's socket (bot/channels/turn_failure.py);
Rasa's own channel logs the error and the widget would wait for an answer that never comes.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

import socketio
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint
from socketio.asyncio_manager import AsyncManager

from bot.channels.turn_failure import guarded
from bot.settings import load


def channel_name(redis_prefix: str) -> str:
    """The Redis pub/sub channel the replicas of one deployment share."""
    return f"{redis_prefix}:socketio"


class LocalFirstRedisManager(socketio.AsyncRedisManager):
    """python-socketio's Redis manager, delivering to this replica's own sockets without Redis (module docstring).

    Emits with an acknowledgement callback (which Rasa does not use) keep python-socketio's path.
    """

    async def emit(
        self,
        event: str,
        data: Any,
        namespace: str | None = None,
        room: str | None = None,
        skip_sid: Any = None,
        callback: Any = None,
        **kwargs: Any,
    ) -> None:
        if callback is not None or kwargs.get("ignore_queue"):
            await super().emit(event, data, namespace, room, skip_sid, callback, **kwargs)
            return
        await AsyncManager.emit(self, event, data, namespace or "/", room=room, skip_sid=skip_sid)
        await self._publish(
            {
                "method": "emit",
                "event": event,
                "data": data,
                "namespace": namespace or "/",
                "room": room,
                "skip_sid": skip_sid,
                "callback": None,
                "host_id": self.host_id,
            }
        )

    async def _handle_emit(self, message: dict[str, Any]) -> None:
        if message.get("host_id") == self.host_id and message.get("callback") is None:
            return  # delivered here already, by emit
        await super()._handle_emit(message)


class GuardedSocketIOInput(SocketIOInput):
    """Rasa's `SocketIOInput` whose failed turns are answered `turn.failed` (the embedded stack's);
    named `socketio` like Rasa's own, so `output_channel=socketio|latest` in the HTTP API finds it."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return super().blueprint(guarded(on_new_message))


class FanOutSocketIOInput(GuardedSocketIOInput):
    """`GuardedSocketIOInput` whose server fans out through Redis (`LocalFirstRedisManager`)."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        settings = load()
        if settings.redis_url and self.sio is not None:
            # Swapped in before the server has handled anything: python-socketio initialises its manager
            # lazily, on the first connection.
            manager = LocalFirstRedisManager(settings.redis_url, channel=channel_name(settings.redis_prefix))
            manager.set_server(self.sio)
            self.sio.manager = manager
        return blueprint
