"""Whether the writer's school or work will find out: Relais tells them nothing, and says so first.

"Est-ce que mon lycée va être au courant ?", "회사에서 알게 될까요?", "will my job find out": the fear is of being
exposed where the person studies or works. Relais has no way to contact a school or an employer, and only the
hotline team reads the chat (what `privacy.text` says); who has seen the images is not Relais' to know, so the
answer promises nothing about them. The words are in `found_out_cues.yml`, matched on the accent-folded message.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

CUES = Path(__file__).with_name("found_out_cues.yml")
NOT_TOLD = "found_out.not_told"
"""Nothing written here reaches the school or the employer; who saw the images cannot be known here, and removal
is how to stop them spreading."""


def asks_if_school_or_work_told(tracker: Tracker) -> bool:
    """Whether the latest typed message asks if the writer's school or work will find out or be told."""
    return message_says(tracker, CUES)
