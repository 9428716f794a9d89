"""Erasing a conversation from Rasa's tracker store, after Rasa has finished writing it.

Rasa saves the tracker after every action, and its SQL store appends whatever it believes is
missing: rows deleted while a turn is running are written back. So the action only queues a
job; this sweep deletes the rows once the turn has ended (an `action_listen` after the
request), then keeps deleting rows older than that cut-off for a guard period, which catches
a late write-back without touching a fresh conversation started afterwards.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.cases.models import ErasureJob
from bot.cases.repository import purge_attempts
from bot.retention import EVENTS, EVENTS_TABLE
from bot.storage import audit
from bot.storage.base import now
from bot.storage.db import session

TURN_TIMEOUT_S = 60.0
GUARD_S = 600.0
"""A turn longer than this has failed; a write-back later than the guard cannot come from it."""

log = logging.getLogger(__name__)


def _turn_ended_at(engine: Engine, job: ErasureJob) -> float | None:
    """When Rasa finished the turn that asked for erasure, if it has."""
    with engine.connect() as connection:
        last = connection.execute(
            sa.select(EVENTS.c.type_name, EVENTS.c.action_name, EVENTS.c.timestamp)
            .where(EVENTS.c.sender_id == job.sender_id)
            .order_by(EVENTS.c.id.desc())
            .limit(1)
        ).first()
    if last is None or not job.during_turn:
        return job.requested_at
    listening = last.type_name == "action" and last.action_name == "action_listen"
    if listening and last.timestamp >= job.requested_at:
        return float(last.timestamp)
    if now() - job.requested_at > TURN_TIMEOUT_S:
        return float(last.timestamp)
    return None


def sweep(database_url: str) -> int:
    """Run due erasures; returns how many event rows were deleted."""
    with session(database_url) as db:
        jobs = db.scalars(sa.select(ErasureJob)).all()
        engine = db.get_bind()
        assert isinstance(engine, Engine)
        has_events = bool(jobs) and sa.inspect(engine).has_table(EVENTS_TABLE)
        deleted = 0
        for job in jobs:
            if job.cutoff is None:
                job.cutoff = _turn_ended_at(engine, job) if has_events else job.requested_at
                if job.cutoff is None:
                    continue
                job.done_at = now()
            if has_events:
                result = db.execute(
                    EVENTS.delete().where(EVENTS.c.sender_id == job.sender_id, EVENTS.c.timestamp <= job.cutoff)
                )
                deleted += result.rowcount or 0
            if job.done_at is not None and now() - job.done_at > GUARD_S:
                db.delete(job)
                audit.record(db, "relais", "erasure_completed")
        purge_attempts(db)
    if deleted:
        log.info("erasure: deleted %d tracker rows", deleted)
    return deleted
