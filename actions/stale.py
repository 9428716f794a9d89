"""A button pressed after its moment (another tab, an old Telegram keyboard) is never "not understood".

Only a button's payload reaches the actions starting with "/": the edges put a WORD JOINER before a
typed one (bot/edges/typed_text.py). A yes, a no or an intake choice whose question is no longer
open is answered by saying so briefly, with the choices that apply now.
"""

from __future__ import annotations

from actions.menu import MAIN_MENU
from actions.reply import Turn


def from_button(turn: Turn) -> bool:
    """Whether the person's message is a button's payload rather than typed words."""
    return str((turn.tracker.latest_message or {}).get("text") or "").startswith("/")


def not_understood(turn: Turn) -> None:
    """A button from an earlier message gets the current choices; typed words get "say it another way"."""
    turn.say("button.stale" if from_button(turn) else "clarify.text", MAIN_MENU)
