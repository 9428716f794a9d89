"""Handles each Telegram update once, across redeliveries, simultaneous deliveries and restarts.

Telegram re-sends an update whose delivery it believes failed (any non-2xx answer, or none in
time), and a captured request could be replayed; neither must make Relais answer twice. The
memory of handled update ids lives in Redis when REDIS_URL is set (`SET NX` with an expiry), else
in the database (`telegram_updates`, whose primary key makes the first insert win). Both are
atomic, so of two deliveries arriving at the same moment exactly one is handled, and both survive
a restart of Rasa. Update ids grow by one per update, but after a week without updates Telegram
restarts them at random, so ids are forgotten after RETENTION_S instead of kept as a watermark;
Telegram gives up redelivering an update after 24 hours.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from bot.channels.telegram_models import HandledUpdate
from bot.settings import Settings
from bot.storage import db
from bot.storage.base import now

RETENTION_S = 2 * 24 * 3600
PURGE_EVERY = 1000
"""Inserts between two purges of ids older than RETENTION_S (database memory)."""
REDIS_PREFIX = "relais:telegram:update:"

log = logging.getLogger(__name__)


class ReplayGuard:
    def __init__(self, settings: Settings) -> None:
        self._database_url = settings.database_url
        self._redis: Any = None
        if settings.redis_url:
            import redis.asyncio

            self._redis = redis.asyncio.from_url(settings.redis_url)
        self._inserts = 0

    async def first_time(self, update_id: int) -> bool:
        """Remember `update_id`; False when it was already handled (or is being handled)."""
        if self._redis is not None:
            return bool(await self._redis.set(f"{REDIS_PREFIX}{update_id}", 1, nx=True, ex=RETENTION_S))
        return await asyncio.to_thread(self._insert, update_id)

    def _insert(self, update_id: int) -> bool:
        try:
            with db.session(self._database_url) as session:
                session.add(HandledUpdate(update_id=update_id, received_at=now()))
        except IntegrityError:
            return False
        self._inserts += 1
        if self._inserts % PURGE_EVERY == 1:
            with db.session(self._database_url) as session:
                session.execute(sa.delete(HandledUpdate).where(HandledUpdate.received_at < now() - RETENTION_S))
        return True

    async def close(self) -> None:
        if self._redis is not None:
            await self._redis.close()
