"""A crisis written while an analyst holds the conversation: the console runs `action_crisis` at once
(bot/staff/watch.py), which gives the crisis line of the person's country and says a person is with them,
without offering what they already have."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from actions.message_parts import message
from actions.safety import ActionCrisis, crisis_key
from bot.staff import queue
from bot.storage import migrate
from bot.storage.db import engine, session
from content.texts import render
from tests.actions.conftest import run

COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}


@pytest.fixture
def handoffs_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """DATABASE_URL on a fresh, migrated SQLite file, as the action server opens it."""
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine.cache_clear()
    migrate.upgrade(url)
    yield url
    engine.cache_clear()


def _held(url: str, sender_id: str = "review") -> int:
    with session(url) as db:
        handoff = queue.request(db, sender_id, "socketio", "en", queue.Flags())
        assert queue.claim(db, handoff.id, 1)
        return handoff.id


def test_held_the_crisis_line_comes_first_then_that_a_person_is_there(language: str, handoffs_db: str) -> None:
    handoff_id = _held(handoffs_db)
    slots = {"language": language, "country": COUNTRY[language], "handoff_state": "human"}
    outcome = run(ActionCrisis(), "crisis", slots)
    crisis_line = message(language, f"crisis.{COUNTRY[language]}", {})["text"]
    assert outcome.texts == [crisis_line, render(language, "crisis.held")]
    assert outcome.payloads == [], "no button: the assistant is paused and would not read it"
    assert outcome.slot("offer") is None and outcome.slot("in_crisis") is True
    assert "contacts" in outcome.messages[0]["parts"], "the numbers are tap-to-call, from the knowledge module"
    with session(handoffs_db) as db:
        held = queue.get(db, handoff_id)
        assert held is not None and (held.state, held.priority) == ("human", queue.CRISIS)


def test_held_without_a_country_the_lines_of_the_persons_language_are_given(language: str, handoffs_db: str) -> None:
    _held(handoffs_db)
    outcome = run(ActionCrisis(), "crisis", {"language": language, "handoff_state": "human"})
    assert outcome.texts[0] == message(language, "crisis.unknown", {})["text"]
    assert outcome.texts[-1] == render(language, "crisis.held")


def test_not_held_the_person_is_still_offered_a_person(language: str) -> None:
    outcome = run(ActionCrisis(), "crisis", {"language": language, "country": COUNTRY[language]})
    assert render(language, "crisis.held") not in outcome.texts
    assert outcome.payloads[0] == "/request_human"


def test_the_crisis_key_is_the_countrys_or_the_general_one() -> None:
    """The line is chosen as for any crisis message; a country without its own line gets the general text."""
    from tests.actions.intake.conftest import turn_for

    assert crisis_key(turn_for("ko", {"country": "KR"})) == "crisis.KR"
    assert crisis_key(turn_for("fr", {"country": "BR"})) == "crisis.unknown"
