"""Over the real stack: after a story and the country, a general "what can I do?" gets the story's steps in order
and the offer of a report (never the story's first answer again), never the out-of-scope refusal nor the language
check-in (`actions/help_question.py`)."""

from __future__ import annotations

import pytest

from content.texts import render
from tests.conftest import Chat

pytestmark = pytest.mark.e2e

STORY = {
    "fr": "quelqu'un me fait du chantage avec mes photos intimes, il veut de l'argent",
    "ko": "어떤 사람이 제 사진으로 협박하면서 돈을 보내라고 해요",
    "en": "someone is blackmailing me with my nudes and wants money",
}
COUNTRY = {"fr": "France", "ko": "한국이요", "en": "France"}
WHAT_TO_DO = {
    "fr": ["qu'est-ce que je peux faire ?", "en France. qu'est-ce que je peux faire ?"],
    "ko": ["어떻게 해야 돼?", "한국 살아요. 어떻게 해야 돼요?"],
    "en": ["what can I do?", "I live in France btw. what can I do?"],
}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_what_to_do_after_a_story_and_a_country_gets_the_steps_in_order_and_the_report(
    chat: Chat, language: str
) -> None:
    chat.say(STORY[language], language_hint=language)
    chat.say(COUNTRY[language])
    assert chat.slot("situation") == "sextortion"
    for question in WHAT_TO_DO[language]:
        answer = chat.text(question)
        assert render(language, "next.plan.sextortion") in answer, (question, answer)
        assert render(language, "intake.offer") in answer, (question, answer)
        assert render(language, "situation.ack.sextortion") not in answer
        assert render(language, "out_of_scope.text") not in answer
        assert render(language, "language.choose") not in answer
    assert chat.slot("country") == ("KR" if language == "ko" else "FR")
    assert chat.slot("language") == language
