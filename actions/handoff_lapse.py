"""Telling a person, when they write again, that their request for a person lapsed while the chat was quiet.

The web process expires a waiting request after RELAIS_HANDOFF_SILENCE_MINUTES of silence and sets the
conversation's `handoff_state` slot to `expired` (bot/staff/expiry.py). The next answer then starts
with one calm line (`handoff.expired`, with the button to ask again), and the slot goes back to
`none`, so nothing goes on saying that someone is coming. If Rasa could not be told at the expiry,
the slot still says `waiting`: the queue is read then, and the person is told all the same.
"""

from __future__ import annotations

from actions.menu import HUMAN
from actions.turn import Turn
from bot.staff import queue
from bot.staff.expiry import LAPSED, SLOT
from bot.storage.db import session


def lapsed(turn: Turn) -> bool:
    """Whether this conversation's request expired and the person has not been told yet."""
    state = turn.slot(SLOT)
    if state == LAPSED:
        return True
    if state != "waiting":
        return False
    with session() as db:
        return queue.latest_state(db, turn.tracker.sender_id) == "expired"


def tell_if_lapsed(turn: Turn) -> None:
    """Say `handoff.expired` (with a button to ask again) and clear the slot, once, if the request lapsed."""
    if lapsed(turn):
        turn.say("handoff.expired", (HUMAN,))
        turn.set(SLOT, "none")
