"""The base of every Relais action: one turn (`actions/turn.py`), answered in the conversation language.

What every action does around its own answer happens here: the language and the country kept up to date, a form
interrupted, the line a message's words call for first (`actions/first_line.py`), a crisis kept in mind, and the
report's summary kept pending.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.danger import SLOT as DANGER_SLOT
from actions.despair import EASED_SLOT, despairs, says_cannot_call
from actions.facts_in_message import SOMEONE_ELSE_SLOT, about_someone_else
from actions.first_line import CANNOT_CALL_LINE, answers_after, first_line, in_danger
from actions.handoff_lapse import tell_if_lapsed
from actions.jurisdiction import COUNTRY_QUESTION, country_in_message, country_slot
from actions.language import CHOSEN_SLOT, conversation_language, explicit_choice
from actions.menu import HUMAN, NOT_NOW, SEND, Button
from actions.seen import erases_in_danger
from actions.turn import Turn, about_them
from content.knowledge import CONTACTS

__all__ = ["Button", "RelaisAction", "Turn", "about_them", "fixed_reply", "keep_crisis_in_mind", "keep_report_pending"]


def keep_crisis_in_mind(turn: Turn) -> None:
    """Once a crisis was said, every answer offers the crisis line and a person again.

    The line is the crisis line of the person's country (`<country>.crisis` in the knowledge
    base); without one, the text points back to the lines given with the crisis message. Outside
    opening hours, and while the person already waits for someone (`handoff_state` waiting), the
    reminder offers no person (`crisis.reminder.closed`: the line alone). When
    the answer ends with a yes/no question (`offer`), the reminder goes just before it, so the
    question stays the last thing said; otherwise (the country question is no yes/no question) it comes
    last and a yes asks for the person.
    """
    line = CONTACTS.get(f"{turn.country}.crisis") if turn.country else None
    question_pending = turn.slot("offer") not in (None, COUNTRY_QUESTION)
    offers_person = turn.team_open and turn.slot("handoff_state") != "waiting"
    alone = "" if offers_person else ".closed"
    buttons = (HUMAN,) if offers_person else ()
    if line is not None:
        turn.say(f"crisis.reminder{alone}", buttons, line=line.value)
    else:
        turn.say(f"crisis.reminder.unknown{alone}", buttons)
    messages = turn.dispatcher.messages
    if question_pending and len(messages) >= 2:
        messages.insert(-1, messages.pop())
    elif offers_person:
        turn.set("offer", "human")


def keep_report_pending(turn: Turn) -> None:
    """The report's summary was waiting for its answer and this turn gave none: the report is not
    sent, and the question is asked again (`intake.summary.unsent`), so a later yes still sends it.

    Said last but for the crisis reminder, which `keep_crisis_in_mind` places before it.
    """
    turn.set("offer", "submit")
    turn.say("intake.summary.unsent", (SEND, NOT_NOW))


class RelaisAction(Action, ABC):
    """An action that answers in the conversation language and keeps language and country up to date.

    A yes/no question is answerable only on the next turn (`offer` is cleared otherwise), and an
    action that runs while a form is open has interrupted it: the form closes, keeping its answers.
    A language the person asks for is remembered (`chosen_language`), and so is a message telling what happened
    to someone else ("ma fille", "my son": `SOMEONE_ELSE_SLOT`). After a crisis message
    (`in_crisis`), every answer gives the crisis line again, with the priority handoff unless the person
    already waits for someone (`keep_crisis_in_mind`), except when a form follows, the person has just
    joined the queue or has said they are safe after all (`crisis_eased`).
    A person whose request for a person lapsed while the chat was quiet hears so first (`tell_if_lapsed`).
    Some words are answered first, whatever the action (`actions/first_line.py`): a danger now, a crisis line one
    cannot call, parents who must not know, a self-blame, a blackmailer's money; said once, and sometimes the whole
    answer. A person in danger who moves on to something else right after hears that the numbers come first if the
    danger comes back (`danger.check`).
    While the report's summary awaits its answer (`offer` is "submit"), only the actions that answer it
    (`answers_summary`: yes, no, crisis, erasing, a person) may drop it; any other keeps it pending and
    says it is not sent yet (`keep_report_pending`); words that say to send it send it (`_sends_summary`), and a
    correction, a link or an account's handle given then changes the report instead of the action's answer, and the
    summary is shown again (`_adds_to_summary`).
    """

    interrupts_forms = True
    answers_summary = False
    """Whether this action, run at the report's summary, is itself an answer to "shall I send it?"."""
    recalls_crisis = True
    """Whether a crisis said earlier is recalled at the end; False for the action that says the crisis line itself."""
    parents_line_first = True
    """Whether the parents' line (`first_line.PARENTS_LINE`) comes before the answer; the crisis action says it after
    the crisis line, never before."""
    tells_lapse = True
    """Whether the answer starts with the lapsed request's line (asking for a person again says more)."""

    @abstractmethod
    def respond(self, turn: Turn) -> None:
        """Say what this action says; record slot changes with `turn.set`."""

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        turn = Turn(dispatcher, tracker, conversation_language(tracker))
        turn.set("language", turn.language)
        chosen = explicit_choice(tracker)
        if chosen:
            turn.set(CHOSEN_SLOT, chosen)
        if self.interrupts_forms:
            turn.set("offer", None)
        if tracker.get_slot("journey_given"):  # said on the turn before only (`actions/guidance.py`)
            turn.set("journey_given", None)
        mentioned = country_in_message(tracker) or country_slot(tracker)
        if mentioned != tracker.get_slot("country"):
            turn.set("country", mentioned)
        if about_someone_else(tracker) and not tracker.get_slot(SOMEONE_ELSE_SLOT):
            turn.set(SOMEONE_ELSE_SLOT, True)
        interrupted = self.interrupts_forms and bool((tracker.active_loop or {}).get("name"))
        if self.tells_lapse:
            tell_if_lapsed(turn)
        holds_summary = self.interrupts_forms and not self.answers_summary and tracker.get_slot("offer") == "submit"
        sent = holds_summary and _sends_summary(turn)
        # not being able to call in a danger told before is that danger still ("i cant call, he'd hear me"); erasing in
        # a hurry in it, or as someone arrives ("he's coming, delete this"), is a danger too
        danger = in_danger(turn) or erases_in_danger(tracker) or (
            bool(tracker.get_slot(DANGER_SLOT)) and says_cannot_call(tracker)
        )
        left_danger = not danger and bool(tracker.get_slot(DANGER_SLOT)) and moves_on(turn)
        if danger and not tracker.get_slot(DANGER_SLOT):
            turn.set(DANGER_SLOT, True)
        elif left_danger:
            turn.set(DANGER_SLOT, False)
        line = None
        if not (sent or (holds_summary and _adds_to_summary(turn))):
            if left_danger:
                turn.say("danger.check")
            line = first_line(turn, parents_line=self.parents_line_first)
            if line is not None:
                line.say(turn)
            if answers_after(line, turn):
                self.respond(turn)
            hint_at_despair(turn)
        if holds_summary and not sent and turn.slot("offer") != "submit":
            keep_report_pending(turn)
        just_queued = turn.changes.get("handoff_state") == "waiting"
        recalls = self.interrupts_forms and self.recalls_crisis
        if recalls and tracker.get_slot("in_crisis") and not turn.slot(EASED_SLOT):
            if not (turn.follow_up or just_queued or line is CANNOT_CALL_LINE):
                keep_crisis_in_mind(turn)
        if interrupted:
            return [ActiveLoop(None), SlotSet("requested_slot", None), *turn.events]
        return turn.events


CRISIS_HINT = "support.crisis_hint"


def hint_at_despair(turn: Turn) -> None:
    """Words of despair beside another answer ("i paid him already but i can't take this anymore") get the gentle
    question about ending one's life after it (`CRISIS_HINT`), unless this turn said it, a crisis is in mind, or the
    danger of someone else is the answer; an answer that says only a danger's numbers needs no more."""
    if not despairs(turn.tracker) or turn.slot("in_crisis") or turn.slot(DANGER_SLOT):
        return
    if not turn.has_said(CRISIS_HINT, f"{CRISIS_HINT}.other"):
        turn.say(about_them(turn, CRISIS_HINT))


MOVING_ON = ("describe_", "ask_")
"""Intents of a story or a question: a message of one of them, with no words of danger, moves on from a danger
told before. An "ok", a goodbye, a message not understood or out of scope never does."""


def moves_on(turn: Turn) -> bool:
    """Whether the latest message is a story or a question of its own (`MOVING_ON`), not a reply to the danger."""
    return (turn.intent or "").startswith(MOVING_ON)


def _sends_summary(turn: Turn) -> bool:
    """Words that say to send the report at its summary send it (`actions/intake/corrections.py`)."""
    from actions.intake.corrections import send_if_asked  # the intake's modules import this one

    return send_if_asked(turn)


def _adds_to_summary(turn: Turn) -> bool:
    """A correction said at the summary ("the pics are of my friend, not me", "아니 아직 계속 올라와요"), or a link or
    an account's handle given or taken out, changes the report, whatever the classifier made of the message
    (`actions/intake/corrections.py`); False when the message changes nothing."""
    from actions.intake.corrections import correct_summary  # the intake's modules import this one

    return correct_summary(turn)


def fixed_reply(action_name: str, key: str, buttons: Sequence[Button] = ()) -> type:
    """An action class that always says one message; rasa-sdk registers it like any other."""

    def name(self: RelaisAction) -> str:
        return action_name

    def respond(self: RelaisAction, turn: Turn) -> None:
        turn.say(key, buttons)

    class_name = "".join(part.title() for part in action_name.split("_"))
    return type(class_name, (RelaisAction,), {"name": name, "respond": respond, "__module__": __name__})
