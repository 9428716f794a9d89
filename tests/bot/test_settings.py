from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import ConfigurationError, load


def test_defaults_follow_the_port_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("RASA_PORT", "ACTIONS_PORT", "WEB_PORT", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    settings = load()
    assert (settings.rasa_port, settings.actions_port, settings.web_port) == (5005, 5055, 8000)
    assert settings.database_url.startswith("sqlite:///") and settings.database_url.endswith("var/relais.db")


def test_a_bad_port_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_PORT", "fifty")
    with pytest.raises(SystemExit, match="RASA_PORT must be a whole number"):
        load()


def test_the_token_is_generated_once_and_never_a_fixed_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("RASA_TOKEN", raising=False)
    monkeypatch.setenv("RELAIS_VAR_DIR", str(tmp_path))
    first = load().rasa_token()
    assert len(first) >= 32 and load().rasa_token() == first
    assert (tmp_path / "rasa_token").stat().st_mode & 0o077 == 0
    other = tmp_path / "other"
    monkeypatch.setenv("RELAIS_VAR_DIR", str(other))
    assert load().rasa_token() != first


def test_the_environment_token_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_TOKEN", "from-the-environment")
    assert load().rasa_token() == "from-the-environment"


def test_widget_origins_are_normalised_as_browsers_send_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAIS_WIDGET_ORIGINS", " https://WWW.Hotline.example:443/ ,http://127.0.0.1:9000,")
    monkeypatch.setenv("WEB_PORT", "8123")
    monkeypatch.delenv("RELAIS_HOST", raising=False)
    settings = load()
    assert settings.widget_origins == ("https://www.hotline.example", "http://127.0.0.1:9000")
    assert settings.allowed_origins == {
        "https://www.hotline.example",
        "http://127.0.0.1:9000",
        "http://127.0.0.1:8123",
        "http://localhost:8123",
    }
    assert load().as_env()["RELAIS_WIDGET_ORIGINS"] == "https://www.hotline.example,http://127.0.0.1:9000"


@pytest.mark.parametrize(
    "value", ["*", "https://hotline.example/page", "hotline.example", "ftp://x.example", "http://x:port"]
)
def test_a_bad_widget_origin_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("RELAIS_WIDGET_ORIGINS", value)
    with pytest.raises(SystemExit, match="RELAIS_WIDGET_ORIGINS takes origins"):
        load()


def test_upstream_urls_override_the_local_ports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAIS_RASA_URL", "http://rasa:5005/")
    monkeypatch.setenv("RELAIS_ACTIONS_URL", "http://actions:5055")
    settings = load()
    assert settings.rasa_url == "http://rasa:5005"
    assert settings.action_endpoint == "http://actions:5055/webhook"
    assert load().as_env()["RELAIS_RASA_URL"] == "http://rasa:5005"


@pytest.mark.parametrize("raw", ["rasa:5005", "ftp://rasa", "http://rasa:5005/api"])
def test_an_upstream_url_with_a_path_or_no_scheme_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("RELAIS_RASA_URL", raw)
    with pytest.raises(ConfigurationError, match="RELAIS_RASA_URL takes a URL"):
        load()


def test_the_scale_out_settings_survive_the_child_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAIS_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672")
    monkeypatch.setenv("RELAIS_REDIS_PREFIX", "hotline2")
    monkeypatch.setenv("RELAIS_LOCK_LIFETIME_S", "30")
    env = load().as_env()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    again = load()
    assert (again.broker_url, again.redis_prefix, again.lock_lifetime_s) == (
        "amqp://guest:guest@127.0.0.1:5672",
        "hotline2",
        30,
    )
