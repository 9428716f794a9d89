"""The person's first account of what happened: acknowledge it, then take the next step.

The first message is often long and carries the situation, the country and an age at
once; the country is read by the base action, the age here.
"""

from __future__ import annotations

from actions.facts_in_message import is_minor_age
from actions.guidance import SITUATIONS, resume
from actions.jurisdiction import ASK_BUTTONS
from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from actions.safety import minor_route


INTENT_PREFIX = "describe_"


class ActionSituation(RelaisAction):
    def name(self) -> str:
        return "action_situation"

    def respond(self, turn: Turn) -> None:
        situation = (turn.intent or "").removeprefix(INTENT_PREFIX)
        if situation not in SITUATIONS:
            turn.say("situation.ask")
            return
        turn.set("situation", situation)
        turn.say(f"situation.ack.{situation}")
        if is_minor_age(turn.tracker):
            minor_route(turn)
        if resume(turn):
            return
        if turn.jurisdiction is None:
            turn.say("country.ask", ASK_BUTTONS)
        else:
            turn.say("next.prompt", MAIN_MENU)
