"""Erasing: confirm first, then erase this conversation and its reports, or one report by PIN.

The "delete my data" journey (`actions/privacy.py`) and a status question with words of erasure
(`actions/status.py`) both start here; a yes (`actions/intake/offers.py`) carries it out.
"""

from __future__ import annotations

from actions.intake.access import start_access
from actions.intake.answers import text
from actions.reply import Button, Turn
from bot.cases.reference import reference_in
from bot.cases.repository import erase_conversation
from bot.staff import queue
from bot.storage.db import session

YES: Button = ("erase.button.yes", "/affirm")
NO: Button = ("erase.button.no", "/deny")


def ask_to_erase(turn: Turn) -> None:
    """Always a question first: a misread message can never erase anything by itself."""
    reference = reference_in(text(turn))
    if reference:
        turn.set("access_reference", reference)
        turn.set("offer", "erase_case")
        turn.say("erase.confirm_case", (YES, NO), reference=reference)
        return
    turn.set("offer", "erase")
    turn.say("erase.earlier_hint")
    turn.say("erase.confirm", (YES, NO))


def erase_this_conversation(turn: Turn) -> None:
    """Cases go now; tracker rows go once Rasa has saved this turn (bot.cases.erasure)."""
    with session() as db:
        erase_conversation(db, turn.tracker.sender_id)
        queue.forget(db, turn.tracker.sender_id)
    turn.say("erase.done")


def erase_earlier_case(turn: Turn) -> None:
    reference = turn.slot("access_reference")
    start_access(turn, "erase")
    turn.set("access_reference", reference)
