"""Fixtures for the Telegram channel: people writing to the bot, and a second Rasa that polls."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator

import pytest
from telegram import Chat

from bot.services import Stack
from tests.channels.bot_api import BotApi
from tests.channels.person import TelegramPerson
from tests.conftest import free_port


@pytest.fixture
def person(stack: Stack, bot_api: BotApi) -> Callable[..., TelegramPerson]:
    def make(language_code: str | None = "en", chat_type: str = Chat.PRIVATE) -> TelegramPerson:
        return TelegramPerson(stack, bot_api, language_code, chat_type)

    return make


@pytest.fixture(scope="module")
def polling_rasa(stack: Stack, bot_api: BotApi, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Rasa in TELEGRAM_MODE=polling beside the session's stack, using its action server and database."""
    var = tmp_path_factory.mktemp("polling")
    settings = replace(
        stack.settings, rasa_port=free_port(), web_port=free_port(), var_dir=var, telegram_mode="polling"
    )
    log_path = Path(os.environ.get("RELAIS_TEST_LOG", var / "services.log"))
    with open(log_path, "ab") as log:
        polling = Stack(settings, log)
        try:
            polling.start("rasa")
            yield polling
        finally:
            polling.stop_all()
