"""Yes and no: they answer the question Relais just asked (`offer`), else reopen the menu.

`offer` names what a yes would do; every other action clears it (`RelaisAction`), so a late yes
never starts anything. The actions that read a yes or a no are in `actions/conversation.py`.
"""

from __future__ import annotations

from typing import Callable, Dict

from actions.handoff import request_human
from actions.intake.erase import erase_earlier_case, erase_this_conversation
from actions.intake.flow import start_intake, submit
from actions.menu import MAIN_MENU
from actions.reply import Turn

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


def answer_yes(turn: Turn) -> None:
    """Do what the pending question offered; without one, the menu."""
    offer = _offer(turn)
    if offer in ON_YES:
        ON_YES[offer](turn)
    else:
        turn.say("clarify.text", MAIN_MENU)


def answer_no(turn: Turn) -> None:
    """Acknowledge the declined offer; without one, the menu."""
    offer = _offer(turn)
    turn.say(ON_NO[offer] if offer in ON_NO else "clarify.text", MAIN_MENU)
