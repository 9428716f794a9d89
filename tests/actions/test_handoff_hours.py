"""Asking for a person outside opening hours: said plainly, with helplines and the report offered."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from actions.conversation import ActionGreet
from actions.evidence import ActionEvidence
from actions.handoff import ActionRequestHuman
from actions.safety import ActionCrisis, ActionMinor, ActionSupport
from bot.staff.hours import DAYS, is_open, next_opening
from content.knowledge import contact
from content.knowledge.formatting import moment
from content.texts import render
from tests.actions.conftest import run

TIMEZONE = "Europe/Paris"


@pytest.fixture
def closed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open only on another day of the week, so the hotline is closed whenever the test runs."""
    tomorrow = DAYS[(datetime.now(ZoneInfo(TIMEZONE)).weekday() + 1) % 7]
    spec = f"{tomorrow} 09:00-18:00"
    monkeypatch.setenv("RELAIS_OPENING_HOURS", spec)
    monkeypatch.setenv("RELAIS_TIMEZONE", TIMEZONE)
    assert not is_open(spec, TIMEZONE)


@pytest.mark.usefixtures("closed_today")
def test_outside_hours_the_bot_says_so_and_offers_the_report(language: str) -> None:
    outcome = run(ActionRequestHuman(), "request_human", {"language": language, "country": "FR"})
    assert outcome.texts[0] == render(language, "handoff.closed_hours")
    assert render(language, "handoff.closed.offer") in outcome.text
    assert outcome.slot("offer") == "intake"
    assert outcome.slot("handoff_state") in (None, "none")


@pytest.mark.usefixtures("closed_today")
def test_outside_hours_an_existing_report_is_named(language: str) -> None:
    outcome = run(
        ActionRequestHuman(), "request_human", {"language": language, "country": "KR", "case_ref": "RL-ABCD-EFGH"}
    )
    assert render(language, "handoff.closed.case", reference="RL-ABCD-EFGH") in outcome.text
    assert outcome.slot("offer") is None


@pytest.mark.usefixtures("closed_today")
def test_outside_hours_the_person_is_told_when_the_team_is_next_available(language: str) -> None:
    outcome = run(ActionRequestHuman(), "request_human", {"language": language, "country": "FR"})
    opening = next_opening(os.environ["RELAIS_OPENING_HOURS"], TIMEZONE)
    assert opening is not None and opening.date() == datetime.now(ZoneInfo(TIMEZONE)).date() + timedelta(days=1)
    assert (opening.hour, opening.minute) == (9, 0)
    when, zone = moment(opening, language)
    assert outcome.texts[1] == render(language, "handoff.next_open", when=when, zone=zone)


@pytest.mark.usefixtures("closed_today")
@pytest.mark.parametrize(("country", "zone"), [("KR", "Asia/Seoul"), ("FR", "Europe/Paris"), ("GB", "Europe/London")])
def test_the_next_opening_is_in_the_persons_time_zone(language: str, country: str, zone: str) -> None:
    """Nine in the morning in Paris is five in the afternoon in Seoul (winter): a Korean person is told the latter."""
    outcome = run(ActionRequestHuman(), "request_human", {"language": language, "country": country})
    opening = next_opening(os.environ["RELAIS_OPENING_HOURS"], TIMEZONE)
    assert opening is not None
    when, name = moment(opening.astimezone(ZoneInfo(zone)), language)
    assert outcome.texts[1] == render(language, "handoff.next_open", when=when, zone=name)
    if zone != TIMEZONE:
        assert moment(opening, language) != (when, name)


@pytest.mark.usefixtures("closed_today")
def test_without_a_country_the_language_suggests_the_time_zone(language: str) -> None:
    """Korean without a country: Korean time; French: French time; English: the hotline's zone, named."""
    outcome = run(ActionRequestHuman(), "request_human", {"language": language})
    opening = next_opening(os.environ["RELAIS_OPENING_HOURS"], TIMEZONE)
    assert opening is not None
    zone = {"ko": "Asia/Seoul", "fr": "Europe/Paris", "en": TIMEZONE}[language]
    when, name = moment(opening.astimezone(ZoneInfo(zone)), language)
    assert render(language, "handoff.next_open", when=when, zone=name) in outcome.texts


@pytest.mark.usefixtures("closed_today")
def test_a_country_across_several_time_zones_hears_the_hotlines_named(language: str) -> None:
    outcome = run(ActionRequestHuman(), "request_human", {"language": language, "country": "US"})
    opening = next_opening(os.environ["RELAIS_OPENING_HOURS"], TIMEZONE)
    assert opening is not None
    when, name = moment(opening, language)
    assert render(language, "handoff.next_open", when=when, zone=name) in outcome.texts


COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}


@pytest.mark.usefixtures("closed_today")
def test_outside_hours_a_crisis_gives_the_line_and_offers_no_person(language: str) -> None:
    outcome = run(ActionCrisis(), "crisis", {"language": language, "country": COUNTRY[language]})
    assert outcome.texts[0].startswith(render(language, f"crisis.{COUNTRY[language]}")[:30])
    assert outcome.texts[-1] == render(language, "crisis.then.closed")
    assert "/request_human" not in outcome.payloads, "nobody is there to answer"
    assert outcome.payloads, "the rest of the menu is still offered"
    assert outcome.slot("offer") is None, "a yes would ask for a person who is not there"


@pytest.mark.usefixtures("closed_today")
def test_outside_hours_the_crisis_reminder_offers_no_person(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(ActionEvidence(), "ask_evidence", slots)
    line = contact(f"{COUNTRY[language]}.crisis").value
    assert outcome.texts[-1] == render(language, "crisis.reminder.closed", line=line)
    assert "/request_human" not in outcome.payloads and outcome.slot("offer") is None
    unknown = run(ActionEvidence(), "ask_evidence", {"language": language, "in_crisis": True})
    assert render(language, "crisis.reminder.unknown.closed") in unknown.texts


@pytest.mark.usefixtures("closed_today")
def test_outside_hours_no_menu_offers_a_person(language: str) -> None:
    for action, intent in (
        (ActionGreet(), "greet"),
        (ActionSupport(), "express_distress"),
        (ActionMinor(), "report_minor"),
    ):
        outcome = run(action, intent, {"language": language, "country": COUNTRY[language]})
        assert outcome.payloads and "/request_human" not in outcome.payloads, intent


def test_during_hours_menus_and_the_crisis_offer_a_person(language: str) -> None:
    """The same answers while the team is open (tests/actions/conftest.py: `always`)."""
    for action, intent in ((ActionGreet(), "greet"), (ActionSupport(), "express_distress"), (ActionCrisis(), "crisis")):
        outcome = run(action, intent, {"language": language, "country": COUNTRY[language]})
        assert "/request_human" in outcome.payloads, intent
    crisis = run(ActionCrisis(), "crisis", {"language": language, "country": COUNTRY[language]})
    assert crisis.texts[-1] == render(language, "crisis.then") and crisis.slot("offer") == "human"
