"""The base of every Relais action: one turn, answered in the conversation language.

Building the wire format of a bot message (text plus buttons) happens only here, and so
does reading the facts every journey needs (language, country, situation, age).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Dict, List, Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.availability import team_open
from actions.danger import CALLED, called_for_help, in_danger_now
from actions.danger import SLOT as DANGER_SLOT
from actions.despair import CANNOT_CALL, cannot_call
from actions.facts_in_message import (
    SOMEONE_ELSE_SLOT,
    about_someone_else,
    asks_if_police_tell_parents,
    keeps_from_parents,
    told_by_someone_else,
)
from actions.found_out import NOT_TOLD, asks_if_school_or_work_told
from actions.handoff_lapse import tell_if_lapsed
from actions.helplines import asks_who_to_call
from actions.jurisdiction import (
    COUNTRY_QUESTION,
    OTHER,
    country_in_message,
    country_slot,
    jurisdiction,
    likely_jurisdiction,
)
from actions.language import CHOSEN_SLOT, conversation_language, explicit_choice
from actions.menu import HUMAN, MAIN_MENU, NOT_NOW, SEND, Button
from actions.message_parts import message
from actions.payment import (
    BLOCK_THREAT,
    BLOCKED,
    DONT_PAY,
    NO_CONTACT,
    PAID,
    asks_about_contact,
    asks_whether_to_pay,
    blocked_already,
    fears_block_threat,
    paid_already,
)
from actions.police_refused import police_refused, police_refused_key
from actions.removal_time import asks_removal_time, removal_time_key
from actions.self_blame import NOT_YOUR_FAULT, blames_self
from actions.unknown_author import UNKNOWN_AUTHOR, author_unknown
from content.knowledge import CONTACTS
from content.texts import has, render

__all__ = ["Button", "RelaisAction", "Turn", "about_them", "fixed_reply", "keep_crisis_in_mind", "keep_report_pending"]


@dataclass
class Turn:
    """What an action knows and can say during one turn; slot changes are visible at once."""

    dispatcher: CollectingDispatcher
    tracker: Tracker
    language: str
    changes: Dict[str, Any] = field(default_factory=dict)
    follow_up: str | None = None
    _team_open: bool | None = None

    @property
    def team_open(self) -> bool:
        """Whether a person from the hotline can answer now (read once per turn)."""
        if self._team_open is None:
            self._team_open = team_open()
        return self._team_open

    def slot(self, name: str) -> Any:
        return self.changes[name] if name in self.changes else self.tracker.get_slot(name)

    @property
    def country(self) -> str | None:
        value = self.slot("country")
        return str(value) if value else None

    @property
    def jurisdiction(self) -> str | None:
        return jurisdiction(self.country)

    @property
    def situation(self) -> str | None:
        value = self.slot("situation")
        return str(value) if value else None

    @property
    def is_minor(self) -> bool:
        return bool(self.slot("is_minor"))

    @property
    def intent(self) -> str | None:
        return ((self.tracker.latest_message or {}).get("intent") or {}).get("name")

    def ranked(self, intents: Sequence[str], min_confidence: float) -> str | None:
        """The best of `intents` in this message's intent ranking, if confident enough.

        A first message often mixes a story and a question ("my ex posted my nudes, is it a
        crime?"); the runner-up intent tells the other half.
        """
        ranking = (self.tracker.latest_message or {}).get("intent_ranking") or []
        for candidate in ranking:
            if candidate.get("name") in intents and candidate.get("confidence", 0) >= min_confidence:
                return str(candidate["name"])
        return None

    def local_key(self, prefix: str) -> str:
        """`prefix.<jurisdiction>` (`prefix.FR`, `prefix.CA`...), or `prefix.other` for any other country."""
        return f"{prefix}.{self.jurisdiction or OTHER}"

    def text(self, key: str, **params: Any) -> str:
        return render(self.language, key, **params)

    def say(self, key: str, buttons: Sequence[Button] = (), **params: Any) -> None:
        """Say `key` with `buttons`; outside opening hours, "talk to a person" is not among them (nobody is there)."""
        if HUMAN in buttons and not self.team_open:
            buttons = [button for button in buttons if button != HUMAN]
        self.dispatcher.utter_message(
            buttons=[{"title": self.text(title), "payload": payload} for title, payload in buttons],
            **message(self.language, key, params),
        )

    def has_said(self, *keys: str) -> bool:
        """Whether this turn already said one of `keys` (its text, in the turn's language, without parameters)."""
        texts = {message(self.language, key, {})["text"] for key in keys}
        return any(sent.get("text") in texts for sent in self.dispatcher.messages)

    def set(self, slot: str, value: Any) -> None:
        self.changes[slot] = value

    def then(self, action: str) -> None:
        """Run `action` (a form, typically) right after this one, in the same turn."""
        self.follow_up = action

    @property
    def events(self) -> List[EventType]:
        events: List[EventType] = [SlotSet(name, value) for name, value in self.changes.items()]
        return events + ([FollowupAction(self.follow_up)] if self.follow_up else [])


def about_them(turn: Turn, key: str) -> str:
    """`key`, or its `.other` wording ("it is not their fault") when the person writes about someone else
    (`told_by_someone_else`) and the catalogs have one."""
    other = f"{key}.other"
    return other if has(turn.language, other) and told_by_someone_else(turn.tracker) else key


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
    already waits for someone (`keep_crisis_in_mind`), except when a form follows or the person has just
    joined the queue.
    A person whose request for a person lapsed while the chat was quiet hears so first (`tell_if_lapsed`).
    A person in danger right now (`in_danger_now`) hears first how to get help at once (`danger_key`), and, moving
    on to something else right after, that the numbers come first if the danger comes back (`danger.check`); told
    that the police are called or coming, to stay safe until they come (`danger.called`), and nothing more unless
    the message asks for a person, erasing or tells a crisis (`ANSWERED_WHEN_CALLED`). After a crisis message, one
    who cannot call hears there is no need to, and the lines that can be written to (`actions/despair.py`). One who
    blames themself hears first that it is not their fault (`actions/self_blame.py`), and nothing more unless the
    message asks a question or tells a story not heard yet; so does one who asks how long removal takes
    (`actions/removal_time.py`), or says they do not know who did it (`actions/unknown_author.py`). One told by the
    police that nothing can be done hears what still can be (`actions/police_refused.py`), never the list of where
    to report again.
    A person who asks that their parents not know hears first that nothing here reaches them
    (`parents.not_told`; asked about the police too, that what the police do is not ours to promise:
    `parents.police`), whatever else the answer says; one who asks whether their school or work will find out,
    that nothing here reaches them (`actions/found_out.py`). A person blackmailed who tells of money already paid
    ("can we get the money back?") hears first what to do now (`actions/payment.py`), and one who asks whether to
    pay ("should I send it?") hears no at once, and one whose blackmailer keeps calling ("차단해도 돼요?") hears to stop
    all contact, keep a record, then block; never the sextortion's steps again. A person who asks who to call
    hears first the lines of their country (`actions/helplines.py`).
    While the report's summary awaits its answer (`offer` is "submit"), only the actions that answer it
    (`answers_summary`: yes, no, crisis, erasing, a person) may drop it; any other keeps it pending and
    says it is not sent yet (`keep_report_pending`); words that say to send it send it (`_sends_summary`), and a
    link or an account's handle given then is added to the report instead of the action's answer, and the
    summary shown again (`_adds_to_summary`).
    """

    interrupts_forms = True
    answers_summary = False
    """Whether this action, run at the report's summary, is itself an answer to "shall I send it?"."""
    recalls_crisis = True
    """Whether a crisis said earlier is recalled at the end; False for the action that says the crisis line itself."""
    parents_line_first = True
    """Whether the parents' line (`tell_parents_not_told`) comes before the answer; the crisis action says it after
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
        called = called_for_help(tracker)
        danger = in_danger_now(tracker) or called
        no_call = cannot_call(tracker) and not danger
        blames = blames_self(tracker, turn.intent) and not danger
        how_long = asks_removal_time(tracker) and not (danger or no_call)
        unknown = author_unknown(tracker) and not (danger or no_call or blames or how_long)
        refused = police_refused(tracker) and not (danger or no_call)
        left_danger = not danger and bool(tracker.get_slot(DANGER_SLOT)) and moves_on(turn)
        if danger and not tracker.get_slot(DANGER_SLOT):
            turn.set(DANGER_SLOT, True)
        elif left_danger:
            turn.set(DANGER_SLOT, False)
        if not (sent or (holds_summary and _adds_to_summary(turn))):
            if left_danger:
                turn.say("danger.check")
            if no_call:  # "i cant call anyone my parents will hear": no need to call comes first, parents or not
                turn.say(CANNOT_CALL)
            elif keeps_it_from_parents(tracker) and self.parents_line_first:
                # "if my parents find out they will kill me" is the fear of being found out: answered as such
                tell_parents_not_told(turn)
            elif called:
                turn.say(CALLED)
            elif danger:
                turn.say(danger_key(turn))
            elif refused:  # before the blame: "the officer said it was my fault" is the police's refusal
                turn.say(police_refused_key(turn.jurisdiction), MAIN_MENU)
            elif blames:
                turn.say(about_them(turn, NOT_YOUR_FAULT))
            elif how_long:
                turn.say(removal_time_key(turn.jurisdiction))
            elif unknown:
                turn.say(about_them(turn, UNKNOWN_AUTHOR))
            elif asks_if_school_or_work_told(tracker):
                turn.say(NOT_TOLD)
            elif paid_already(tracker) and tracker.get_slot("situation") == "sextortion":
                turn.say(about_them(turn, PAID))
            elif asks_whether_to_pay(tracker) and tracker.get_slot("situation") == "sextortion":
                turn.say(about_them(turn, DONT_PAY))
            elif fears_block_threat(tracker) and tracker.get_slot("situation") == "sextortion":
                turn.say(about_them(turn, BLOCK_THREAT))
            elif blocked_already(tracker) and tracker.get_slot("situation") == "sextortion":
                turn.say(about_them(turn, BLOCKED))
            elif asks_about_contact(tracker) and tracker.get_slot("situation") == "sextortion":
                turn.say(about_them(turn, NO_CONTACT))
            elif asks_who_to_call(tracker) and turn.jurisdiction is not None:
                turn.say(turn.local_key("support"))
            first_is_all = (blames or how_long or unknown) and _said_all(turn, feelings=unknown)
            refusal_is_all = refused and (turn.intent or "") not in STILL_ANSWERED_AFTER_A_REFUSAL
            if not (called or no_call or first_is_all or refusal_is_all) or turn.intent in ANSWERED_WHEN_CALLED:
                self.respond(turn)
        if holds_summary and not sent and turn.slot("offer") != "submit":
            keep_report_pending(turn)
        just_queued = turn.changes.get("handoff_state") == "waiting"
        if self.interrupts_forms and self.recalls_crisis and tracker.get_slot("in_crisis"):
            if not (turn.follow_up or just_queued or no_call):
                keep_crisis_in_mind(turn)
        if interrupted:
            return [ActiveLoop(None), SlotSet("requested_slot", None), *turn.events]
        return turn.events


ANSWERED_WHEN_CALLED = ("crisis", "request_human", "delete_my_data")
"""Intents still answered after `danger.called` or `crisis.cannot_call`: a wish to die, a person, erasing. Anything
else the message says ("i called the police, can i report the pics too?") waits: the person comes first."""

STILL_ANSWERED_AFTER_A_REFUSAL = ("ask_removal", "ask_evidence", "ask_offence")
"""Questions still answered after `report.police_refused`: removal, evidence, the law. Where else to report is the
refusal's own answer."""

SAYS_NOTHING_MORE = ("nlu_fallback", "inform", "out_of_scope", "affirm", "deny", "thank", "goodbye", "greet")
"""Intents that add nothing to an answer said first: what the classifier could not place, or small talk."""


def _said_all(turn: Turn, feelings: bool = False) -> bool:
    """Whether the line said first ("it is not your fault", how long removal takes, not knowing who did it) is the
    whole answer: the message asks nothing else (no question intent) and tells no story not heard yet; with
    `feelings`, a message read as distress adds nothing either ("누군지 몰라요" is no feeling to comfort)."""
    intent = turn.intent or ""
    if intent.startswith("describe_"):
        return turn.situation is not None
    return intent in SAYS_NOTHING_MORE or (feelings and intent == "express_distress")


MOVING_ON = ("describe_", "ask_")
"""Intents of a story or a question: a message of one of them, with no words of danger, moves on from a danger
told before. An "ok", a goodbye, a message not understood or out of scope never does."""


def moves_on(turn: Turn) -> bool:
    """Whether the latest message is a story or a question of its own (`MOVING_ON`), not a reply to the danger."""
    return (turn.intent or "").startswith(MOVING_ON)


def tell_parents_not_told(turn: Turn) -> None:
    """Nothing here reaches the person's parents (`parents.not_told`); asked about the police too, what the police
    do is not Relais' to promise (`parents.police`)."""
    turn.say("parents.police" if asks_if_police_tell_parents(turn.tracker) else "parents.not_told")


def danger_key(turn: Turn) -> str:
    """`danger.<jurisdiction>`: the emergency numbers of the country, else of the language's country (France for
    French, Korea for Korean), else `danger.other` (the numbers of several countries)."""
    place = likely_jurisdiction(turn.country, turn.language)
    key = f"danger.{place}"
    return key if place and has(turn.language, key) else "danger.other"


def keeps_it_from_parents(tracker: Tracker) -> bool:
    """The person asks that their own parents not know ("je veux pas que mes parents le sachent", "부모님 모르게",
    "if i report will my parents find out?"), and is not a parent or a friend writing about someone else."""
    return keeps_from_parents(tracker) and not told_by_someone_else(tracker)


def _sends_summary(turn: Turn) -> bool:
    """Words that say to send the report at its summary send it (`actions/intake/corrections.py`)."""
    from actions.intake.corrections import send_if_asked  # the intake's modules import this one

    return send_if_asked(turn)


def _adds_to_summary(turn: Turn) -> bool:
    """A link or an account's handle given at the summary joins the report, whatever the classifier made of
    the message (`actions/intake/corrections.py`); False when the message gives none."""
    from actions.intake.corrections import add_to_summary  # the intake's modules import this one

    return add_to_summary(turn)


def fixed_reply(action_name: str, key: str, buttons: Sequence[Button] = ()) -> type:
    """An action class that always says one message; rasa-sdk registers it like any other."""

    def name(self: RelaisAction) -> str:
        return action_name

    def respond(self: RelaisAction, turn: Turn) -> None:
        turn.say(key, buttons)

    class_name = "".join(part.title() for part in action_name.split("_"))
    return type(class_name, (RelaisAction,), {"name": name, "respond": respond, "__module__": __name__})
