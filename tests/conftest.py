"""Shared fixtures: the real services on free ports, and a REST chat client."""

from __future__ import annotations

import json
import os
import socket
import urllib.request
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

import pytest

from vocabulary.languages import SUPPORTED

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

from bot.services import Stack, running  # noqa: E402
from bot.settings import load  # noqa: E402

pytest_plugins = ["tests.chromium", "tests.hotline_site"]
"""The one Chromium harness, for the widget's and the console's browser tests."""
from tests.bot.channels.bot_api import BotApi, telegram_settings  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def bot_api() -> Iterator[BotApi]:
    """A local stand-in for Telegram's Bot API; the stack's Telegram channel talks to it."""
    with BotApi().running() as api:
        yield api


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory, bot_api: BotApi) -> Iterator[Stack]:
    """Action server, Rasa (trained model from RELAIS_MODEL) and web server, on a fresh SQLite file."""
    var = tmp_path_factory.mktemp("var")
    settings = replace(
        load(),
        rasa_port=free_port(),
        actions_port=free_port(),
        web_port=free_port(),
        var_dir=var,
        database_url=f"sqlite:///{var / 'relais.db'}",
        widget_origins=(f"http://127.0.0.1:{free_port()}",),  # the stand-in hotline page of tests/web
        opening_hours="always",  # the hotline is open, so asking for a person queues (tests/bot/staff)
        **telegram_settings(bot_api),
    )
    if not settings.model_path.exists():
        pytest.fail(f"no trained model at {settings.model_path}: run through `make test`, which trains it")
    log_path = Path(os.environ.get("RELAIS_TEST_LOG", var / "services.log"))
    with open(log_path, "ab") as log, running(settings, log) as services:
        yield services


@pytest.fixture(scope="session")
def second_rasa(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A second Rasa process beside the stack's, on its action server and database, in TELEGRAM_MODE=polling.

    One start serves two proofs: Telegram's getUpdates mode, and a conversation carrying on in another Rasa
    process (all of its state is in the tracker store, as after a restart or on another replica).
    """
    var = tmp_path_factory.mktemp("second")
    settings = replace(
        stack.settings, rasa_port=free_port(), web_port=free_port(), var_dir=var, telegram_mode="polling"
    )
    # Replicas share one token (RASA_TOKEN in production): the action server only answers a Rasa whose
    # secret derives from it.
    settings.token_file.write_text(stack.settings.rasa_token())
    settings.token_file.chmod(0o600)
    log_path = Path(os.environ.get("RELAIS_TEST_LOG", var / "services.log"))
    with open(log_path, "ab") as log:
        second = Stack(settings, log)
        try:
            second.start("rasa")
            yield second
        finally:
            second.stop_all()


class Chat:
    """One person talking to Relais over the REST channel."""

    def __init__(self, stack: Stack, metadata: dict[str, str] | None = None) -> None:
        self.sender = uuid.uuid4().hex
        self.base = stack.settings.rasa_url
        self.token = stack.settings.rasa_token()
        self.metadata = metadata or {}

    def _post(self, url: str, payload: Any) -> Any:
        request = urllib.request.Request(
            url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def say(self, text: str, **metadata: str) -> list[dict[str, Any]]:
        payload = {"sender": self.sender, "message": text, "metadata": {**self.metadata, **metadata}}
        return list(self._post(f"{self.base}/webhooks/rest/webhook", payload))

    def text(self, text: str, **metadata: str) -> str:
        """Everything the bot answered, joined, for content assertions."""
        return "\n".join(m.get("text", "") for m in self.say(text, **metadata))

    def tracker(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.base}/conversations/{self.sender}/tracker?token={self.token}") as r:
            return dict(json.loads(r.read()))

    def slot(self, name: str) -> Any:
        return self.tracker()["slots"].get(name)


@pytest.fixture
def chat(stack: Stack) -> Chat:
    return Chat(stack)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the running stack (directly or through another fixture) is an `e2e` test,
    so `make test-fast` (`-m "not e2e"`) never starts it, whatever its module declares."""
    for item in items:
        if "stack" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.e2e)
    # Playwright's sync driver (a session fixture) keeps its event loop registered in the main thread
    # once started, so every asyncio test must run before the first browser test: browser tests last.
    items.sort(key=lambda item: "browser" in getattr(item, "fixturenames", ()))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Show the held-out NLU results even when the tests pass (docs/measurements.md quotes them)."""
    from tests.nlu.test_evaluation import REPORT

    for line in REPORT:
        terminalreporter.write_line(line)


@pytest.fixture(params=SUPPORTED)
def language(request: pytest.FixtureRequest) -> str:
    """Each supported language in turn (every user-facing behaviour is tested in all three)."""
    return str(request.param)
