"""The replay memory: atomic, in the database (SQLite, PostgreSQL) or Redis, and kept across restarts."""

from __future__ import annotations

import asyncio
import socket
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from bot.channels.telegram_replay import ReplayGuard
from bot.settings import Settings, load
from bot.storage.migrate import upgrade
from tests.bot.stores import database

REDIS_URL = "redis://127.0.0.1:6379/3"


def _in_database(url: str) -> Settings:
    upgrade(url)
    return replace(load(), database_url=url, redis_url=None)


@pytest.fixture(params=["sqlite", "postgresql", "redis"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    if request.param == "redis":
        try:
            socket.create_connection(("127.0.0.1", 6379), timeout=2).close()
        except OSError:
            pytest.skip("Redis is not reachable at 127.0.0.1:6379")
        yield replace(load(), redis_url=REDIS_URL)
        return
    with database(request.param, tmp_path) as url:
        yield _in_database(url)


def _fresh_id() -> int:
    return uuid.uuid4().int % 2**31


async def test_an_update_id_is_accepted_once_even_after_a_restart(settings: Settings) -> None:
    update_id = _fresh_id()
    guard = ReplayGuard(settings)
    assert await guard.first_time(update_id)
    assert not await guard.first_time(update_id)
    assert await guard.first_time(update_id + 1)
    await guard.close()
    restarted = ReplayGuard(settings)
    assert not await restarted.first_time(update_id), "the memory survives the process"
    await restarted.close()


async def test_two_simultaneous_deliveries_are_handled_once(settings: Settings) -> None:
    update_id = _fresh_id()
    guards = [ReplayGuard(settings) for _ in range(2)]
    for _ in range(5):
        update_id += 1
        results = await asyncio.gather(*(guard.first_time(update_id) for guard in guards * 2))
        assert sorted(results) == [False, False, False, True]
    for guard in guards:
        await guard.close()


async def test_old_ids_are_purged_from_the_database(tmp_path: Path) -> None:
    settings = _in_database(f"sqlite:///{tmp_path}/replay.db")
    engine = sa.create_engine(settings.database_url)
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO telegram_updates (update_id, received_at) VALUES (1, 0)"))
    guard = ReplayGuard(settings)
    assert await guard.first_time(2), "the first insert purges"
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT update_id FROM telegram_updates")).scalars().all() == [2]
