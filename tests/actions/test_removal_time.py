"""How long removal takes: what the law sets where the person lives, else no promise (actions/removal_time.py)."""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify, ActionOutOfScope
from actions.reporting import ActionRemoval
from actions.safety import ActionSupport
from content.knowledge import TERMS
from content.texts import render
from tests.actions.conftest import run

HOW_LONG = {
    "fr": ["combien de temps pour que ce soit retiré ?", "en combien de temps ils suppriment une vidéo",
           "et ça prend combien de time"],
    "ko": ["삭제되는 데 얼마나 걸려요?", "언제쯤 내려가요? 삭제 요청했는데"],
    "en": ["how long does it take to get taken down", "when will the pics be removed?"],
}
NOT_ASKED = {
    "fr": "je sais pas depuis combien de temps la caméra était là",
    "ko": "언제부터 찍혔는지 모르겠어요",
    "en": "how long has this been online?",
}


@pytest.mark.parametrize("country", ["US", "FR", "KR", "GB", None])
@pytest.mark.parametrize("intent", ["nlu_fallback", "out_of_scope", "express_distress"])
def test_how_long_removal_takes_is_answered_for_the_country_never_not_understood(
    language: str, country: str | None, intent: str
) -> None:
    action = {"nlu_fallback": ActionClarify(), "out_of_scope": ActionOutOfScope()}.get(intent, ActionSupport())
    slots = {"language": language, "country": country, "situation": "sharing"}
    key = f"removal.time.{country}" if country in ("US", "FR", "KR") else "removal.time"
    for text in HOW_LONG[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts == [render(language, key)], (text, outcome.texts)


def test_the_us_time_is_the_acts_and_a_removal_question_still_gets_its_journey(language: str) -> None:
    assert "48" in render(language, "removal.time.US") and TERMS["US.removal"].count == 48
    slots = {"language": language, "country": "US", "situation": "sharing"}
    outcome = run(ActionRemoval(), "ask_removal", slots, text=HOW_LONG[language][0])
    assert outcome.texts[0] == render(language, "removal.time.US")
    assert len(outcome.texts) > 1, "the ways to remove it follow"


def test_other_time_questions_are_not_read_as_removal_time(language: str) -> None:
    outcome = run(ActionClarify(), "nlu_fallback", {"language": language, "country": "US"}, text=NOT_ASKED[language])
    assert render(language, "removal.time.US") not in outcome.texts


TOO_LATE = {
    "fr": ["c'est trop tard ?", "il y a prescription ?"],
    "ko": ["너무 늦은 건 아니죠?", "공소시효 지났을까요"],
    "en": ["is it too late to do anything", "is there a time limit"],
}


def test_is_it_too_late_hears_removal_never_is_and_nothing_else_when_nothing_else_is_asked(language: str) -> None:
    """"someone put pics of me on a forum in 2019, is it too late?" got the situation buttons: removal is never too
    late; the police's time limits depend on the country and the offence (no figure)."""
    slots = {"language": language, "situation": "sharing", "country": "US"}
    for text in TOO_LATE[language]:
        outcome = run(ActionClarify(), "nlu_fallback", slots, text=text)
        assert outcome.texts == [render(language, "removal.too_late")], (text, outcome.texts)
