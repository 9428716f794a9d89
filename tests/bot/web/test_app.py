"""The web app's public edge, without Rasa: labels, CORS for allowed pages, CSP, and the socket's gate."""

from __future__ import annotations

from typing import Any

import pytest

from bot.web.app import CONTENT_SECURITY_POLICY, UI_TEXT_KEYS
from content.texts import render
from tests.bot.web.conftest import HOTLINE

SOCKET = "/socket.io/?EIO=4&transport=websocket"


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
async def test_widget_labels_come_from_the_catalogs(client: Any, language: str) -> None:
    response = await client.get(f"/api/ui-texts/{language}")
    labels = await response.json()
    assert set(labels) == set(UI_TEXT_KEYS)
    assert labels["web.quick_exit"] == render(language, "web.quick_exit")
    assert all(labels.values())


async def test_unknown_language_labels_are_a_404(client: Any) -> None:
    assert (await client.get("/api/ui-texts/xx")).status == 404


async def test_labels_are_readable_by_allowed_hotline_pages_only(client: Any) -> None:
    allowed = await client.get("/api/ui-texts/fr", headers={"Origin": HOTLINE})
    assert allowed.headers["Access-Control-Allow-Origin"] == HOTLINE
    other = await client.get("/api/ui-texts/fr", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    assert other.headers["Vary"] == "Origin"


async def test_pages_send_a_strict_content_security_policy(client: Any) -> None:
    response = await client.get("/")
    assert response.status == 200
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY
    page = await response.text()
    assert "http://" not in page and "https://" not in page
    assert '<script src="/static/widget/relais.js"' in page


@pytest.mark.parametrize("origin", [None, "https://elsewhere.example", "null", f"{HOTLINE}.evil.example"])
async def test_the_socket_refuses_pages_off_the_allow_list(client: Any, origin: str | None) -> None:
    headers = {"Origin": origin} if origin else {}
    response = await client.get(SOCKET, headers=headers)
    assert response.status == 403
    assert (await response.json()) == {"error": "origin_not_allowed"}


async def test_the_socket_relays_websockets_only(client: Any) -> None:
    response = await client.get("/socket.io/?EIO=4&transport=polling", headers={"Origin": HOTLINE})
    assert response.status == 400
    assert (await response.json()) == {"error": "websocket_only"}


UPGRADE = {
    "Connection": "Upgrade",
    "Upgrade": "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "a" * 22 + "==",
}
"""A websocket handshake's request headers."""


async def test_an_unreachable_assistant_is_reported_not_hidden(client: Any) -> None:
    response = await client.get(SOCKET, headers={"Origin": HOTLINE, **UPGRADE})
    assert response.status == 503
    assert (await response.json()) == {"error": "assistant_unavailable"}


async def test_a_plain_get_of_the_socket_is_a_400_not_a_traceback(client: Any) -> None:
    response = await client.get(SOCKET, headers={"Origin": HOTLINE})
    assert response.status == 400
    assert (await response.json()) == {"error": "websocket_only"}


@pytest.mark.parametrize("path", ["/nowhere", "/static/nothing.js", "/api/ui-texts/xx"])
async def test_error_answers_carry_the_security_headers(client: Any, path: str) -> None:
    response = await client.get(path)
    assert response.status == 404
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer" and response.headers["Cache-Control"] == "no-store"
