"""The question "shall I erase it?" and its answer taken back, read without the base action (the first line reads it).

"wait no dont delete it, i want to keep going" at that question got the removal journey and no word of the erasure;
read as a request to erase, it could have been taken for a yes. Words taking the request back
(`keep_everything_cues.yml`) are answered first that nothing was erased (`erase.cancelled`), whatever the classifier
made of them. "non pas la conversation, les photos" at that question, or "i meant the pics" at "the images, or this
conversation?" (`WHICH_QUESTION`), mean the images (`means_the_images`): nothing is erased, and how to get them taken
down follows.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

ERASE_QUESTIONS = ("erase", "erase_verified")
"""The `offer` values of "shall I erase it?" (`actions/intake/erase.py`)."""
WHICH_QUESTION = "erase_which"
"""The `offer` value of "the images, or this conversation?" (`erase.which`, `actions/privacy.py`)."""
KEEP_EVERYTHING = Path(__file__).with_name("keep_everything_cues.yml")
IMAGES_NAMED = Path(__file__).with_name("images_named_cues.yml")
CHAT_SET_ASIDE = Path(__file__).with_name("chat_set_aside_cues.yml")
CHAT_NAMED = Path(__file__).parent.parent / "chat_named_cues.yml"
CANCELLED = "erase.cancelled"


def takes_erasing_back(tracker: Tracker) -> bool:
    """Whether, "shall I erase it?" waiting (`ERASE_QUESTIONS`), the latest typed message takes the request back
    ("wait no dont delete it, i want to keep going", "non n'efface pas", "지우지 마세요")."""
    return tracker.get_slot("offer") in ERASE_QUESTIONS and message_says(tracker, KEEP_EVERYTHING)


def means_the_images(tracker: Tracker) -> bool:
    """Whether, "shall I erase it?" or "the images, or this conversation?" waiting, the latest typed message names
    the images (`images_named_cues.yml`) and not this chat, or sets the chat aside ("non pas la conversation, les
    photos", "대화 말고 사진이요", "i meant the pics")."""
    if tracker.get_slot("offer") not in (*ERASE_QUESTIONS, WHICH_QUESTION) or not message_says(tracker, IMAGES_NAMED):
        return False
    return not message_says(tracker, CHAT_NAMED) or message_says(tracker, CHAT_SET_ASIDE)
