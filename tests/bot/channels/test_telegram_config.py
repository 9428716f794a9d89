from __future__ import annotations

from dataclasses import replace

import pytest
from rasa.shared.exceptions import RasaException

from bot import runtime_config
from bot.channels.telegram import TelegramInput
from bot.settings import TELEGRAM_API_URL, load


def test_the_channel_is_off_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_TOKEN", raising=False)
    assert runtime_config.TELEGRAM_CHANNEL not in runtime_config.credentials(load())


def test_the_channel_is_registered_by_module_path_without_its_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_TOKEN", "123:abc")
    monkeypatch.setenv("TELEGRAM_SECRET", "s3cret")
    credentials = runtime_config.credentials(load())
    assert credentials[runtime_config.TELEGRAM_CHANNEL] is None
    assert "123:abc" not in str(credentials) and "s3cret" not in str(credentials)
    assert runtime_config.TELEGRAM_CHANNEL == f"{TelegramInput.__module__}.{TelegramInput.__name__}"


def test_defaults_are_telegrams_own_api_and_the_webhook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_API_URL", raising=False)
    monkeypatch.delenv("TELEGRAM_MODE", raising=False)
    settings = load()
    assert (settings.telegram_api_url, settings.telegram_mode) == (TELEGRAM_API_URL, "webhook")


def test_a_bad_mode_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_MODE", "push")
    with pytest.raises(SystemExit, match="TELEGRAM_MODE must be one of webhook, polling"):
        load()


def test_child_processes_get_the_telegram_settings() -> None:
    settings = replace(load(), telegram_token="123:abc", telegram_secret="s3cret", telegram_mode="polling")
    env = settings.as_env()
    assert (env["TELEGRAM_TOKEN"], env["TELEGRAM_SECRET"], env["TELEGRAM_MODE"]) == ("123:abc", "s3cret", "polling")


@pytest.mark.parametrize("secret", [None, "", "has spaces", "x" * 257, "é"])
def test_the_webhook_refuses_to_start_without_a_valid_secret(secret: str | None) -> None:
    settings = replace(load(), telegram_token="123:abc", telegram_secret=secret, telegram_mode="webhook")
    with pytest.raises(RasaException, match="TELEGRAM_SECRET"):
        TelegramInput(settings)


def test_polling_needs_no_secret() -> None:
    settings = replace(load(), telegram_token="123:abc", telegram_secret=None, telegram_mode="polling")
    assert TelegramInput(settings).name() == "telegram"


def test_no_token_no_channel() -> None:
    with pytest.raises(RasaException, match="TELEGRAM_TOKEN"):
        TelegramInput(replace(load(), telegram_token=None))
