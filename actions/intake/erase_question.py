"""The question "shall I erase it?" and its answer taken back, read without the base action (the first line reads it).

"wait no dont delete it, i want to keep going" at that question got the removal journey and no word of the erasure;
read as a request to erase, it could have been taken for a yes. Words taking the request back
(`keep_everything_cues.yml`) are answered first that nothing was erased (`erase.cancelled`), whatever the classifier
made of them.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

ERASE_QUESTIONS = ("erase", "erase_verified")
"""The `offer` values of "shall I erase it?" (`actions/intake/erase.py`)."""
KEEP_EVERYTHING = Path(__file__).with_name("keep_everything_cues.yml")
CANCELLED = "erase.cancelled"


def takes_erasing_back(tracker: Tracker) -> bool:
    """Whether, "shall I erase it?" waiting (`ERASE_QUESTIONS`), the latest typed message takes the request back
    ("wait no dont delete it, i want to keep going", "non n'efface pas", "지우지 마세요")."""
    return tracker.get_slot("offer") in ERASE_QUESTIONS and message_says(tracker, KEEP_EVERYTHING)
