"""The places Relais knows by name besides France and South Korea, in each language.

United Kingdom (England and Wales, pointer for Scotland and Northern Ireland), United States,
Canada, Australia and Ireland: the offence with its law and penalty, where to report, where to
get content removed, the crisis line and emergency number, and the child route.
"""

from __future__ import annotations

import html
from typing import Any

import pytest

from actions.conversation import ActionInform
from actions.guidance import SITUATIONS
from actions.jurisdiction import JURISDICTIONS, OTHER, jurisdiction
from actions.offence import OWN_IMAGES, ActionOffence
from actions.reporting import ActionRemoval, ActionReport
from actions.review import PLACES as REVIEWED
from actions.review import page, transcripts
from actions.safety import ActionCrisis, ActionMinor, ActionSupport
from content.knowledge import contact, law
from content.knowledge.facts import WITHHELD
from content.knowledge.formatting import citation, placeholders
from content.texts import raw
from tests.actions.conftest import run, spoken

PLACES = ("GB", "US", "CA", "AU", "IE")

OFFENCE_LAWS = {
    ("GB", "sharing"): ["GB.sharing"],
    ("GB", "deepfake"): ["GB.sharing", "GB.deepfake_creating", "GB.deepfake_requesting"],
    ("GB", "sextortion"): ["GB.threat", "GB.sharing"],
    ("GB", "hidden_filming"): ["GB.taking", "GB.equipment", "GB.sharing"],
    ("US", "sharing"): ["US.act", "US.act_minor", "US.civil"],
    ("US", "deepfake"): ["US.act", "US.forgery_threat"],
    ("US", "sextortion"): ["US.threat", "US.forgery_threat"],
    ("US", "hidden_filming"): ["US.act"],
    ("CA", "sharing"): ["CA.sharing"],
    ("CA", "deepfake"): ["CA.sharing", "CA.victims_bill"],
    ("CA", "sextortion"): ["CA.sharing", "CA.victims_bill"],
    ("CA", "hidden_filming"): ["CA.sharing"],
    ("AU", "sharing"): ["AU.sharing"],
    ("AU", "deepfake"): ["AU.sharing", "AU.aggravated"],
    ("AU", "sextortion"): ["AU.sharing"],
    ("AU", "hidden_filming"): ["AU.sharing"],
    ("IE", "sharing"): ["IE.sharing", "IE.sharing_harm"],
    ("IE", "deepfake"): ["IE.sharing_harm"],
    ("IE", "sextortion"): ["IE.sharing_harm"],
    ("IE", "hidden_filming"): ["IE.sharing"],
}
REPORT = {
    "GB": ["GB.emergency", "GB.police", "GB.helpline"],
    "US": ["US.emergency", "US.cybertipline"],
    "CA": [],
    "AU": ["AU.esafety", "AU.emergency"],
    "IE": ["IE.emergency", "IE.emergency_alt", "IE.hotline"],
}
REMOVAL = {"GB": ["GB.helpline"], "US": ["US.ftc"], "CA": [], "AU": ["AU.esafety"], "IE": ["IE.hotline"]}
CRISIS = {
    "GB": ["GB.crisis", "GB.emergency"],
    "US": ["US.crisis", "US.emergency"],
    "CA": ["CA.crisis"],
    "AU": ["AU.crisis", "AU.crisis_text", "AU.emergency"],
    "IE": ["IE.crisis", "IE.pieta", "IE.emergency", "IE.emergency_alt"],
}
SUPPORT = {
    "GB": ["GB.helpline", "GB.crisis"],
    "US": ["US.crisis"],
    "CA": ["CA.crisis"],
    "AU": ["AU.crisis", "AU.respect"],
    "IE": ["IE.crisis", "IE.pieta"],
}
MINOR = {"GB": [], "US": ["US.cybertipline"], "CA": [], "AU": ["AU.esafety"], "IE": ["IE.hotline"]}


def slots(country: str, **extra: Any) -> dict[str, Any]:
    return {"country": country, **extra}


def test_the_places_relais_knows_and_the_honest_rest() -> None:
    assert all(jurisdiction(place) == place for place in PLACES)
    assert set(PLACES) < set(JURISDICTIONS)
    assert jurisdiction("BE") == OTHER and jurisdiction("NZ") == OTHER


@pytest.mark.parametrize(("place", "situation"), sorted(OFFENCE_LAWS))
def test_offence_names_the_law_and_its_penalty(language: str, place: str, situation: str) -> None:
    out = run(ActionOffence(), intent="ask_offence", slots=slots(place, situation=situation, language=language))
    assert out.texts[0] == spoken(language, f"offence.{place}.{situation}")
    shown = placeholders(language, raw)
    for key in OFFENCE_LAWS[(place, situation)]:
        assert citation(law(key).citation, language) in out.text, key
    cited = OFFENCE_LAWS[(place, situation)]
    penalties = [shown["penalty_" + key.replace(".", "_")] for key in cited if law(key).penalty]
    assert any(penalty in out.text for penalty in penalties)
    fault = "legal.not_your_fault.own_images" if situation in OWN_IMAGES else "legal.not_your_fault"
    assert spoken(language, fault) in out.texts
    assert spoken(language, "legal.disclaimer") in out.texts


@pytest.mark.parametrize("situation", SITUATIONS)
def test_england_and_wales_points_to_scotland_and_northern_ireland(language: str, situation: str) -> None:
    text = spoken(language, f"offence.GB.{situation}")
    pointer = {
        "en": "Scotland and Northern Ireland",
        "fr": "L'Écosse et l'Irlande du Nord",
        "ko": "스코틀랜드와 북아일랜드",
    }
    assert pointer[language] in text


def test_the_us_offence_is_the_take_it_down_act_since_its_signature(language: str) -> None:
    text = spoken(language, "offence.US.sharing")
    assert "TAKE IT DOWN Act" in text
    assert {"en": "May 19, 2025", "fr": "19 mai 2025", "ko": "2025년 5월 19일"}[language] in text


def test_canada_never_claims_the_new_law_is_in_force(language: str) -> None:
    for situation in ("deepfake", "sextortion"):
        text = spoken(language, f"offence.CA.{situation}")
        assert {"en": "could not check", "fr": "pas pu vérifier", "ko": "확인하지 못했어요"}[language] in text


@pytest.mark.parametrize("place", PLACES)
def test_reporting_names_the_local_services(language: str, place: str) -> None:
    out = run(ActionReport(), intent="ask_report", slots=slots(place, language=language))
    assert spoken(language, f"report.{place}") in out.texts
    for key in REPORT[place]:
        assert contact(key).value in out.text, key


@pytest.mark.parametrize("place", PLACES)
def test_removal_names_the_local_route_and_the_hashing_tools(language: str, place: str) -> None:
    out = run(ActionRemoval(), intent="ask_removal", slots=slots(place, language=language))
    assert spoken(language, f"removal.{place}") in out.texts
    for key in [*REMOVAL[place], "INT.stopncii", "INT.take_it_down"]:
        assert contact(key).value in out.text, key


def test_us_removal_gives_the_48_hour_duty_and_the_ftc_after_the_platform(language: str) -> None:
    text = spoken(language, "removal.US")
    assert {"en": "48 hours", "fr": "48\xa0heures", "ko": "48시간"}[language] in text
    assert text.index(contact("US.ftc").value) > text.index({"en": "request", "fr": "demande", "ko": "요청"}[language])


@pytest.mark.parametrize("place", PLACES)
def test_crisis_line_and_emergency_number_come_first(language: str, place: str) -> None:
    out = run(ActionCrisis(), intent="crisis", slots=slots(place, language=language))
    for key in CRISIS[place]:
        assert contact(key).value in out.texts[0], key
    assert out.slot("in_crisis") is True
    assert "/request_human" in out.payloads


def test_canada_gets_its_own_line_never_the_us_one(language: str) -> None:
    first = run(ActionCrisis(), intent="crisis", slots=slots("CA", language=language)).texts[0]
    assert contact("CA.crisis").value in first
    assert contact("US.crisis").value not in first.replace(contact("CA.crisis").value, "")


@pytest.mark.parametrize("place", PLACES)
def test_support_gives_local_people_to_talk_to(language: str, place: str) -> None:
    out = run(ActionSupport(), intent="express_distress", slots=slots(place, language=language))
    assert out.texts[0] == spoken(language, "support.kind")
    for key in SUPPORT[place]:
        assert contact(key).value in out.text, key


@pytest.mark.parametrize("place", PLACES)
def test_minors_get_the_local_child_route(language: str, place: str) -> None:
    out = run(ActionMinor(), intent="report_minor", slots=slots(place, language=language))
    assert out.slot("is_minor") is True
    assert spoken(language, "minor.never_save") in out.texts
    assert spoken(language, f"minor.{place}") in out.texts
    for key in [*MINOR[place], "INT.take_it_down"]:
        assert contact(key).value in out.text, key


@pytest.mark.parametrize("place", PLACES)
def test_naming_the_place_is_acknowledged_and_resumes_the_question(language: str, place: str) -> None:
    out = run(
        ActionInform(),
        intent="inform",
        slots={"language": language, "pending_topic": "report", "country": None},
        entities=[{"entity": "country", "value": place}],
    )
    assert out.texts[0] == spoken(language, f"country.noted.{place}")
    assert spoken(language, f"report.{place}") in out.texts
    assert out.slot("country") == place


def test_make_content_reviews_every_place_and_what_was_left_out() -> None:
    shown = {(turn.language, turn.place) for turn in transcripts()}
    for place in PLACES:
        assert all((language, REVIEWED[place]) in shown for language in ("fr", "ko", "en")), place
    text = page()
    assert all(html.escape(item.what) in text for item in WITHHELD.values())


UNSURE = {"fr": ["jsp", "je sais pas"], "ko": ["몰라", "잘 모르겠어요"], "en": ["idk", "not sure"]}


@pytest.mark.parametrize("intent", ["nlu_fallback", "out_of_scope", "inform"])
def test_i_dont_know_to_the_country_question_asks_it_again_kindly_never_not_understood(
    language: str, intent: str
) -> None:
    from actions.conversation import ActionClarify, ActionInform, ActionOutOfScope

    action = {"nlu_fallback": ActionClarify(), "out_of_scope": ActionOutOfScope(), "inform": ActionInform()}[intent]
    for text in UNSURE[language]:
        outcome = run(action, intent, {"language": language, "offer": "country"}, text=text)
        assert outcome.texts == [spoken(language, "country.ask.again")], (text, outcome.texts)
        assert outcome.slot("offer") == "country"
    plain = run(ActionClarify(), "nlu_fallback", {"language": language}, text=UNSURE[language][0])
    assert spoken(language, "country.ask.again") not in plain.texts, "no country question waits"


def test_the_country_question_asked_again_after_another_answer_is_asked_in_a_few_words(language: str) -> None:
    """"should I pay?" right after "which country?": the answer, then the question in a few words, not again whole."""
    from actions.situation import ActionSituation

    pay = {"fr": "je dois payer ?", "ko": "돈 보내야 해요?", "en": "should i just pay"}[language]
    slots = {"language": language, "situation": "sextortion", "offer": "country"}
    outcome = run(ActionSituation(), "describe_sextortion", slots, text=pay)
    assert outcome.texts[0] == spoken(language, "sextortion.dont_pay")
    assert outcome.texts[-1] == spoken(language, "country.ask.short"), outcome.texts
    assert spoken(language, "country.ask") not in outcome.texts
    first = run(ActionSituation(), "describe_sextortion", {"language": language}, text=pay)
    assert spoken(language, "country.ask") in first.texts, "asked whole the first time"
