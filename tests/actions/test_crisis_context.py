"""A conversation that has signalled a crisis stays in that context.

The follow-ups are answered with it in mind: never "I'm not sure I understood", never "if you
ever think about ending your life, tell me"; every answer that waits for the person ends with
the crisis line and the priority handoff, and a yes asks for the person.
"""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify, ActionDeny, ActionGoodbye
from actions.reporting import ActionReport
from actions.safety import ActionCrisis, ActionSupport
from actions.situation import ActionSituation
from content.knowledge import contact
from content.texts import render
from tests.actions.conftest import run

FOLLOW_UPS = {
    "fr": "ils veulent 300 euros avant ce soir, je fais quoi",
    "ko": "오늘 밤까지 돈 30만 원 보내래요 어떻게 해요",
    "en": "they want £300 by tonight, what do I do",
}
COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}


def test_the_crisis_message_offers_a_person_first(language: str) -> None:
    outcome = run(ActionCrisis(), "crisis", {"language": language, "country": COUNTRY[language]})
    assert outcome.slot("in_crisis") is True and outcome.slot("offer") == "human"
    assert outcome.payloads[0] == "/request_human"
    assert render(language, "crisis.reminder", line="x").split("x")[0] not in outcome.text


def test_a_follow_up_the_classifier_missed_is_read_with_the_crisis_in_mind(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=FOLLOW_UPS[language])
    assert render(language, "clarify.text") not in outcome.text
    assert render(language, "situation.ack.sextortion") in outcome.texts
    line = contact(f"{COUNTRY[language]}.crisis").value
    assert outcome.texts[-1] == render(language, "crisis.reminder", line=line)
    assert outcome.messages[-1]["buttons"][0]["payload"] == "/request_human"
    assert outcome.slot("situation") == "sextortion" and outcome.slot("offer") == "human"


def test_without_a_country_the_reminder_points_back_to_the_lines_given(language: str) -> None:
    slots = {"language": language, "in_crisis": True}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text="hmm")
    assert outcome.texts == [render(language, "crisis.listening"), render(language, "crisis.reminder.unknown")]


NO_ONE_CAN_HELP = {"fr": "personne peut rien faire pour moi", "ko": "아무도 못 도와줘", "en": "no one can help me"}


def test_despair_after_a_crisis_stays_with_the_crisis_not_what_happened(language: str) -> None:
    """"No one can help me" after a crisis message: listening and the line, never "what happened?" with buttons."""
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=NO_ONE_CAN_HELP[language])
    assert outcome.texts[0] == render(language, "crisis.listening")
    assert render(language, "situation.ask") not in outcome.texts
    assert outcome.texts[-1] == render(language, "crisis.reminder", line=contact(f"{COUNTRY[language]}.crisis").value)


def test_support_after_a_crisis_never_pretends_it_was_not_said(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(ActionSupport(), "express_distress", slots)
    assert render(language, "support.crisis_hint") not in outcome.texts
    assert render(language, "crisis.reminder", line=contact(f"{COUNTRY[language]}.crisis").value) in outcome.texts
    before = run(ActionSupport(), "express_distress", {"language": language, "country": COUNTRY[language]})
    assert render(language, "support.crisis_hint") in before.texts


@pytest.mark.parametrize("action", [ActionSituation(), ActionGoodbye()])
def test_every_answer_that_waits_for_the_person_keeps_the_line_offered(language: str, action: object) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(action, "describe_sextortion", slots)  # type: ignore[arg-type]
    assert outcome.texts[-1] == render(language, "crisis.reminder", line=contact(f"{COUNTRY[language]}.crisis").value)


def test_after_a_crisis_the_country_question_leaves_the_reminder_last(language: str) -> None:
    """The country question is no yes/no question: the reminder still ends the answer, and a yes asks for a person."""
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language, "in_crisis": True})
    assert render(language, "country.ask") in outcome.texts
    assert outcome.texts[-1] == render(language, "crisis.reminder.unknown")
    assert outcome.slot("offer") == "human"


def test_no_after_the_offer_of_a_person_is_respected(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True, "offer": "human"}
    outcome = run(ActionDeny(), "deny", slots)
    assert outcome.texts[0] == render(language, "handoff.declined")
    assert render(language, "clarify.text") not in outcome.text


def test_without_a_crisis_nothing_is_added(language: str) -> None:
    outcome = run(ActionClarify(), "nlu_fallback", {"language": language}, text="hmm")
    assert outcome.texts == [render(language, "clarify.text")]


def test_a_yes_no_question_stays_the_last_thing_said(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(ActionReport(), "ask_report", slots)
    reminder = render(language, "crisis.reminder", line=contact(f"{COUNTRY[language]}.crisis").value)
    assert outcome.texts[-2] == reminder
    assert outcome.slot("offer") == "intake"
    assert outcome.texts[-1] == render(language, "intake.offer")
