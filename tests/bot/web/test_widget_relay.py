"""The widget relay's rules, in-process in front of a Rasa stand-in (what reaches Rasa is recorded).

Typed text is always text; buttons come back only as Relais signed them for this session; one
socket holds one session, in the `widget-` namespace; unreadable characters are removed and a
message left empty is answered; a flood is refused with a visible notice, counted.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, AsyncIterator

import pytest
from aiohttp import WSCloseCode, WSMsgType

from bot.edges import flood
from bot.edges.typed_text import SLASH_GUARD
from content.texts import render
from tests.bot.web.rasa_stand_in import BUTTONS
from tests.bot.web.relay import TIMEOUT_S, Relay, event, next_event, relay

SESSION = "0123456789abcdef" * 2
OTHER = "fedcba9876543210" * 2
LANGUAGES = ["fr", "ko", "en"]


@pytest.fixture
async def edge(tmp_path: Path) -> AsyncIterator[Relay]:
    async with relay(tmp_path) as running:
        yield running


async def _joined(ws: Any, session: str = SESSION) -> None:
    await ws.send_str(event("session_request", {"session_id": session}))
    assert await next_event(ws) == ("session_confirm", session), "the browser sees its own id"


async def _say(ws: Any, message: str, session: str = SESSION, language: str = "en") -> tuple[str, Any]:
    await ws.send_str(
        event("user_uttered", {"message": message, "session_id": session, "metadata": {"language_hint": language}})
    )
    return await next_event(ws)


async def _closed(ws: Any) -> None:
    closing = await ws.receive(timeout=TIMEOUT_S)
    assert closing.type == WSMsgType.CLOSE and closing.data == WSCloseCode.POLICY_VIOLATION


@pytest.mark.parametrize(
    "typed",
    [
        "/crisis",
        "/request_human",
        '/inform{"country": "anything at all"}',
        '/inform{"age": "12"}',
        "/restart",
        "/back",
        "/session_start",
        "  /crisis",
        "//crisis",
    ],
)
async def test_typed_text_is_always_text(edge: Relay, typed: str) -> None:
    async with edge.socket() as ws:
        await _joined(ws)
        await _say(ws, typed)
    message = edge.rasa.uttered[0]["message"]
    assert message == SLASH_GUARD + typed.strip(), "Rasa's `/intent{...}` reading never applies"
    assert not message.strip().startswith("/")


async def _notices(edge: Relay, count: int) -> list[Any]:
    for _ in range(50):
        if len(edge.rasa.notices) >= count:
            break
        await asyncio.sleep(0.05)
    return list(edge.rasa.notices)


async def _press_unsigned(ws: Any, key: str, session: str = SESSION, language: str = "en") -> None:
    await ws.send_str(
        event("user_uttered", {"message": key, "session_id": session, "metadata": {"language_hint": language}})
    )


async def test_a_button_comes_back_as_its_payload_only_in_its_session(edge: Relay) -> None:
    async with edge.socket() as ws:
        await _joined(ws)
        name, answer = await _say(ws, "hello")
        key = answer["quick_replies"][0]["payload"]
        assert name == "bot_uttered" and key != BUTTONS[0]["payload"], "the browser never sees a payload"
        await _say(ws, key)
        await _press_unsigned(ws, key.replace("b:", "b:x", 1))
        await _press_unsigned(ws, key[:-1] + ("A" if key[-1] != "A" else "B"))
        await _notices(edge, 2)
    assert [u["message"] for u in edge.rasa.uttered[1:]] == [BUTTONS[0]["payload"]], "an altered key never reaches Rasa"
    async with edge.socket() as ws:
        await _joined(ws, OTHER)
        await _press_unsigned(ws, key, OTHER)
        await _notices(edge, 3)
    assert [u["message"] for u in edge.rasa.uttered[1:]] == [BUTTONS[0]["payload"]], "nor another session's key"


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_button_of_a_conversation_the_tab_left_gets_a_short_notice(edge: Relay, language: str) -> None:
    async with edge.socket() as ws:
        await _joined(ws, OTHER)
        _, answer = await _say(ws, "hello", OTHER)
        earlier = answer["quick_replies"][0]["payload"]
    async with edge.socket() as ws:
        await _joined(ws)
        await _press_unsigned(ws, earlier, language=language)
        notices = await _notices(edge, 1)
    assert notices == [(f"widget-{SESSION}", {"event": "bot", "text": render(language, "edge.stale_button")})]
    assert render(language, "clarify.text") not in str(notices)
    assert [u["session_id"] for u in edge.rasa.uttered] == [f"widget-{OTHER}"], "nothing of it reaches Rasa"


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_widgets_own_payloads_pass(edge: Relay, language: str) -> None:
    async with edge.socket() as ws:
        await _joined(ws)
        await _say(ws, "/greet")
        await _say(ws, f'/change_language{{"language": "{language}"}}')
    assert [u["message"] for u in edge.rasa.uttered] == ["/greet", f'/change_language{{"language": "{language}"}}']


async def test_widget_sessions_live_in_their_own_namespace(edge: Relay) -> None:
    async with edge.socket() as ws:
        await _joined(ws)
        await _say(ws, "hello")
    assert edge.rasa.joined == [f"widget-{SESSION}"]
    assert edge.rasa.uttered[0]["session_id"] == f"widget-{SESSION}"


async def test_a_socket_cannot_join_a_second_session(edge: Relay) -> None:
    async with edge.socket() as ws:
        await _joined(ws)
        await ws.send_str(event("session_request", {"session_id": SESSION}))
        assert await next_event(ws) == ("session_confirm", SESSION), "the same session again is fine"
        await ws.send_str(event("session_request", {"session_id": OTHER}))
        await _closed(ws)
    assert edge.rasa.joined == [f"widget-{SESSION}"] * 2


@pytest.mark.parametrize("joined", [True, False])
async def test_a_message_for_a_session_the_socket_did_not_join_is_refused(edge: Relay, joined: bool) -> None:
    async with edge.socket() as ws:
        if joined:
            await _joined(ws)
        await ws.send_str(event("user_uttered", {"message": "erase my data", "session_id": OTHER}))
        await _closed(ws)
    assert edge.rasa.uttered == []


@pytest.mark.parametrize("language", LANGUAGES)
async def test_nul_and_lone_surrogates_are_removed_and_an_empty_message_is_answered(edge: Relay, language: str) -> None:
    async with edge.socket() as ws:
        await _joined(ws)
        await _say(ws, "my\x00 name\ud800", language=language)
        await ws.send_str(
            event("user_uttered", {"message": "\x00\udfff", "session_id": SESSION, "metadata": {"language": language}})
        )
        for _ in range(50):
            if edge.rasa.notices:
                break
            await asyncio.sleep(0.05)
    assert [u["message"] for u in edge.rasa.uttered] == ["my name"]
    assert edge.rasa.notices == [(f"widget-{SESSION}", {"event": "bot", "text": render(language, "edge.unreadable")})]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_flood_is_refused_with_one_visible_notice_and_counted(edge: Relay, language: str) -> None:
    allowed = edge.settings.edge_rate_messages
    before = flood.REFUSED["rate:widget"]
    async with edge.socket() as ws:
        await _joined(ws)
        for n in range(60):
            await ws.send_str(
                event(
                    "user_uttered",
                    {"message": f"message {n}", "session_id": SESSION, "metadata": {"language_hint": language}},
                )
            )
        for _ in range(100):
            if len(edge.rasa.uttered) >= allowed and edge.rasa.notices:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)
    assert len(edge.rasa.uttered) in (allowed, allowed + 1), "the bucket leaks a little while the flood runs"
    assert edge.rasa.notices == [(f"widget-{SESSION}", {"event": "bot", "text": render(language, "edge.slow_down")})]
    assert flood.REFUSED["rate:widget"] - before == 60 - len(edge.rasa.uttered)


async def test_the_history_reads_the_namespaced_conversation_with_signed_buttons(edge: Relay) -> None:
    edge.rasa.tracker_events = [
        {"event": "bot", "text": "Where?", "data": {"buttons": [{"title": "France", "payload": "/x"}]}}
    ]
    response = await edge.client.post(
        "/api/conversation", data=SESSION, headers={"Origin": "https://www.hotline.example"}
    )
    view = await response.json()
    key = view["entries"][0]["buttons"][0]["payload"]
    assert key != "/x"
    async with edge.socket() as ws:
        await _joined(ws)
        await _say(ws, key)
    assert edge.rasa.uttered[0]["message"] == "/x"
