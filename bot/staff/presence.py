"""Where the channel tells it (the web widget only), whether the person is on the chat and typing.

The widget's relay (bot/web/widget_socket.py) calls `joined`/`left` when a socket's conversation starts and
ends, and `typing` for a typing signal it let through. Each publishes a note on the conversation's topic:
`{"presence": "online" | "left", "at": <Unix s>}` or `{"typing": true | false, "at": <Unix s>}`. Two tabs of
one conversation count as one person: "left" comes when the last socket closes. Notes never carry text;
the widget never sends the draft. Telegram tells bots nothing of this, so its conversations have no notes.
State lives in this process, like the fan-out (a deployment with several replicas shares it the same way).
"""

from __future__ import annotations

import time
from collections import Counter, OrderedDict
from typing import Callable

from bot.staff import fanout
from bot.staff.fanout import Fanout, Note

ONLINE, LEFT = "online", "left"
REMEMBERED = 10_000
"""Conversations whose last presence is kept (the oldest forgotten first), so memory stays bounded."""


def is_live_note(note: Note) -> bool:
    """A presence or typing note (sent to the page as it is), as opposed to a nudge to re-read the tracker."""
    return "presence" in note or "typing" in note


class Presence:
    """Open widget sockets per sender id, and the last presence note of each conversation seen."""

    def __init__(self, notes: Fanout, clock: Callable[[], float] = time.time) -> None:
        self._notes = notes
        self._clock = clock
        self._open: Counter[str] = Counter()
        self._last: OrderedDict[str, Note] = OrderedDict()

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
