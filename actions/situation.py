"""The person's first account of what happened: acknowledge it, then take the next step.

The first message is often long and carries the situation, the country and an age at
once; the country is read by the base action, the age here.
"""

from __future__ import annotations

from actions.facts_in_message import is_minor_age
from actions.guidance import (
    SITUATION_BUTTONS,
    SITUATION_INTENT_PREFIX,
    SITUATIONS,
    acknowledge,
    guide,
    question_in_message,
    resume,
)
from actions.jurisdiction import ASK_BUTTONS
from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from actions.safety import minor_route


class ActionSituation(RelaisAction):
    def name(self) -> str:
        return "action_situation"

    def respond(self, turn: Turn) -> None:
        situation = (turn.intent or "").removeprefix(SITUATION_INTENT_PREFIX)
        if situation not in SITUATIONS:
            turn.say("situation.ask", SITUATION_BUTTONS)
            return
        acknowledge(turn, situation)
        if is_minor_age(turn.tracker):
            minor_route(turn)
        if resume(turn):
            return
        question = question_in_message(turn)
        if question:
            guide(turn, question, needs_situation=question == "offence")
            return
        if turn.jurisdiction is None:
            turn.say("country.ask", ASK_BUTTONS)
        else:
            turn.say("next.prompt", MAIN_MENU)
