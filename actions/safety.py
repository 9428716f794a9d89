"""Crisis first, the child-protection route, and emotional support.

The crisis line is the very first thing said after a crisis message, before any other
text, in every jurisdiction; the country decides the line. Only while the country is unknown does
the language decide the order: the crisis lines and the child route start with the country of the
language the person writes in (`LANGUAGE_COUNTRY`), with its own emergency number, and the child
route moves to the person's country as soon as they give it.
"""

from __future__ import annotations

import re
from pathlib import Path

from rasa_sdk import Tracker

from actions.danger import in_danger_now
from actions.despair import EASED_SLOT, despairs, harm_done, harm_done_key
from actions.facts_in_message import (
    adult_now,
    adult_told,
    age,
    folded_text,
    keeps_from_parents,
    latest_text,
    message_says,
    speaks_of_minor,
    told_by_someone_else,
)
from actions.first_line import keeps_it_from_parents, tell_parents_not_told
from actions.jurisdiction import ASK_BUTTONS, OTHER, likely_jurisdiction
from actions.menu import HUMAN, MAIN_MENU, SUPPORT
from actions.reply import RelaisAction, Turn, about_them
from actions.threat import threat_in_message, warn_of_threat
from bot.components.crisis_patterns import tells_of_someone_elses_crisis, wishes_removal
from bot.staff import queue
from bot.storage.db import session
from content.texts import has

AFTER_SUPPORT = (HUMAN, *[button for button in MAIN_MENU if button not in (HUMAN, SUPPORT)])
SUPPORT_TOPIC = "support"
"""The journey of who to talk to, remembered while the country is asked."""
WHILE_WAITING = tuple(button for button in AFTER_SUPPORT if button != HUMAN)
"""The choices after a crisis said while the person already waits for someone: the rest of the menu."""


CRISIS_SELF_CUES = Path(__file__).with_name("crisis_self_cues.yml")


def crisis_key(turn: Turn) -> str:
    """`crisis.<country>`, else `crisis.unknown`; `.other` when the message tells of someone else's wish to die or to
    harm themselves, and not the writer's own ("shes saying she wants to kill herself": `crisis_someone_else.yml`)."""
    specific = f"crisis.{turn.country}"
    key = specific if turn.country and has(turn.language, specific) else "crisis.unknown"
    return f"{key}.other" if crisis_of_someone_else(turn.tracker) and has(turn.language, f"{key}.other") else key


def crisis_of_someone_else(tracker: Tracker) -> bool:
    """Whether the latest typed message tells of someone else's wish to die or to harm themselves, not the writer's."""
    text = latest_text(tracker)
    if text.startswith("/"):
        return False
    return tells_of_someone_elses_crisis(text) and not message_says(tracker, CRISIS_SELF_CUES)


def helplines(turn: Turn) -> None:
    """Who to talk to where the person lives; without a country, offer to ask, never insist, and give them as soon
    as the country comes (`pending_topic` "support", resumed by `actions/guidance.py`)."""
    if turn.jurisdiction is None:
        turn.set("pending_topic", SUPPORT_TOPIC)
        turn.say("support.which_country", ASK_BUTTONS)
        return
    if not turn.has_said(turn.local_key("support")):  # "who do i call?" has them said first
        turn.say(turn.local_key("support"))


def child_route_jurisdiction(country: str | None, language: str) -> str:
    """Whose child services to give: the country's, else the language's country, else `other`."""
    return likely_jurisdiction(country, language) or OTHER


def minor_route(turn: Turn) -> None:
    """The child-protection route; a parent or a friend telling it hears about "the person", not "you".

    A minor facing sextortion, or whose message tells a threat or a demand beside a deepfake or another
    story, hears not to pay or send anything more, unless this very turn said it already (`warn_of_threat`).
    Without a country, the services are those of the language's country. A young person who does not want
    their parents to know hears that the trusted adult need not be a parent (`keeps_from_parents`); one who is an
    adult now ("filmed when I was 15… I'm 19 now": `adult_now`) is not told to find one.
    """
    turn.set("is_minor", True)
    someone_else = told_by_someone_else(turn.tracker)
    turn.say("minor.intro.other" if someone_else else "minor.intro")
    warn_of_threat(turn, child=True)
    if not someone_else and not adult_now(turn.tracker):  # a parent or a teacher writing is that trusted adult
        turn.say("minor.trusted_adult.not_parents" if keeps_from_parents(turn.tracker) else "minor.trusted_adult")
    turn.say("minor.never_save")
    turn.say("minor.take_it_down")
    turn.say(f"minor.{child_route_jurisdiction(turn.country, turn.language)}")


def child_route_for_new_country(turn: Turn) -> None:
    """Once a minor gives their country, the child services of that country, if not given already."""
    before = turn.tracker.get_slot("country")
    if not turn.tracker.get_slot("is_minor") or turn.country == before:
        return
    now = child_route_jurisdiction(turn.country, turn.language)
    if now != child_route_jurisdiction(before, turn.language):
        turn.say(f"minor.{now}")


def minor_in_message(turn: Turn) -> None:
    """Take the child-protection route if this message says a minor is involved and it is not taken yet."""
    if not turn.is_minor and speaks_of_minor(turn.tracker):
        minor_route(turn)


WAITING_FOR_A_PERSON = ("waiting", "human")
"""`handoff_state` values with an open handoff, whose priority a crisis raises (queue.escalate)."""
HELD = "human"
"""`handoff_state` while an analyst holds the conversation."""


class ActionCrisis(RelaisAction):
    recalls_crisis = False
    """It says the crisis line itself."""
    parents_line_first = False
    """The crisis line comes first; the parents' line after it."""

    answers_summary = True  # the crisis comes first; the report waits in the draft

    def name(self) -> str:
        return "action_crisis"

    def respond(self, turn: Turn) -> None:
        turn.set("in_crisis", True)
        turn.set(EASED_SLOT, False)
        queued = None
        if turn.slot("handoff_state") in WAITING_FOR_A_PERSON:
            with session() as db:
                queued = queue.escalate(db, turn.tracker.sender_id, queue.Flags(in_crisis=True))
        turn.say(crisis_key(turn))
        if harm_done(turn.tracker):  # "i just took a bunch of pills": medical help now, even feeling fine
            turn.say(harm_done_key(turn.jurisdiction))
        if keeps_it_from_parents(turn.tracker):  # after the line, never before it
            tell_parents_not_told(turn)
        if threat_in_message(turn) and not in_danger_now(turn.tracker):
            # "he'll post my video unless i pay. i just want to disappear": the line first, then the blackmail's steps
            warn_of_threat(turn, child=turn.is_minor)
        if turn.slot("handoff_state") == HELD:
            # Run by the console while an analyst holds the conversation (bot/staff/watch.py): the person is
            # not offered what they already have, and no button would be read while the assistant is paused.
            turn.say("crisis.held")
            return
        if not turn.team_open:  # nobody can join now: the lines above are the help, day and night
            turn.say("crisis.then.closed", AFTER_SUPPORT)
            return
        if queued is not None and queue.reachable(queued.channel):  # already in the queue, now first (escalate)
            turn.say("crisis.waiting", WHILE_WAITING)
            return
        turn.set("offer", "human")
        turn.say("crisis.then", AFTER_SUPPORT)


class ActionSupport(RelaisAction):
    def name(self) -> str:
        return "action_support"

    def respond(self, turn: Turn) -> None:
        if wishes_removal(latest_text(turn.tracker)) and not despairs(turn.tracker):
            # "경찰은 싫어 그냥 지우기만 하고 싶어" read as distress: the wish is the removal, and its steps answer it
            from actions.guidance import guide  # the guidance imports this module

            guide(turn, "removal")
            return
        from actions.help_question import answer_what_to_do, asks_what_to_do  # they import this module's importers

        if turn.situation and asks_what_to_do(turn.tracker) and not despairs(turn.tracker):
            # "i'm fine, he isn't here right now, i just want to know my options" read as distress: the steps
            answer_what_to_do(turn)
            return
        turn.say(about_them(turn, "support.kind"))
        minor_in_message(turn)
        helplines(turn)
        if turn.slot("in_crisis"):
            return  # after a crisis message, the reply ends with the line itself (keep_crisis_in_mind)
        if in_danger_now(turn.tracker):
            # afraid of someone, not of oneself: the emergency numbers said first are the answer, no suicide prompt
            turn.say("next.prompt", AFTER_SUPPORT)
        else:
            turn.say(about_them(turn, "support.crisis_hint"), AFTER_SUPPORT)


PHONE_NUMBER = re.compile(
    r"\b(call(ed|ing)?|dial(l?ed)?|rang|phoned|appel\w*|compose\w*|numero|number)\b\D{0,12}\d"
    r"|(전화|번호)\D{0,8}\d|\d\s?번?(에|으로|로)\s?(전화|연락|신고)"
)
"""A number that follows words of calling ("i called 17", "j'ai appelé le 17", "112에 전화", "전화 112"): a phone
number, never an age."""


def _number_no_age(turn: Turn) -> bool:
    """The message holds a phone number (`PHONE_NUMBER`: "i called 17 they're coming") and no age or word of a
    minor: the classifier read the number as an age, and the child route would be a misreading."""
    text = folded_text(turn.tracker)
    return bool(PHONE_NUMBER.search(text)) and age(turn.tracker) is None and not speaks_of_minor(turn.tracker)


class ActionMinor(RelaisAction):
    """The child-protection route the classifier asked for (`report_minor`), unless the person said they, or the
    one they write about, are an adult and nothing says they were a minor when the images were made
    (`adult_told`): "tout le lycée les a vues, j'ai 19 ans" is an adult's story, followed as a story is, with the
    question it asks answered (`follow_story`). Once the route was given, an age told again ("g 13 ans") is
    thanked (`minor.again`), never answered with the whole route again. A phone number, with no age or word of a
    minor ("i called 17 they're coming"), is no child's story (`_number_no_age`): answered as a message not
    understood is."""

    def name(self) -> str:
        return "action_minor"

    def respond(self, turn: Turn) -> None:
        # Imported here: guidance takes the child route itself (minor_in_message), so it imports this module.
        from actions.guidance import acknowledge, situation_in_message
        from actions.situation import follow_story

        told = situation_in_message(turn) if turn.situation is None else None
        if not turn.is_minor and adult_told(turn.tracker):
            follow_story(turn, told)
            return
        if not turn.is_minor and _number_no_age(turn):
            from actions.conversation import ActionClarify

            ActionClarify().respond(turn)
            return
        if told:
            acknowledge(turn, told)
        if turn.is_minor and not told:  # "g 13 ans" after the child route: heard, not the whole route again
            turn.say(about_them(turn, "minor.again"))
            if threat_in_message(turn):
                warn_of_threat(turn, child=True)
        else:
            minor_route(turn)
        if turn.jurisdiction is None:
            turn.say("minor.which_country")
        turn.say("next.prompt", AFTER_SUPPORT)
