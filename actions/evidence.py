"""Preserving evidence: the checklist, the warnings, and the jurisdiction's specifics."""

from __future__ import annotations

from actions.guidance import guide, journey, local_key
from actions.reply import RelaisAction, Turn
from actions.texts import has


@journey("evidence")
def explain(turn: Turn) -> None:
    turn.say("evidence.intro")
    turn.say("evidence.checklist")
    turn.say("evidence.minor" if turn.is_minor else "evidence.never_forward")
    turn.say("evidence.police_first")
    specific = local_key(turn, "evidence")
    if has(turn.language, specific):
        turn.say(specific)


class ActionEvidence(RelaisAction):
    def name(self) -> str:
        return "action_evidence"

    def respond(self, turn: Turn) -> None:
        guide(turn, "evidence")
