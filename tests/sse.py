"""Reading a server-sent event stream as a browser's EventSource does (the console's live pages)."""

from __future__ import annotations

import asyncio
import json
from typing import Any, AsyncIterator

import aiohttp

BOUND_S = 20
"""How long a test waits for a pushed event before it fails (a bound, not a measurement)."""


async def events(http: aiohttp.ClientSession, url: str) -> AsyncIterator[tuple[str, Any]]:
    """(event name, JSON data) of the stream at `url`; asserts it is one (HTTP 200, text/event-stream)."""
    async with http.get(url, timeout=aiohttp.ClientTimeout(total=None)) as response:
        assert response.status == 200 and response.content_type == "text/event-stream"
        name, data = "message", ""
        async for raw in response.content:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                data = line[6:]
            elif not line and data:
                yield name, json.loads(data)
                name, data = "message", ""


async def next_event(stream: AsyncIterator[tuple[str, Any]], wanted: str) -> Any:
    """The data of the next `wanted` event; raises AssertionError if the stream ends, TimeoutError after BOUND_S."""

    async def find() -> Any:
        async for name, data in stream:
            if name == wanted:
                return data
        raise AssertionError(f"the stream ended before a {wanted!r} event")

    return await asyncio.wait_for(find(), BOUND_S)
