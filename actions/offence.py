"""What counts as an offence, for the person's jurisdiction and situation."""

from __future__ import annotations

from actions.guidance import guide, journey
from actions.jurisdiction import OTHER
from actions.reply import RelaisAction, Turn, about_them

OWN_IMAGES = ("sharing", "sextortion")
"""Situations where the person may have taken or sent the images themselves; saying "even if you
took or sent them yourself" to a deepfake or secret-filming victim reads as an insinuation."""


@journey("offence")
def explain(turn: Turn) -> None:
    if turn.jurisdiction == OTHER:
        turn.say("offence.other")
    else:
        turn.say(f"offence.{turn.jurisdiction}.{turn.situation}")
    turn.say(
        about_them(turn, "legal.not_your_fault.own_images" if turn.situation in OWN_IMAGES else "legal.not_your_fault")
    )
    turn.say("legal.disclaimer")


class ActionOffence(RelaisAction):
    def name(self) -> str:
        return "action_offence"

    def respond(self, turn: Turn) -> None:
        guide(turn, "offence", needs_situation=True)
