"""A report reached by its reference and PIN, against a real database: the PIN is checked and
counted, a wrong one and an unknown reference get the same answer (what a right one leads to:
`tests/actions/test_status.py`)."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.intake.access import ValidateCaseAccessForm, checked_pin, start_access
from actions.review import tracker
from bot.cases.repository import MAX_FAILURES_PER_CASE, PIN_WINDOW_S, CaseDraft, create_case
from bot.storage.db import session
from content.knowledge.formatting import wait
from content.texts import render
from tests.actions.intake.conftest import said, turn_for


def new_case(language: str) -> tuple[str, str]:
    with session() as db:
        created = create_case(db, CaseDraft(sender_id="victim", channel="rest", language=language))
        return created.case.reference, created.pin


def validate(language: str, slots: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """The access form's check of `text`, as Rasa's form runs it: (slots set, texts said)."""
    requested = slots["requested_slot"]
    conversation = tracker(
        "inform",
        {"language": language, **slots, requested: text},
        text=text,
        events=[{"event": "slot", "name": requested, "value": text}],
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateCaseAccessForm().get_validation_events(dispatcher, conversation, {}))
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}, [
        str(m.get("text")) for m in dispatcher.messages
    ]


def test_without_a_reference_the_form_asks_for_it(language: str) -> None:
    turn = turn_for(language, text="where is my report?", intent="ask_status")
    start_access(turn, "status")
    assert turn.changes == {"access_purpose": "status", "access_reference": None, "access_pin": None}
    assert turn.follow_up == "case_access_form"


WHAT_NOW = {"fr": "et maintenant il se passe quoi ?", "ko": "이제 어떻게 되는 거예요?", "en": "what happens now?"}


def test_the_report_made_in_this_conversation_needs_only_its_pin(language: str) -> None:
    """Right after sending a report, "what happens now?" read as a status question does not ask for the reference
    just given: the form starts with it and asks for the PIN; erasing still asks which report."""
    turn = turn_for(language, {"case_ref": "RL-7K3M-Q9P2"}, text=WHAT_NOW[language], intent="ask_status")
    start_access(turn, "status")
    assert turn.changes["access_reference"] == "RL-7K3M-Q9P2" and turn.changes["access_pin"] is None
    assert turn.follow_up == "case_access_form"
    erase = turn_for(language, {"case_ref": "RL-7K3M-Q9P2"}, text="erase it", intent="delete_my_data")
    start_access(erase, "erase")
    assert erase.changes["access_reference"] is None


def test_reference_and_pin_in_one_message_are_both_used(language: str, cases_db: str) -> None:
    reference, pin = new_case(language)
    turn = turn_for(language, text=f"{reference} {pin}", intent="ask_status")
    start_access(turn, "status")
    assert turn.changes["access_reference"] == reference and turn.changes["access_pin"] == pin


def test_a_wrong_pin_and_an_unknown_reference_get_the_same_answer(language: str, cases_db: str) -> None:
    reference, pin = new_case(language)
    wrong = "000000" if pin != "000000" else "111111"
    answers = []
    for ref in (reference, "RL-ZZZZ-ZZZZ"):
        turn = turn_for(language, text=wrong)
        answers.append((checked_pin(turn, ref), said(turn)))
    assert answers[0] == answers[1] == ({"access_pin": None}, render(language, "status.mismatch"))


def test_too_many_wrong_pins_lock_the_reference(language: str, cases_db: str) -> None:
    reference, pin = new_case(language)
    for _ in range(MAX_FAILURES_PER_CASE):
        checked_pin(turn_for(language, text="000000" if pin != "000000" else "111111"), reference)
    turn = turn_for(language, text=pin)
    slots = checked_pin(turn, reference)
    assert slots["access_pin"] is None and slots["requested_slot"] is None, "even the right PIN ends the form"
    assert said(turn) == render(language, "status.locked", wait=wait(PIN_WINDOW_S // 60, language))


def test_the_form_checks_the_reference_then_the_pin(language: str, cases_db: str) -> None:
    reference, pin = new_case(language)
    slots, texts = validate(language, {"requested_slot": "access_reference"}, "RL-12")
    assert slots == {"access_reference": None} and texts == [render(language, "status.bad_reference")]
    slots, texts = validate(language, {"requested_slot": "access_reference"}, "not a reference")
    assert slots["requested_slot"] is None and texts == [render(language, "status.not_given")], "no try: no trap"
    slots, _ = validate(language, {"requested_slot": "access_reference"}, reference.lower())
    assert slots == {"access_reference": reference}
    slots, _ = validate(language, {"requested_slot": "access_pin", "access_reference": reference}, pin)
    assert slots == {"access_pin": pin}


def test_stop_leaves_the_form(language: str) -> None:
    slots, texts = validate(language, {"requested_slot": "access_pin", "access_purpose": "erase"}, "stop")
    assert slots["requested_slot"] is None and slots["access_reference"] is None
    assert texts == [render(language, "erase.cancelled")]


def test_a_reference_typed_again_while_the_pin_is_asked_is_checked_even_without_a_digit(
    language: str, cases_db: str
) -> None:
    """"status of my report RL-MGWQ-BTVG" (a reference of letters only) while the PIN is asked is a try, counted
    against the lock like a wrong PIN, never "no try" that would let a guesser reset the form."""
    reference, _ = new_case(language)
    asked = {"requested_slot": "access_pin", "access_reference": reference}
    slots, texts = validate(language, asked, "status of my report RL-MGWQ-BTVG")
    assert slots == {"access_pin": None} and texts == [render(language, "status.mismatch")]
