"""The victim's side over the REST channel: the request is kept but no live chat or wait is promised (REST cannot
receive an analyst's message), cancelling; the bot stays silent while held."""

from __future__ import annotations

import pytest

from bot.services import Stack
from content.texts import render
from tests.bot.staff.conftest import Console, handoff_of, live_chat
from tests.conftest import Chat

LANGUAGES = ("fr", "ko", "en")
CANCEL = '/request_human{"intake_choice": "cancel"}'


@pytest.mark.parametrize("language", LANGUAGES)
def test_asking_is_kept_without_a_promise_and_cancel_returns_to_the_bot(stack: Stack, language: str) -> None:
    victim = Chat(stack, {"language": language})
    answers = victim.say("/request_human")
    texts = [a.get("text") for a in answers]
    assert render(language, "handoff.unreachable") in texts and render(language, "handoff.waiting") not in texts
    assert render(language, "intake.offer.human") in texts
    payloads = [b["payload"] for a in answers for b in a.get("buttons") or []]
    assert CANCEL in payloads and "/affirm" in payloads
    assert victim.slot("handoff_state") == "waiting"
    again = victim.text("/request_human")
    assert render(language, "handoff.unreachable") in again
    assert handoff_of(stack, victim.sender).state == "waiting"

    assert render(language, "handoff.cancelled") in victim.text(CANCEL)
    assert handoff_of(stack, victim.sender).state == "cancelled"
    assert victim.slot("handoff_state") == "none"
    assert render(language, "handoff.nothing_waiting") in victim.text(CANCEL)


def test_no_wait_is_told_on_rest_and_rest_requests_count_in_none(stack: Stack) -> None:
    first, second = Chat(stack, {"language": "en"}), Chat(stack, {"language": "en"})
    first.say("/request_human")
    answer = second.text("/request_human")
    assert "People waiting before you:" not in answer and render("en", "handoff.wait.next") not in answer
    assert render("en", "handoff.unreachable") in answer
    for person in (first, second):
        person.say(CANCEL)


def test_a_held_conversation_is_silent_and_still_recorded(stack: Stack, analyst: Console) -> None:
    victim = live_chat(stack, "fr")  # asked in the widget; the REST channel cannot be taken
    handoff = handoff_of(stack, victim.sender)
    assert analyst.post(f"/staff/handoffs/{handoff.id}/claim").status_code == 200
    assert victim.slot("handoff_state") == "human"
    assert victim.say("bonjour, vous êtes là ?") == []
    tracker = victim.tracker()
    assert tracker["paused"] is True
    assert tracker["events"][-1]["event"] == "user" and tracker["events"][-1]["text"] == "bonjour, vous êtes là ?"
    body = analyst.get(f"/staff/handoffs/{handoff.id}/messages?since=0").json()
    assert body["messages"][-1] == {**body["messages"][-1], "from": "victim", "text": "bonjour, vous êtes là ?"}
    assert analyst.post(f"/staff/handoffs/{handoff.id}/hand-back").status_code == 200
    assert victim.tracker()["paused"] is False
    assert victim.text("/greet") == render("fr", "greet.again")
