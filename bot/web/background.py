"""The web process's periodic jobs: the retention purge, queued erasures and silent queue entries.

They run here because the web server is the one long-lived process that Relais owns (Rasa and
the action server are third-party frameworks with their own loops).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Awaitable, Callable

import aiohttp
import sqlalchemy as sa

from bot.cases.erasure import sweep
from bot.retention import purge_inactive
from bot.settings import Settings
from bot.staff import expiry
from bot.storage.db import engine

PURGE_INTERVAL_S = 3600.0
ERASURE_INTERVAL_S = 1.0
"""Erasure is polled every second so "your data is erased" is true a moment after it is said."""
EXPIRY_INTERVAL_S = 60.0
"""How often waiting requests are checked for silence (RELAIS_HANDOFF_SILENCE_MINUTES, in minutes)."""

log = logging.getLogger(__name__)


async def _every(interval_s: float, job: Callable[[], Awaitable[object]], name: str) -> None:
    while True:
        try:
            await job()
        except sa.exc.SQLAlchemyError:
            log.exception("%s failed; retrying in %.0f s", name, interval_s)
        await asyncio.sleep(interval_s)


def start(settings: Settings, http: aiohttp.ClientSession) -> list[asyncio.Task[None]]:
    """The jobs, on the running loop; `http` is the app's client session (the expiry tells Rasa through it)."""
    url = settings.database_url

    def purge() -> Awaitable[object]:
        return asyncio.to_thread(purge_inactive, engine(url), settings.retention_days)

    return [
        asyncio.create_task(_every(PURGE_INTERVAL_S, purge, "retention purge")),
        asyncio.create_task(_every(ERASURE_INTERVAL_S, lambda: asyncio.to_thread(sweep, url), "erasure sweep")),
        asyncio.create_task(_every(EXPIRY_INTERVAL_S, lambda: expiry.expire_silent(settings, http), "queue expiry")),
    ]


async def stop(tasks: list[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError):
            await task
