"""Whether the writer's school or work will find out: Relais tells them nothing, and says so first.

"Est-ce que mon lycée va être au courant ?", "회사에서 알게 될까요?", "will my job find out": the fear is of being
exposed where the person studies or works. Relais has no way to contact a school or an employer, and only the
hotline team reads the chat (what `privacy.text` says); who has seen the images is not Relais' to know, so the
answer promises nothing about them. The words are in `found_out_cues.yml`, matched on the accent-folded message.
Whether the person who did it will know of a report ("will he know i reported?", `author_told_cues.yml`) is
answered the same way: nothing here is sent to them (`AUTHOR_NOT_TOLD`).
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

CUES = Path(__file__).with_name("found_out_cues.yml")
AUTHOR_CUES = Path(__file__).with_name("author_told_cues.yml")
AUTHOR_NOT_TOLD = "found_out.author"
"""Nothing written here is sent to the person who did it: neither Relais nor the hotline contacts them; what a
platform or the police tell them is theirs to say, so ask them before reporting, or talk it through with the hotline
first. No claim about what a platform or the police do."""
NOT_TOLD = "found_out.not_told"
"""Nothing written here reaches the school or the employer; who saw the images cannot be known here, and removal
is how to stop them spreading."""


def asks_if_school_or_work_told(tracker: Tracker) -> bool:
    """Whether the latest typed message asks if the writer's school or work will find out or be told."""
    return message_says(tracker, CUES)


def asks_if_author_told(tracker: Tracker) -> bool:
    """Whether the latest typed message asks whether the person who did it will know of a report or of this chat
    ("will he know i reported?", "il va savoir que c'est moi ?", "가해자가 제가 신고한 거 알게 되나요?")."""
    return message_says(tracker, AUTHOR_CUES)
