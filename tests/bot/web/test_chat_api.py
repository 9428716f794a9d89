"""Bad input at the public edge gets a clear error and never reaches the assistant."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from actions.texts import render
from bot.settings import load
from bot.web.app import CONTENT_SECURITY_POLICY, create_app
from bot.web.chat_api import MAX_MESSAGE_CHARS
from tests.conftest import free_port

SESSION = "a" * 32


@pytest.fixture
async def client(tmp_path: Any) -> Any:
    """The real web app; Rasa is deliberately absent (a closed port), to show errors stay clear."""
    settings = replace(load(), rasa_port=free_port(), var_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/r.db")
    async with TestClient(TestServer(create_app(settings))) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"session": SESSION, "message": ""}, 400, "empty_message"),
        ({"session": SESSION, "message": "   \n "}, 400, "empty_message"),
        ({"session": SESSION, "message": "x" * (MAX_MESSAGE_CHARS + 1)}, 413, "message_too_long"),
        ({"session": "short", "message": "hello"}, 400, "invalid_session"),
        ({"session": "../../etc/passwd-aaaaaaaaaa", "message": "hello"}, 400, "invalid_session"),
        ({"session": SESSION, "message": "hello", "metadata": {"language": "de"}}, 400, "invalid_metadata"),
        ({"session": SESSION, "message": "hello", "metadata": "fr"}, 400, "invalid_metadata"),
        ({"session": SESSION, "message": 42}, 400, "empty_message"),
        (["not", "an", "object"], 400, "invalid_json"),
    ],
)
async def test_bad_input_gets_a_named_error(client: Any, body: Any, status: int, error: str) -> None:
    response = await client.post("/api/messages", json=body)
    assert response.status == status
    assert (await response.json()) == {"error": error}


async def test_malformed_json_and_huge_bodies_are_refused(client: Any) -> None:
    response = await client.post("/api/messages", data=b"{not json", headers={"Content-Type": "application/json"})
    assert (await response.json()) == {"error": "invalid_json"}
    response = await client.post("/api/messages", data=b"x" * 100_000, headers={"Content-Type": "application/json"})
    assert response.status == 413


async def test_an_unreachable_assistant_is_reported_not_hidden(client: Any) -> None:
    response = await client.post("/api/messages", json={"session": SESSION, "message": "hello"})
    assert response.status == 503
    assert (await response.json()) == {"error": "assistant_unavailable"}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
async def test_page_labels_come_from_the_catalogs(client: Any, language: str) -> None:
    response = await client.get(f"/api/ui-texts/{language}")
    labels = await response.json()
    assert labels["web.send"] == render(language, "web.send")
    assert all(labels.values())


async def test_unknown_language_labels_are_a_404(client: Any) -> None:
    assert (await client.get("/api/ui-texts/xx")).status == 404


async def test_pages_send_a_strict_content_security_policy(client: Any) -> None:
    response = await client.get("/")
    assert response.status == 200
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    page = await response.text()
    assert "http://" not in page and "https://" not in page
