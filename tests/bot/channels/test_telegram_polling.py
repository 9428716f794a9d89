"""TELEGRAM_MODE=polling: a second, real Rasa reads updates with getUpdates from the stand-in."""

from __future__ import annotations

import json
import urllib.request

import pytest

from bot.services import Stack
from content.texts import render
from tests.bot.channels.bot_api import SECRET, BotApi
from tests.bot.channels.person import TelegramPerson


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_an_update_served_by_get_updates_is_answered(second_rasa: Stack, bot_api: BotApi, language: str) -> None:
    someone = TelegramPerson(second_rasa, bot_api, language)
    update = someone.text("/start")
    bot_api.queue_update(update)
    sent = bot_api.wait_for(lambda: len(someone.sent()) >= 4 and someone.sent(), "the polled /start answered")
    assert sent[0].text == render(language, "telegram.warning")
    assert sent[1].text == render(language, "greet.welcome")
    assert sent[-1].keyboard
    # Rasa saves the tracker after the answers went out.
    events = bot_api.wait_for(someone.user_events, "the polled /start in Rasa's tracker")
    assert [e["text"] for e in events] == ["/greet"]
    bot_api.wait_for(lambda: update not in bot_api.pending_updates(), "the update confirmed by the next offset")


def test_a_button_and_a_photo_go_through_the_same_handling(second_rasa: Stack, bot_api: BotApi) -> None:
    someone = TelegramPerson(second_rasa, bot_api, "ko")
    bot_api.queue_update(someone.photo("caption"))
    bot_api.wait_for(lambda: someone.sent(), "the photo refused")
    assert someone.sent()[0].text == render("ko", "telegram.media_removed")
    press = someone.button(someone.issued("/ask_offence"))
    bot_api.queue_update(press)
    bot_api.wait_for(lambda: someone.user_events(), "the button press in Rasa")
    assert [e["text"] for e in someone.user_events()] == ["/ask_offence"]
    answered = [c.params["callback_query_id"] for c in bot_api.calls("answerCallbackQuery")]
    assert press["callback_query"]["id"] in answered


def test_polling_deletes_any_webhook_and_offers_no_webhook_route(second_rasa: Stack, bot_api: BotApi) -> None:
    assert bot_api.calls("deleteWebhook")
    someone = TelegramPerson(second_rasa, bot_api, "en")
    assert someone.post(someone.text("Hello"), secret=SECRET) == 404
    with urllib.request.urlopen(someone.webhook.rsplit("/", 1)[0] + "/", timeout=10) as response:
        assert json.loads(response.read()) == {"status": "ok", "mode": "polling"}
