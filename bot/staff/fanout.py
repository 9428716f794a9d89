"""Fan-out of console updates to the open pages of this web process (server-sent events).

`Fanout` is the interface the console uses: `publish(topic, note)` and `subscribe(topic)`. Topics are
`queue` (the queue changed) and `conversation:<sender_id>` (new events in that conversation). A note
is a small JSON-able dict: a nudge to re-read, never message text. `LocalFanout` serves one process; a
deployment with several web replicas backs the same interface by Redis pub/sub (publish to a channel
per topic; each replica's subscriber feeds its LocalFanout), with no change to the pages or routes.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from typing import Any, AsyncIterator, Dict, Protocol

Note = Dict[str, Any]
QUEUE = "queue"
MAX_PENDING = 64
"""Notes buffered per subscriber; a page that cannot keep up is sent a fresh state rather than every note."""


def conversation(sender_id: str) -> str:
    return f"conversation:{sender_id}"


class Fanout(Protocol):
    async def publish(self, topic: str, note: Note) -> None: ...

    def subscribe(self, topic: str) -> contextlib.AbstractAsyncContextManager[AsyncIterator[Note]]: ...

    def topics(self) -> set[str]:
        """Topics with at least one subscriber in this process (what is worth watching)."""
        ...

    async def close(self) -> None:
        """End every subscription (the server is stopping); later subscriptions end at once."""
        ...


class _Closed:
    """The end of a subscription."""


CLOSED = _Closed()


class LocalFanout:
    """In-process fan-out: one bounded asyncio.Queue per subscriber. Not thread-safe: use from the event loop."""

    def __init__(self) -> None:
        self._subscribers: dict[str, set[asyncio.Queue[Note | _Closed]]] = defaultdict(set)
        self._closed = False

    async def publish(self, topic: str, note: Note) -> None:
        for queue in list(self._subscribers.get(topic, ())):
            if queue.full():  # a slow page: drop its backlog, the next note makes it re-read everything
                while not queue.empty():
                    queue.get_nowait()
            queue.put_nowait(note)

    def topics(self) -> set[str]:
        return {topic for topic, queues in self._subscribers.items() if queues}

    @contextlib.asynccontextmanager
    async def subscribe(self, topic: str) -> AsyncIterator[AsyncIterator[Note]]:
        queue: asyncio.Queue[Note | _Closed] = asyncio.Queue(MAX_PENDING)
        if self._closed:
            queue.put_nowait(CLOSED)
        self._subscribers[topic].add(queue)

        async def notes() -> AsyncIterator[Note]:
            while True:
                note = await queue.get()
                if isinstance(note, _Closed):
                    return
                yield note

        try:
            yield notes()
        finally:
            self._subscribers[topic].discard(queue)
            if not self._subscribers[topic]:
                del self._subscribers[topic]

    async def close(self) -> None:
        self._closed = True
        for queues in self._subscribers.values():
            for queue in queues:
                while not queue.empty():
                    queue.get_nowait()
                queue.put_nowait(CLOSED)
