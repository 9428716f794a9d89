"""Checking each intake answer: controls (stop, why, skip) first, then the answer itself.

A question answered with something unusable is asked again with the reason; "why" explains
and asks again; "stop" ends the form keeping every answer, so it can be resumed later; a question of the
person's own ("how do I keep evidence?") is answered and the report's question asked again (`answered_aside`); a
link, an email address or a date given for another question is kept and the question asked again (`note_aside`).
"""

from __future__ import annotations

from typing import List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from actions.check_in import unusual_kind
from actions.facts_in_message import platforms
from actions.guidance import QUESTIONS, explain_now
from actions.intake.answers import SKIPPED, choice, read_first, text
from actions.intake.checkers import Answer
from actions.intake.corrections import note_aside
from actions.intake.questions import BY_SLOT
from actions.language import conversation_language
from actions.reply import Turn
from bot.cases.links import links_in
from vocabulary.parse_keys import ANSWER_KINDS

ASIDES = {intent: topic for intent, topic in QUESTIONS.items() if topic != "report"}
"""Questions answered at once when asked in the middle of the report (the report itself is what is under way), by
the intent of the message."""
ASIDE_CONFIDENCE = 0.8
"""How sure the classifier must be that a message is such a question: below, it is read as an answer."""
NO_ASIDE = ("intake_situation", "intake_contact_detail")
"""Questions whose answer is the person's own words (what happened, an address): never read as an aside."""


def _turn(dispatcher: CollectingDispatcher, tracker: Tracker) -> Turn:
    return Turn(dispatcher, tracker, conversation_language(tracker))


def answered_aside(turn: Turn, requested: str) -> bool:
    """A question of its own asked while a question of the report is open ("au fait comment je garde des preuves
    sans le télécharger", "근데 증거는 어떻게 남겨요?"), with no link or platform in it: answered at once (`ASIDES`,
    `explain_now`), so the report's question is asked again and the question is never saved as its answer;
    False, saying nothing, when the message is no such question."""
    if requested in NO_ASIDE or links_in(text(turn)) or platforms(turn.tracker):
        return False
    intent = turn.tracker.latest_message.get("intent") or {}
    topic = ASIDES.get(str(intent.get("name")))
    if topic is None or float(intent.get("confidence") or 0) < ASIDE_CONFIDENCE:
        return False
    return explain_now(turn, topic)


class ValidateIntakeForm(FormValidationAction):
    def name(self) -> str:
        return "validate_intake_form"

    async def required_slots(
        self, domain_slots: List[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[str]:
        """The questions the table asks now (consent only with links, a detail only for email or phone)."""
        return [slot for slot in domain_slots if slot not in BY_SLOT or BY_SLOT[slot].asked(tracker)]

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> EventType | None:
        if tracker.get_slot("intake_stopped"):
            return SlotSet(REQUESTED_SLOT, None)
        return await super().next_requested_slot(dispatcher, tracker, domain)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Only the slot being asked is checked; slots set before the form are taken as they are."""
        requested = tracker.get_slot(REQUESTED_SLOT)
        value = tracker.get_slot(requested) if requested in BY_SLOT else None
        if value is None or requested not in tracker.slots_to_validate():
            return []
        turn = _turn(dispatcher, tracker)
        question = BY_SLOT[requested]
        picked = read_first(turn, question.readings) or choice(turn, question.choices)
        if picked == "stop":
            turn.say("intake.stopped")
            answer: Answer = {requested: None, "intake_stopped": True}
        elif picked == "why":
            turn.say(f"intake.why.{requested}")
            answer = {requested: None}
        elif picked == "skip":
            answer = {requested: SKIPPED}
        elif picked is None and unusual_kind(turn) not in (None, *ANSWER_KINDS):
            # An emoji or a mash answers nothing: a word of patience, and the question again.
            turn.say("checkin.in_form")
            answer = {requested: None}
        elif picked is None and answered_aside(turn, requested):
            answer = {requested: None}
        elif picked is None and note_aside(turn, requested):
            answer = {requested: None}
        else:
            answer = question.check(turn, requested, picked)
        return [*turn.events, *[SlotSet(slot, value) for slot, value in answer.items()]]
