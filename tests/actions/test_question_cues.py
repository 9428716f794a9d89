"""A story told with a request ("... I want to report it") leads to that journey, even when NLU ranks only the story."""

from __future__ import annotations

import pytest

from actions.situation import ActionSituation
from tests.actions.conftest import run


@pytest.mark.parametrize(
    ("language", "text", "topic"),
    [
        ("ko", "전 남자친구가 제 사진을 인터넷에 올렸어요. 신고하고 싶어요", "report"),
        ("fr", "mon ex a mis mes photos sur un site, je veux les faire supprimer", "removal"),
        ("en", "my ex posted my nudes online, is that even illegal", "offence"),
        ("fr", "mon ex a publié mes photos, je veux porter plainte", "report"),
        ("ko", "전 애인이 제 영상을 올렸어요 삭제하고 싶어요", "removal"),
        ("en", "he shared my pictures in a group chat, what proof should I keep", "evidence"),
    ],
)
def test_the_request_in_a_story_is_remembered_until_the_country_is_known(language: str, text: str, topic: str) -> None:
    outcome = run(ActionSituation(), "describe_sharing", {"language": language}, text=text)
    assert outcome.slot("situation") == "sharing"
    assert outcome.slot("pending_topic") == topic


def test_a_story_alone_asks_for_the_country_and_nothing_else() -> None:
    outcome = run(ActionSituation(), "describe_sharing", {"language": "en"}, text="my ex posted my photos")
    assert outcome.slot("pending_topic") is None


def test_the_words_choose_between_the_questions_the_classifier_ranks() -> None:
    ranking = [
        {"name": "describe_sharing", "confidence": 0.70},
        {"name": "ask_removal", "confidence": 0.13},
        {"name": "ask_report", "confidence": 0.08},
    ]
    text = "전 남자친구가 제 사진을 인터넷에 올렸어요. 신고하고 싶어요"
    outcome = run(ActionSituation(), "describe_sharing", {"language": "ko"}, text=text, intent_ranking=ranking)
    assert outcome.slot("pending_topic") == "report"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "mais je peux le signaler même si c'est pas vraiment moi sur la photo ?"),
        ("ko", "근데 이거 진짜 내 사진도 아닌데 신고가 돼?"),
        ("en", "can i even report it if it's not really me in the pic?"),
    ],
)
def test_a_question_not_understood_before_any_story_still_asks_its_journey(language: str, text: str) -> None:
    from actions.conversation import ActionClarify

    outcome = run(ActionClarify(), "nlu_fallback", {"language": language}, text=text)
    assert outcome.slot("pending_topic") == "report"


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "je l'ai déjà signalé"), ("ko", "이미 신고했어요"), ("en", "i reported it already")],
)
def test_a_report_told_before_any_story_is_no_question(language: str, text: str) -> None:
    from actions.conversation import ActionClarify

    outcome = run(ActionClarify(), "nlu_fallback", {"language": language}, text=text)
    assert outcome.slot("pending_topic") is None


ANSWERED_WHAT_HAPPENED = {
    "fr": ("affirm", "oui il l'a partagée à ses potes"),
    "ko": ("affirm", "ㅇㅇ 유포한거맞아"),
    "en": ("inform", "yeah he shared it with his mates"),
}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_what_happened_typed_after_a_question_of_offence_resumes_it(language: str) -> None:
    from actions.conversation import ActionAffirm, ActionInform

    intent, text = ANSWERED_WHAT_HAPPENED[language]
    action = ActionAffirm() if intent == "affirm" else ActionInform()
    slots = {"language": language, "country": "KR", "pending_topic": "offence"}
    outcome = run(action, intent, slots, text=text)
    assert outcome.slot("situation") == "sharing"
    assert outcome.slot("pending_topic") is None


def test_a_yes_with_no_story_words_is_still_a_yes() -> None:
    from actions.conversation import ActionAffirm

    outcome = run(ActionAffirm(), "affirm", {"language": "en", "country": "GB", "pending_topic": "offence"}, text="yes")
    assert outcome.slot("situation") is None
