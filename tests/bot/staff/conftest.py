"""Staff fixtures: a migrated database (SQLite and PostgreSQL), and console clients against the real stack."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

import pytest
import requests
import sqlalchemy as sa
from argon2 import PasswordHasher

from bot.services import Stack
from bot.settings import ROOT
from bot.staff import passwords
from bot.staff.models import Handoff
from bot.storage import migrate
from bot.storage.db import session
from tests.bot.stores import database
from tests.conftest import Chat

PASSWORD = "correct horse battery staple"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(str(request.param), tmp_path) as url:
        migrate.upgrade(url)
        yield url


def create_account(stack: Stack, role: str) -> str:
    """Through the real command, as an operator would (password from RELAIS_STAFF_PASSWORD)."""
    username = f"{role}-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, **stack.settings.as_env(), "RELAIS_STAFF_PASSWORD": PASSWORD}
    subprocess.run(
        [sys.executable, "-m", "bot.staff.accounts", "create", username, "--role", role],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return username


class Console:
    """One analyst's browser session, as plain HTTP (cookies kept, CSRF token read from the pages)."""

    def __init__(self, stack: Stack, username: str) -> None:
        self.base = f"http://{stack.settings.host}:{stack.settings.web_port}"
        self.http = requests.Session()
        self.username = username
        self.csrf = ""

    def login(self, password: str = PASSWORD) -> requests.Response:
        form = self.http.get(f"{self.base}/staff/login", timeout=30)
        token = re.search(r'name="csrf" value="([^"]+)"', form.text)
        assert token
        response = self.http.post(
            f"{self.base}/staff/login",
            data={"csrf": token.group(1), "username": self.username, "password": password},
            timeout=30,
        )
        found = re.search(r'name="csrf" value="([^"]+)"', response.text)
        self.csrf = found.group(1) if found else ""
        return response

    def post(self, path: str, csrf: str | None = None, **data: str) -> requests.Response:
        return self.http.post(
            f"{self.base}{path}", data={"csrf": self.csrf if csrf is None else csrf, **data}, timeout=60
        )

    def get(self, path: str) -> requests.Response:
        return self.http.get(f"{self.base}{path}", timeout=60)


@pytest.fixture
def analyst(stack: Stack) -> Console:
    console = Console(stack, create_account(stack, "analyst"))
    assert console.login().status_code == 200
    return console


@pytest.fixture
def supervisor(stack: Stack) -> Console:
    console = Console(stack, create_account(stack, "supervisor"))
    assert console.login().status_code == 200
    return console


def live_chat(stack: Stack, language: str, text: str = "/request_human") -> Chat:
    """A person who wrote `text` (asking for someone) in the widget's channel, socket.io, which an analyst's
    messages reach, so the console may take the conversation (a REST one cannot be taken); the returned Chat
    goes on over REST in the same conversation, for the test to read and write."""
    from tests.bot.staff.victim import SocketVictim

    async def ask() -> str:
        victim = SocketVictim(stack, language)
        await victim.connect()
        try:
            await victim.say(text)
            await victim.next()
        finally:
            await victim.close()
        return victim.session_id

    with ThreadPoolExecutor(max_workers=1) as own_loop:  # Playwright's sync driver may hold this thread's loop
        sender = own_loop.submit(asyncio.run, ask()).result()
    chat = Chat(stack, {"language": language})
    chat.sender = sender
    return chat


def handoff_of(stack: Stack, sender_id: str) -> Handoff:
    with session(stack.settings.database_url) as db:
        handoff = db.scalar(sa.select(Handoff).where(Handoff.sender_id == sender_id).order_by(Handoff.id.desc()))
    assert handoff is not None, f"no handoff for {sender_id}"
    return handoff


@pytest.fixture
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id with its smallest cost, for tests that sign in many times (each default hash takes ~0.5 s
    on a loaded CI core); tests/bot/staff/test_accounts.py checks the real parameters."""
    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
