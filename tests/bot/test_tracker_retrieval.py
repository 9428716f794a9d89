"""Relais' tracker store reads back exactly what Rasa's reads, without a class lookup per event."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_server.tracker_store import PrivateSQLTrackerStore
from bot.settings import ROOT
from tests.bot.test_action_payload import conversation, user


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "bot" / "domain"))


def stores(domain: Domain, path: Path) -> tuple[SQLTrackerStore, PrivateSQLTrackerStore]:
    database = str(path / "tracker.db")
    return SQLTrackerStore(domain, db=database), PrivateSQLTrackerStore(domain, db=database)


def two_sessions(domain: Domain) -> DialogueStateTracker:
    """A long first session, then a second one that carried the slots over and has one turn."""
    tracker = conversation(domain, 60)
    later: list[Any] = [ActionExecuted("action_session_start"), SessionStarted(), SlotSet("country", "FR")]
    later += [ActionExecuted("action_listen"), user("re-bonjour", "greet")]
    for event in later:
        tracker.update(event)
    return tracker


async def test_reads_the_same_tracker_as_rasas_store(domain: Domain, tmp_path: Path) -> None:
    rasa_store, relais_store = stores(domain, tmp_path)
    await relais_store.save(two_sessions(domain))
    for read in ("retrieve", "retrieve_full_tracker"):
        expected = await getattr(rasa_store, read)("payload-test")
        got = await getattr(relais_store, read)("payload-test")
        assert list(got.events) == list(expected.events), read
        assert got.current_state() == expected.current_state(), read
    assert len((await relais_store.retrieve("payload-test")).events) < 10  # the latest session only
    assert await relais_store.retrieve("nobody") is None


async def test_a_long_session_is_read_without_a_class_lookup_per_event(
    domain: Domain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, relais_store = stores(domain, tmp_path)
    await relais_store.save(conversation(domain, 100))
    checks = 0
    isabstract = inspect.isabstract

    def counted(candidate: Any) -> bool:
        nonlocal checks
        checks += 1
        return isabstract(candidate)

    monkeypatch.setattr(inspect, "isabstract", counted)
    tracker = await relais_store.retrieve("payload-test")
    assert len(tracker.events) > 700
    assert checks < 200  # Rasa's own lookup makes one check per Event subclass for each event: thousands here
