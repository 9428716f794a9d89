"""A crisis written while an analyst holds the conversation: the console runs `action_crisis` at once
(bot/staff/watch.py), which gives the crisis line of the person's country and says a person is with them,
without offering what they already have."""

from __future__ import annotations

from actions.message_parts import message
from actions.safety import ActionCrisis, crisis_key
from bot.staff import queue
from bot.storage.db import session
from content.texts import render
from tests.actions.conftest import run

COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}



def _held(url: str, sender_id: str = "review") -> int:
    with session(url) as db:
        handoff = queue.request(db, sender_id, "socketio", "en", queue.Flags())
        assert queue.claim(db, handoff.id, 1)
        return handoff.id


def test_held_the_crisis_line_comes_first_then_that_a_person_is_there(language: str, cases_db: str) -> None:
    handoff_id = _held(cases_db)
    slots = {"language": language, "country": COUNTRY[language], "handoff_state": "human"}
    outcome = run(ActionCrisis(), "crisis", slots)
    crisis_line = message(language, f"crisis.{COUNTRY[language]}", {})["text"]
    assert outcome.texts == [crisis_line, render(language, "crisis.held")]
    assert outcome.payloads == [], "no button: the assistant is paused and would not read it"
    assert outcome.slot("offer") is None and outcome.slot("in_crisis") is True
    assert "contacts" in outcome.messages[0]["parts"], "the numbers are tap-to-call, from the knowledge module"
    with session(cases_db) as db:
        held = queue.get(db, handoff_id)
        assert held is not None and (held.state, held.priority) == ("human", queue.CRISIS)


def test_held_without_a_country_the_lines_of_the_persons_language_are_given(language: str, cases_db: str) -> None:
    _held(cases_db)
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
