"""The person's account of what happened: acknowledge it, then take the next step.

The first message is often long and carries the situation, the country and an age at
once; the country is read by the base action, the age here. A story the classifier could
not place is still a story when its words say what happened (`untold_story`): a parent's
account of their child's photo, or what follows a crisis message, is never "I didn't
understand".
"""

from __future__ import annotations

from actions.facts_in_message import speaks_of_minor
from actions.guidance import (
    SITUATION_BUTTONS,
    SITUATION_INTENT_PREFIX,
    SITUATIONS,
    acknowledge,
    ask_country,
    guide,
    question_in_message,
    resume,
    situation_cued,
)
from actions.intake.answers import text
from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from actions.safety import minor_in_message

STORY_MIN_WORDS = 8
"""Below this, words that sound like a story ("posted", "올렸") are too thin to act on alone."""
FIRST_STEP = {"hidden_filming": "report"}
"""The journey that follows the country's answer after a story with no question of its own: a camera found
needs the police before anything else (`evidence.police_first` opens the report journey), never only a menu."""


def follow_story(turn: Turn, situation: str | None) -> None:
    """Acknowledge what happened (if known), take the child route if a minor is involved, go on."""
    if situation:
        acknowledge(turn, situation)
    minor_in_message(turn)
    if resume(turn):
        return
    question = question_in_message(turn)
    if question:
        guide(turn, question, needs_situation=question == "offence")
        return
    _next_step(turn, situation)


def tell_steps(turn: Turn, situation: str) -> None:
    """The situation journey's answer again, for a story already told: its acknowledgement (with a threat's
    steps), the child route if a minor is involved, then the country question or what comes next."""
    acknowledge(turn, situation)
    minor_in_message(turn)
    _next_step(turn, situation)


def _next_step(turn: Turn, situation: str | None) -> None:
    if turn.jurisdiction is None:
        if situation in FIRST_STEP and not turn.slot("pending_topic"):
            turn.set("pending_topic", FIRST_STEP[situation])
        ask_country(turn)
    elif situation is None and turn.situation is None:
        turn.say("situation.ask", SITUATION_BUTTONS)
    elif situation in FIRST_STEP:
        guide(turn, FIRST_STEP[situation])
    else:
        turn.say("next.prompt", MAIN_MENU)


def untold_story(turn: Turn) -> bool:
    """Follow a message the classifier could not place when its words tell a story; False if not.

    A story is a minor's (an age under the adult age, "mineure", "중학생"), or a situation the
    words name (`situation_cues.yml`) in a long message or right after a crisis message.
    """
    situation = situation_cued(turn)
    long_enough = len(text(turn).split()) >= STORY_MIN_WORDS
    if speaks_of_minor(turn.tracker) or (situation and (long_enough or turn.slot("in_crisis"))):
        follow_story(turn, situation)
        return True
    return False


def answers_situation_question(turn: Turn) -> bool:
    """Follow a typed answer to "what happened?" asked for a journey that depends on it (a `pending_topic`, the
    country known, no situation yet): "ㅇㅇ 유포한거맞아", "oui il l'a partagée", "yeah he shared it" name the
    situation in their words (`situation_cues.yml`), whatever the classifier made of a yes or a short fact; False,
    saying nothing, otherwise."""
    if turn.situation is not None or not turn.slot("pending_topic") or turn.jurisdiction is None:
        return False
    situation = situation_cued(turn)
    if situation is None:
        return False
    follow_story(turn, situation)
    return True


class ActionSituation(RelaisAction):
    def name(self) -> str:
        return "action_situation"

    def respond(self, turn: Turn) -> None:
        situation = (turn.intent or "").removeprefix(SITUATION_INTENT_PREFIX)
        if situation not in SITUATIONS:
            turn.say("situation.ask", SITUATION_BUTTONS)
            return
        follow_story(turn, situation)
