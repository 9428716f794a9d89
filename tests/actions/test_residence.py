"""Of several countries in one message, the one someone lives in decides; else none is guessed.

"She lives in Busan, she's from the Philippines" used to give the Philippines' answers (Rasa fills the
slot with one of the names). The place someone lives in decides the law and the lines.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.jurisdiction import country_in_message, country_slot, known_country
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


STUDIES_OR_WORKS_IN = {
    "fr": ("je suis coréenne mais j'étudie en France depuis un an", {"coréenne": "KR", "France": "FR"}, "FR"),
    "ko": ("나 일본에서 유학 중인데 한국 국적이야", {"일본": "JP", "한국": "KR"}, "JP"),
    "en": ("im korean but im studying abroad in japan", {"korean": "KR", "japan": "JP"}, "JP"),
}


def test_where_someone_studies_or_works_is_where_they_live(language: str) -> None:
    text, places, lived = STUDIES_OR_WORKS_IN[language]
    tracker = make_tracker("describe_sharing", {}, text=text, entities=entities(text, places))
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


IN_PASSING = {
    "fr": ("AU", "est-ce qu'il peut aussi être puni par la loi coréenne ?", {"coréenne": "KR"}),
    "ko": ("AU", "한국 법으로도 처벌 가능해요?", {"한국": "KR"}),
    "en": ("IE", "can i also file a complaint in india since he is indian too", {"india": "IN"}),
}
SHORT_ANSWER = {"fr": "non, en Corée", "ko": "아니요 한국이요", "en": "no, Korea"}
SITE_ABROAD = {
    "fr": ("c'est sur un site hébergé en Russie, on peut le faire retirer ?", {"Russie": "RU"}),
    "ko": ("러시아 사이트에 올라갔는데 삭제 가능해요?", {"러시아": "RU"}),
    "en": ("it's on a site based in Russia, can it still be removed?", {"Russia": "RU"}),
}


def conversation(before: str | None, text: str, named: dict[str, str]) -> Any:
    events = [{"event": "slot", "name": "country", "value": before}] if before else []
    found = entities(text, named)
    events += [{"event": "user", "text": text}] + [
        {"event": "slot", "name": "country", "value": e["value"]} for e in found
    ]
    slots = {"country": found[-1]["value"] if found else before}
    return make_tracker("ask_offence", slots, text=text, entities=found, events=events)


def test_another_country_named_in_passing_keeps_where_the_person_lives(language: str) -> None:
    before, text, named = IN_PASSING[language]
    tracker = conversation(before, text, named)
    assert country_in_message(tracker) is None
    assert country_slot(tracker) == before


def test_a_short_answer_naming_another_country_changes_it(language: str) -> None:
    text = SHORT_ANSWER[language]
    name = {"fr": "Corée", "ko": "한국", "en": "Korea"}[language]
    tracker = conversation("FR", text, {name: "KR"})
    assert country_in_message(tracker) == "KR"
    assert country_slot(tracker) == "KR"


@pytest.mark.parametrize("before", [None, "FR"])
def test_where_a_site_is_hosted_is_not_where_the_person_lives(language: str, before: str | None) -> None:
    text, named = SITE_ABROAD[language]
    tracker = conversation(before, text, named)
    assert country_in_message(tracker) is None
    assert country_slot(tracker) == before


@pytest.mark.parametrize("code", ["NG", "KE", "GH", "IN", "BE", "CH", "ML", "PK"])
def test_every_country_is_known_by_its_code(code: str) -> None:
    assert known_country(code) == code


A_SITE_THEN_WHERE_I_LIVE = {
    "fr": ("mon ex a mis ma vidéo sur un site porno, je suis en France", {"France": "FR"}),
    "ko": ("전남친이 제 영상을 사이트에 올렸어요, 한국에 살아요", {"한국": "KR"}),
    "en": ("my ex posted my video on a porn site, im in the us", {"us": "US"}),
}


def test_a_site_named_before_a_comma_leaves_where_the_person_lives(language: str) -> None:
    """"un site porno, je suis en France": the comma ends what is said of the site, France is where she lives."""
    text, named = A_SITE_THEN_WHERE_I_LIVE[language]
    tracker = conversation(None, text, named)
    assert country_in_message(tracker) == next(iter(named.values()))
    assert country_slot(tracker) == next(iter(named.values()))
