"""Yes and no: they answer the question Relais just asked (`offer`), else reopen the menu."""

from __future__ import annotations

from typing import Callable, Dict

from actions.handoff import request_human
from actions.intake.erase import erase_earlier_case, erase_this_conversation
from actions.intake.flow import start_intake, submit
from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from actions.stale import not_understood

ON_YES: Dict[str, Callable[[Turn], None]] = {
    "intake": start_intake,
    "submit": submit,
    "erase": erase_this_conversation,
    "erase_case": erase_earlier_case,
    "human": request_human,
}
ON_NO = {
    "intake": "intake.not_now",
    "submit": "intake.not_now",
    "erase": "erase.cancelled",
    "erase_case": "erase.cancelled",
    "human": "handoff.declined",
}


def _offer(turn: Turn) -> str | None:
    value = turn.tracker.get_slot("offer")
    return str(value) if value else None


class ActionAffirm(RelaisAction):
    def name(self) -> str:
        return "action_affirm"

    def respond(self, turn: Turn) -> None:
        offer = _offer(turn)
        if offer in ON_YES:
            ON_YES[offer](turn)
        else:
            not_understood(turn)


class ActionDeny(RelaisAction):
    def name(self) -> str:
        return "action_deny"

    def respond(self, turn: Turn) -> None:
        offer = _offer(turn)
        if offer in ON_NO:
            turn.say(ON_NO[offer], MAIN_MENU)
        else:
            not_understood(turn)
