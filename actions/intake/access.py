"""Reaching a report from any conversation with its reference and PIN: the form that asks and checks them.

What follows a checked PIN (the status, or the question before erasing) is `ActionCaseAccess` in
`actions/status.py`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from actions.facts_in_message import message_says
from actions.intake.answers import choice, text
from actions.language import conversation_language
from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn, moves_on
from bot.cases.reference import pin_in, reference_in
from bot.cases.repository import PIN_WINDOW_S, Access, check_access
from bot.storage.db import session
from content.knowledge.formatting import wait

ACCESS_SLOTS = ("access_reference", "access_pin", "access_purpose")
NO_REFERENCE_CUES = Path(__file__).parent.parent / "no_reference_cues.yml"
_ATTEMPT = re.compile(r"\d|\brl\b", re.IGNORECASE)
"""What a try at the reference or the PIN holds: digits, or "RL" (a reference, which may have no digit at all, typed
again while the PIN is asked is checked and counted like a PIN). Anything else is no try."""


def says_no_reference(turn: Turn) -> bool:
    """Whether the message says the person has no reference ("i dont have any number", "접수번호 같은 건 없어요"):
    `actions/no_reference_cues.yml`."""
    return message_says(turn.tracker, NO_REFERENCE_CUES)


def start_access(turn: Turn, purpose: str) -> None:
    """Open the access form; a reference and a PIN given in this very message are both used. Asking for the
    status of the report made in this very conversation ("what happens now?" after sending it) takes its
    reference (`case_ref`) and asks only for the PIN."""
    turn.set("access_purpose", purpose)
    own = turn.slot("case_ref") if purpose == "status" else None
    reference = reference_in(text(turn)) or (str(own) if own else None)
    turn.set("access_reference", reference)
    turn.set("access_pin", None)
    checked = checked_pin(turn, reference, only_if_given=True) if reference else {}
    for slot, value in checked.items():
        turn.set(slot, value)
    if REQUESTED_SLOT not in checked:  # a locked reference ends it before it starts
        turn.then("case_access_form")


def checked_pin(turn: Turn, reference: str, only_if_given: bool = False) -> Dict[str, Any]:
    """The slots after checking the PIN in the latest message against `reference` (counted by the lock).

    A right PIN fills `access_pin`; a wrong one is said and asked again; a locked reference ends the
    form. With `only_if_given`, a message without a PIN checks nothing and changes nothing.
    """
    pin = pin_in(text(turn))
    if pin is None and only_if_given:
        return {}
    with session() as db:
        outcome, _ = check_access(db, reference, pin or "", turn.tracker.sender_id)
    if outcome is Access.GRANTED:
        return {"access_pin": pin}
    if outcome is Access.LOCKED:
        turn.say("status.locked", MAIN_MENU, wait=wait(PIN_WINDOW_S // 60, turn.language))
        return {slot: None for slot in ACCESS_SLOTS} | {REQUESTED_SLOT: None}
    turn.say("status.mismatch")
    return {"access_pin": None}


class AskAccessReference(RelaisAction):
    interrupts_forms = False

    def name(self) -> str:
        return "action_ask_access_reference"

    def respond(self, turn: Turn) -> None:
        turn.say("status.ask_reference")


class AskAccessPin(RelaisAction):
    interrupts_forms = False

    def name(self) -> str:
        return "action_ask_access_pin"

    def respond(self, turn: Turn) -> None:
        turn.say("status.ask_pin")


class ValidateCaseAccessForm(FormValidationAction):
    """The PIN is checked here, so a wrong one is asked again and counted against the rate limit.

    A message that is no try at the reference or the PIN (`_ATTEMPT`) never gets "I could not read a reference":
    a story or a question of its own ("my pics are still up, i reported them 2 weeks ago") rejects the form, so
    Rasa answers it for what it says and that answer closes the form; anything else ("je l'ai plus", "몰라요")
    closes it with how to find the report without them (`status.not_given`).
    """

    def name(self) -> str:
        return "validate_case_access_form"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot(REQUESTED_SLOT)
        if requested not in ("access_reference", "access_pin") or requested not in tracker.slots_to_validate():
            return []
        turn = Turn(dispatcher, tracker, conversation_language(tracker))
        if choice(turn) in ("stop", "skip"):
            turn.say("erase.cancelled" if turn.slot("access_purpose") == "erase" else "next.prompt", MAIN_MENU)
            return [SlotSet(slot, None) for slot in ACCESS_SLOTS] + [SlotSet(REQUESTED_SLOT, None)]
        if not _ATTEMPT.search(text(turn)):
            return self._not_given(turn)
        answer: Dict[str, Any] = (
            self._reference(turn)
            if requested == "access_reference"
            else checked_pin(turn, str(turn.slot("access_reference")))
        )
        return [*turn.events, *[SlotSet(slot, value) for slot, value in answer.items()]]

    def _not_given(self, turn: Turn) -> List[EventType]:
        if moves_on(turn) and turn.intent != "ask_status" and not says_no_reference(turn):
            return [SlotSet(turn.slot(REQUESTED_SLOT), None), ActionExecutionRejected(self.form_name())]
        turn.say("status.not_given", MAIN_MENU)
        return [*turn.events, *[SlotSet(slot, None) for slot in ACCESS_SLOTS], SlotSet(REQUESTED_SLOT, None)]

    @staticmethod
    def _reference(turn: Turn) -> Dict[str, Any]:
        reference = reference_in(text(turn))
        if reference is None:
            turn.say("status.bad_reference")
            return {"access_reference": None}
        return {"access_reference": reference} | checked_pin(turn, reference, only_if_given=True)
