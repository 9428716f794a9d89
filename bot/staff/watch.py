"""One watcher per web process turns database changes into fan-out notes, so no open page polls.

Every WATCH_INTERVAL_S it reads the newest id of Rasa's `events` table (one indexed read): when it
has grown, the conversations with new events get a `conversation:<sender_id>` note (the person
wrote, or the assistant or an analyst answered, from whichever process). It also reads the open
handoffs' states; when they differ from the last look (someone asked for a person, cancelled, was
taken, left the web chat or came back), `queue` gets a note. The console's own actions publish at once
as well (bot/staff/takeover.py); the watcher is what brings changes made by Rasa and the action server.

It is also what hears a crisis in a held conversation: while an analyst holds it, Rasa is paused and
runs no action, yet it still reads each message and stores its intent. A new `crisis` message there
makes the handoff a crisis (queue.crisis_while_held, acted on once across web processes), alerts the
console (`queue`, and `conversation:<sender_id>` with `{"crisis": true}`), and, the first time in this
hold, calls `crisis_line(sender_id)`: the console gives the person the crisis line at once, without
waiting for the analyst (docs/console.md says why).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Awaitable, Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.retention import EVENTS, EVENTS_TABLE
from bot.staff import fanout as notes
from bot.staff import queue, rasa_api
from bot.staff.models import OPEN_STATES, Handoff
from bot.storage.db import in_thread

WATCH_INTERVAL_S = 0.25
"""How stale a console page can be; each look is two small reads."""
CRISIS_INTENT = "crisis"
"""The intent Rasa's NLU gives a risk to life (the crisis guard makes sure of it: bot/components/crisis_guard.py)."""
log = logging.getLogger(__name__)
CrisisLine = Callable[[str], Awaitable[None]]
"""Gives the person of a conversation (its sender id) the crisis line; raises rasa_api.RasaUnavailableError."""


def _held_crises(db: Session, after: int, upto: int) -> dict[str, bool]:
    """Crisis messages among events (`after`, `upto`] in held conversations, each acted on (queue.crisis_while_held):
    sender id → whether the crisis line is to be sent (first crisis of the hold). Already seen ones are left out."""
    rows = db.execute(
        sa.select(EVENTS.c.sender_id, sa.func.max(EVENTS.c.id), sa.func.max(EVENTS.c.timestamp))
        .join(Handoff, sa.and_(Handoff.sender_id == EVENTS.c.sender_id, Handoff.state == "human"))
        .where(
            EVENTS.c.id > after,
            EVENTS.c.id <= upto,
            EVENTS.c.type_name == "user",
            EVENTS.c.intent_name == CRISIS_INTENT,
        )
        .group_by(EVENTS.c.sender_id)
    ).all()
    found: dict[str, bool] = {}
    for sender_id, event_id, at in rows:
        first = queue.crisis_while_held(db, sender_id, int(event_id), float(at))
        if first is not None:
            found[sender_id] = first
    return found


@dataclass
class Watcher:
    database_url: str
    fanout: notes.Fanout
    crisis_line: CrisisLine | None = None
    last_event: int | None = None
    queue_state: tuple[tuple[object, ...], ...] | None = None
    has_events: bool = field(default=False)
    crises: dict[str, bool] = field(default_factory=dict)
    """The crises of the last look (see _held_crises)."""

    def _look(self, db: Session) -> tuple[int, list[str], tuple[tuple[object, ...], ...]]:
        """(newest event id, conversations with events newer than the last look, open handoffs' state).

        Crisis messages in held conversations are acted on in the same unit of work (`self.crises`)."""
        if not self.has_events:
            self.has_events = sa.inspect(db.get_bind()).has_table(EVENTS_TABLE)
        senders: list[str] = []
        self.crises = {}
        if not self.has_events:
            newest = 0  # a table created after this look starts its ids above 0: all of them are new
        else:
            newest = db.scalar(sa.select(sa.func.max(EVENTS.c.id))) or 0  # an empty table starts from 0
            if self.last_event is not None and newest > self.last_event:
                query = sa.select(EVENTS.c.sender_id).where(EVENTS.c.id > self.last_event, EVENTS.c.id <= newest)
                senders = list(db.scalars(query.distinct()).all())
                self.crises = _held_crises(db, self.last_event, newest)
        state = tuple(
            tuple(row)
            for row in db.execute(
                sa.select(
                    Handoff.id, Handoff.state, Handoff.claimed_by, Handoff.priority, Handoff.case_id, Handoff.left_at
                )
                .where(Handoff.state.in_(OPEN_STATES))
                .order_by(Handoff.id)
            ).all()
        )
        return newest, senders, state

    async def once(self) -> None:
        newest, senders, state = await in_thread(self.database_url, self._look)
        crises, changed = self.crises, self.queue_state is not None and state != self.queue_state
        self.last_event, self.queue_state = newest, state
        if crises or changed:
            await self.fanout.publish(notes.QUEUE, {"crisis": True} if crises else {})
        watched = self.fanout.topics()
        for sender_id in senders:
            topic = notes.conversation(sender_id)
            if topic in watched:
                await self.fanout.publish(topic, {"crisis": True} if sender_id in crises else {})
        for sender_id, first in crises.items():
            if first and self.crisis_line is not None:
                await self._give_line(sender_id)

    async def _give_line(self, sender_id: str) -> None:
        assert self.crisis_line is not None
        try:
            await self.crisis_line(sender_id)
        except rasa_api.RasaUnavailableError as error:  # the analyst has been alerted, and the transcript shows it
            log.warning("could not give the crisis line in a held conversation: %s", error)

    async def run(self) -> None:
        while True:
            try:
                await self.once()
            except sa.exc.SQLAlchemyError:
                log.exception("the console's watcher could not read the database; trying again")
                await asyncio.sleep(5)
            await asyncio.sleep(WATCH_INTERVAL_S)
