"""Typed answers to intake questions, as people write them in each language."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake.answers import choice
from actions.reply import Turn
from actions.review import tracker

YES_NO = ("yes", "no", "unsure")
SUBJECT = ("self", "other")
CONTACT = ("chat", "email", "phone", "none")


def picked(
    text: str, allowed: tuple[str, ...], intent: str = "inform", entities: tuple[dict[str, str], ...] = ()
) -> str | None:
    turn = Turn(CollectingDispatcher(), tracker(intent, {}, entities=entities, text=text), "en")
    return choice(turn, allowed)


@pytest.mark.parametrize(
    ("text", "allowed", "expected"),
    [
        ("oui, il m'écrit encore", YES_NO, "yes"),
        ("네 계속 연락 와요", YES_NO, "yes"),
        ("yes, he keeps messaging", YES_NO, "yes"),
        ("non, plus rien depuis", YES_NO, "no"),
        ("아니요", YES_NO, "no"),
        ("nope", YES_NO, "no"),
        ("je ne sais pas trop", YES_NO, "unsure"),
        ("잘 모르겠어요", YES_NO, "unsure"),
        ("not sure", YES_NO, "unsure"),
        ("c'est ma fille", SUBJECT, "other"),
        ("제 친구예요", SUBJECT, "other"),
        ("it's me", SUBJECT, "self"),
        ("제 영상이에요", SUBJECT, "self"),
        ("c'est moi", SUBJECT, "self"),
        ("par téléphone", CONTACT, "phone"),
        ("이메일로 주세요", CONTACT, "email"),
        ("don't contact me", CONTACT, "none"),
        ("pourquoi vous demandez ça ?", CONTACT, "why"),
        ("왜 물어보세요?", YES_NO, "why"),
        ("je préfère ne pas répondre", SUBJECT, "skip"),
        ("건너뛸게요", SUBJECT, "skip"),
        ("다음", SUBJECT, "skip"),
        ("next", SUBJECT, "skip"),
        ("stop, I'll finish later", YES_NO, "stop"),
        ("그만할게요", CONTACT, "stop"),
    ],
)
def test_short_typed_answers(text: str, allowed: tuple[str, ...], expected: str) -> None:
    assert picked(text, allowed) == expected


def test_a_long_answer_is_an_answer_not_a_control_word() -> None:
    story = "he said he would stop only if I paid, and I don't know why he picked me of all people"
    assert picked(story, YES_NO) is None


def test_buttons_win_and_yes_no_intents_fill_in() -> None:
    assert picked("/inform", YES_NO, entities=({"entity": "intake_choice", "value": "no"},)) == "no"
    assert picked("absolutely, every day", YES_NO, intent="affirm") == "yes"
    assert picked("tout à fait", SUBJECT, intent="affirm") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no wait i dont want a report", "stop"),
        ("bye", "stop"),
        ("je veux plus faire de signalement", "stop"),
        ("au revoir", "stop"),
        ("신고 안 할래요", "stop"),
        ("접수하기 싫어요", "stop"),
        ("https://stop-revenge.example.com/post/1", None),
        ("bye.example.com/p/2", None),
        ("https://www.pause.fr/v/3", None),
    ],
)
def test_leaving_the_report_in_words_stops_it_and_a_link_is_never_a_word(text: str, expected: str | None) -> None:
    """"no wait i dont want a report" and "bye" at a report question stop it (it was trapped, "bye" saved as a
    place); a link whose address holds "stop", "bye" or "pause" is an answer, never a control."""
    assert picked(text, ()) == expected


@pytest.mark.parametrize(
    "text",
    ["oui envoie le", "oui vous pouvez l'envoyer", "네 보내주세요", "응 제출해", "yes send it", "yeah submit it"],
)
def test_a_yes_that_says_to_send_the_report_is_no_yes_to_another_question(text: str) -> None:
    """"yes send it" typed at "were you under 18 in the images?" was saved as "under 18: yes" (the person thought the
    form was over): it answers nothing there, and the question is asked again; a plain yes still answers."""
    assert picked(text, YES_NO) is None
    assert picked(text.split()[0], YES_NO) == "yes"


@pytest.mark.parametrize("text", ["pk vous demandez ca", "pq tu me demandes ça", "y tho"])
def test_why_in_texting_is_asking_why_never_an_answer(text: str) -> None:
    """"pk vous demandez ca" at the place question was saved as the place."""
    assert picked(text, ()) == "why"


@pytest.mark.parametrize(
    "text",
    [
        "actually forget it i dont want to do this anymore",
        "laisse tomber jveux plus continuer",
        "아 그냥 그만할래요",
        "아 잠깐 그냥 안할래요 무서워요",
        "en fait non je veux plus le faire j'ai peur",
        "wait no i dont want to do this anymore im scared",
        "bon j'ai plus le temps là, je reviendrai plus tard",
        "그만할래요 나중에 다시 올게요",
        "actually i need to go, can we finish this another time",
    ],
)
def test_leaving_the_report_in_a_longer_message_stops_it(text: str) -> None:
    """"actually forget it i dont want to do this anymore" was saved as where the content is."""
    assert picked(text, ()) == "stop"
