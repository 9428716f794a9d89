"""Asking about a report: its status, unless the message really asks to erase it."""

from __future__ import annotations

from actions.intake.access import start_access
from actions.intake.answers import text
from actions.intake.erase import ask_to_erase
from actions.reply import RelaisAction, Turn
from bot.components.evidence_cues import has_evidence


class ActionStatus(RelaisAction):
    """A reference with words of erasure ("supprimez mon dossier RL-…") is an erasure, confirmed first.

    The words decide (`bot/components/patterns/evidence.yml`, the same cues as the NLU gate), never
    the classifier's ranking alone: a reference typed after "where is my report?" is a status question.
    """

    def name(self) -> str:
        return "action_status"

    def respond(self, turn: Turn) -> None:
        if has_evidence("delete_my_data", text(turn)):
            ask_to_erase(turn)
            return
        start_access(turn, "status")
