"""The reply language: explicit choice, then the conversation language, then reliable detection."""

from __future__ import annotations

import pytest

from actions.language import conversation_language
from bot.components.language_detection import detect
from tests.actions.conftest import make_tracker
from vocabulary.parse_keys import OOD_KEY


def language_for(
    text: str,
    current: str | None = None,
    intent: str = "greet",
    slots_extra: dict[str, str] | None = None,
    **kwargs: object,
) -> str:
    slots = {"language": current, **(slots_extra or {})}
    tracker = make_tracker(intent=intent, text=text, slots=slots, detection=detect(text).as_dict(), **kwargs)
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


@pytest.mark.parametrize(
    ("chosen", "text"),
    [
        ("ko", "my ex posted my photos online what do I do"),
        ("en", "mon ex a publié mes photos sur internet"),
        ("fr", "전 남자친구가 제 사진을 인스타에 올렸어요"),
    ],
)
def test_an_explicit_choice_sticks_until_another_one(chosen: str, text: str) -> None:
    assert language_for(text, current=chosen, slots_extra={"chosen_language": chosen}) == chosen


def test_a_new_choice_replaces_the_old_one() -> None:
    entities = [{"entity": "language", "value": "fr"}]
    slots = {"chosen_language": "ko"}
    assert (
        language_for("can we switch to french", "ko", "change_language", entities=entities, slots_extra=slots) == "fr"
    )


@pytest.mark.parametrize(
    "text",
    [
        "전 남친이 my photos를 올렸어 what do I do",
        "he posted 내 사진을 on twitter, what should I do now",
        "ok so 몸캠 피싱 happened to me",
    ],
)
def test_hangul_in_a_message_means_korean_unless_a_language_was_chosen(text: str) -> None:
    assert language_for(text, current="en") == "ko"
    assert language_for(text, current="en", intent="nlu_fallback") == "ko"
    assert language_for(text, current="en", slots_extra={"chosen_language": "en"}) == "en"


@pytest.mark.parametrize("current", ["fr", "ko", "en"])
def test_a_message_without_words_never_moves_the_conversation(current: str) -> None:
    tracker = make_tracker(
        intent="nlu_fallback",
        text="Necesito ayuda con mis fotos por favor",
        slots={"language": current},
        detection={"language": "fr", "reliable": True},
    )
    tracker.latest_message[OOD_KEY] = "language"
    assert conversation_language(tracker) == current


@pytest.mark.parametrize(
    ("text", "current", "named"),
    [
        ("Est-ce que le centre parle anglais ou français ?", "fr", ["en", "fr"]),
        ("상담은 영어로도 돼요 아니면 한국어만 돼요?", "ko", ["en", "ko"]),
        ("do they speak French or English at the hotline?", "en", ["fr", "en"]),
    ],
)
def test_a_question_naming_two_languages_chooses_none(text: str, current: str, named: list[str]) -> None:
    """Asking which languages someone speaks is no choice: the conversation stays in its language."""
    entities = [{"entity": "language", "value": code} for code in named]
    assert language_for(text, current, "change_language", entities=entities) == current


def test_korean_consonants_alone_keep_a_new_conversation_in_korean() -> None:
    assert language_for("ㅈㄱ ㅅㄹㅈㄱ ㅅㅇ", parse_data={OOD_KEY: "mash"}) == "ko"
    assert language_for("ㅠㅠㅠ", current="fr", parse_data={OOD_KEY: "tears"}) == "fr"
