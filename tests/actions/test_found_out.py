"""Asked whether their school or work will find out, a person hears first that nothing here reaches them."""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify
from actions.found_out import NOT_TOLD, asks_if_school_or_work_told
from actions.privacy import ActionPrivacy
from content.texts import render
from tests.actions.conftest import make_tracker, run

WILL_THEY_KNOW = {
    "fr": ["est-ce que mon lycée va être au courant ?", "vous allez prévenir mon école ?", "mon patron va le savoir ?",
           "et le lycée il va savoir?"],
    "ko": ["학교에 연락 가요?", "회사에서 알게 될까요?", "선생님이 알게 되면 어떡해요"],
    "en": ["will the school be told?", "will my job find out", "are you going to contact my school"],
}
NOT_ASKED = {
    "fr": ["tout le lycée a vu les photos", "je l'ai dit à mon prof",
           "est-ce que je dois aller à la gendarmerie ou appeler le collège d'abord ?"],
    "ko": ["회사에서 알게 된 날부터 계속 힘들어요", "학교 친구들이 다 봤어요", "학교에 먼저 연락해야 할까요?"],
    "en": ["my whole school saw the photos", "i told my teacher", "should i call the school first or the police?"],
}


def test_asking_whether_school_or_work_will_know_is_told_apart(language: str) -> None:
    for text in WILL_THEY_KNOW[language]:
        assert asks_if_school_or_work_told(make_tracker("ask_privacy", {}, text=text)), text
    for text in NOT_ASKED[language]:
        assert not asks_if_school_or_work_told(make_tracker("describe_sharing", {}, text=text)), text


@pytest.mark.parametrize("intent", ["ask_privacy", "nlu_fallback"])
def test_the_answer_says_first_that_nothing_here_reaches_them(language: str, intent: str) -> None:
    action = ActionPrivacy() if intent == "ask_privacy" else ActionClarify()
    for text in WILL_THEY_KNOW[language]:
        texts = run(action, intent, {"language": language}, text=text).texts
        assert texts[0] == render(language, NOT_TOLD), text
        assert render(language, "clarify.text") not in texts, text
