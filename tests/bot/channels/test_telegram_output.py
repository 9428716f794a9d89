"""Messages Relais pushes to a Telegram user through Rasa's HTTP API: analysts' words, long texts, buttons."""

from __future__ import annotations

from typing import Callable

import pytest

from bot.channels.telegram_callbacks import KEY_PREFIX, MAX_BYTES
from bot.channels.telegram_text import MAX_TEXT, utf16_length
from content.texts import render
from tests.bot.channels.person import TelegramPerson

Person = Callable[..., TelegramPerson]
WORDS = {
    "fr": "Bonjour, je m'appelle Claire et je suis là pour vous aider.",
    "ko": "안녕하세요, 상담원 지민입니다. 제가 함께 도와드릴게요.",
    "en": "Hello, I'm Sam from the hotline. I'm here to help.",
}


def analyst(words: str) -> dict[str, object]:
    """The staff console's event (see the analyst contract)."""
    return {"event": "bot", "text": None, "data": {"custom": {"data": {"text": words, "from": "analyst"}}}}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_an_analysts_message_reaches_the_person_marked_as_from_a_person(person: Person, language: str) -> None:
    someone = person(language)
    someone.says("/start")
    sent = someone.push(analyst(WORDS[language]))
    label = render(language, "channel.from_analyst")
    assert [call.text for call in sent] == [f"{label}\n{WORDS[language]}"]
    assert sent[0].params["entities"] == [{"type": "bold", "offset": 0, "length": utf16_length(label)}]


def test_the_label_follows_the_conversation_language_not_telegrams(person: Person) -> None:
    someone = person("en")
    someone.says("/start")
    someone.presses(someone.issued('/change_language{"language": "fr"}'))
    sent = someone.push(analyst("Bonjour."))
    assert sent[0].text.startswith(render("fr", "channel.from_analyst") + "\n")


def test_an_ordinary_bot_message_is_pushed_as_plain_text(person: Person) -> None:
    someone = person("en")
    someone.says("/start")
    sent = someone.push({"event": "bot", "text": "You are now talking with an analyst."})
    assert [(call.text, call.params.get("entities")) for call in sent] == [
        ("You are now talking with an analyst.", None)
    ]


def test_a_long_text_is_split_on_paragraphs_within_telegrams_limit(person: Person) -> None:
    someone = person("en")
    someone.says("/start")
    paragraphs = [f"Paragraph {n}: " + "some careful explanation " * 40 for n in range(12)]
    text = "\n\n".join(p.strip() for p in paragraphs)
    assert utf16_length(text) > 2 * MAX_TEXT
    sent = someone.push({"event": "bot", "text": text, "data": {"buttons": [{"title": "OK", "payload": "/affirm"}]}})
    assert len(sent) == 3
    assert all(utf16_length(call.text) <= MAX_TEXT for call in sent)
    assert "\n\n".join(call.text for call in sent) == text
    assert [someone.buttons(call) for call in sent] == [[], [], [("OK", "/affirm")]]


def test_a_payload_over_telegrams_limit_travels_as_a_key_and_reaches_rasa_whole(person: Person) -> None:
    someone = person("en")
    someone.says("/start")
    payload = '/inform{"country": "FR", "platform": "' + "a-very-long-platform-name-" * 3 + '"}'
    assert len(payload.encode()) > MAX_BYTES
    buttons = [{"title": "That one", "payload": payload}, {"title": "Short", "payload": "/deny"}]
    sent = someone.push({"event": "bot", "text": "Which one?", "data": {"buttons": buttons}})
    (title, data), short = sent[-1].keyboard
    assert title == "That one" and data.startswith(KEY_PREFIX) and len(data.encode()) <= MAX_BYTES
    assert short == ("Short", someone.issued("/deny"))
    someone.presses(data)
    last = someone.user_events()[-1]
    assert last["text"] == payload
    assert {e["entity"]: e["value"] for e in last["parse_data"]["entities"]}["country"] == "FR"
