"""The console served in the test's own process, with a Rasa stand-in: fast tests that need no trained model.

A scenario is an `async def test_…(local: Local)` decorated with `@console_test()`: it runs in an event
loop of its own thread (the browser tests' Playwright keeps a loop running in the main thread), on a
fresh SQLite file, with argon2 at its cheapest (the `cheap_hashes` fixture).

`RasaStandIn` is a real HTTP server on 127.0.0.1 where Rasa would be. It answers the calls the
console makes (the tracker, appending events, running an action) and can be told to let the next requests on a route
hang for longer than the console waits, as a slow or stuck Rasa does.
"""

from __future__ import annotations

import asyncio
import json
import re
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable

import aiohttp
import sqlalchemy as sa
from aiohttp import web

from bot.settings import Settings, load
from bot.staff import accounts, console
from bot.storage import migrate
from bot.storage.db import session
from bot.web.app import MAX_BODY_BYTES, security_headers
from tests.conftest import free_port

PASSWORD = "correct horse battery staple"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class RasaStandIn:
    """`stall[route]` ("tracker" or "events"): how many of the next requests on that route hang until the test ends."""

    def __init__(self) -> None:
        self.stall = {"tracker": 0, "events": 0}
        self.appended: list[list[dict[str, Any]]] = []
        """Every event list Rasa accepted (answered 200), in order."""
        self.executed: list[tuple[str, str, str | None]] = []
        """(sender id, action name, output channel) of every action Rasa was asked to run."""
        self.ran = asyncio.Event()
        """Set when an action was asked to run."""
        self.trackers: dict[str, list[dict[str, Any]]] = {}
        """Events of the conversations the tracker route answers with (none for any other)."""
        self.slots: dict[str, dict[str, Any]] = {}
        """Slots of those conversations (`language` is English unless given)."""
        self.port = 0
        self._release = asyncio.Event()

    async def _hangs(self, route: str) -> bool:
        if self.stall[route] <= 0:
            return False
        self.stall[route] -= 1
        await self._release.wait()
        return True

    async def _tracker(self, request: web.Request) -> web.Response:
        if await self._hangs("tracker"):
            return web.json_response({}, status=503)
        sender_id = request.match_info["sender_id"]
        slots = {"language": "en", **self.slots.get(sender_id, {})}
        return web.json_response({"events": self.trackers.get(sender_id, []), "slots": slots, "paused": False})

    async def _events(self, request: web.Request) -> web.Response:
        events = await request.json()
        if await self._hangs("events"):
            return web.json_response({}, status=503)
        self.appended.append(events)
        return web.json_response({})

    async def _execute(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.executed.append((request.match_info["sender_id"], body["name"], request.query.get("output_channel")))
        self.ran.set()
        return web.json_response({"tracker": {}})

    @asynccontextmanager
    async def running(self) -> AsyncIterator[RasaStandIn]:
        app = web.Application()
        app.router.add_get("/conversations/{sender_id}/tracker", self._tracker)
        app.router.add_post("/conversations/{sender_id}/tracker/events", self._events)
        app.router.add_post("/conversations/{sender_id}/execute", self._execute)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(runner.addresses[0][1])
        try:
            yield self
        finally:
            self._release.set()
            await runner.cleanup()


@dataclass
class Answer:
    status: int
    text: str
    path: str
    location: str | None

    def json(self) -> Any:
        return json.loads(self.text)


class Person:
    """One staff member's browser: its own cookies, and the CSRF token read from the last page."""

    def __init__(self, base: str, username: str) -> None:
        self.base, self.username, self.csrf = base, username, ""
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def _answer(self, response: aiohttp.ClientResponse) -> Answer:
        text = await response.text()
        found = CSRF.search(text)
        if found and response.content_type == "text/html" and "/staff/login" not in response.url.path:
            self.csrf = found.group(1)
        return Answer(response.status, text, response.url.path, response.headers.get("Location"))

    async def login(self, password: str = PASSWORD) -> Answer:
        async with self.http.get(f"{self.base}/staff/login") as form:
            found = CSRF.search(await form.text())
        assert found
        data = {"csrf": found.group(1), "username": self.username, "password": password}
        async with self.http.post(f"{self.base}/staff/login", data=data) as response:
            return await self._answer(response)

    async def get(self, path: str, follow: bool = True) -> Answer:
        async with self.http.get(f"{self.base}{path}", allow_redirects=follow) as response:
            return await self._answer(response)

    async def post(
        self, path: str, csrf: str | None = None, follow: bool = True, fetch: bool = False, **data: str
    ) -> Answer:
        """A form post; `fetch=True` posts as console.js does (CSRF in a header, JSON answers)."""
        token = self.csrf if csrf is None else csrf
        headers = {"X-CSRF-Token": token, "X-Requested-With": "fetch"} if fetch else {}
        form = data if fetch else {"csrf": token, **data}
        async with self.http.post(f"{self.base}{path}", data=form, headers=headers, allow_redirects=follow) as response:
            return await self._answer(response)


@dataclass
class Local:
    settings: Settings
    rasa: RasaStandIn
    base: str
    people: list[Person] = field(default_factory=list)
    app: web.Application | None = None
    """The console's app (its fan-out and presence), for tests that play another part of the process."""

    def account(self, username: str, role: str = "analyst") -> Person:
        with session(self.settings.database_url) as db:
            accounts.create(db, username, PASSWORD, role)
        return self.person(username)

    def person(self, username: str) -> Person:
        person = Person(self.base, username)
        self.people.append(person)
        return person

    async def signed_in(self, username: str, role: str = "analyst") -> Person:
        person = self.account(username, role)
        assert (await person.login()).status == 200
        return person


@asynccontextmanager
async def serving(tmp_path: Path, rasa: RasaStandIn, rasa_port: int | None = None) -> AsyncIterator[Local]:
    """The console's routes on a free port, on a fresh SQLite file; Rasa is `rasa` (or nothing, at `rasa_port`)."""
    settings = replace(
        load(),
        host="127.0.0.1",
        rasa_port=rasa_port or rasa.port,
        var_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'relais.db'}",
        staff_rasa_timeout=1,
    )
    migrate.upgrade(settings.database_url)
    app = web.Application(middlewares=[security_headers], client_max_size=MAX_BODY_BYTES)  # as bot/web/app.py

    async def http(app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as client:
            app["http"] = client
            yield

    app.cleanup_ctx.append(http)
    console.install(app, settings)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    local = Local(settings, rasa, f"http://127.0.0.1:{runner.addresses[0][1]}", app=app)
    try:
        yield local
    finally:
        for person in local.people:
            await person.http.close()
        await runner.cleanup()


Scenario = Callable[[Local], Awaitable[None]]


def console_test(rasa_down: bool = False) -> Callable[[Scenario], Callable[[Path, None], None]]:
    """Turn a scenario into a pytest test; with `rasa_down`, nothing listens where Rasa should be."""

    def wrap(scenario: Scenario) -> Callable[[Path, None], None]:
        async def session_of(tmp_path: Path) -> None:
            async with RasaStandIn().running() as rasa:
                async with serving(tmp_path, rasa, free_port() if rasa_down else None) as local:
                    await scenario(local)

        def test(tmp_path: Path, cheap_hashes: None) -> None:
            with ThreadPoolExecutor(max_workers=1) as own_loop:
                own_loop.submit(asyncio.run, session_of(tmp_path)).result()

        test.__name__ = test.__qualname__ = getattr(scenario, "__name__", "test")
        test.__module__, test.__doc__ = scenario.__module__, scenario.__doc__
        return test

    return wrap


def rasa_events(url: str) -> sa.Table:
    """Rasa's `events` table on `url`, created if absent, with the columns its SQL tracker store fills for a user
    message (the console's watcher reads it)."""
    table = sa.Table(
        "events",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(255)),
        sa.Column("type_name", sa.String(255)),
        sa.Column("timestamp", sa.Float),
        sa.Column("intent_name", sa.String(255)),
        sa.Column("action_name", sa.String(255)),
    )
    with session(url) as db:
        table.create(db.get_bind(), checkfirst=True)
    return table
