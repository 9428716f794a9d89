"""Retention purge against Rasa's real SQL tracker store, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.retention import purge_inactive
from tests.bot.stores import database, store_for

DAY = 86400


def save(store: SQLTrackerStore, sender: str, *ages_in_days: float) -> None:
    tracker = DialogueStateTracker(sender, slots=[])
    for age in ages_in_days:
        tracker.update(UserUttered("hello", timestamp=time.time() - age * DAY))
    asyncio.run(store.save(tracker))


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_only_conversations_inactive_past_the_period_are_deleted(kind: str, tmp_path: Path) -> None:
    with database(kind, tmp_path) as url:
        store = store_for(url)
        save(store, "stale", 40, 35)
        save(store, "ongoing", 40, 1)
        save(store, "fresh", 2)
        engine = sa.create_engine(url)
        assert purge_inactive(engine, retention_days=30) == 1
        with engine.connect() as connection:
            senders = {row[0] for row in connection.execute(sa.text("SELECT DISTINCT sender_id FROM events"))}
        assert senders == {"ongoing", "fresh"}
        assert len(asyncio.run(store.retrieve("ongoing")).events) >= 2  # type: ignore[union-attr]
        store.engine.dispose()
        engine.dispose()


def test_a_database_without_conversations_is_fine(tmp_path: Path) -> None:
    assert purge_inactive(sa.create_engine(f"sqlite:///{tmp_path / 'empty.db'}"), retention_days=30) == 0
