"""Relais' tracker store carries on after PostgreSQL's connections are cut (a restart, a fail-over), and a
turn it cannot save fails instead of being kept in one process's memory."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bench.faults import cut_postgres
from bot.rasa_server.tracker_store import PrivateSQLTrackerStore, fail_loudly
from bot.runtime_config import tracker_store
from tests.bot.stores import POSTGRES_ADMIN_URL, postgres_database


def configured(store_class: type[SQLTrackerStore], url: str) -> SQLTrackerStore:
    """A store configured as endpoints.yml configures it (bot/runtime_config.py)."""
    config = tracker_store(url)
    config.pop("type")
    host = config.pop("url", None)
    return store_class(Domain.empty(), host=host, **config)


def one_turn(sender: str, text: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, [])
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}))
    return tracker


async def _read_after_a_cut(store: SQLTrackerStore, database: str) -> DialogueStateTracker | None:
    await store.save(one_turn("cut-test", "bonjour"))
    assert await store.retrieve("cut-test") is not None  # a connection is now pooled
    assert cut_postgres(POSTGRES_ADMIN_URL, database) >= 1
    return await store.retrieve("cut-test")


async def test_a_turn_after_every_connection_was_cut_is_served() -> None:
    with postgres_database() as url:
        store = configured(PrivateSQLTrackerStore, url)
        try:
            tracker = await _read_after_a_cut(store, sa.engine.make_url(url).database or "")
            assert tracker is not None and tracker.latest_message.text == "bonjour"
            await store.save(one_turn("cut-test-2", "hello"))
            assert await store.retrieve("cut-test-2") is not None
        finally:
            store.engine.dispose()


async def test_rasas_own_store_fails_the_first_turn_after_a_cut() -> None:
    """Why Relais' store rebuilds its engine: Rasa's keeps its dead connections."""
    with postgres_database() as url:
        store = configured(SQLTrackerStore, url)
        try:
            with pytest.raises(sa.exc.OperationalError):
                await _read_after_a_cut(store, sa.engine.make_url(url).database or "")
        finally:
            store.engine.dispose()


def test_the_rebuilt_engine_keeps_rasas_pool_size() -> None:
    with postgres_database() as url:
        store = configured(PrivateSQLTrackerStore, url)
        try:
            assert store.engine.pool._pre_ping  # type: ignore[attr-defined]
            assert store.engine.pool.size() == 50  # type: ignore[attr-defined]  # Rasa's POSTGRESQL_DEFAULT_POOL_SIZE
        finally:
            store.engine.dispose()


class Unreachable(SQLTrackerStore):
    """A tracker store whose database is out (every read and write raises, as during a cut)."""

    def __init__(self) -> None:
        super().__init__(Domain.empty(), db=":memory:")

    async def save(self, tracker: DialogueStateTracker) -> None:
        raise sa.exc.OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        raise sa.exc.OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly"))


async def test_rasas_fail_safe_wrapper_lets_the_turn_fail_instead_of_keeping_it_in_memory() -> None:
    """Rasa's agent wraps the store in FailSafeTrackerStore; without `fail_loudly` a failed save went to an
    in-memory store (the turn answered, then lost) and a failed read gave a fresh tracker."""
    fail_loudly()
    wrapped = FailSafeTrackerStore(Unreachable())
    with pytest.raises(sa.exc.OperationalError):
        await wrapped.save(one_turn("out", "bonjour"))
    with pytest.raises(sa.exc.OperationalError):
        await wrapped.retrieve("out")
    assert wrapped._fallback_tracker_store is None  # nothing was kept in memory
