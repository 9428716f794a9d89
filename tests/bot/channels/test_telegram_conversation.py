"""A person on Telegram talking to the real stack: commands, buttons, languages, media refused."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

import pytest

from actions.menu import LANGUAGES, MAIN_MENU
from bot.channels.telegram_commands import menu
from bot.services import Stack
from bot.settings import load
from content.texts import render
from tests.bot.channels.bot_api import BotApi, Call
from tests.bot.channels.person import TelegramPerson

Person = Callable[..., TelegramPerson]
LANGUAGES_CODES = ["fr", "ko", "en"]
HELLO = {"fr": "Bonjour", "ko": "안녕하세요", "en": "Hello"}


def menu_keyboard(language: str) -> list[tuple[str, str]]:
    return [(render(language, title), payload) for title, payload in MAIN_MENU]


def greeting(language: str) -> list[str]:
    return [
        render(language, "greet.welcome"),
        render(language, "greet.privacy", days=load().retention_days),
        render(language, "menu.prompt"),
    ]


def texts(calls: list[Call]) -> list[str]:
    return [call.text for call in calls]


@pytest.mark.parametrize("language", LANGUAGES_CODES)
def test_start_warns_that_telegram_keeps_the_chat_then_greets(person: Person, language: str) -> None:
    someone = person(language)
    sent = someone.says("/start")
    assert texts(sent) == [render(language, "telegram.warning"), *greeting(language)]
    assert someone.buttons(sent[-1]) == menu_keyboard(language)
    assert all(call.keyboard == [] for call in sent[:-1])
    assert [e["text"] for e in someone.user_events()] == ["/greet"]
    assert someone.user_events()[0]["metadata"]["language_hint"] == language


@pytest.mark.parametrize("language", LANGUAGES_CODES)
def test_a_greeting_is_answered_in_the_persons_language_with_an_inline_keyboard(person: Person, language: str) -> None:
    someone = person(language)
    sent = someone.says(HELLO[language])
    assert texts(sent) == greeting(language)
    assert someone.buttons(sent[-1]) == menu_keyboard(language)
    assert someone.tracker()["slots"]["language"] == language


def test_an_unsupported_telegram_language_is_not_sent_as_a_hint(person: Person) -> None:
    someone = person("de")
    sent = someone.says("/start")
    assert sent[0].text == render("en", "telegram.warning")
    assert "language_hint" not in someone.user_events()[0]["metadata"]


@pytest.mark.parametrize("language", LANGUAGES_CODES)
def test_a_button_press_is_answered_and_sent_to_rasa_as_the_persons_message(person: Person, language: str) -> None:
    someone = person(language)
    title, payload = someone.says("/start")[-1].keyboard[1]
    assert title == render(language, "button.evidence")
    press = someone.button(payload)
    sent = someone.deliver(press)
    answered = [c.params["callback_query_id"] for c in someone.api.calls("answerCallbackQuery")]
    assert press["callback_query"]["id"] in answered
    last = someone.user_events()[-1]
    assert (last["text"], last["parse_data"]["intent"]["name"]) == ("/ask_evidence", "ask_evidence")
    assert sent and all(call.text for call in sent)
    assert someone.tracker()["slots"]["language"] == language


@pytest.mark.parametrize("language", LANGUAGES_CODES)
def test_an_unknown_button_is_answered_as_expired_and_nothing_reaches_rasa(person: Person, language: str) -> None:
    someone = person(language)
    sent = someone.presses("#forgotten-key")
    assert texts(sent) == [render(language, "telegram.button_expired")]
    assert someone.user_events() == []


@pytest.mark.parametrize("language", LANGUAGES_CODES)
def test_language_command_offers_the_languages(person: Person, language: str) -> None:
    someone = person(language)
    someone.says("/start")
    sent = someone.says("/language")
    assert texts(sent) == [render(language, "language.choose")]
    assert someone.buttons(sent[-1]) == [(render(language, title), payload) for title, payload in LANGUAGES]
    assert someone.user_events()[-1]["parse_data"]["intent"]["name"] == "change_language"


@pytest.mark.parametrize("language", LANGUAGES_CODES)
def test_help_reopens_the_menu(person: Person, language: str) -> None:
    someone = person(language)
    someone.says("/start")
    sent = someone.says("/help")
    assert texts(sent) == [render(language, "greet.again")]
    assert someone.buttons(sent[-1]) == menu_keyboard(language)


@pytest.mark.parametrize("language", LANGUAGES_CODES)
def test_delete_command_starts_the_delete_my_data_flow(person: Person, language: str) -> None:
    someone = person(language)
    someone.says("/start")
    sent = someone.says("/delete")
    assert someone.user_events()[-1]["parse_data"]["intent"]["name"] == "delete_my_data"
    assert sent and all(call.text for call in sent)


@pytest.mark.parametrize("language", LANGUAGES_CODES)
@pytest.mark.parametrize("typed", ["/unknown", "/delete_my_data", '/inform{"country": "FR"}'])
def test_other_commands_get_a_short_answer_and_never_reach_rasa(person: Person, language: str, typed: str) -> None:
    someone = person(language)
    sent = someone.says(typed)
    assert texts(sent) == [render(language, "telegram.unknown_command")]
    assert someone.user_events() == []


@pytest.mark.parametrize("language", LANGUAGES_CODES)
def test_a_photo_is_removed_refused_calmly_and_nothing_of_it_is_stored(person: Person, language: str) -> None:
    someone = person(language)
    someone.says(HELLO[language])
    photo = someone.photo("this is the picture he posted")
    sent = someone.deliver(photo)
    assert texts(sent) == [render(language, "telegram.media_removed")]
    deleted = someone.api.calls("deleteMessage", someone.chat_id)
    assert [call.params["message_id"] for call in deleted] == [str(photo["message"]["message_id"])]
    stored = json.dumps(someone.tracker())
    assert "photo-file-id" not in stored and "photo-unique" not in stored and "picture he posted" not in stored
    assert [e["text"] for e in someone.user_events()] == [HELLO[language]]
    assert someone.api.calls("getFile") == []


@pytest.mark.parametrize("language", LANGUAGES_CODES)
def test_when_telegram_will_not_remove_it_the_person_is_told_how(person: Person, language: str) -> None:
    someone = person(language)
    someone.api.undeletable_chats.add(str(someone.chat_id))
    sent = someone.deliver(someone.photo("caption"))
    assert texts(sent) == [render(language, "telegram.media_refused")]
    assert someone.user_events() == []


def test_the_conversation_language_wins_over_telegrams(person: Person) -> None:
    someone = person("en")
    someone.says("/start")
    someone.presses(someone.issued('/change_language{"language": "ko"}'))
    assert someone.tracker()["slots"]["language"] == "ko"
    assert texts(someone.says("/nothing")) == [render("ko", "telegram.unknown_command")]


def test_the_bot_token_never_appears_in_the_logs(person: Person) -> None:
    """httpx logs each request URL, and a Bot API URL holds the token."""
    someone = person("en")
    someone.says("/start")
    log = Path(os.environ.get("RELAIS_TEST_LOG", someone.stack.settings.var_dir / "services.log"))
    content = log.read_text(errors="replace")
    assert "telegram" in content
    assert someone.api.token not in content


def test_the_command_menu_is_published_in_each_language(stack: Stack, bot_api: BotApi) -> None:
    def published() -> dict[str | None, list[dict[str, str]]]:
        return {call.params.get("language_code"): call.params["commands"] for call in bot_api.calls("setMyCommands")}

    menus = bot_api.wait_for(lambda: len(published()) == 4 and published(), "setMyCommands for fr, ko, en and default")
    for language in (*LANGUAGES_CODES, None):
        expected = menu(language or "en")
        assert menus[language] == [{"command": c.command, "description": c.description} for c in expected]
    assert bot_api.calls("getMe")
