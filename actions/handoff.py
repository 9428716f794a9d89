"""Asking for a person, and keeping a held conversation paused across sessions.

During opening hours the person joins the queue and hears, honestly, what happens next and a
cautious wait; outside them, the bot says so and keeps or prepares the case. The analyst's side
(claim, pause, replies, hand back) lives in bot/staff.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ConversationPaused, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.availability import next_opening, team_open
from actions.intake.flow import offer_intake
from actions.menu import MAIN_MENU
from actions.reply import Button, RelaisAction, Turn
from actions.safety import helplines
from bot.settings import load
from bot.staff import queue
from bot.staff.expiry import LAPSED
from bot.storage.db import session
from content.knowledge.formatting import wait

CANCEL = "cancel"
CANCEL_BUTTON: Button = ("handoff.button.cancel", f'/request_human{{"intake_choice": "{CANCEL}"}}')
"""No intent of its own: the request intent with a choice, so the rules need nothing new."""


def _wants_cancel(turn: Turn) -> bool:
    entities = (turn.tracker.latest_message or {}).get("entities") or []
    return any(e.get("entity") == "intake_choice" and e.get("value") == CANCEL for e in entities)


def _flags(turn: Turn) -> queue.Flags:
    return queue.Flags(bool(turn.slot("in_crisis")), turn.is_minor, turn.situation == "sextortion")


def _cancel(turn: Turn) -> None:
    with session() as db:
        cancelled = queue.cancel(db, turn.tracker.sender_id)
    if cancelled is None:
        if turn.slot("handoff_state") in ("waiting", LAPSED):  # the request lapsed (bot/staff/expiry.py)
            turn.set("handoff_state", "none")
        turn.say("handoff.nothing_waiting", MAIN_MENU)
        return
    turn.set("handoff_state", "none")
    turn.say("handoff.cancelled", MAIN_MENU)


def _tell_wait(turn: Turn, already: bool, ahead: int) -> None:
    """What happens next, and a cautious wait counted over the people ahead an analyst can reach and still serve
    (`queue.ahead_of`: not those who left the web chat more than RELAIS_HANDOFF_LEFT_MINUTES ago)."""
    turn.say("handoff.waiting.again" if already else "handoff.waiting")
    if ahead:
        estimate = wait(ahead * queue.AVERAGE_MINUTES_PER_PERSON, turn.language)
        turn.say("handoff.wait.ahead", (CANCEL_BUTTON,), people=ahead, wait=estimate)
    else:
        turn.say("handoff.wait.next", (CANCEL_BUTTON,))


def _join_queue(turn: Turn) -> None:
    sender = turn.tracker.sender_id
    channel = turn.tracker.get_latest_input_channel() or "rest"
    with session() as db:
        already = queue.open_handoff(db, sender) is not None
        handoff = queue.request(db, sender, channel, turn.language, _flags(turn))
        ahead = queue.ahead_of(db, handoff, load().handoff_left_minutes * 60)
    turn.set("handoff_state", "waiting")
    if queue.reachable(channel):
        _tell_wait(turn, already, ahead)
    else:  # the request is kept for the team, but no analyst's message can reach this channel: no wait is promised
        turn.say("handoff.unreachable", (CANCEL_BUTTON,))
    if not turn.slot("case_ref"):
        offer_intake(turn, "intake.offer.human")


def _closed(turn: Turn) -> None:
    turn.say("handoff.closed_hours")
    opening = next_opening(turn.country, turn.language)
    if opening is not None:
        when, zone = opening
        turn.say("handoff.next_open", when=when, zone=zone)
    reference = turn.slot("case_ref")
    if reference:
        turn.say("handoff.closed.case", reference=reference)
    helplines(turn)
    if not reference:
        offer_intake(turn, "handoff.closed.offer")


def request_human(turn: Turn) -> None:
    """Join the queue during opening hours; outside them, say so and give the helplines."""
    if team_open():
        _join_queue(turn)
    else:
        _closed(turn)


class ActionRequestHuman(RelaisAction):
    tells_lapse = False
    """Asking again joins the queue anew, and cancelling a lapsed request says there is nothing waiting."""

    answers_summary = True  # the person will see the draft with the team

    def name(self) -> str:
        return "action_request_human"

    def respond(self, turn: Turn) -> None:
        if _wants_cancel(turn):
            _cancel(turn)
            return
        request_human(turn)


class ActionSessionStart(Action):
    """A new session must not silently hand a held conversation back to the bot (checked with Rasa 3.6.21).

    Rasa's `SessionStarted` un-pauses; while the queue says an analyst holds this conversation, the
    new session is paused again, so the victim's messages keep reaching the analyst only.
    """

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        events: List[EventType] = [SessionStarted()]
        if (domain.get("session_config") or {}).get("carry_over_slots_to_new_session", True):
            events += [SlotSet(name, value) for name, value in tracker.slots.items() if value is not None]
        with session() as db:
            if queue.held(db, tracker.sender_id):
                events.append(ConversationPaused())
        return [*events, ActionExecuted("action_listen")]
