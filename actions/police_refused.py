"""The police refused, or said nothing can be done: that does not end what can be done.

"la police m'a dit qu'ils pouvaient rien faire" was not understood, "the police said they cant do anything" got the
list of where to report, police first. Their words (`police_refused_cues.yml`) get `report.police_refused`: the
content can still be reported to the platform and removed without the police, and a victim support service can
help follow up or try again; in France, a letter to the procureur de la République (knowledge base section 1,
"Porter plainte", HIGH) (`.FR`).
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

CUES = Path(__file__).with_name("police_refused_cues.yml")
KEY = "report.police_refused"
WITH_MORE = ("FR",)
"""Jurisdictions whose knowledge base gives one more way (`report.police_refused.<jurisdiction>`)."""


def police_refused(tracker: Tracker) -> bool:
    """Whether the latest typed message says the police refused or said nothing can be done."""
    return message_says(tracker, CUES)


def police_refused_key(jurisdiction: str | None) -> str:
    """`report.police_refused.<jurisdiction>` for `WITH_MORE`, else `report.police_refused`."""
    return f"{KEY}.{jurisdiction}" if jurisdiction in WITH_MORE else KEY
