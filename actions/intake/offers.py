"""Yes and no: they answer the question Relais just asked (`offer`), else reopen the menu.

`offer` names what a yes would do; every other action clears it (`RelaisAction`), so a late yes
never starts anything. The actions that read a yes or a no are in `actions/conversation.py`.
"""

from __future__ import annotations

from typing import Callable, Dict

from actions.handoff import request_human
from actions.intake.corrections import correct_summary
from actions.intake.erase import erase_this_conversation, erase_verified_case
from actions.intake.flow import start_intake, submit
from actions.menu import MAIN_MENU
from actions.reply import Turn
from actions.stale import not_understood

ON_YES: Dict[str, Callable[[Turn], None]] = {
    "intake": start_intake,
    "submit": submit,
    "erase": erase_this_conversation,
    "erase_verified": erase_verified_case,
    "human": request_human,
}
ON_NO = {
    "intake": "intake.not_now",
    "submit": "intake.not_now",
    "erase": "erase.cancelled",
    "erase_verified": "erase.cancelled",
    "human": "handoff.declined",
}


def _offer(turn: Turn) -> str | None:
    value = turn.tracker.get_slot("offer")
    return str(value) if value else None


def answer_yes(turn: Turn) -> None:
    """Do what the pending question offered; without one (a yes pressed after its moment), the current choices."""
    offer = _offer(turn)
    if correct_summary(turn):  # "yes, but my email is ..." changes the report before anything is sent
        return
    if offer in ON_YES:
        ON_YES[offer](turn)
    else:
        not_understood(turn)


def answer_no(turn: Turn) -> None:
    """Acknowledge the declined offer; without one (a no pressed after its moment), the current choices."""
    offer = _offer(turn)
    if correct_summary(turn):  # "no, my email is ...": a correction, not a refusal
        return
    if offer in ON_NO:
        turn.say(ON_NO[offer], MAIN_MENU)
    else:
        not_understood(turn)
