"""Whether a person from the hotline can answer now, and when they next can, in the person's own time zone.

The team's hours are RELAIS_OPENING_HOURS in RELAIS_TIMEZONE (bot/staff/hours.py); the person may live
elsewhere: a Korean person hears the next opening in Korean time, not in Paris time. Outside the hours,
no answer offers a person who is not there (`Turn.say` leaves the "talk to a person" button out).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from actions.jurisdiction import TIME_ZONES, likely_jurisdiction
from bot.settings import load
from bot.staff import hours
from content.knowledge.formatting import moment


def team_open(at: datetime | None = None) -> bool:
    """Whether the hotline team is within its opening hours at `at` (now)."""
    settings = load()
    return hours.is_open(settings.opening_hours, settings.timezone, at)


def person_zone(country: str | None, language: str) -> ZoneInfo | None:
    """The person's time zone: their country's (else the one their language suggests) when it has only one;
    None for a country across several zones (the United States, Canada, Australia) or an unknown one."""
    name = TIME_ZONES.get(likely_jurisdiction(country, language) or "")
    return ZoneInfo(name) if name else None


def next_opening(country: str | None, language: str, at: datetime | None = None) -> tuple[str, str] | None:
    """When the team next opens after `at` (now), as the person's language writes it, in the person's time zone
    (else the hotline's): (day and time, the zone's name), or None when it is always open or never.

    Raises ValueError on opening hours it cannot read (checked at start-up).
    """
    settings = load()
    opening = hours.next_opening(settings.opening_hours, settings.timezone, at)
    if opening is None:
        return None
    zone = person_zone(country, language)
    return moment(opening.astimezone(zone) if zone else opening, language)
