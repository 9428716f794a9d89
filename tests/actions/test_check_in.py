"""Messages with no usable words get a gentle check-in in the conversation's language.

Never a situation, a goodbye or a safety journey: the NLU component marks the message
(`out_of_distribution`) and `action_clarify` answers it.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.conversation import ActionClarify
from actions.review import simulate, tracker
from bot.components.out_of_distribution import kind_of
from content.texts import render
from tests.actions.conftest import Outcome, run
from tests.actions.intake.test_form import validate_intake
from vocabulary.parse_keys import OOD_KEY

GOODBYE_AND_SAFETY = ("goodbye.text", "crisis.then", "minor.intro", "support.kind", "situation.ask")


def clarify(text: str, slots: dict[str, Any]) -> Outcome:
    conversation = tracker("nlu_fallback", slots, text=text)
    kind = kind_of(text)
    assert kind, f"{text!r} should be out of distribution"
    conversation.latest_message[OOD_KEY] = kind
    return Outcome(*simulate(ActionClarify(), conversation))


@pytest.mark.parametrize("text", ["...", "??", "🙂🙂", "asdfghjkl", "qsdfghjklm", "ㅁㄴㅇㄹ", "x"])
def test_no_words_gets_the_gentle_check_in_with_the_menu(language: str, text: str) -> None:
    outcome = clarify(text, {"language": language})
    assert outcome.texts == [render(language, "checkin.gentle")]
    assert "/request_human" in outcome.payloads
    assert outcome.slot("situation") is None and outcome.slot("language") == language


@pytest.mark.parametrize("text", ["😭😭😭", "ㅠㅠㅠ", "💔😔", "T_T"])
def test_tears_get_a_warm_check_in_never_a_goodbye(language: str, text: str) -> None:
    outcome = clarify(text, {"language": language})
    assert outcome.texts == [render(language, "checkin.tears")]
    assert not any(render(language, key) in outcome.text for key in GOODBYE_AND_SAFETY)


@pytest.mark.parametrize(
    "text",
    ["Necesito ayuda, por favor", "Ich brauche Hilfe mit meinen Fotos", "Привет, мне нужна помощь", "我需要帮助"],
)
def test_another_language_is_offered_ours(language: str, text: str) -> None:
    outcome = clarify(text, {"language": language})
    assert outcome.texts == [render(language, "checkin.language")]
    assert outcome.payloads == [f'/change_language{{"language": "{code}"}}' for code in ("fr", "ko", "en")]


def test_a_first_message_without_words_is_answered_in_the_channel_language() -> None:
    conversation = tracker(
        "nlu_fallback", {}, text="😭😭😭", metadata={"language_hint": "ko"}, detection={"language": None}
    )
    conversation.latest_message[OOD_KEY] = "tears"
    outcome = Outcome(*simulate(ActionClarify(), conversation))
    assert outcome.texts == [render("ko", "checkin.tears")]


@pytest.mark.parametrize("text", ["😭😭😭", "...", "asdfghjkl"])
def test_inside_the_intake_a_message_without_words_answers_nothing(language: str, text: str) -> None:
    answer, said = validate_intake("intake_found", text, language)
    assert answer == {"intake_found": None}
    assert said == [render(language, "checkin.in_form")]


UNSURE_ALONE = {"fr": ["jsp", "je sais pas trop"], "ko": ["몰라", "잘 모르겠어요"], "en": ["idk", "i don't know"]}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_i_dont_know_with_nothing_asked_is_a_whole_answer_never_not_understood(language: str) -> None:
    from actions.conversation import ActionClarify, ActionInform, ActionOutOfScope
    from tests.actions.conftest import run, spoken

    for text in UNSURE_ALONE[language]:
        for action, intent in ((ActionClarify(), "nlu_fallback"), (ActionInform(), "inform"),
                               (ActionOutOfScope(), "out_of_scope")):
            outcome = run(action, intent, {"language": language}, text=text)
            assert outcome.texts == [spoken(language, "clarify.unsure")], (intent, text, outcome.texts)


def test_a_check_in_keeps_the_country_question_open(language: str) -> None:
    """"?" after "which country?" got the menu, and "us" next was not understood: the question stays open; "?" hears
    why it is asked, tears the check-in and the question in a few words."""
    waiting = {"language": language, "situation": "sharing", "offer": "country"}
    puzzled = run(ActionClarify(), "nlu_fallback", waiting, text="?", parse_data={OOD_KEY: "symbols"})
    assert puzzled.texts == [render(language, "country.ask.again")], puzzled.texts
    assert puzzled.slot("offer") == "country"
    tears = run(ActionClarify(), "nlu_fallback", waiting, text="😭😭", parse_data={OOD_KEY: "tears"})
    assert tears.texts == [render(language, "checkin.tears"), render(language, "country.ask.short")]
    assert tears.slot("offer") == "country"
    alone = run(ActionClarify(), "nlu_fallback", {"language": language}, text="?", parse_data={OOD_KEY: "symbols"})
    assert alone.texts == [render(language, "checkin.gentle")]
