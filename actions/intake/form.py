"""Checking each intake answer: controls (stop, why, skip) first, then the answer itself.

A question answered with something unusable is asked again with the reason; "why" explains
and asks again; "stop" ends the form keeping every answer, so it can be resumed later.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from actions.check_in import unusual_kind
from actions.facts_in_message import age, platforms
from actions.guidance import SITUATION_INTENT_PREFIX, SITUATIONS
from actions.intake.answers import choice, text
from actions.intake.questions import BY_SLOT, DONE, SKIPPED
from actions.language import conversation_language
from actions.reply import Turn
from actions.safety import minor_route
from bot.cases.contact import email_in, looks_like_email, phone_in
from bot.cases.links import links_in, without_links
from content.knowledge.facts import ADULT_AGE
from vocabulary.parse_keys import ANSWER_KINDS

MAX_LINKS = 20
MAX_PLACE_CHARS = 100
MAX_FOUND_CHARS = 200

Answer = Dict[str, Any]
Checker = Callable[[Turn, str | None], Answer]


def _turn(dispatcher: CollectingDispatcher, tracker: Tracker) -> Turn:
    return Turn(dispatcher, tracker, conversation_language(tracker))


def _situation(turn: Turn, picked: str | None) -> Answer:
    if picked in SITUATIONS:
        return {"intake_situation": picked}
    intent = turn.intent or ""
    if intent.startswith(SITUATION_INTENT_PREFIX) and intent.removeprefix(SITUATION_INTENT_PREFIX) in SITUATIONS:
        return {"intake_situation": intent.removeprefix(SITUATION_INTENT_PREFIX)}
    if turn.situation:
        return {"intake_situation": turn.situation}
    turn.say("intake.not_understood")
    return {"intake_situation": None}


def _where(turn: Turn, picked: str | None) -> Answer:
    urls: List[str] = list(turn.slot("intake_urls") or [])
    places: List[str] = list(turn.slot("intake_places") or [])
    if picked == DONE:
        return {"intake_where": DONE if urls or places else SKIPPED}
    message = text(turn)
    found = links_in(message)
    noted = []
    for link in found:
        if link.url is None:
            turn.say(f"intake.link.problem.{link.problem}", given=link.given)
        elif link.url not in urls and len(urls) < MAX_LINKS:
            urls.append(link.url)
            noted.append(link.url)
    if noted:
        turn.say("intake.link.noted", links="\n".join(noted))
    named = platforms(turn.tracker) if found else [without_links(message)]
    for place in (p[:MAX_PLACE_CHARS] for p in named if p):
        if place not in places:
            places.append(place)
            turn.say("intake.place.noted", place=place)
    finished = len(urls) >= MAX_LINKS
    return {"intake_where": DONE if finished else None, "intake_urls": urls, "intake_places": places}


def _found(turn: Turn, picked: str | None) -> Answer:
    if picked:
        return {"intake_found": picked}
    return {"intake_found": text(turn)[:MAX_FOUND_CHARS] or None}


def _choice_only(slot: str) -> Checker:
    def check(turn: Turn, picked: str | None) -> Answer:
        if picked:
            return {slot: picked}
        turn.say("intake.not_understood")
        return {slot: None}

    return check


def _minor(turn: Turn, picked: str | None) -> Answer:
    told = age(turn.tracker)
    if picked is None and told is not None:
        picked = "yes" if told < ADULT_AGE else "no"
    if picked == "yes" and not turn.is_minor:
        minor_route(turn)
        return {"intake_minor": "yes", "is_minor": True}
    return _choice_only("intake_minor")(turn, picked)


def _contact(turn: Turn, picked: str | None) -> Answer:
    message = text(turn)
    email = email_in(message)
    if email:
        return {"intake_contact": "email", "intake_contact_detail": email}
    phone = phone_in(message)
    if phone and picked is None:
        return {"intake_contact": "phone", "intake_contact_detail": phone}
    return _choice_only("intake_contact")(turn, picked)


def _contact_detail(turn: Turn, picked: str | None) -> Answer:
    message = text(turn)
    wanted = turn.slot("intake_contact")
    detail = email_in(message) if wanted == "email" else phone_in(message)
    if detail:
        return {"intake_contact_detail": detail}
    if wanted == "email" or looks_like_email(message):
        turn.say("intake.contact.invalid_email")
    else:
        turn.say("intake.contact.invalid_phone")
    return {"intake_contact_detail": None}


CHECKERS: Dict[str, Checker] = {
    "intake_situation": _situation,
    "intake_where": _where,
    "intake_found": _found,
    "intake_ongoing": _choice_only("intake_ongoing"),
    "intake_subject": _choice_only("intake_subject"),
    "intake_minor": _minor,
    "intake_consent": _choice_only("intake_consent"),
    "intake_contact": _contact,
    "intake_contact_detail": _contact_detail,
}


class ValidateIntakeForm(FormValidationAction):
    def name(self) -> str:
        return "validate_intake_form"

    async def required_slots(
        self, domain_slots: List[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[str]:
        """Consent only when there are links; a contact detail only when email or phone was chosen."""
        needed = list(domain_slots)
        if not tracker.get_slot("intake_urls"):
            needed.remove("intake_consent")
        if tracker.get_slot("intake_contact") not in ("email", "phone"):
            needed.remove("intake_contact_detail")
        return needed

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
        value = tracker.get_slot(requested) if requested in CHECKERS else None
        if value is None or requested not in tracker.slots_to_validate():
            return []
        turn = _turn(dispatcher, tracker)
        picked = choice(turn, BY_SLOT[requested].choices)
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
        else:
            answer = CHECKERS[requested](turn, picked)
        return [*turn.events, *[SlotSet(slot, value) for slot, value in answer.items()]]
