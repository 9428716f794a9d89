"""Asking about a report: its status, unless the message really asks to erase it."""

from __future__ import annotations

import re

from actions.intake.access import start_access
from actions.intake.answers import text
from actions.intake.erase import ask_to_erase
from actions.reply import RelaisAction, Turn
from bot.components.countries import fold

ERASE_WORDS = re.compile(r"supprim|effac|\bdelete|\berase|\bwipe|삭제|지워|지우|없애")
"""A reference with "delete" reads much like a status question to the classifier."""
ERASE_CONFIDENCE = 0.05


class ActionStatus(RelaisAction):
    def name(self) -> str:
        return "action_status"

    def respond(self, turn: Turn) -> None:
        if turn.ranked(["delete_my_data"], ERASE_CONFIDENCE) or ERASE_WORDS.search(fold(text(turn))):
            ask_to_erase(turn)
            return
        start_access(turn, "status")
