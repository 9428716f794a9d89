"""Delete conversations that have been inactive for longer than the retention period.

Rasa's SQL tracker store keeps every event in one `events` table; a conversation is all rows
of one `sender_id`. A conversation is removed whole, and only once its newest event is older
than the period, so an ongoing conversation never loses its beginning.
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy.engine import Engine

EVENTS_TABLE = "events"


def purge_inactive(engine: Engine, retention_days: int, now: float | None = None) -> int:
    """Delete inactive conversations; return how many were deleted."""
    if not sa.inspect(engine).has_table(EVENTS_TABLE):
        return 0
    cutoff = (now if now is not None else time.time()) - retention_days * 86400
    events = sa.Table(EVENTS_TABLE, sa.MetaData(), autoload_with=engine)
    stale = sa.select(events.c.sender_id).group_by(events.c.sender_id).having(sa.func.max(events.c.timestamp) < cutoff)
    with engine.begin() as connection:
        senders = [row[0] for row in connection.execute(stale)]
        if senders:
            connection.execute(events.delete().where(events.c.sender_id.in_(senders)))
    return len(senders)
