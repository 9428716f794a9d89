"""Asking for a person. Until analysts can join the chat, say so and give real contacts."""

from __future__ import annotations

from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from actions.safety import helplines


class ActionRequestHuman(RelaisAction):
    def name(self) -> str:
        return "action_request_human"

    def respond(self, turn: Turn) -> None:
        turn.say("human.not_yet")
        helplines(turn)
        turn.say("next.prompt", MAIN_MENU)
