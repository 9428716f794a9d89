"""A general "what can I do?" after a story gets that story's steps, not the out-of-scope refusal; before a story
it asks what happened. A country with it, which the classifier may read as a language request, is taken as the
country given."""

from __future__ import annotations

import pytest

from actions.conversation import ActionBotChallenge, ActionChangeLanguage, ActionClarify, ActionOutOfScope
from actions.help_question import asks_what_to_do
from content.texts import render
from tests.actions.conftest import make_tracker, run

WHAT_TO_DO = {
    "fr": ["qu'est-ce que je peux faire ?", "je fais quoi maintenant", "que dois-je faire", "aidez-moi svp"],
    "ko": ["어떻게 해야 돼?", "어떡해요", "뭘 해야 할지 모르겠어요", "어떻게 해야 할까요"],
    "en": ["what can I do?", "what should I do now", "I live in France btw. what can I do?", "help me please"],
}
OFF_TOPIC = {
    "fr": "quel temps fait-il à Paris demain ?",
    "ko": "오늘 서울 날씨 어때요?",
    "en": "what's the weather like in London today?",
}
COUNTRY_AND_QUESTION = {
    "fr": ("en France. qu'est-ce que je peux faire ?", "FR"),
    "ko": ("한국 살아요. 어떻게 해야 돼요?", "KR"),
    "en": ("I'm in France. what should I do?", "FR"),
}
TOLD = {"situation": "sextortion", "country": "FR"}


def test_the_cues_know_a_question_of_what_to_do(language: str) -> None:
    for text in WHAT_TO_DO[language]:
        assert asks_what_to_do(make_tracker("out_of_scope", text=text)), text
    assert not asks_what_to_do(make_tracker("out_of_scope", text=OFF_TOPIC[language]))


def test_what_to_do_after_a_story_gets_its_steps_in_order_and_the_report_not_the_refusal(language: str) -> None:
    for text in WHAT_TO_DO[language]:
        outcome = run(ActionOutOfScope(), "out_of_scope", {"language": language, **TOLD}, text=text)
        assert render(language, "out_of_scope.text") not in outcome.text, text
        assert outcome.texts == [render(language, "next.plan.sextortion"), render(language, "intake.offer")], text
        assert outcome.slot("offer") == "intake"


def test_what_to_do_the_classifier_did_not_understand_gets_the_steps_too(language: str) -> None:
    outcome = run(ActionClarify(), "nlu_fallback", {"language": language, **TOLD}, text=WHAT_TO_DO[language][0])
    assert render(language, "clarify.text") not in outcome.text
    assert outcome.texts == [render(language, "next.plan.sextortion"), render(language, "intake.offer")]


def test_what_to_do_with_a_story_but_no_country_asks_the_country(language: str) -> None:
    text = WHAT_TO_DO[language][0]
    outcome = run(ActionOutOfScope(), "out_of_scope", {"language": language, "situation": "sharing"}, text=text)
    assert render(language, "situation.ack.sharing") in outcome.texts
    assert outcome.texts[-1] == render(language, "country.ask")
    assert render(language, "out_of_scope.text") not in outcome.text


def test_what_to_do_before_any_story_asks_what_happened(language: str) -> None:
    outcome = run(ActionOutOfScope(), "out_of_scope", {"language": language}, text=WHAT_TO_DO[language][0])
    assert outcome.texts == [render(language, "situation.ask")]
    assert "/describe_sextortion" in outcome.payloads


def test_an_off_topic_message_is_still_refused(language: str) -> None:
    outcome = run(ActionOutOfScope(), "out_of_scope", {"language": language, **TOLD}, text=OFF_TOPIC[language])
    assert outcome.texts == [render(language, "out_of_scope.text")]


def test_a_country_and_what_to_do_read_as_a_language_request_give_the_country_and_the_steps(language: str) -> None:
    text, country = COUNTRY_AND_QUESTION[language]
    entities = [{"entity": "country", "value": country}]
    slots = {"language": language, "situation": "sextortion"}
    outcome = run(ActionChangeLanguage(), "change_language", slots, text=text, entities=entities)
    assert outcome.slot("country") == country
    assert outcome.texts[0] == render(language, f"country.noted.{country}")
    assert render(language, "next.plan.sextortion") in outcome.texts
    assert outcome.texts[-1] == render(language, "intake.offer")
    assert render(language, "language.choose") not in outcome.text


def test_a_country_alone_read_as_a_language_request_is_the_country_given(language: str) -> None:
    text, country = COUNTRY_AND_QUESTION[language]
    entities = [{"entity": "country", "value": country}]
    outcome = run(
        ActionChangeLanguage(), "change_language", {"language": language}, text=text.split(".")[0], entities=entities
    )
    assert outcome.slot("country") == country
    assert outcome.texts == [render(language, f"country.noted.{country}"), render(language, "situation.ask")]


@pytest.mark.parametrize("code", ["fr", "ko", "en"])
def test_an_explicit_language_request_still_switches(language: str, code: str) -> None:
    text = {"fr": "on peut parler coréen ?", "ko": "한국어로 해도 돼요?", "en": "can we speak Korean?"}[language]
    outcome = run(
        ActionChangeLanguage(),
        "change_language",
        {"language": language},
        text=text,
        entities=[{"entity": "language", "value": code}],
    )
    assert outcome.texts == [render(code, "language.switched")]


def test_a_language_word_beside_a_country_still_offers_the_languages(language: str) -> None:
    text = {
        "fr": "je suis en France, on peut parler anglais ?",
        "ko": "프랑스 사는데 영어로 해도 돼요?",
        "en": "I live in France, can we speak French?",
    }[language]
    entities = [{"entity": "country", "value": "FR"}]
    outcome = run(ActionChangeLanguage(), "change_language", {"language": language}, text=text, entities=entities)
    assert outcome.texts == [render(language, "language.choose")]


WHO_TO_CALL = {
    "fr": ["j'appelle qui ?", "quel numéro je dois appeler", "c'est quoi le numéro pour ça", "c quoi le numero"],
    "ko": ["어디에 전화해야 돼요?", "몇 번으로 전화해요?", "번호 좀 알려주세요", "번호 머였지"],
    "en": ["who do i call", "what number do i call", "what is the cyber crime number", "what was the number again"],
}
NOT_WHO_TO_CALL = {
    "fr": ["il m'appelle tout le temps", "je l'ai appelé hier"],
    "ko": ["그 사람이 계속 전화해요", "번호를 차단했어요"],
    "en": ["he keeps calling me", "i called him yesterday"],
}


@pytest.mark.parametrize("intent", ["nlu_fallback", "out_of_scope", "bot_challenge"])
def test_asking_who_to_call_gets_the_lines_of_the_country(language: str, intent: str) -> None:
    """Whatever the classifier made of it ("j'appelle qui ?" was read as a question about the bot)."""
    action = {"nlu_fallback": ActionClarify(), "out_of_scope": ActionOutOfScope()}.get(intent, ActionBotChallenge())
    for text in WHO_TO_CALL[language]:
        known = run(action, intent, {"language": language, "country": "GB"}, text=text)
        assert known.texts[0] == render(language, "support.GB"), text
        assert known.texts.count(render(language, "support.GB")) == 1, text
        if intent == "bot_challenge":
            continue
        unknown = run(action, intent, {"language": language}, text=text)
        assert unknown.texts[0] == render(language, "support.which_country"), text
        assert unknown.slot("pending_topic") == "support"
    for text in NOT_WHO_TO_CALL[language]:
        outcome = run(action, intent, {"language": language, "country": "GB"}, text=text)
        assert render(language, "support.GB") not in outcome.texts, text


def test_asked_again_after_the_storys_steps_what_to_do_gets_the_steps_in_order_never_the_same_text(
    language: str,
) -> None:
    """"what do i do now?", "jsp quoi faire", "나 이제 뭐해야돼" after the story's answer repeated it word for word."""
    question = {"fr": "et maintenant je fais quoi", "ko": "나 이제 뭐 해야 돼", "en": "what do i do now?"}[language]
    for situation, plan in (("sextortion", "next.plan.sextortion"), ("sharing", "next.plan")):
        slots = {"language": language, "situation": situation, "country": "FR"}
        outcome = run(ActionOutOfScope(), "out_of_scope", slots, text=question)
        assert outcome.texts[0] == render(language, plan), outcome.texts
        assert render(language, "intake.offer") in outcome.texts
        assert render(language, f"situation.ack.{situation}") not in outcome.texts
