"""Asking for a person outside opening hours: said plainly, with helplines and the report offered."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from actions.handoff import ActionRequestHuman
from bot.staff.hours import DAYS, is_open
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
