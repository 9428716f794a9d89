"""What Relais keeps, said truthfully, with the retention period actually configured."""

from __future__ import annotations

from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from bot.settings import load


class ActionPrivacy(RelaisAction):
    def name(self) -> str:
        return "action_privacy"

    def respond(self, turn: Turn) -> None:
        turn.say("privacy.text", MAIN_MENU, days=load().retention_days)
