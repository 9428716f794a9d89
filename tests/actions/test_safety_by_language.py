"""Safety while the country is unknown: the language's own country first.

A person in crisis or a minor who has not said where they live reads the crisis lines and the
child route of the country whose language they write in first, with that country's emergency
number: France for French, South Korea for Korean. English has no such country: the five
English-speaking jurisdictions Relais supports come before France and Korea.
"""

from __future__ import annotations

import re

import pytest

from actions.conversation import ActionInform
from actions.language import DEFAULT_LANGUAGE
from actions.offence import ActionOffence
from actions.review import simulate, tracker
from actions.safety import ActionCrisis, ActionMinor
from actions.situation import ActionSituation
from content.knowledge import contact
from tests.actions.conftest import run, spoken
from vocabulary.parse_keys import OOD_KEY

HOME_FIRST = {"fr": ("FR.crisis", "FR.samu"), "ko": ("KR.crisis", "KR.police")}
"""The first two numbers a French or Korean writer with no country reads: the line, then the emergency number."""
ENGLISH_SPEAKING_LINES = ("GB.crisis", "US.crisis", "CA.crisis", "AU.crisis")
CHILD_ROUTE = {"fr": "minor.FR", "ko": "minor.KR", "en": "minor.other"}
A_MINOR_UNDER_THREAT = {
    "fr": "il menace de publier mes photos, j'ai 15 ans",
    "ko": "사진 퍼뜨린다고 협박해요 저 15살이에요",
    "en": "he threatens to post my pics, i'm 15 years old",
}
DO_NOT_PAY = {"fr": "ne payez pas", "ko": "돈이든 사진이든 더는 보내지", "en": "don't pay"}


def numbers(text: str) -> list[str]:
    """The phone numbers of a text, in reading order (digits, spaces and hyphens)."""
    return [n.strip() for n in re.findall(r"\d[\d \-]*\d|\d", text)]


@pytest.mark.parametrize("language", ["fr", "ko"])
def test_a_crisis_without_a_country_starts_with_the_languages_own_country(language: str) -> None:
    outcome = run(ActionCrisis(), "crisis", {"language": language})
    first = outcome.texts[0]
    assert first == spoken(language, "crisis.unknown")
    expected = [contact(key).value for key in HOME_FIRST[language]]
    assert numbers(first)[:2] == expected, first


def test_a_crisis_in_english_without_a_country_starts_with_the_english_speaking_countries() -> None:
    first = run(ActionCrisis(), "crisis", {"language": "en"}).texts[0]
    found = numbers(first)
    home = max(found.index(contact(key).value) for key in ENGLISH_SPEAKING_LINES)
    assert home < found.index(contact("FR.crisis").value) and home < found.index(contact("KR.crisis").value)
    for key in ("GB.emergency", "US.emergency", "AU.emergency"):
        assert found.index(contact(key).value) < found.index(contact("FR.crisis").value), key


def test_a_crisis_with_a_country_gives_that_country_whatever_the_language(language: str) -> None:
    outcome = run(ActionCrisis(), "crisis", {"language": language, "country": "KR"})
    assert outcome.texts[0] == spoken(language, "crisis.KR")


def test_korean_glosses_every_french_short_number() -> None:
    """A Korean reader takes 119 for the fire brigade and 15 for nothing: each comes with its name."""
    glosses = {contact("FR.samu").value: "SAMU", contact("FR.child_danger").value: "Allô Enfance en danger"}
    for key in ("crisis.FR", "crisis.unknown", "minor.FR"):
        text = spoken("ko", key)
        for number, name in glosses.items():
            for sentence in re.split(r"(?<=[.])\s", text):
                if re.search(rf"(?<![\d-]){number}(?![\d-])", sentence):
                    assert name in sentence, (key, sentence)


def test_a_minor_without_a_country_gets_the_child_route_of_the_language(language: str) -> None:
    outcome = run(ActionMinor(), "report_minor", {"language": language})
    assert spoken(language, CHILD_ROUTE[language]) in outcome.texts
    assert spoken(language, "minor.which_country") in outcome.texts
    if language != "en":
        assert spoken(language, "minor.other") not in outcome.texts


def test_a_minor_with_a_country_gets_that_country_and_no_question(language: str) -> None:
    outcome = run(ActionMinor(), "report_minor", {"language": language, "country": "GB"})
    assert spoken(language, "minor.GB") in outcome.texts
    assert spoken(language, "minor.which_country") not in outcome.texts


@pytest.mark.parametrize(("language", "country"), [("fr", "KR"), ("ko", "FR"), ("en", "GB"), ("ko", "BE")])
def test_the_child_route_moves_to_the_country_the_minor_then_gives(language: str, country: str) -> None:
    slots = {"language": language, "is_minor": True}
    outcome = run(ActionInform(), "inform", slots, entities=[{"entity": "country", "value": country}])
    local = "minor.other" if country == "BE" else f"minor.{country}"
    assert spoken(language, local) in outcome.texts


@pytest.mark.parametrize(("language", "country"), [("fr", "FR"), ("ko", "KR"), ("en", "NZ")])
def test_the_child_route_already_given_is_not_repeated(language: str, country: str) -> None:
    slots = {"language": language, "is_minor": True}
    outcome = run(ActionInform(), "inform", slots, entities=[{"entity": "country", "value": country}])
    assert not [text for text in outcome.texts if text.startswith(spoken(language, CHILD_ROUTE[language])[:20])]


def test_a_minor_facing_sextortion_is_told_not_to_pay_or_send_more(language: str) -> None:
    told_before = run(ActionMinor(), "report_minor", {"language": language, "situation": "sextortion"})
    assert spoken(language, "minor.sextortion") in told_before.texts
    assert DO_NOT_PAY[language] in told_before.text.lower()
    slots = {"language": language}
    told_now = run(ActionSituation(), "describe_sextortion", slots, text=A_MINOR_UNDER_THREAT[language])
    assert told_now.slot("is_minor") is True
    assert DO_NOT_PAY[language] in told_now.text.lower()
    assert spoken(language, "minor.sextortion") not in told_now.texts
    as_a_minor = run(ActionMinor(), "report_minor", slots, text=A_MINOR_UNDER_THREAT[language])
    assert as_a_minor.slot("situation") == "sextortion" and DO_NOT_PAY[language] in as_a_minor.text.lower()
    other = run(ActionMinor(), "report_minor", {"language": language, "situation": "deepfake"})
    assert spoken(language, "minor.sextortion") not in other.texts


@pytest.mark.parametrize("situation", ["deepfake", "hidden_filming"])
def test_deepfake_and_secret_filming_victims_never_hear_they_took_the_images(language: str, situation: str) -> None:
    outcome = run(ActionOffence(), "ask_offence", {"language": language, "country": "FR", "situation": situation})
    assert spoken(language, "legal.not_your_fault") in outcome.texts
    assert spoken(language, "legal.not_your_fault.own_images") not in outcome.texts
    shared = run(ActionOffence(), "ask_offence", {"language": language, "country": "FR", "situation": "sharing"})
    assert spoken(language, "legal.not_your_fault.own_images") in shared.texts


@pytest.mark.parametrize(
    ("text", "guessed"), [("ya no quiero vivir, me quiero matar", "fr"), ("ich will einfach nur sterben", "en")]
)
def test_a_crisis_in_another_language_is_answered_in_the_default_language_not_a_wrong_guess(
    text: str, guessed: str
) -> None:
    """Spanish was read as French and answered with France first; the other-language mark keeps it out."""
    conversation = tracker("crisis", {}, text=text, detection={"language": guessed, "reliable": True})
    conversation.latest_message[OOD_KEY] = "language"
    messages, _ = simulate(ActionCrisis(), conversation)
    assert messages[0]["text"] == spoken(DEFAULT_LANGUAGE, "crisis.unknown")
