"""Of several countries in one message, the one someone lives in decides; else none is guessed.

"She lives in Busan, she's from the Philippines" used to give the Philippines' answers (Rasa fills the
slot with one of the names). The place someone lives in decides the law and the lines.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.jurisdiction import country_in_message, country_slot
from tests.actions.conftest import make_tracker

LIVES_IN = {
    "fr": ("ma copine vient du Sénégal mais elle habite à Lyon depuis deux ans", {"Sénégal": "SN", "Lyon": "FR"}, "FR"),
    "ko": ("친구는 필리핀 사람인데 지금 부산에 살아요", {"필리핀": "PH", "부산": "KR"}, "KR"),
    "en": ("she lives in busan, she's from the philippines", {"busan": "KR", "philippines": "PH"}, "KR"),
}
ONLY_ORIGINS = {
    "fr": ("je viens de France et mon ex vient du Sénégal", {"France": "FR", "Sénégal": "SN"}),
    "ko": ("저는 필리핀 사람이고 전남친은 한국 사람이에요", {"필리핀": "PH", "한국": "KR"}),
    "en": ("I'm from the Philippines and my ex is from Korea", {"Philippines": "PH", "Korea": "KR"}),
}


def entities(text: str, places: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"entity": "country", "value": code, "start": text.index(name), "end": text.index(name) + len(name)}
        for name, code in places.items()
    ]


def test_the_country_someone_lives_in_wins(language: str) -> None:
    text, places, lived = LIVES_IN[language]
    tracker = make_tracker("describe_sharing", {"country": "PH"}, text=text, entities=entities(text, places))
    assert country_in_message(tracker) == lived


@pytest.mark.parametrize("before", [None, "GB"])
def test_several_origins_guess_no_country_and_keep_the_one_given_before(language: str, before: str | None) -> None:
    text, places = ONLY_ORIGINS[language]
    events = [{"event": "slot", "name": "country", "value": before}] if before else []
    events += [{"event": "user", "text": text}, {"event": "slot", "name": "country", "value": "KR"}]
    found = entities(text, places)
    tracker = make_tracker("describe_sharing", {"country": "KR"}, text=text, entities=found, events=events)
    assert country_in_message(tracker) is None
    assert country_slot(tracker) == before


def test_one_country_named_is_taken_as_before(language: str) -> None:
    text, places, lived = LIVES_IN[language]
    name = next(n for n, code in places.items() if code == lived)
    tracker = make_tracker("describe_sharing", {"country": lived}, text=text, entities=entities(text, {name: lived}))
    assert country_in_message(tracker) == lived
    assert country_slot(tracker) == lived
