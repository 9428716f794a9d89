"""Blaming oneself is answered first and plainly: it is not the person's fault (actions/self_blame.py)."""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify, ActionInform, ActionOutOfScope
from actions.offence import ActionOffence
from actions.safety import ActionSupport
from actions.situation import ActionSituation
from content.texts import render
from tests.actions.conftest import run

BLAME = {
    "fr": [
        "c grave si c moi qui ai envoyé les photos a la base?",
        "c'est ma faute ?",
        "j'aurais jamais dû lui envoyer",
    ],
    "ko": [
        "근데 나도 예전에 걔한테 셀카 보낸 적 있는데 내 잘못이야?",
        "제 잘못인가요?",
        "내가 먼저 보낸 거라 내 탓이죠",
    ],
    "en": ["is it my fault i sent them?", "i shouldn't have sent them", "it was me who sent them first"],
}
QUESTION = {
    "fr": "c'est moi qui ai envoyé les photos, c'est quand même illégal qu'il les partage ?",
    "ko": "제가 먼저 보낸 거라 제 잘못이긴 한데 유포한 건 처벌돼요?",
    "en": "it's my own fault i sent them but is it still illegal for him to share them?",
}
NO_BLAME = {"fr": "il a partagé mes photos", "ko": "걔가 제 사진을 퍼뜨렸어요", "en": "he shared my photos"}


@pytest.mark.parametrize("intent", ["describe_sharing", "describe_deepfake", "nlu_fallback", "inform", "out_of_scope"])
def test_blaming_oneself_once_the_story_is_known_hears_it_is_not_their_fault_and_no_journey_again(
    language: str, intent: str
) -> None:
    action = {"nlu_fallback": ActionClarify(), "inform": ActionInform(), "out_of_scope": ActionOutOfScope()}.get(
        intent, ActionSituation()
    )
    slots = {"language": language, "situation": "sharing", "country": "FR"}
    for text in BLAME[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts == [render(language, "support.not_your_fault")], (text, outcome.texts)


def test_a_question_beside_the_blame_is_answered_after_it(language: str) -> None:
    slots = {"language": language, "situation": "sharing", "country": "FR"}
    outcome = run(ActionOffence(), "ask_offence", slots, text=QUESTION[language])
    assert outcome.texts[0] == render(language, "support.not_your_fault")
    assert len(outcome.texts) > 1, "the law follows"


def test_a_story_told_with_the_blame_goes_on_with_its_journey_and_a_parent_hears_about_their_child(
    language: str,
) -> None:
    outcome = run(ActionSituation(), "describe_sharing", {"language": language}, text=BLAME[language][0])
    assert outcome.texts[0] == render(language, "support.not_your_fault")
    assert len(outcome.texts) > 1, "the story's answer follows"
    parent = run(ActionClarify(), "nlu_fallback", {"language": language, "someone_else": True, "situation": "sharing"},
                 text=BLAME[language][1])
    assert parent.texts == [render(language, "support.not_your_fault.other")]


def test_feelings_and_other_stories_are_not_given_the_line(language: str) -> None:
    feelings = run(ActionSupport(), "express_distress", {"language": language}, text=BLAME[language][0])
    assert render(language, "support.not_your_fault") not in feelings.texts, "support.kind already says it"
    story = run(ActionSituation(), "describe_sharing", {"language": language}, text=NO_BLAME[language])
    assert render(language, "support.not_your_fault") not in story.texts
