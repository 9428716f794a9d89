"""How long removal takes: what the law sets where the person lives, or that no time can be promised.

"how long does it take to get taken down", "combien de temps…", "얼마나 걸려요" were not understood. With their
words (`removal_time_cues.yml`) they hear `removal.time.<country>` where the knowledge base sets a time (the United
States: 48 hours after a valid request, section 3.1; France: one month for a GDPR erasure request; South Korea:
the commission's bureau aims at 24 hours, section 2.4), else `removal.time`: no time can be promised, report each
link early and note the date. "Is it too late?" hears that removal is never too late, and that the police's time
limits depend on the country and the offence (`removal.too_late`).
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

CUES = Path(__file__).with_name("removal_time_cues.yml")
TOO_LATE_CUES = Path(__file__).with_name("too_late_cues.yml")
KEY = "removal.time"
TOO_LATE = "removal.too_late"
"""It is not too late: content can be reported and removal asked for however old; whether the police can still
prosecute depends on the country and the offence (time limits exist), so ask the police or a victim support service
soon. No figure: the knowledge base holds time limits only for some offences of some countries, MEDIUM."""
WITH_A_TIME = ("US", "FR", "KR")
"""Jurisdictions whose removal time the knowledge base states (`removal.time.<jurisdiction>`)."""


def asks_removal_time(tracker: Tracker) -> bool:
    """Whether the latest typed message asks how long removal takes."""
    return message_says(tracker, CUES)


def removal_time_key(jurisdiction: str | None) -> str:
    """`removal.time.<jurisdiction>` for `WITH_A_TIME`, else `removal.time`."""
    return f"{KEY}.{jurisdiction}" if jurisdiction in WITH_A_TIME else KEY


def asks_if_too_late(tracker: Tracker) -> bool:
    """Whether the latest typed message asks whether it is too late ("is it too late?", "c'est trop tard ?",
    "너무 늦은 건 아니죠", "공소시효"): `too_late_cues.yml`."""
    return message_says(tracker, TOO_LATE_CUES)
