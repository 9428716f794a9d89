"""A question about who can get help in a language is no choice of language for this chat.

"Can she get help in english?" used to switch the chat to English for good (a chosen language sticks).
"""

from __future__ import annotations

import pytest

from actions.conversation import ActionChangeLanguage
from tests.actions.conftest import run, spoken

ABOUT_SOMEONE = {
    "fr": ("est-ce qu'elle peut avoir de l'aide en anglais ?", "en"),
    "ko": ("엄마는 한국어만 하시는데 엄마도 이거 쓸 수 있어요?", "ko"),
    "en": ("can she get help in french? she doesn't speak english well", "fr"),
}
ABOUT_A_SERVICE = {
    "fr": ("est-ce que la ligne parle coréen ?", "ko"),
    "ko": ("영어로도 상담 돼요?", "en"),
    "en": ("does the hotline speak korean?", "ko"),
}
CHOICE = {
    "fr": ("on peut parler en anglais ?", "en"),
    "ko": ("영어로 해 주세요", "en"),
    "en": ("can you answer in korean please", "ko"),
}


@pytest.mark.parametrize("table", [ABOUT_SOMEONE, ABOUT_A_SERVICE], ids=["someone", "service"])
def test_asking_who_can_use_a_language_chooses_none(language: str, table: dict[str, tuple[str, str]]) -> None:
    text, named = table[language]
    entities = [{"entity": "language", "value": named}]
    outcome = run(ActionChangeLanguage(), "change_language", {"language": language}, text=text, entities=entities)
    assert outcome.texts[0] == spoken(language, "language.available")
    assert outcome.slot("chosen_language") is None
    assert outcome.slot("language") == language
    assert {"/change_language{\"language\": \"fr\"}", "/change_language{\"language\": \"ko\"}"} <= set(outcome.payloads)


def test_asking_relais_for_a_language_is_a_choice(language: str) -> None:
    text, named = CHOICE[language]
    entities = [{"entity": "language", "value": named}]
    outcome = run(ActionChangeLanguage(), "change_language", {"language": language}, text=text, entities=entities)
    assert outcome.slot("chosen_language") == named
    assert outcome.texts[0] == spoken(named, "language.switched")


NATIONALITY_AND_HOME = {
    "fr": ("je suis coréenne mais j'habite à Paris", "ko", {"Paris": "FR"}),
    "ko": ("저 프랑스 사람인데 서울에 살아요", "fr", {"서울": "KR"}),
    "en": ("hi. im french but living in Seoul for work", "fr", {"Seoul": "KR"}),
}


def test_a_nationality_chooses_no_language_and_the_home_country_is_taken(language: str) -> None:
    text, named, places = NATIONALITY_AND_HOME[language]
    entities = [{"entity": "language", "value": named}] + [
        {"entity": "country", "value": code, "start": text.index(name), "end": text.index(name) + len(name)}
        for name, code in places.items()
    ]
    outcome = run(ActionChangeLanguage(), "change_language", {"language": language}, text=text, entities=entities)
    assert outcome.slot("chosen_language") is None
    assert outcome.slot("country") in ("FR", "KR")
    assert spoken(language, "language.switched") not in outcome.texts
