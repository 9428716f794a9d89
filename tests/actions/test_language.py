"""DESIGN section 4: explicit choice, then the conversation language, then reliable detection."""

from __future__ import annotations

import pytest

from actions.language import conversation_language
from bot.components.language_detection import detect
from tests.actions.conftest import make_tracker


def language_for(text: str, current: str | None = None, intent: str = "greet", **kwargs: object) -> str:
    tracker = make_tracker(
        intent=intent, text=text, slots={"language": current}, detection=detect(text).as_dict(), **kwargs
    )
    return conversation_language(tracker)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("안녕하세요 도움이 필요해요", "ko"),
        ("전 남친이 제 사진을 인스타에 올렸어요", "ko"),
        ("mon ex a publié mes photos sur snap", "fr"),
        ("jsp quoi faire il menace de tout envoyer", "fr"),
        ("my ex posted my pics online", "en"),
        ("someone is blackmailing me with a video", "en"),
    ],
)
def test_a_new_conversation_takes_the_language_of_its_first_message(text: str, expected: str) -> None:
    assert language_for(text) == expected


@pytest.mark.parametrize("current", ["fr", "ko", "en"])
@pytest.mark.parametrize("short", ["ok", "merci", "네", "thanks", "oui", "yes please", "ㅇㅇ", "d'accord"])
def test_one_or_two_words_never_flip_the_language(current: str, short: str) -> None:
    assert language_for(short, current=current) == current


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("je préfère vous écrire en français maintenant", "en", "fr"),
        ("actually I would rather continue in English", "fr", "en"),
        ("한국어로 이야기하고 싶어요 지금부터", "fr", "ko"),
    ],
)
def test_a_long_message_in_another_language_moves_the_conversation(text: str, current: str, expected: str) -> None:
    assert language_for(text, current=current) == expected


@pytest.mark.parametrize("target", ["fr", "ko", "en"])
def test_an_explicit_request_wins_over_the_language_it_is_written_in(target: str) -> None:
    entities = [{"entity": "language", "value": target}]
    assert language_for("can we speak another language please", "en", "change_language", entities=entities) == target


@pytest.mark.parametrize("target", ["fr", "ko", "en"])
def test_the_widget_selector_is_an_explicit_choice(target: str) -> None:
    assert language_for("hello there my friend", current="en", metadata={"language": target}) == target


def test_a_channel_hint_decides_only_when_nothing_else_does() -> None:
    assert language_for("ok", metadata={"language_hint": "ko"}) == "ko"
    assert language_for("ok", current="fr", metadata={"language_hint": "ko"}) == "fr"
    assert language_for("my ex posted my pictures online", metadata={"language_hint": "fr-FR"}) == "en"


def test_unknown_languages_in_metadata_are_ignored() -> None:
    assert language_for("ok", current="fr", metadata={"language": "de"}) == "fr"
