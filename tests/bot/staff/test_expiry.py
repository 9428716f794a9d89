"""An expired queue entry stops saying that a person is coming: its conversation's slot is set through Rasa's API,
and an unreachable Rasa changes nothing in the queue's expiry (the action server reads the queue then)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, Coroutine

import aiohttp
import sqlalchemy as sa

from bot.settings import Settings, load
from bot.staff import expiry, queue
from bot.staff.models import Handoff
from bot.storage import migrate
from bot.storage.db import session
from tests.bot.staff.local import RasaStandIn
from tests.conftest import free_port

SILENCE_MINUTES = 30


def _settings(tmp_path: Path, rasa_port: int) -> Settings:
    settings = replace(
        load(),
        host="127.0.0.1",
        rasa_port=rasa_port,
        database_url=f"sqlite:///{tmp_path / 'relais.db'}",
        staff_rasa_timeout=1,
        handoff_silence_minutes=SILENCE_MINUTES,
    )
    migrate.upgrade(settings.database_url)
    with session(settings.database_url) as db:
        silent = queue.request(db, "silent", "socketio", "fr", queue.Flags())
        silent.requested_at -= (SILENCE_MINUTES + 1) * 60
        queue.request(db, "fresh", "telegram", "ko", queue.Flags())
    return settings


def _in_own_loop(scenario: Coroutine[Any, Any, None]) -> None:
    with ThreadPoolExecutor(max_workers=1) as own_loop:  # as local.py: Playwright may hold the main thread's loop
        own_loop.submit(asyncio.run, scenario).result()


def _states(settings: Settings) -> dict[str, str]:
    with session(settings.database_url) as db:
        return {h.sender_id: h.state for h in db.scalars(sa.select(Handoff))}


def test_the_expired_conversation_is_told_and_no_other(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with RasaStandIn().running() as rasa, aiohttp.ClientSession() as http:
            settings = _settings(tmp_path, rasa.port)
            assert await expiry.expire_silent(settings, http) == ["silent"]
            [[told]] = rasa.appended
            assert (told["event"], told["name"], told["value"]) == ("slot", "handoff_state", "expired")
            assert _states(settings) == {"silent": "expired", "fresh": "waiting"}
            assert await expiry.expire_silent(settings, http) == [], "told once"
            assert len(rasa.appended) == 1

    _in_own_loop(scenario())


def test_an_unreachable_rasa_does_not_stop_the_expiry(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with aiohttp.ClientSession() as http:
            settings = _settings(tmp_path, free_port())
            assert await expiry.expire_silent(settings, http) == ["silent"]
            assert _states(settings) == {"silent": "expired", "fresh": "waiting"}

    _in_own_loop(scenario())
