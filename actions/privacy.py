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


class ActionDeleteData(RelaisAction):
    """Until erasure on request exists, say so and state the automatic deletion truthfully."""

    def name(self) -> str:
        return "action_delete_data"

    def respond(self, turn: Turn) -> None:
        turn.say("delete.not_yet", MAIN_MENU, days=load().retention_days)
