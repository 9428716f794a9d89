"""Crisis first, the child-protection route, and emotional support (DESIGN section 6).

The crisis line is the very first thing said after a crisis message, before any other
text, in every jurisdiction; the country decides the line, never the language.
"""

from __future__ import annotations

from actions.facts_in_message import about_someone_else, speaks_of_minor
from actions.jurisdiction import ASK_BUTTONS
from actions.menu import HUMAN, MAIN_MENU, SUPPORT
from actions.reply import RelaisAction, Turn
from content.texts import has

AFTER_SUPPORT = (HUMAN, *[button for button in MAIN_MENU if button not in (HUMAN, SUPPORT)])


def crisis_key(turn: Turn) -> str:
    specific = f"crisis.{turn.country}"
    return specific if turn.country and has(turn.language, specific) else "crisis.unknown"


def helplines(turn: Turn) -> None:
    """Who to talk to where the person lives; without a country, offer to ask, never insist."""
    if turn.jurisdiction is None:
        turn.say("support.which_country", ASK_BUTTONS)
        return
    turn.say(turn.local_key("support"))


def minor_route(turn: Turn) -> None:
    """The child-protection route; a parent or a friend telling it hears about "the person", not "you"."""
    turn.set("is_minor", True)
    told_by_someone_else = about_someone_else(turn.tracker) or turn.slot("intake_subject") == "other"
    turn.say("minor.intro.other" if told_by_someone_else else "minor.intro")
    turn.say("minor.never_save")
    turn.say("minor.take_it_down")
    turn.say(turn.local_key("minor"))


def minor_in_message(turn: Turn) -> None:
    """Take the child-protection route if this message says a minor is involved and it is not taken yet."""
    if not turn.is_minor and speaks_of_minor(turn.tracker):
        minor_route(turn)


class ActionCrisis(RelaisAction):
    recalls_crisis = False
    """It says the crisis line itself."""

    def name(self) -> str:
        return "action_crisis"

    def respond(self, turn: Turn) -> None:
        turn.set("in_crisis", True)
        turn.say(crisis_key(turn))
        turn.set("offer", "human")
        turn.say("crisis.then", AFTER_SUPPORT)


class ActionSupport(RelaisAction):
    def name(self) -> str:
        return "action_support"

    def respond(self, turn: Turn) -> None:
        turn.say("support.kind")
        minor_in_message(turn)
        helplines(turn)
        if not turn.slot("in_crisis"):
            # After a crisis message, the reply ends with the line itself (keep_crisis_in_mind).
            turn.say("support.crisis_hint", AFTER_SUPPORT)


class ActionMinor(RelaisAction):
    def name(self) -> str:
        return "action_minor"

    def respond(self, turn: Turn) -> None:
        minor_route(turn)
        turn.say("next.prompt", AFTER_SUPPORT)
