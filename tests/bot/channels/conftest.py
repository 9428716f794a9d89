"""Fixtures for the Telegram channel: people writing to the bot (the second Rasa, which polls: tests/conftest.py)."""

from __future__ import annotations

from typing import Callable

import pytest
from telegram import Chat

from bot.services import Stack
from tests.bot.channels.bot_api import BotApi
from tests.bot.channels.person import TelegramPerson


@pytest.fixture
def person(stack: Stack, bot_api: BotApi) -> Callable[..., TelegramPerson]:
    def make(language_code: str | None = "en", chat_type: str = Chat.PRIVATE) -> TelegramPerson:
        return TelegramPerson(stack, bot_api, language_code, chat_type)

    return make
