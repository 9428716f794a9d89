"""A request for a person that expired while the chat was quiet: the person hears so once, calmly, when they
write again, and can ask again; nothing goes on saying that someone is coming."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from actions.conversation import ActionOutOfScope
from actions.handoff import CANCEL, ActionRequestHuman
from actions.safety import ActionCrisis
from bot.staff import queue
from bot.staff.expiry import LAPSED
from bot.storage import migrate
from bot.storage.db import engine, session
from content.texts import render
from tests.actions.conftest import run

SENDER = "review"
"""The sender id of the trackers `run` builds."""
ASK_AGAIN = "/request_human"


@pytest.fixture
def queue_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """DATABASE_URL on a fresh, migrated SQLite file, as the action server opens it; the team is always open."""
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("RELAIS_OPENING_HOURS", "always")
    engine.cache_clear()
    migrate.upgrade(url)
    yield url
    engine.cache_clear()


def _request(state: str) -> None:
    with session() as db:
        handoff = queue.request(db, SENDER, "socketio", "en", queue.Flags())
        handoff.state = state


@pytest.mark.usefixtures("queue_db")
def test_the_next_answer_starts_with_the_lapsed_request_and_offers_to_ask_again(language: str) -> None:
    _request("expired")
    outcome = run(ActionOutOfScope(), "out_of_scope", {"language": language, "handoff_state": LAPSED})
    assert outcome.texts[0] == render(language, "handoff.expired")
    assert outcome.messages[0]["buttons"] == [{"title": render(language, "button.human"), "payload": ASK_AGAIN}]
    assert len(outcome.texts) > 1, "the answer to what they wrote follows"
    assert outcome.slot("handoff_state") == "none"
    again = run(ActionOutOfScope(), "out_of_scope", {"language": language, "handoff_state": "none"})
    assert render(language, "handoff.expired") not in again.texts, "said once"


@pytest.mark.usefixtures("queue_db")
def test_a_conversation_rasa_was_not_told_about_is_told_from_the_queue(language: str) -> None:
    _request("expired")
    outcome = run(ActionOutOfScope(), "out_of_scope", {"language": language, "handoff_state": "waiting"})
    assert outcome.texts[0] == render(language, "handoff.expired")
    assert outcome.slot("handoff_state") == "none"


@pytest.mark.usefixtures("queue_db")
def test_a_person_still_waiting_hears_nothing_of_the_kind(language: str) -> None:
    _request("waiting")
    outcome = run(ActionOutOfScope(), "out_of_scope", {"language": language, "handoff_state": "waiting"})
    assert render(language, "handoff.expired") not in outcome.texts
    assert outcome.slot("handoff_state") is None


@pytest.mark.usefixtures("queue_db")
def test_a_crisis_after_the_lapse_escalates_no_expired_request(language: str) -> None:
    _request("expired")
    outcome = run(ActionCrisis(), "crisis", {"language": language, "handoff_state": LAPSED})
    assert outcome.texts[0] == render(language, "handoff.expired")
    with session() as db:
        assert queue.latest_state(db, SENDER) == "expired" and queue.open_handoff(db, SENDER) is None


@pytest.mark.usefixtures("queue_db")
def test_asking_again_after_the_lapse_joins_the_queue_anew(language: str) -> None:
    _request("expired")
    outcome = run(ActionRequestHuman(), "request_human", {"language": language, "handoff_state": LAPSED})
    assert render(language, "handoff.expired") not in outcome.texts
    assert outcome.slot("handoff_state") == "waiting"
    with session() as db:
        assert queue.latest_state(db, SENDER) == "waiting"


@pytest.mark.usefixtures("queue_db")
def test_cancelling_a_lapsed_request_says_nothing_is_waiting(language: str) -> None:
    _request("expired")
    cancel = [{"entity": "intake_choice", "value": CANCEL}]
    outcome = run(
        ActionRequestHuman(), "request_human", {"language": language, "handoff_state": LAPSED}, entities=cancel
    )
    assert outcome.texts == [render(language, "handoff.nothing_waiting")]
    assert outcome.slot("handoff_state") == "none"
