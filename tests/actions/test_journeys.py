"""Every journey x jurisdiction x language, asserting what the person reads."""

from __future__ import annotations

from typing import Any

import pytest

from actions.conversation import ActionClarify, ActionInform
from actions.evidence import ActionEvidence
from actions.jurisdiction import COUNTRY_QUESTION
from actions.offence import OWN_IMAGES, ActionOffence
from actions.reporting import ActionRemoval, ActionReport
from actions.safety import ActionCrisis, ActionMinor, ActionSupport
from actions.situation import ActionSituation
from content.knowledge import contact, law
from content.knowledge.formatting import citation
from content.texts import render
from tests.actions.conftest import run, spoken

JURISDICTION_COUNTRY = {"FR": "FR", "KR": "KR", "other": "BE"}


def said(language: str, key: str) -> str:
    return spoken(language, key, days=30)


def slots(country: str | None, **extra: Any) -> dict[str, Any]:
    return {"country": country, **extra}


OFFENCE_CITATIONS = {
    ("FR", "sharing"): ["FR.sharing"],
    ("FR", "deepfake"): ["FR.deepfake"],
    ("FR", "sextortion"): ["FR.sextortion", "FR.sextortion_carried_out"],
    ("FR", "hidden_filming"): ["FR.hidden_filming", "FR.sharing"],
    ("KR", "sharing"): ["KR.sharing"],
    ("KR", "deepfake"): ["KR.deepfake", "KR.deepfake_possession"],
    ("KR", "sextortion"): ["KR.sextortion", "KR.sextortion_coercion"],
    ("KR", "hidden_filming"): ["KR.hidden_filming", "KR.sharing"],
}


@pytest.mark.parametrize(("where", "situation"), sorted(OFFENCE_CITATIONS))
def test_offence_cites_the_article_and_the_key_message(language: str, where: str, situation: str) -> None:
    out = run(ActionOffence(), intent="ask_offence", slots=slots(where, situation=situation, language=language))
    for key in OFFENCE_CITATIONS[(where, situation)]:
        assert citation(law(key).citation, language) in out.text
    fault = "legal.not_your_fault.own_images" if situation in OWN_IMAGES else "legal.not_your_fault"
    assert said(language, fault) in out.texts
    assert said(language, "legal.disclaimer") in out.texts
    assert "/ask_report" in out.payloads


def test_offence_elsewhere_is_honest_and_points_to_local_help(language: str) -> None:
    out = run(ActionOffence(), intent="ask_offence", slots=slots("BE", situation="sharing", language=language))
    assert said(language, "offence.other") in out.texts
    assert said(language, "legal.disclaimer") in out.texts
    uk = run(ActionOffence(), intent="ask_offence", slots=slots("GB", situation="deepfake", language=language))
    assert law("GB.sharing").citation in uk.text


@pytest.mark.parametrize("where", ["FR", "KR", "other"])
def test_evidence_checklist_warnings_and_local_specifics(language: str, where: str) -> None:
    out = run(ActionEvidence(), intent="ask_evidence", slots=slots(JURISDICTION_COUNTRY[where], language=language))
    assert said(language, "evidence.checklist") in out.texts
    assert said(language, "evidence.never_forward") in out.texts
    if where != "other":
        assert said(language, f"evidence.{where}") in out.texts


def test_evidence_for_a_minor_says_never_to_save_the_images(language: str) -> None:
    out = run(ActionEvidence(), intent="ask_evidence", slots=slots("FR", is_minor=True, language=language))
    assert said(language, "evidence.minor") in out.texts


REPORT_CONTACTS = {
    "FR": ["FR.pharos", "FR.point_de_contact", "FR.police"],
    "KR": ["KR.women_line", "KR.dsc_phone", "KR.commission", "KR.police", "KR.ecrm"],
    "other": [],
}


@pytest.mark.parametrize("where", sorted(REPORT_CONTACTS))
def test_reporting_names_the_right_services(language: str, where: str) -> None:
    out = run(ActionReport(), intent="ask_report", slots=slots(JURISDICTION_COUNTRY[where], language=language))
    for key in REPORT_CONTACTS[where]:
        assert contact(key).value in out.text, key


NO_COMPLAINT = {
    "fr": ("je veux pas porter plainte", "FR"),
    "ko": ("고소는 하기 싫어요", "KR"),
    "en": ("i dont want to go to the police", "GB"),
}


MORE_NO_COMPLAINT = {
    "fr": ["pas envie de porter plainte contre lui", "jveux pas aller voir la police"],
    "ko": ["경찰서 가기 싫어요", "경찰 부르긴 좀 그래"],
    "en": ["i dont want to go to the cops its embarrassing", "i don't want to press charges"],
}


def test_not_wanting_a_complaint_gets_removal_without_one_never_the_complaints_steps(language: str) -> None:
    for other in MORE_NO_COMPLAINT[language]:
        out = run(ActionReport(), intent="ask_report", slots=slots("FR", language=language), text=other)
        assert out.texts[0] == said(language, "report.no_complaint"), other
    text, country = NO_COMPLAINT[language]
    out = run(ActionReport(), intent="ask_report", slots=slots(country, language=language), text=text)
    assert out.texts[0] == said(language, "report.no_complaint")
    assert said(language, "removal.intro") in out.texts
    assert not [t for t in out.texts if t.startswith(said(language, f"report.{country}")[:40])], out.text
    wants = {"fr": "je veux porter plainte", "ko": "고소하고 싶어요", "en": "i want to go to the police"}[language]
    complaint = run(ActionReport(), intent="ask_report", slots=slots(country, language=language), text=wants)
    assert said(language, "report.no_complaint") not in complaint.texts
    story = {
        "fr": "mon ex a mis mes photos sur un site, ",
        "ko": "전남친이 제 사진을 올렸는데 ",
        "en": "my ex posted my pics, ",
    }
    told = run(ActionSituation(), "describe_sharing", slots(country, language=language), text=story[language] + text)
    assert said(language, "report.no_complaint") in told.texts and said(language, "removal.intro") in told.texts


@pytest.mark.parametrize("action", [ActionReport(), ActionRemoval(), ActionSupport()])
def test_another_country_never_hears_services_of_countries_it_is_not(language: str, action: Any) -> None:
    intent = {"action_report": "ask_report", "action_removal": "ask_removal"}.get(action.name(), "express_distress")
    out = run(action, intent=intent, slots=slots(JURISDICTION_COUNTRY["other"], language=language))
    for key in ("GB.helpline", "AU.esafety", "FR.pharos", "KR.women_line"):
        assert contact(key).value not in out.text, key
    assert out.text


@pytest.mark.parametrize("where", ["FR", "KR", "other"])
def test_removal_offers_hashing_by_age(language: str, where: str) -> None:
    adult = run(ActionRemoval(), intent="ask_removal", slots=slots(JURISDICTION_COUNTRY[where], language=language))
    assert contact("INT.stopncii").value in adult.text
    assert contact("INT.take_it_down").value in adult.text
    minor = run(
        ActionRemoval(),
        intent="ask_removal",
        slots=slots(JURISDICTION_COUNTRY[where], is_minor=True, language=language),
    )
    assert contact("INT.stopncii").value not in minor.text
    assert contact("INT.take_it_down").value in minor.text


@pytest.mark.parametrize(
    ("country", "line"),
    [("FR", "FR.crisis"), ("KR", "KR.crisis"), ("GB", "GB.crisis"), ("US", "US.crisis"), ("AU", "AU.emergency")],
)
def test_crisis_line_comes_first_for_the_jurisdiction(language: str, country: str, line: str) -> None:
    out = run(ActionCrisis(), intent="crisis", slots=slots(country, language=language))
    assert contact(line).value in out.texts[0]
    assert out.slot("in_crisis") is True
    assert "/request_human" in out.payloads


@pytest.mark.parametrize(("language", "line"), [("fr", "FR.crisis"), ("ko", "KR.crisis"), ("en", "US.crisis")])
def test_crisis_without_a_country_still_gives_lines_at_once(language: str, line: str) -> None:
    out = run(ActionCrisis(), intent="crisis", slots=slots(None, language=language))
    assert contact(line).value in out.texts[0]
    assert contact("EU.emergency").value in out.texts[0]


def test_a_country_named_in_the_crisis_message_decides_the_line(language: str) -> None:
    out = run(
        ActionCrisis(),
        intent="crisis",
        slots=slots("FR", language=language),
        entities=[{"entity": "country", "value": "KR"}],
    )
    assert contact("KR.crisis").value in out.texts[0]


@pytest.mark.parametrize(
    ("where", "lines"),
    [
        ("FR", ["FR.minors_line", "FR.child_danger"]),
        ("KR", ["KR.women_line", "KR.dsc_phone"]),
        ("other", ["US.cybertipline"]),
    ],
)
def test_minors_get_the_child_protection_route(language: str, where: str, lines: list[str]) -> None:
    out = run(ActionMinor(), intent="report_minor", slots=slots(JURISDICTION_COUNTRY[where], language=language))
    assert out.slot("is_minor") is True
    assert said(language, "minor.never_save") in out.texts
    assert contact("INT.take_it_down").value in out.text
    for key in lines:
        assert contact(key).value in out.text


@pytest.mark.parametrize(("where", "line"), [("FR", "FR.victims"), ("KR", "KR.women_line"), ("other", None)])
def test_support_is_kind_and_gives_helplines(language: str, where: str, line: str | None) -> None:
    out = run(ActionSupport(), intent="express_distress", slots=slots(JURISDICTION_COUNTRY[where], language=language))
    assert out.texts[0] == said(language, "support.kind")
    assert line is None or contact(line).value in out.text
    assert out.payloads[0] == "/request_human"


def test_support_without_a_country_does_not_insist_and_gives_the_lines_once_the_country_comes(language: str) -> None:
    out = run(ActionSupport(), intent="express_distress", slots=slots(None, language=language))
    assert said(language, "support.which_country") in out.texts
    assert out.slot("offer") is None, "no question left open: a person may not want to say"
    assert out.slot("pending_topic") == "support"
    given = run(
        ActionInform(),
        intent="inform",
        slots=slots(None, language=language, pending_topic="support"),
        entities=[{"entity": "country", "value": "GB"}],
    )
    assert said(language, "country.noted.GB") in given.texts
    assert said(language, "support.GB") in given.texts
    assert given.slot("pending_topic") is None


def test_an_unknown_country_is_asked_once_then_the_journey_resumes(language: str) -> None:
    asked = run(ActionReport(), intent="ask_report", slots=slots(None, language=language))
    assert asked.slot("pending_topic") == "report"
    assert '/inform{"country": "FR"}' in asked.payloads
    resumed = run(
        ActionInform(),
        intent="inform",
        slots=slots(None, language=language, pending_topic="report"),
        entities=[{"entity": "country", "value": "FR"}],
    )
    assert said(language, "country.noted.FR") in resumed.texts
    assert contact("FR.pharos").value in resumed.text
    assert resumed.slot("pending_topic") is None
    assert resumed.slot("country") == "FR"


def test_the_country_question_stays_open_for_the_next_message(language: str) -> None:
    """Asked after a journey or a story, the country question is what an "ok" next answers (`offer`)."""
    journey = run(ActionReport(), intent="ask_report", slots=slots(None, language=language))
    story = run(ActionSituation(), intent="describe_sharing", slots=slots(None, language=language))
    for asked in (journey, story):
        assert asked.texts[-1] == said(language, "country.ask")
        assert asked.slot("offer") == COUNTRY_QUESTION


def test_a_long_first_message_sets_situation_country_and_minor(language: str) -> None:
    out = run(
        ActionSituation(),
        intent="describe_sharing",
        slots=slots(None, language=language),
        entities=[{"entity": "country", "value": "KR"}, {"entity": "age", "value": "15"}],
    )
    assert out.slot("situation") == "sharing"
    assert out.slot("country") == "KR"
    assert out.slot("is_minor") is True
    assert out.texts[0] == said(language, "situation.ack.sharing")


def test_sextortion_acknowledgement_says_do_not_pay_first(language: str) -> None:
    out = run(ActionSituation(), intent="describe_sextortion", slots=slots("FR", language=language))
    assert out.texts[0] == said(language, "situation.ack.sextortion")
    assert "/ask_evidence" in out.payloads


def test_two_countries_in_one_message_are_not_guessed(language: str) -> None:
    out = run(
        ActionSituation(),
        intent="describe_sharing",
        slots=slots(None, language=language),
        entities=[{"entity": "country", "value": "KR"}, {"entity": "country", "value": "FR"}],
    )
    assert out.slot("country") is None
    assert '/inform{"country": "KR"}' in out.payloads


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("mon ex a diffusé mes photos intimes, c'est illégal ?", "sharing"),
        ("il me fait du chantage avec une vidéo, c'est puni ?", "sextortion"),
        ("someone made a deepfake of me, is that a crime?", "deepfake"),
        ("몰카 찍혔어요 이거 처벌돼요?", "hidden_filming"),
    ],
)
def test_a_question_told_with_its_story_is_answered_with_the_story(text: str, situation: str) -> None:
    out = run(ActionOffence(), intent="ask_offence", text=text, slots=slots("FR", language="en"))
    assert out.slot("situation") == situation
    assert out.texts[0] == said("en", f"situation.ack.{situation}")
    assert law(f"FR.{situation}").citation in out.text


def test_a_journey_asked_again_at_once_says_the_steps_are_just_above(language: str) -> None:
    """"should i unplug it or leave it for the police?" right after the report's steps got the same five bubbles
    again: asked again at once, for the same country and story, the steps are said to be just above."""
    slots = {"language": language, "country": "FR", "situation": "sharing"}
    first = run(ActionReport(), "ask_report", slots, text="?")
    given = first.slot("journey_given")
    report = render(language, "report.platform")
    assert given and report in first.texts
    again = run(ActionReport(), "ask_report", {**slots, "journey_given": given}, text="?")
    assert again.texts == [render(language, "journey.again")], again.texts
    other_story = run(ActionReport(), "ask_report", {**slots, "journey_given": given, "situation": "hidden_filming"},
                      text="?")
    assert report in other_story.texts
    removal = run(ActionRemoval(), "ask_removal", {**slots, "journey_given": given}, text="?")
    assert render(language, "removal.intro") in removal.texts
    later = run(ActionClarify(), "nlu_fallback", {**slots, "journey_given": given}, text="hm")
    assert later.slot("journey_given") is None, "said on the turn before only"


REMOVAL_WISH_READ_AS_DISTRESS = {
    "fr": "la police non merci, je veux juste que les photos disparaissent",
    "ko": "경찰은 싫어 그냥 지우기만 하고 싶어",
    "en": "no police, i just want the pics gone",
}


def test_a_wish_that_the_images_be_gone_read_as_distress_gets_the_removal_steps(language: str) -> None:
    """"경찰은 싫어 그냥 지우기만 하고 싶어" (the README's own example) read as distress got the suicide question."""
    slots = {"language": language, "country": "FR", "situation": "sharing"}
    outcome = run(ActionSupport(), "express_distress", slots, text=REMOVAL_WISH_READ_AS_DISTRESS[language])
    assert render(language, "removal.intro") in outcome.texts, outcome.texts
    assert render(language, "support.crisis_hint") not in outcome.texts


OPTIONS_READ_AS_DISTRESS = {
    "fr": "ça va, il est pas là en ce moment, je veux juste connaître mes options",
    "ko": "괜찮아요 지금은 없어요 그냥 뭘 할 수 있는지 알고 싶어요",
    "en": "i'm fine, he isn't here right now, i just want to know my options",
}


def test_what_to_do_read_as_distress_after_a_story_gets_the_steps(language: str) -> None:
    """"i'm fine… i just want to know my options" got "what you are feeling is a normal reaction" and the suicide
    question."""
    slots = {"language": language, "country": "FR", "situation": "sextortion"}
    outcome = run(ActionSupport(), "express_distress", slots, text=OPTIONS_READ_AS_DISTRESS[language])
    assert render(language, "support.kind") not in outcome.texts, outcome.texts
    assert render(language, "support.crisis_hint") not in outcome.texts
    before = run(ActionSupport(), "express_distress", {"language": language}, text=OPTIONS_READ_AS_DISTRESS[language])
    assert render(language, "support.kind") in before.texts, "with no story told, the person is heard first"


def test_a_minor_hears_take_it_down_before_the_countrys_removal_requests(language: str) -> None:
    """A 15-year-old in Ohio heard the TAKE IT DOWN Act's adult "valid request… your signature" first, and only then
    "if you were under 18, use Take It Down"."""
    minor = run(ActionRemoval(), "ask_removal", {"language": language, "country": "US", "is_minor": True}, text="?")
    texts = minor.texts
    assert texts.index(render(language, "removal.hash.minor")) < texts.index(render(language, "removal.intro")) + 2
    adult = run(ActionRemoval(), "ask_removal", {"language": language, "country": "US"}, text="?").texts
    assert adult.index(render(language, "removal.hash.adult")) > 1


def test_asking_to_report_at_the_report_offer_takes_it_up(language: str) -> None:
    """"ok let's do it, report it" at "shall I prepare your report?", right after the report's steps, got "the steps
    are just above" and the offer was lost."""
    slots = {"language": language, "country": "FR", "situation": "sharing", "offer": "intake",
             "journey_given": "report:FR:sharing:False"}
    typed = {"fr": "ok on y va, signalez-le", "ko": "네 신고해 주세요", "en": "ok let's do it, report it"}[language]
    outcome = run(ActionReport(), "ask_report", slots, text=typed)
    assert any(e.get("event") == "followup" and e.get("name") == "intake_form" for e in outcome.events), outcome.texts
    assert render(language, "journey.again") not in outcome.texts
