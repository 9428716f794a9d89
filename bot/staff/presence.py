"""Where the channel tells it (the web widget only), whether the person is on the chat and typing.

The widget's relay (bot/web/widget_socket.py) calls `joined`/`left` when a socket's conversation starts and
ends, and `typing` for a typing signal it let through. Each publishes a note on the conversation's topic:
`{"presence": "online" | "left", "at": <Unix s>}` or `{"typing": true | false, "at": <Unix s>}`. Two tabs of
one conversation count as one person: "left" comes when the last socket closes. Notes never carry text;
the widget never sends the draft. Telegram tells bots nothing of this, so its conversations have no notes.
State lives in this process, like the fan-out (a deployment with several replicas shares it the same way).

The queue position a person is told is counted by the action server, another process: so each change is also kept
on the conversation's open requests (`keep`, queue.mark_left: when the person left, or None when back), for the count
to leave out a request whose person is long gone. Those writes run after the note, in order, one at a time, each
writing the newest presence, so the relay never waits on the database and a late write never undoes a newer one.
A write that fails, or a process that stops without writing, leaves the request counted.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, OrderedDict
from typing import Awaitable, Callable

import sqlalchemy as sa

from bot.staff import fanout, queue
from bot.staff.fanout import Fanout, Note
from bot.storage.db import in_thread

ONLINE, LEFT = "online", "left"
REMEMBERED = 10_000
"""Conversations whose last presence is kept (the oldest forgotten first), so memory stays bounded."""
Keep = Callable[[str, float | None], Awaitable[None]]
"""Keeps where the queue can read it that the person of a conversation (sender id) left at a time (Unix s), or is on
the chat (None)."""
log = logging.getLogger(__name__)


def kept_in_queue(database_url: str) -> Keep:
    """`Keep` on the conversation's open requests in the queue (queue.mark_left); a database error is logged and
    leaves them as they were (a request whose person's leaving was not kept stays counted)."""

    async def keep(sender_id: str, left_at: float | None) -> None:
        try:
            await in_thread(database_url, lambda db: queue.mark_left(db, sender_id, left_at))
        except sa.exc.SQLAlchemyError as error:
            log.warning("presence could not be kept on the queue (%s); the request stays counted", type(error).__name__)

    return keep


def is_live_note(note: Note) -> bool:
    """A presence or typing note (sent to the page as it is), as opposed to a nudge to re-read the tracker."""
    return "presence" in note or "typing" in note


class Presence:
    """Open widget sockets per sender id, and the last presence note of each conversation seen."""

    def __init__(self, notes: Fanout, clock: Callable[[], float] = time.time, keep: Keep | None = None) -> None:
        self._notes = notes
        self._clock = clock
        self._keep = keep
        self._open: Counter[str] = Counter()
        self._last: OrderedDict[str, Note] = OrderedDict()
        self._keeping = asyncio.Lock()
        self._writes: set[asyncio.Task[None]] = set()

    def current(self, sender_id: str) -> Note | None:
        """The last presence note of `sender_id` since this process started, or None (not a widget, or unseen)."""
        return self._last.get(sender_id)

    async def _presence(self, sender_id: str, state: str) -> None:
        note: Note = {"presence": state, "at": self._clock()}
        self._last[sender_id] = note
        self._last.move_to_end(sender_id)
        if len(self._last) > REMEMBERED:
            self._last.popitem(last=False)
        await self._notes.publish(fanout.conversation(sender_id), note)
        if self._keep is not None:
            write = asyncio.create_task(self._write(sender_id, self._keep))
            self._writes.add(write)
            write.add_done_callback(self._writes.discard)

    async def _write(self, sender_id: str, keep: Keep) -> None:
        async with self._keeping:
            note = self._last.get(sender_id)
            await keep(sender_id, note["at"] if note is not None and note["presence"] == LEFT else None)

    async def settled(self) -> None:
        """Wait for the presence writes under way (`keep`) to end."""
        while self._writes:
            await asyncio.gather(*self._writes, return_exceptions=True)

    async def joined(self, sender_id: str) -> None:
        self._open[sender_id] += 1
        if self._open[sender_id] == 1:
            await self._presence(sender_id, ONLINE)

    async def left(self, sender_id: str) -> None:
        self._open[sender_id] -= 1
        if self._open[sender_id] <= 0:
            del self._open[sender_id]
            await self._presence(sender_id, LEFT)

    async def typing(self, sender_id: str, typing: bool) -> None:
        await self._notes.publish(fanout.conversation(sender_id), {"typing": typing, "at": self._clock()})
