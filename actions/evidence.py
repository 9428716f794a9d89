"""Preserving evidence: the checklist, the warnings, and the jurisdiction's specifics."""

from __future__ import annotations

from actions.guidance import guide, journey
from actions.reply import RelaisAction, Turn
from content.texts import has


@journey("evidence")
def explain(turn: Turn) -> None:
    turn.say("evidence.intro")
    if turn.is_minor:
        turn.say("evidence.minor")
        turn.say("evidence.checklist.minor")
    else:
        turn.say("evidence.checklist")
        turn.say("evidence.never_forward")
    turn.say("evidence.police_first")
    specific = turn.local_key("evidence")
    if has(turn.language, specific):
        turn.say(specific)


class ActionEvidence(RelaisAction):
    def name(self) -> str:
        return "action_evidence"

    def respond(self, turn: Turn) -> None:
        guide(turn, "evidence")
