from __future__ import annotations

import pytest

from bot.channels.telegram_commands import COMMANDS, command_in, menu
from content.texts import render


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("/start", "start"),
        ("/Start@relais_test_bot", "start"),
        ("/help me please", "help"),
        ("/delete_my_data", "delete_my_data"),
        ("/", ""),
        ("/ start", ""),
        ("hello /start", None),
        ("Bonjour", None),
    ],
)
def test_a_command_is_the_first_word_after_a_slash(text: str, command: str | None) -> None:
    assert command_in(text) == command


def test_typed_intents_are_not_commands() -> None:
    """Only the table reaches Rasa: "/delete_my_data" or "/inform{...}" typed by hand do not."""
    assert set(COMMANDS) == {"start", "help", "language", "delete"}
    assert {c.intent for c in COMMANDS.values()} == {"/greet", "/change_language", "/delete_my_data"}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_the_command_menu_is_described_in_each_language(language: str) -> None:
    commands = menu(language)
    assert [c.command for c in commands] == ["start", "help", "language", "delete"]
    assert commands[3].description == render(language, "telegram.command.delete")
    assert all(3 <= len(c.description) <= 256 for c in commands)
