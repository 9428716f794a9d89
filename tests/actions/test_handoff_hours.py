"""Asking for a person outside opening hours: said plainly, with helplines and the report offered."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from actions.handoff import ActionRequestHuman
from bot.staff.hours import DAYS, is_open, next_opening
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
