"""Not knowing who did it: the content can be reported and removed all the same (actions/unknown_author.py)."""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify, ActionInform
from actions.reporting import ActionReport
from actions.safety import ActionSupport
from content.texts import render
from tests.actions.conftest import run

UNKNOWN = {
    "fr": ["jsp qui c'est", "je sais même pas qui a fait le compte"],
    "ko": ["걔가 누군지 몰라요", "누가 올렸는지 모르겠어요"],
    "en": ["i dont know who it is", "no idea who posted it"],
}
NOT_ABOUT_THEM = {"fr": "je sais pas qui appeler", "ko": "누구한테 말해야 할지 몰라요", "en": "i dont know who to tell"}


@pytest.mark.parametrize("intent", ["express_distress", "nlu_fallback", "inform"])
def test_not_knowing_who_did_it_hears_it_can_be_reported_all_the_same(language: str, intent: str) -> None:
    action = {"express_distress": ActionSupport(), "nlu_fallback": ActionClarify(), "inform": ActionInform()}[intent]
    slots = {"language": language, "situation": "deepfake", "country": "KR"}
    for text in UNKNOWN[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts == [render(language, "situation.unknown_author")], (text, outcome.texts)
    other = run(ActionClarify(), "nlu_fallback", {**slots, "someone_else": True}, text=UNKNOWN[language][0])
    assert other.texts == [render(language, "situation.unknown_author.other")]


def test_a_report_question_beside_it_is_answered_and_nothing_before_a_story(language: str) -> None:
    slots = {"language": language, "situation": "deepfake", "country": "KR"}
    asked = run(ActionReport(), "ask_report", slots, text=UNKNOWN[language][0])
    assert asked.texts[0] == render(language, "situation.unknown_author") and len(asked.texts) > 1
    before = run(ActionClarify(), "nlu_fallback", {"language": language}, text=UNKNOWN[language][0])
    assert render(language, "situation.unknown_author") not in before.texts, "no story told yet"
    other = run(ActionClarify(), "nlu_fallback", slots, text=NOT_ABOUT_THEM[language])
    assert render(language, "situation.unknown_author") not in other.texts
