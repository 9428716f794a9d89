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
EVENTS = sa.table(
    EVENTS_TABLE,
    sa.column("id"),
    sa.column("sender_id"),
    sa.column("type_name"),
    sa.column("intent_name"),
    sa.column("action_name"),
    sa.column("timestamp"),
)
"""The columns of Rasa's table that Relais reads; described, not reflected, so no query per use."""


def purge_inactive(engine: Engine, retention_days: int, now: float | None = None) -> int:
    """Delete inactive conversations; return how many were deleted."""
    if not sa.inspect(engine).has_table(EVENTS_TABLE):
        return 0
    cutoff = (now if now is not None else time.time()) - retention_days * 86400
    stale = sa.select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(sa.func.max(EVENTS.c.timestamp) < cutoff)
    with engine.begin() as connection:
        senders = [row[0] for row in connection.execute(stale)]
        if senders:
            connection.execute(EVENTS.delete().where(EVENTS.c.sender_id.in_(senders)))
    return len(senders)
