"""Data at rest: var/ and the SQLite database are the owner's only, and a new report's PIN never reaches the
tracker in clear; victims' words are withheld from Rasa's quoting loggers."""

from __future__ import annotations

import json
import logging
import stat
import sys
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.events import ActionExecuted, BotUttered
from rasa.shared.utils.io import read_config_file

from actions.message_parts import message_parts
from bot import runtime_config
from bot.action_server import ACTION_SECRET_HEADER
from bot.cases.pin_seal import seal, unseal
from bot.rasa_server import log_privacy
from bot.rasa_server.tracker_store import PIN_MASK, without_pin
from bot.settings import load
from bot.storage.db import prepare
from bot.web.widget_history import bot_entries


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_var_is_created_private_and_an_old_open_one_is_closed(tmp_path: Path) -> None:
    settings = replace(load(), var_dir=tmp_path / "var")
    settings.var_path("endpoints.yml")
    assert _mode(tmp_path / "var") == 0o700
    (tmp_path / "var").chmod(0o755)
    settings.var_path("credentials.yml")
    assert _mode(tmp_path / "var") == 0o700


def test_the_sqlite_file_is_created_private_and_an_old_open_one_is_closed(tmp_path: Path) -> None:
    database = tmp_path / "var" / "relais.db"
    prepare(f"sqlite:///{database}")
    assert _mode(database) == 0o600 and _mode(database.parent) == 0o700
    database.chmod(0o644)
    prepare(f"sqlite:///{database}")
    assert _mode(database) == 0o600


def _announcement(pin: str = "122775") -> BotUttered:
    text = f"Your reference is RL-7K3M-9QX2 and your PIN is {pin}. Keep both somewhere safe."
    parts = message_parts("en", "case.created", {"reference": "RL-7K3M-9QX2", "pin": pin})
    return BotUttered(text, {"buttons": []}, parts, timestamp=1.5)


def test_a_new_reports_pin_is_masked_and_sealed_before_it_is_stored() -> None:
    event = _announcement()
    stored = without_pin(event, "token")
    assert isinstance(stored, BotUttered) and stored.timestamp == 1.5
    assert stored.text == f"Your reference is RL-7K3M-9QX2 and your PIN is {PIN_MASK}. Keep both somewhere safe."
    assert "122775" not in json.dumps(stored.as_dict())
    case = stored.metadata["parts"]["case"]
    assert case["reference"] == "RL-7K3M-9QX2" and unseal(case["sealed_pin"], "token") == "122775"
    assert unseal(case["sealed_pin"], "another token") is None
    assert event.text and "122775" in event.text, "what the channel delivers is untouched"
    other = ActionExecuted("action_listen")
    assert without_pin(other, "token") is other and without_pin(BotUttered("hello"), "token").text == "hello"


def test_a_sealed_pin_opens_only_while_fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    sealed = seal("004211", "token")
    assert unseal(sealed, "token") == "004211"
    assert unseal(sealed, "token", max_age_s=-1) is None
    assert unseal("not a token", "token") is None and unseal(None, "token") is None and unseal("é", "token") is None


def test_the_widget_card_gets_the_pin_from_the_sealed_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_TOKEN", "widget-test-token")
    stored = without_pin(_announcement("310577"), "widget-test-token").as_dict()
    [entry] = bot_entries(stored)
    assert entry["case"] == {"reference": "RL-7K3M-9QX2", "pin": "310577"}
    assert "310577" not in entry["text"]


def test_rasa_sends_the_action_secret_without_it_being_written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = replace(load(), var_dir=tmp_path)
    endpoints, _ = runtime_config.write(settings)
    assert settings.action_secret() not in endpoints.read_text()
    monkeypatch.setenv(runtime_config.ACTION_SECRET_VARIABLE, settings.action_secret())
    action_endpoint = read_config_file(endpoints)["action_endpoint"]
    assert action_endpoint["headers"] == {ACTION_SECRET_HEADER: settings.action_secret()}
    assert action_endpoint["url"].startswith("http://127.0.0.1:")
    assert yaml.safe_load(endpoints.read_text())["tracker_store"]["type"] == runtime_config.PRIVATE_TRACKER_STORE


def _record(name: str, message: str) -> logging.LogRecord:
    try:
        raise ValueError("boom MARKER")
    except ValueError:
        return logging.LogRecord(name, logging.ERROR, __file__, 1, message, None, sys.exc_info())


def test_the_quoting_loggers_keep_the_event_name_only() -> None:
    record = _record(
        "rasa.core.channels.rest", json.dumps({"event": "rest.message.received.failure", "text": "MARKER"})
    )
    assert log_privacy.WithholdText().filter(record)
    assert record.getMessage() == "rest.message.received.failure (message text withheld)"
    assert record.exc_info is None and "MARKER" not in logging.Formatter().format(record)


def test_the_quoting_warnings_are_silenced() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        log_privacy.install()
        warnings.warn("Failed to parse arguments in line '/inform{MARKER'.", UserWarning, stacklevel=1)
        warnings.warn("another warning", UserWarning, stacklevel=1)
    assert [str(w.message) for w in caught] == ["another warning"]
    for name in log_privacy.QUOTING_LOGGERS:
        assert any(isinstance(f, log_privacy.WithholdText) for f in logging.getLogger(name).filters)
