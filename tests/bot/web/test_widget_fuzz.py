"""Property-based fuzzing of the widget's public socket, through the real relay (in-process).

Each example uses a socket opened as the widget opens it, joined to its session (a new one once the
relay has closed the last), and sends generated frames (any
text, Engine.IO and Socket.IO packets, events with generated fields, typed commands, forged keys,
NUL and lone surrogates), then a probe message. Whatever was sent: the handshake never fails with
a 5xx, nothing is logged as an error or with a traceback, and what reached Rasa is only what a
person can do: their own session (namespaced), text that Rasa cannot read as `/intent{...}` (but
the widget's own two payloads), no unreadable characters, notices only from Relais' texts.
"""

from __future__ import annotations

import asyncio
import json
import time
from contextlib import AsyncExitStack
from pathlib import Path

import aiohttp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.web.widget_session import WIDGET_PAYLOADS
from content.texts import render
from tests.bot.web.relay import Relay, relay
from tests.fuzz_support import json_values, person_text, problems_logged, unreadable
from vocabulary.languages import SUPPORTED

EXAMPLES = 2000
SESSION = "0123456789abcdef" * 2
SENDER = f"widget-{SESSION}"
NOTICE_KEYS = ("edge.slow_down", "edge.unreadable", "edge.stale_button")
NOTICES = {render(language, key) for language in SUPPORTED for key in NOTICE_KEYS}

session_ids = st.one_of(st.sampled_from([SESSION, "fedcba9876543210" * 2, "short", "x" * 65, ""]), json_values)
metadata = st.dictionaries(
    st.sampled_from(["language", "language_hint", "other"]), st.one_of(st.sampled_from(sorted(SUPPORTED)), json_values)
)
uttered = st.fixed_dictionaries(
    {"message": st.one_of(person_text, json_values), "session_id": st.one_of(st.just(SESSION), session_ids)},
    optional={"metadata": metadata, "extra": json_values},
)
requested = st.fixed_dictionaries({"session_id": session_ids}, optional={"extra": json_values})
events = st.tuples(
    st.sampled_from(["user_uttered", "user_uttered", "session_request", "bot_uttered", "session_confirm", "x"]),
    st.one_of(uttered, requested, json_values),
).map(lambda pair: "42" + json.dumps(list(pair)))
packets = st.one_of(
    st.sampled_from(
        ["2", "3", "1", "40", "41", "40/admin,", '40{"token":"x"}', "42", "42[]", "43[]", "451-[]", "5", "6"]
    ),
    st.text(max_size=60),
    st.builds(lambda prefix, rest: prefix + rest, st.sampled_from(["4", "42", "42[", "2", "0"]), st.text(max_size=80)),
)
frames = st.lists(st.one_of(events, events, packets), min_size=1, max_size=3)


class Browser:
    """One socket at a time, joined to SESSION; a new one once the relay has closed it."""

    def __init__(self, edge: Relay) -> None:
        self._edge = edge
        self._resources = AsyncExitStack()
        self._ws: aiohttp.ClientWebSocketResponse | None = None

    async def socket(self) -> aiohttp.ClientWebSocketResponse:
        if self._ws is None or self._ws.closed:
            await self._resources.aclose()
            self._ws = await self._resources.enter_async_context(self._edge.socket())
            await self._ws.send_str("42" + json.dumps(["session_request", {"session_id": SESSION}]))
        return self._ws

    async def close(self) -> None:
        await self._resources.aclose()


async def _example(edge: Relay, browser: Browser, sent: list[str], probe: str) -> None:
    """Send `sent`, then a probe; done when the probe reached Rasa or the relay closed the socket."""
    ws = await browser.socket()
    for frame in sent:
        await ws.send_str(frame)
    message = {"message": probe, "session_id": SESSION, "metadata": {"language_hint": "en"}}
    await ws.send_str("42" + json.dumps(["user_uttered", message]))
    deadline = time.monotonic() + 10
    while not ws.closed and probe not in [u["message"] for u in edge.rasa.uttered]:
        assert time.monotonic() < deadline, "the relay neither answered nor closed"
        try:
            reply = await ws.receive(timeout=0.5)
        except asyncio.TimeoutError:
            continue
        if reply.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
            break


def _check(edge: Relay) -> None:
    assert set(edge.rasa.joined) <= {SENDER}, edge.rasa.joined
    for data in edge.rasa.uttered:
        assert data["session_id"] == SENDER
        message = data["message"]
        assert isinstance(message, str) and message and not unreadable(message), repr(message)
        assert not message.strip().startswith("/") or message in WIDGET_PAYLOADS, repr(message)
    for conversation, event in edge.rasa.notices:
        assert conversation == SENDER and event["text"] in NOTICES


def test_generated_widget_frames_never_break_the_relay_or_drive_the_dialogue(tmp_path: Path) -> None:
    loop = asyncio.new_event_loop()
    resources = AsyncExitStack()
    # A generous rate limit, so one socket can carry many examples (the limit has its own tests).
    edge: Relay = loop.run_until_complete(resources.enter_async_context(relay(tmp_path, edge_rate_messages=1000)))
    browser = Browser(edge)
    counter = iter(range(10**9))
    ran: list[int] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(frames)
    def relayed(sent: list[str]) -> None:
        edge.rasa.clear()
        loop.run_until_complete(_example(edge, browser, sent, f"probe {next(counter)}"))
        _check(edge)
        ran.append(1)

    started = time.monotonic()
    try:
        with problems_logged() as problems:
            relayed()
        assert problems.lines() == []
    finally:
        loop.run_until_complete(browser.close())
        loop.run_until_complete(resources.aclose())
        loop.close()
    print(f"widget relay fuzz: {len(ran)} examples in {time.monotonic() - started:.1f} s")
    assert len(ran) >= EXAMPLES
