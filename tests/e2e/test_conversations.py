"""Conversations over REST with the real model, action server and SQL tracker store."""

from __future__ import annotations

import pytest

from actions.jurisdiction import ASK_BUTTONS
from bot.services import Stack
from content.knowledge import contact, law
from content.knowledge.formatting import citation
from content.texts import render
from tests.conftest import Chat

pytestmark = pytest.mark.e2e

GREETINGS = {
    "fr": "Bonjour",
    "ko": "안녕하세요",
    "en": "Hello",
}


def said(language: str, key: str) -> str:
    """The text of `key`; a long text's rest (`key.rest`) comes as the next message (REST cuts paragraphs)."""
    return render(language, key, days=30)


@pytest.mark.parametrize("language", sorted(GREETINGS))
def test_greeting_carries_the_privacy_notice_and_a_menu(chat: Chat, language: str) -> None:
    replies = chat.say(GREETINGS[language])
    texts = [r["text"] for r in replies]
    assert said(language, "greet.welcome") in texts
    assert said(language, "greet.privacy") in texts
    assert [b["payload"] for b in replies[-1]["buttons"]][:4] == [
        "/ask_offence",
        "/ask_evidence",
        "/ask_report",
        "/ask_removal",
    ]
    assert chat.slot("language") == language


@pytest.mark.parametrize(
    ("language", "question"),
    [("fr", "est ce que tu es un robot ?"), ("ko", "혹시 사람 아니고 봇이에요?"), ("en", "am i talking to a bot")],
)
def test_the_bot_says_honestly_that_it_is_automated(chat: Chat, language: str, question: str) -> None:
    assert said(language, "bot_challenge.text") in chat.text(question)


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("fr", "qui peut lire ce que je vous écris ? c'est anonyme ?"),
        ("ko", "제가 쓴 내용 저장되나요? 누가 볼 수 있어요?"),
        ("en", "do you keep what I write here? who can see it?"),
    ],
)
def test_privacy_answer_is_truthful(chat: Chat, language: str, question: str) -> None:
    assert said(language, "privacy.text") in chat.text(question)


@pytest.mark.parametrize(
    ("start", "ask", "target"),
    [
        ("Hello", "est-ce qu'on peut parler en français ?", "fr"),
        ("Bonjour", "can we talk in korean please", "ko"),
        ("안녕하세요", "영어로 해주세요", "en"),
    ],
)
def test_switching_language_by_message(chat: Chat, start: str, ask: str, target: str) -> None:
    chat.say(start)
    assert said(target, "language.switched") in chat.text(ask)
    assert chat.slot("language") == target


@pytest.mark.parametrize("target", ["fr", "ko", "en"])
def test_switching_language_by_channel_metadata(chat: Chat, target: str) -> None:
    chat.say("Hello")
    reply = chat.text(f'/change_language{{"language": "{target}"}}', language=target)
    assert said(target, "language.switched") in reply


@pytest.mark.parametrize(
    ("start", "language", "short"),
    [
        ("Bonjour", "fr", "ok"),
        ("Hello", "en", "네"),
        ("안녕하세요", "ko", "merci"),
    ],
)
def test_a_one_word_message_does_not_flip_the_language(chat: Chat, start: str, language: str, short: str) -> None:
    chat.say(start)
    chat.say(short)
    assert chat.slot("language") == language


@pytest.mark.parametrize(
    ("language", "gibberish"),
    [("fr", "zzkq wxxp blorf"), ("ko", "ㅁㄴㅇㄹ ㅋㅌㅊㅍ"), ("en", "qwzx vbnm plok")],
)
def test_unclear_messages_get_a_clarification_with_buttons(chat: Chat, language: str, gibberish: str) -> None:
    chat.say(GREETINGS[language])
    replies = chat.say(gibberish)
    assert replies and replies[-1].get("buttons")
    assert chat.slot("language") == language


@pytest.mark.parametrize(
    ("message", "line"),
    [
        ("je vis à Paris et je veux mourir, je n'en peux plus", "FR.crisis"),
        ("서울 살아요. 그냥 죽고 싶어요 더는 못 버티겠어요", "KR.crisis"),
        ("i live in London and i want to end my life", "GB.crisis"),
    ],
)
def test_crisis_line_is_the_first_reply(chat: Chat, message: str, line: str) -> None:
    replies = chat.say(message)
    assert contact(line).value in replies[0]["text"]


@pytest.mark.parametrize(
    ("language", "message", "first_line"),
    [
        ("fr", "je veux mourir, je n'en peux plus", "FR.crisis"),
        ("ko", "그냥 죽고 싶어요 더는 못 버티겠어요", "KR.crisis"),
        ("en", "i want to end my life, i can't take it anymore", "GB.crisis"),
    ],
)
def test_a_crisis_without_a_country_starts_with_the_languages_own_country(
    chat: Chat, language: str, message: str, first_line: str
) -> None:
    """French reads France first, Korean Korea first, English the English-speaking countries first."""
    replies = [reply["text"] for reply in chat.say(message)]
    assert replies[:2] == [said(language, "crisis.unknown"), said(language, "crisis.unknown.rest")]
    assert contact(first_line).value in replies[0], "the language's country's line comes before any tap"
    assert contact("CA.crisis").value in replies[1]


@pytest.mark.parametrize(
    ("language", "message", "route"),
    [
        ("fr", "j'ai 15 ans et un mec menace de publier mes photos si je paie pas", "minor.FR"),
        ("ko", "저 중3인데 어떤 사람이 제 사진 퍼뜨린다고 돈 보내래요", "minor.KR"),
        ("en", "i'm 15 and a guy is threatening to post my nudes unless i pay", "minor.other"),
    ],
)
def test_a_threatened_minor_without_a_country_gets_the_child_route_of_the_language(
    chat: Chat, language: str, message: str, route: str
) -> None:
    answer = chat.text(message)
    assert said(language, route) in answer
    assert chat.slot("is_minor") is True
    assert said(language, "minor.never_save") in answer
    not_paying = {"fr": "ne payez pas", "ko": "돈이든 사진이든 더는 보내지", "en": "don't pay"}
    assert not_paying[language] in answer.lower()


@pytest.mark.parametrize(
    ("language", "story", "answer", "expected"),
    [
        (
            "fr",
            "mon ex a diffusé mes photos intimes sur snapchat, est-ce que c'est illégal ?",
            '/inform{"country": "FR"}',
            "FR.sharing",
        ),
        ("ko", "전 남친이 제 영상을 단톡방에 뿌렸어요. 이거 처벌 받나요?", "한국이요", "KR.sharing"),
        ("en", "my ex shared my nudes with his friends, is that a crime?", '/inform{"country": "KR"}', "KR.sharing"),
    ],
)
def test_a_story_then_the_country_leads_to_the_law(
    chat: Chat, language: str, story: str, answer: str, expected: str
) -> None:
    first = chat.text(story)
    assert said(language, "situation.ack.sharing") in first
    assert said(language, "country.ask") in first
    assert law(expected).citation in chat.text(answer)
    assert chat.slot("situation") == "sharing"


@pytest.mark.parametrize(
    ("language", "story", "acknowledgements"),
    [
        ("fr", "mon ex a diffusé mes photos intimes sur snapchat, est-ce que c'est illégal ?", ("ok", "d'accord")),
        ("ko", "전 남친이 제 영상을 단톡방에 뿌렸어요. 이거 처벌 받나요?", ("네",)),
        ("en", "my ex shared my nudes with his friends, is that a crime?", ("okay", "ok")),
    ],
)
def test_an_ok_to_the_country_question_asks_it_again(
    chat: Chat, language: str, story: str, acknowledgements: tuple[str, ...]
) -> None:
    """Asked which country they live in, a person who answers "ok" is asked again with the buttons, never shown
    the menu instead; the country given next still leads to the law asked for."""
    assert said(language, "country.ask") in chat.text(story)
    for typed in acknowledgements:
        replies = chat.say(typed)
        assert [r.get("text") for r in replies] == [said(language, "country.ask.again")], typed
        assert [b["payload"] for b in replies[-1]["buttons"]] == [payload for _, payload in ASK_BUTTONS]
    answer = chat.text('/inform{"country": "FR"}')
    assert citation(law("FR.sharing").citation, language) in answer
    assert chat.slot("country") == "FR"


def test_a_conversation_carries_on_in_another_rasa_process(stack: Stack, second_rasa: Stack) -> None:
    """What a restart of Rasa or another replica sees: nothing of the conversation lives in the process."""
    chat = Chat(stack)
    chat.say("mon ex a diffusé mes photos intimes sur snapchat, je vis à Lyon")
    assert chat.slot("country") == "FR"
    elsewhere = Chat(second_rasa)
    elsewhere.sender = chat.sender
    assert elsewhere.slot("country") == "FR"
    assert elsewhere.slot("language") == "fr"
    assert contact("FR.pharos").value in elsewhere.text("/ask_report")


@pytest.mark.parametrize(
    ("language", "story", "answer", "expected"),
    [
        ("fr", "mon ex a diffusé mes photos intimes sur snapchat, est-ce que c'est illégal ?", "FR", "FR.sharing"),
        ("ko", "전 남친이 제 영상을 단톡방에 뿌렸어요. 이거 처벌 받나요?", "kr", "KR.sharing"),
        ("ko", "전 남친이 제 영상을 단톡방에 뿌렸어요. 이거 처벌 받나요?", "네 한국이요", "KR.sharing"),
        ("en", "my ex shared my nudes with his friends, is that a crime?", "im in the us", "US.act"),
        ("en", "my ex shared my nudes with his friends, is that a crime?", "us", "US.act"),
    ],
)
def test_a_country_code_or_a_yes_with_the_country_answers_the_country_question(
    chat: Chat, language: str, story: str, answer: str, expected: str
) -> None:
    """A code ("us", "kr", "FR") or "네 한국이요" answers "which country do you live in?": the law asked for follows."""
    assert said(language, "country.ask") in chat.text(story)
    reply = chat.text(answer)
    assert citation(law(expected).citation, language) in reply
    assert said(language, "clarify.text") not in reply
    assert chat.slot("country") == expected.split(".")[0]
    assert chat.slot("language") == language
