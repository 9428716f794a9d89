"""Where the person lives, which decides the law, the helplines and the crisis line.

Jurisdiction is not language: a Korean speaker may live in France. The country comes from
what the person wrote (the CountryExtractor's ISO codes) or from the buttons, and is asked
for only when a journey needs it and it is unknown.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rasa_sdk import Tracker

from bot.components.country_names import names

OTHER = "other"
JURISDICTIONS = ("FR", "KR", "GB", "US", "CA", "AU", "IE")
"""Places Relais knows by name: France and South Korea in depth; the United Kingdom (the law of
England and Wales, with a pointer for Scotland and Northern Ireland), the United States, Canada,
Australia and Ireland with their offences, services, crisis lines and child route. Every other
country is `other` and gets the honest general answer."""

TIME_ZONES = {"FR": "Europe/Paris", "KR": "Asia/Seoul", "GB": "Europe/London", "IE": "Europe/Dublin"}
"""The one time zone of each jurisdiction that has only one (IANA names). The United States, Canada and
Australia span several: their people hear the hotline's own zone, named in the text."""

LANGUAGE_COUNTRY = {"fr": "FR", "ko": "KR"}
"""While the country is unknown, the safety texts (crisis lines, child route) start with the country
whose language the person writes in: France for French, South Korea for Korean. English has no
such country: Relais supports five English-speaking jurisdictions (GB, US, CA, AU, IE) and names
them all rather than guess one."""

ASK_BUTTONS = (
    ("country.france", '/inform{"country": "FR"}'),
    ("country.korea", '/inform{"country": "KR"}'),
    ("country.other", '/inform{"country": "other"}'),
)
COUNTRY_QUESTION = "country"
"""The `offer` while the question "which country do you live in?" waits for its answer: a yes or a no typed
then ("ok", "d'accord", "네") asks it again rather than leaving it (`actions/guidance.py`, `ask_country`)."""


def jurisdiction(country: str | None) -> str | None:
    if not country:
        return None
    return country if country in JURISDICTIONS else OTHER


def likely_jurisdiction(country: str | None, language: str) -> str | None:
    """The jurisdiction of `country`, else the one the language suggests (LANGUAGE_COUNTRY), else None."""
    return jurisdiction(country) or LANGUAGE_COUNTRY.get(language)
@cache
def _known_codes() -> frozenset[str]:
    return frozenset(names()) | {OTHER}


def known_country(value: Any) -> str | None:
    """`value` if it is a country the `country` slot may hold (an ISO code of countries.yml, or `other`)."""
    return value if isinstance(value, str) and value in _known_codes() else None


def country_in_message(tracker: Tracker) -> str | None:
    """The one known country the latest message names; none if it names several (ambiguous) or none."""
    entities = (tracker.latest_message or {}).get("entities") or []
    codes = {known_country(e.get("value")) for e in entities if e.get("entity") == "country"} - {None}
    return codes.pop() if len(codes) == 1 else None


def country_slot(tracker: Tracker) -> str | None:
    """The latest known country set in the conversation.

    Rasa fills the slot from any `country` entity before an action runs; a value that is not a
    known country (say an entity DIET cut from a sentence) is passed over, so it never reaches an
    answer or a case's jurisdiction column.
    """
    current = tracker.get_slot("country")
    if current is None or known_country(current):
        return current
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == "country" and known_country(event.get("value")):
            return str(event["value"])
    return None
