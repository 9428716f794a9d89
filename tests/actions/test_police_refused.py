"""The police refused, or said nothing can be done: what still can be (actions/police_refused.py)."""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify
from actions.reporting import ActionRemoval, ActionReport
from actions.situation import ActionSituation
from content.texts import render
from tests.actions.conftest import run

REFUSED = {
    "fr": ["la police m'a dit qu'ils pouvaient rien faire", "le commissariat a pas voulu prendre ma plainte"],
    "ko": ["경찰이 해줄 수 있는 게 없대요", "경찰서 갔는데 접수를 안 해줬어요"],
    "en": ["the police said they cant do anything", "the cops did nothing"],
}


@pytest.mark.parametrize("country", ["FR", "KR", "GB"])
@pytest.mark.parametrize("intent", ["nlu_fallback", "ask_report", "describe_sharing"])
def test_a_police_refusal_hears_what_still_can_be_done_never_the_report_list_again(
    language: str, country: str, intent: str
) -> None:
    action = {"nlu_fallback": ActionClarify(), "ask_report": ActionReport()}.get(intent, ActionSituation())
    key = "report.police_refused.FR" if country == "FR" else "report.police_refused"
    slots = {"language": language, "country": country, "situation": "sharing"}
    for text in REFUSED[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts == [render(language, key)], (text, outcome.texts)
        assert outcome.payloads, "the menu follows"


def test_a_removal_question_beside_it_is_answered(language: str) -> None:
    slots = {"language": language, "country": "KR", "situation": "sharing"}
    outcome = run(ActionRemoval(), "ask_removal", slots, text=REFUSED[language][0])
    assert outcome.texts[0] == render(language, "report.police_refused") and len(outcome.texts) > 1
