"""Row ids from URLs and forms: the one rule for what names a row."""

from __future__ import annotations

from aiohttp import web

MAX_ID = 2**31 - 1
"""Ids are 32-bit in every database Relais runs on; a larger number names nothing (and SQLite would overflow)."""


def parse(raw: str) -> int:
    """A row id; raises ValueError for anything but 1..MAX_ID in ASCII digits."""
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 10) or not 0 < int(raw) <= MAX_ID:
        raise ValueError(f"not an id: {raw[:20]!r}")
    return int(raw)


def handoff_id(request: web.Request) -> int:
    """The `{handoff_id}` of the route; raises web.HTTPNotFound for anything that is not an id."""
    try:
        return parse(request.match_info["handoff_id"])
    except ValueError as error:
        raise web.HTTPNotFound() from error
