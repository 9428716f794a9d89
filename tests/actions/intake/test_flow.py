"""Offering, starting, summarising and sending the report, with the case written to a real database."""

from __future__ import annotations

import sqlalchemy as sa

from actions.intake.flow import INTAKE_SLOTS, ActionIntakeDone, draft_started, offer_intake, start_intake, submit
from actions.intake.questions import summary_lines
from actions.intake.summary import render as render_lines
from bot.cases.models import Case
from bot.storage.db import session
from content.texts import render
from tests.actions.conftest import run
from tests.actions.intake.conftest import said, turn_for
from tests.actions.intake.test_questions import ANSWERED


def test_a_situation_alone_is_no_draft() -> None:
    assert not draft_started(turn_for("en", {"intake_situation": "deepfake"}))
    assert draft_started(turn_for("en", {"intake_found": "skipped"}))
    assert draft_started(turn_for("en", {"intake_places": ["X"]}))


def test_the_offer_starts_or_resumes(language: str) -> None:
    new, begun = turn_for(language), turn_for(language, {"intake_subject": "self"})
    offer_intake(new)
    offer_intake(begun)
    assert said(new) == render(language, "intake.offer") and new.slot("offer") == "intake"
    assert said(begun) == render(language, "intake.offer.resume")


def test_starting_takes_what_the_conversation_knows(language: str) -> None:
    turn = turn_for(language, {"situation": "sextortion", "is_minor": True, "intake_stopped": True})
    start_intake(turn)
    assert said(turn) == render(language, "intake.start")
    assert turn.changes == {"intake_situation": "sextortion", "intake_minor": "yes", "intake_stopped": None}
    assert turn.follow_up == "intake_form"


def test_a_finished_form_shows_the_summary_and_asks_to_send(language: str) -> None:
    outcome = run(ActionIntakeDone(), "inform", {"language": language, **ANSWERED})
    turn = turn_for(language, ANSWERED)
    assert outcome.texts == [
        render(language, "intake.summary.title"),
        "\n".join(render_lines(turn, summary_lines(turn))),
        render(language, "intake.summary.confirm"),
    ]
    assert outcome.slot("offer") == "submit"


def test_a_stopped_form_only_reopens_the_menu(language: str) -> None:
    outcome = run(ActionIntakeDone(), "inform", {"language": language, "intake_stopped": True})
    assert outcome.texts == [render(language, "next.prompt")]
    assert outcome.slot("offer") is None


def test_sending_creates_the_case_gives_reference_and_pin_and_forgets_the_draft(language: str, cases_db: str) -> None:
    turn = turn_for(language, {**ANSWERED, "intake_situation": "sextortion", "intake_ongoing": "yes"})
    submit(turn)
    reference = turn.changes["case_ref"]
    with session() as db:
        case = db.scalar(sa.select(Case).where(Case.reference == reference))
        assert case is not None
        kept = (case.situation, case.found_when, case.contact_preference, case.contact_detail, case.consent_open_urls)
        assert kept == ("sextortion", "today", "email", "jane@example.org", True)
        assert case.sextortion_ongoing and [u.url for u in case.urls] == ["https://a.example/1"]
    text = said(turn)
    assert reference in text and render(language, "case.priority") in text
    assert render(language, "case.next.email") in text
    assert all(turn.changes[slot] is None for slot in INTAKE_SLOTS)


def test_a_minor_known_to_the_conversation_makes_a_minor_case(language: str, cases_db: str) -> None:
    turn = turn_for(language, {"is_minor": True, "intake_minor": "skipped"})
    submit(turn)
    with session() as db:
        case = db.scalar(sa.select(Case).where(Case.reference == turn.changes["case_ref"]))
        assert case is not None and case.is_minor
    assert render(language, "case.next.chat") in said(turn)


def test_a_report_sent_where_no_analyst_can_write_back_promises_no_reply_here(language: str, cases_db: str) -> None:
    """Over Rasa's REST channel the team's messages cannot arrive: the report's end says how to follow it
    instead of "the team will answer in this chat"; over the web chat or Telegram it promises the chat."""
    for channel, key in (
        ("rest", "case.next.unreachable"),
        ("socketio", "case.next.chat"),
        ("telegram", "case.next.chat"),
    ):
        events = [{"event": "user", "text": "oui", "input_channel": channel, "parse_data": {}}]
        turn = turn_for(language, {**ANSWERED, "intake_contact": "chat", "intake_contact_detail": None}, events=events)
        submit(turn)
        text = said(turn)
        assert render(language, key) in text, channel
        other = "case.next.chat" if key == "case.next.unreachable" else "case.next.unreachable"
        assert render(language, other) not in text, channel


def test_an_email_chosen_with_no_address_given_promises_no_email(language: str, cases_db: str) -> None:
    """"Contact: By email" with the address skipped was followed by "the team will write to the email address you
    gave": the person would wait for an email that never comes."""
    turn = turn_for(language, {**ANSWERED, "intake_contact": "email", "intake_contact_detail": "skipped"})
    submit(turn)
    text = said(turn)
    assert render(language, "case.next.email") not in text
    assert render(language, "case.next.chat") in text or render(language, "case.next.unreachable") in text
