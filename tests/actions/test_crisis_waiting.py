"""A crisis written while the person already waits for someone (`handoff_state` waiting): the crisis line of their
country first, as always; then, instead of offering a person again, that they are already waiting and now come first
(queue.escalate made the request a crisis). The later reminders give the line without offering a person either."""

from __future__ import annotations

from actions.evidence import ActionEvidence
from actions.message_parts import message
from actions.safety import ActionCrisis
from bot.staff import queue
from bot.storage.db import session
from content.knowledge import contact
from content.texts import render
from tests.actions.conftest import run

COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}
SENDER = "review"
"""The sender id of the trackers tests/actions build (actions/review.py)."""


def _waiting(url: str, channel: str = "socketio") -> int:
    with session(url) as db:
        return queue.request(db, SENDER, channel, "en", queue.Flags(sextortion=True)).id


def _priority(url: str, handoff_id: int) -> int:
    with session(url) as db:
        handoff = queue.get(db, handoff_id)
        assert handoff is not None
        return handoff.priority


def test_the_line_first_then_already_waiting_and_now_first(language: str, cases_db: str) -> None:
    handoff_id = _waiting(cases_db)
    slots = {"language": language, "country": COUNTRY[language], "handoff_state": "waiting"}
    outcome = run(ActionCrisis(), "crisis", slots)
    line = message(language, f"crisis.{COUNTRY[language]}", {})["text"]
    assert outcome.texts == [line, render(language, "crisis.waiting")]
    assert "contacts" in outcome.messages[0]["parts"], "the numbers are tap-to-call, from the knowledge module"
    assert "/request_human" not in outcome.payloads, "not offered what they already asked for"
    assert outcome.payloads, "the rest of the menu is still there"
    assert outcome.slot("offer") is None, "a yes does not ask for a person again"
    assert outcome.slot("in_crisis") is True and outcome.slot("handoff_state") is None
    assert _priority(cases_db, handoff_id) == queue.CRISIS


def test_without_a_country_the_general_lines_come_first(language: str, cases_db: str) -> None:
    _waiting(cases_db)
    outcome = run(ActionCrisis(), "crisis", {"language": language, "handoff_state": "waiting"})
    assert outcome.texts == [message(language, "crisis.unknown", {})["text"], render(language, "crisis.waiting")]


def test_later_answers_give_the_line_without_offering_a_person(language: str, cases_db: str) -> None:
    _waiting(cases_db)
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True, "handoff_state": "waiting"}
    outcome = run(ActionEvidence(), "ask_evidence", slots)
    line = contact(f"{COUNTRY[language]}.crisis").value
    assert outcome.texts[-1] == render(language, "crisis.reminder.closed", line=line)
    assert not outcome.messages[-1].get("buttons") and outcome.slot("offer") is None, "a yes asks for nobody"
    slots = {"language": language, "in_crisis": True, "handoff_state": "waiting"}
    unknown = run(ActionEvidence(), "ask_evidence", slots)
    assert unknown.texts[-1] == render(language, "crisis.reminder.unknown.closed")


def test_a_request_that_lapsed_is_said_and_a_person_offered_again(language: str, cases_db: str) -> None:
    """The slot still says waiting, but the queue expired the request (bot/staff/expiry.py): nobody is coming."""
    _waiting(cases_db)
    with session(cases_db) as db:
        assert queue.expire_silent(db, 0, at=10**10) == [SENDER]
    slots = {"language": language, "country": COUNTRY[language], "handoff_state": "waiting"}
    outcome = run(ActionCrisis(), "crisis", slots)
    assert outcome.texts[0] == render(language, "handoff.expired")
    assert render(language, "crisis.waiting") not in outcome.texts
    assert outcome.texts[-1] == render(language, "crisis.then") and outcome.slot("offer") == "human"
    assert "/request_human" in outcome.payloads


def test_a_request_no_analyst_can_reach_is_not_said_to_be_coming(language: str, cases_db: str) -> None:
    """Over Rasa's REST channel nobody can join the chat (queue.LIVE_CHANNELS): no "until they join"."""
    _waiting(cases_db, "rest")
    slots = {"language": language, "country": COUNTRY[language], "handoff_state": "waiting"}
    outcome = run(ActionCrisis(), "crisis", slots)
    assert outcome.texts[0] == message(language, f"crisis.{COUNTRY[language]}", {})["text"]
    assert render(language, "crisis.waiting") not in outcome.texts
