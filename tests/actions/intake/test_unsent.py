"""At the report's summary, a message that neither answers "shall I send it?" nor corrects something
Relais can read keeps the report waiting and says it is not sent yet; a later yes sends it."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from rasa_sdk import Action

from actions.conversation import (
    ActionAffirm,
    ActionClarify,
    ActionDeny,
    ActionGreet,
    ActionInform,
    ActionOutOfScope,
    ActionThank,
)
from actions.intake.flow import INTAKE_SLOTS
from actions.safety import ActionCrisis
from bot.cases.models import Case
from bot.storage.db import session
from content.texts import render
from tests.actions.conftest import Outcome, run
from tests.actions.intake.test_questions import ANSWERED

AT_SUMMARY = {**ANSWERED, "offer": "submit"}
UNREAD = {
    "fr": "non enlève c tout c'était pas un site",
    "ko": "아니 트위터 말고 인스타야",
    "en": "no the site was onlyfans not pornhub",
}
SEND_IT = {"fr": "ok envoie", "ko": "보내줘", "en": "yes send it"}
FOUND = {
    "fr": [],
    "ko": [{"entity": "platform", "value": "Twitter"}, {"entity": "platform", "value": "Instagram"}],
    "en": [{"entity": "platform", "value": "OnlyFans"}, {"entity": "platform", "value": "Pornhub"}],
}
"""The platforms NLU finds in `UNREAD`: two, so neither is read as the correction."""
CLASSIFIED_AS = [
    (ActionInform(), "inform"),
    (ActionClarify(), "nlu_fallback"),
    (ActionOutOfScope(), "out_of_scope"),
    (ActionGreet(), "greet"),
    (ActionThank(), "thank"),
]


def changed(outcome: Outcome) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in outcome.events if e.get("event") == "slot"}


def cases() -> list[tuple[str, list[str], str | None]]:
    """Every case in the database: (reference, its links, its contact detail)."""
    with session() as db:
        return [(c.reference, [u.url for u in c.urls], c.contact_detail) for c in db.scalars(sa.select(Case))]


@pytest.mark.parametrize(("action", "intent"), CLASSIFIED_AS, ids=[intent for _, intent in CLASSIFIED_AS])
def test_an_unread_message_at_the_summary_keeps_the_report_and_says_it_is_not_sent(
    language: str, action: Action, intent: str, cases_db: str
) -> None:
    outcome = run(action, intent, {**AT_SUMMARY, "language": language}, text=UNREAD[language], entities=FOUND[language])
    assert outcome.slot("offer") == "submit"
    assert outcome.texts[-1] == render(language, "intake.summary.unsent")
    assert [b["payload"] for b in outcome.messages[-1]["buttons"]] == ["/affirm", "/deny"]
    assert [b["title"] for b in outcome.messages[-1]["buttons"]] == [
        render(language, "intake.button.send"),
        render(language, "intake.button.not_now"),
    ]
    assert not any(slot in changed(outcome) for slot in INTAKE_SLOTS)
    assert cases() == []


def test_a_yes_after_the_reminder_sends_the_report(language: str, cases_db: str) -> None:
    slots = {**AT_SUMMARY, "language": language}
    reminded = run(ActionInform(), "inform", slots, text=UNREAD[language], entities=FOUND[language])
    slots = {**slots, **changed(reminded)}
    sent = run(ActionAffirm(), "affirm", slots, text=SEND_IT[language])
    [(reference, urls, contact)] = cases()
    assert sent.slot("case_ref") == reference and reference in sent.texts[0]
    assert urls == ["https://a.example/1"] and contact == "jane@example.org"
    assert sent.slot("offer") is None and render(language, "intake.summary.unsent") not in sent.text


def test_after_a_crisis_the_line_comes_before_the_question_still_pending(language: str) -> None:
    slots = {**AT_SUMMARY, "language": language, "in_crisis": True, "country": "FR"}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=UNREAD[language], entities=FOUND[language])
    assert outcome.texts[-1] == render(language, "intake.summary.unsent")
    assert outcome.slot("offer") == "submit"
    assert "/request_human" in outcome.payloads


def test_the_answers_to_the_summary_do_not_repeat_it(language: str, cases_db: str) -> None:
    """No, a crisis: each is itself the answer, so the reminder is not said."""
    slots = {**AT_SUMMARY, "language": language}
    declined = run(ActionDeny(), "deny", slots, text={"fr": "non", "ko": "아니요", "en": "no"}[language])
    crisis = run(ActionCrisis(), "express_crisis", slots, text="I want to die")
    for outcome in (declined, crisis):
        assert render(language, "intake.summary.unsent") not in outcome.text
        assert outcome.slot("offer") != "submit"
    assert cases() == []


STOPPED = {key: value for key, value in ANSWERED.items() if key not in ("intake_contact", "intake_contact_detail")}
PAY = {"fr": "je lui envoie l'argent ?", "ko": "돈 보내도 돼요?", "en": "should i send him the money"}


@pytest.mark.parametrize(("action", "intent"), [(ActionAffirm(), "affirm"), (ActionClarify(), "nlu_fallback")])
def test_send_it_after_the_report_was_stopped_offers_to_resume_it(language: str, action: Action, intent: str) -> None:
    """"네 보내주세요" after "됐어요" had stopped the form got the menu, and nothing was sent: the report, started and
    stopped, is offered again (continue, or not now), never silently dropped."""
    slots = {**STOPPED, "language": language, "situation": "sextortion"}
    outcome = run(action, intent, slots, text=SEND_IT[language])
    assert outcome.texts == [render(language, "intake.offer.resume")], outcome.texts
    assert outcome.slot("offer") == "intake"
    paying = run(ActionClarify(), "nlu_fallback", slots, text=PAY[language])
    assert render(language, "intake.offer.resume") not in paying.texts
    nothing_started = run(action, intent, {"language": language, "situation": "sextortion"}, text=SEND_IT[language])
    assert render(language, "intake.offer.resume") not in nothing_started.texts
