"""Crisis first, the child-protection route, and emotional support (DESIGN section 6).

The crisis line is the very first thing said after a crisis message, before any other
text, in every jurisdiction; the country decides the line, never the language.
"""

from __future__ import annotations

from actions.jurisdiction import ASK_BUTTONS
from actions.menu import HUMAN, MAIN_MENU, SUPPORT
from actions.reply import RelaisAction, Turn
from actions.texts import has

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
    turn.set("is_minor", True)
    turn.say("minor.intro")
    turn.say("minor.never_save")
    turn.say("minor.take_it_down")
    turn.say(turn.local_key("minor"))


class ActionCrisis(RelaisAction):
    def name(self) -> str:
        return "action_crisis"

    def respond(self, turn: Turn) -> None:
        turn.set("in_crisis", True)
        turn.say(crisis_key(turn))
        turn.say("crisis.then", AFTER_SUPPORT)


class ActionSupport(RelaisAction):
    def name(self) -> str:
        return "action_support"

    def respond(self, turn: Turn) -> None:
        turn.say("support.kind")
        helplines(turn)
        turn.say("support.crisis_hint", AFTER_SUPPORT)


class ActionMinor(RelaisAction):
    def name(self) -> str:
        return "action_minor"

    def respond(self, turn: Turn) -> None:
        minor_route(turn)
        turn.say("next.prompt", AFTER_SUPPORT)
