"""Being in danger right now: violence threatened or done, the person who did it at home tonight.

Whatever the message's intent, Relais says first how to get help at once where the person lives
(`danger.<jurisdiction>`, numbers from the knowledge module); the images can wait. The words are in
`danger_cues.yml`, matched on the accent-folded message. Once told, the danger stays in mind while the person
speaks of it (slot `in_danger`, cleared by a story or a question of the person's own, `moves_on` in
`actions/reply.py`, never by an "ok" or a goodbye): "what do i do hes still there",
"il part pas", "j'ai peur", "어떡해요" are the same danger, whose words (`danger_still_cues.yml`) would mean
nothing alone.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.cue_files import any_of
from actions.facts_in_message import folded_text

CUES = Path(__file__).with_name("danger_cues.yml")
STILL_CUES = Path(__file__).with_name("danger_still_cues.yml")
SLOT = "in_danger"
"""True after a message of danger now, until the person moves on to a story or a question of their own."""


def in_danger_now(tracker: Tracker) -> bool:
    """Whether the latest typed message tells of danger now ("il va me tuer", "때릴까 봐", "he's home now"), or, right
    after such a message, that it goes on or frightens ("he's still there", "il part pas", "아직도 안 갔어요", "what
    do i do", "j'ai peur")."""
    text = folded_text(tracker)
    if any_of(CUES).search(text):
        return True
    return bool(tracker.get_slot(SLOT)) and bool(any_of(STILL_CUES).search(text))
