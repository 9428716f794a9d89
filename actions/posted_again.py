"""The fear that more is posted, or the same posted again, once a story is told.

"what if he posts more", "et s'il en poste d'autres", "또 올리면 어떡해요" were answered with the law again or not
understood. Their words (`posted_again_cues.yml`) get `removal.again` (each new post can be reported and removed the
same way: keep its link and date, report it, add it to the report; "what if he posts it anyway", "et s'il le fait
quand même" get `removal.anyway`), in South Korea the support centre that watches
for re-uploads (`removal.KR`, knowledge base section 2.4), then hashing (`actions/hashing.py`).
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says
from actions.hashing import say_hashing
from actions.turn import Turn

CUES = Path(__file__).with_name("posted_again_cues.yml")
ANYWAY_CUES = Path(__file__).with_name("posted_anyway_cues.yml")
AGAIN = "removal.again"
ANYWAY = "removal.anyway"
"""If a blackmailer posts anyway, it can still be reported and removed: keep the link and date, report at once, add it
to the report."""
WATCHED = ("KR",)
"""Jurisdictions whose removal text (`removal.<jurisdiction>`) tells of a service watching for re-uploads."""


def fears_more_posts(tracker: Tracker) -> bool:
    """Whether, a story being told (slot `situation`), the latest typed message fears more posts, the same posted
    again, or a blackmailer posting anyway ("what if he posts it anyway": `posted_anyway_cues.yml`)."""
    return bool(tracker.get_slot("situation")) and (message_says(tracker, CUES) or message_says(tracker, ANYWAY_CUES))


def answer_more_posts(turn: Turn) -> None:
    """`removal.anyway` to a blackmailer posting anyway, else `removal.again`; `removal.KR` in South Korea; then
    hashing."""
    turn.say(ANYWAY if message_says(turn.tracker, ANYWAY_CUES) else AGAIN)
    if turn.jurisdiction in WATCHED:
        turn.say(f"removal.{turn.jurisdiction}")
    say_hashing(turn)
