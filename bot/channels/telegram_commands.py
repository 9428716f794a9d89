"""Telegram's slash commands and the Relais intents they stand for.

A typed "/" reaches Rasa only through this table: Rasa reads "/intent{...}" as an
intent with entities, and a person should not be able to skip the assistant's
understanding (or set slots) by typing one.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import BotCommand

from content.texts import render


@dataclass(frozen=True)
class Command:
    name: str
    intent: str
    warns_first: bool = False
    """/start first says that Telegram keeps the chat on the phone, and how to delete it."""


COMMANDS = {
    command.name: command
    for command in (
        Command("start", "/greet", warns_first=True),
        Command("help", "/greet"),
        Command("language", "/change_language"),
        Command("delete", "/delete_my_data"),
    )
}


def command_in(text: str) -> str | None:
    """The command a message starts with ("/Start@RelaisBot" gives "start"), or None for plain text."""
    if not text.startswith("/"):
        return None
    words = text[1:].split(maxsplit=1)
    first = words[0] if words and not text[1:2].isspace() else ""
    return first.split("@", 1)[0].lower()


def menu(language: str) -> list[BotCommand]:
    """The command list Telegram shows in the chat's menu, in `language`."""
    return [BotCommand(name, render(language, f"telegram.command.{name}")) for name in COMMANDS]
