"""A threat or a demand told beside another story: the safety steps of sextortion, whatever the route.

"Someone made AI nudes of me and wants bitcoin", or a child's "he'll share them unless I send more":
the classifier names the deepfake or the child, and the threat would go unanswered. The threat cue of
`bot/components/patterns/cues.yml` (the one the intent classifier reads, `cue_patterns.has_cue`) tells
it, and the person hears the steps of a sextortion (don't pay, don't send more, stop replying, keep the
messages) once a turn; the `situation` slot becomes "sextortion", so later answers, the handoff's
priority and the intake know a threat is ongoing.
"""

from __future__ import annotations

from actions.facts_in_message import latest_text
from actions.reply import Turn
from bot.components.cue_patterns import has_cue

STEPS = "situation.threat"
"""The steps for an adult (the steps of `situation.ack.sextortion` without its opening)."""
CHILD_STEPS = "minor.sextortion"
"""The steps on the child-protection route."""
SAYING_THE_STEPS = (
    "situation.ack.sextortion",
    "situation.ack.sextortion.other",
    "situation.ack.sextortion.partner",
    STEPS,
    CHILD_STEPS,
)
"""Texts that say (or, for a partner in a danger now, stand in for) the steps: said this turn, none is said again."""


def threat_in_message(turn: Turn) -> bool:
    """Whether the person's latest message tells a threat or a demand (money, more images)."""
    return has_cue(latest_text(turn.tracker), "threat")


def warn_of_threat(turn: Turn, child: bool) -> None:
    """Say the steps (`CHILD_STEPS` if `child`) when the message tells a threat or the situation is one.

    Sets `situation` to "sextortion" when the message tells a threat. Says nothing when this turn already
    said the steps (the sextortion's acknowledgement says them).
    """
    if threat_in_message(turn):
        turn.set("situation", "sextortion")
    if turn.situation != "sextortion" or turn.has_said(*SAYING_THE_STEPS):
        return
    turn.say(CHILD_STEPS if child else STEPS)
