"""Being in danger right now: violence threatened or done, the person who did it at home tonight.

Whatever the message's intent, Relais says first how to get help at once where the person lives
(`danger.<jurisdiction>`, numbers from the knowledge module); the images can wait. The words are in
`danger_cues.yml`, matched on the accent-folded message.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.cue_files import any_of
from actions.facts_in_message import folded_text

CUES = Path(__file__).with_name("danger_cues.yml")


def in_danger_now(tracker: Tracker) -> bool:
    """Whether the latest typed message tells of danger now ("il va me tuer", "때릴까 봐", "he's home now")."""
    return bool(any_of(CUES).search(folded_text(tracker)))
