"""One watcher per web process turns database changes into fan-out notes, so no open page polls.

Every WATCH_INTERVAL_S it reads the newest id of Rasa's `events` table (one indexed read): when it
has grown, the conversations with new events get a `conversation:<sender_id>` note (the person
wrote, or the assistant or an analyst answered, from whichever process). It also reads the open
handoffs' states; when they differ from the last look (someone asked for a person, cancelled, was
taken), `queue` gets a note. The console's own actions publish at once as well (bot/staff/takeover.py);
the watcher is what brings changes made by Rasa and the action server.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.retention import EVENTS, EVENTS_TABLE
from bot.staff import fanout as notes
from bot.staff.models import OPEN_STATES, Handoff
from bot.storage.db import in_thread

WATCH_INTERVAL_S = 0.25
"""How stale a console page can be; each look is two small reads."""
log = logging.getLogger(__name__)


@dataclass
class Watcher:
    database_url: str
    fanout: notes.Fanout
    last_event: int | None = None
    queue_state: tuple[tuple[object, ...], ...] | None = None
    has_events: bool = field(default=False)

    def _look(self, db: Session) -> tuple[int, list[str], tuple[tuple[object, ...], ...]]:
        """(newest event id, conversations with events newer than the last look, open handoffs' state)."""
        if not self.has_events:
            self.has_events = sa.inspect(db.get_bind()).has_table(EVENTS_TABLE)
        senders: list[str] = []
        if not self.has_events:
            newest = 0  # a table created after this look starts its ids above 0: all of them are new
        else:
            newest = db.scalar(sa.select(sa.func.max(EVENTS.c.id))) or 0  # an empty table starts from 0
            if self.last_event is not None and newest > self.last_event:
                query = sa.select(EVENTS.c.sender_id).where(EVENTS.c.id > self.last_event, EVENTS.c.id <= newest)
                senders = list(db.scalars(query.distinct()).all())
        state = tuple(
            tuple(row)
            for row in db.execute(
                sa.select(Handoff.id, Handoff.state, Handoff.claimed_by, Handoff.priority, Handoff.case_id)
                .where(Handoff.state.in_(OPEN_STATES))
                .order_by(Handoff.id)
            ).all()
        )
        return newest, senders, state

    async def once(self) -> None:
        newest, senders, state = await in_thread(self.database_url, self._look)
        if self.queue_state is not None and state != self.queue_state:
            await self.fanout.publish(notes.QUEUE, {})
        watched = self.fanout.topics()
        for sender_id in senders:
            topic = notes.conversation(sender_id)
            if topic in watched:
                await self.fanout.publish(topic, {})
        self.last_event, self.queue_state = newest, state

    async def run(self) -> None:
        while True:
            try:
                await self.once()
            except sa.exc.SQLAlchemyError:
                log.exception("the console's watcher could not read the database; trying again")
                await asyncio.sleep(5)
            await asyncio.sleep(WATCH_INTERVAL_S)
