"""What Relais keeps, said truthfully, with the retention period actually configured; and erasing it."""

from __future__ import annotations

from actions.intake.erase import ask_to_erase
from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from bot.settings import load


class ActionPrivacy(RelaisAction):
    def name(self) -> str:
        return "action_privacy"

    def respond(self, turn: Turn) -> None:
        turn.say("privacy.text", MAIN_MENU, days=load().retention_days)


class ActionDeleteData(RelaisAction):
    """Delete my data: always a yes/no question first (`actions/intake/erase.py`)."""

    answers_summary = True  # erasing asks its own question, which replaces "shall I send it?"

    def name(self) -> str:
        return "action_delete_data"

    def respond(self, turn: Turn) -> None:
        ask_to_erase(turn)
