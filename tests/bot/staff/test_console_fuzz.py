"""Property-based fuzzing of the console's forms and JSON endpoints, in-process, against a Rasa stand-in.

Every generated request must get an answer under 500 with the security headers, log no traceback or error,
and, when refused (4xx), change nothing: no message to the person, no note, no session, no account change.
2,000 inputs per entry point (a derandomized run, so CI and a developer see the same inputs).
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import tempfile
import threading
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable, Iterator, TypeVar
from urllib.parse import quote, urlencode

import aiohttp
import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.staff import passwords, queue
from bot.staff.console import LOGIN_COOKIE
from bot.staff.models import Handoff, Note, Staff, StaffSession
from bot.storage.db import session
from tests.bot.staff.local import Local, Person, RasaStandIn, serving
from tests.fuzz_support import Problems

T = TypeVar("T")
EXAMPLES = settings(
    max_examples=2000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Cache-Control")


@dataclass
class Harness:
    local: Local
    ana: Person
    sam: Person
    stranger: Person
    """Signed in as nobody."""
    handoff_id: int
    run: Callable[[Awaitable[T]], T]
    trouble: Problems

    def send(self, person: Person, method: str, path: str, body: bytes = b"", **headers: str) -> aiohttp.ClientResponse:
        async def go() -> aiohttp.ClientResponse:
            async with person.http.request(method, f"{self.local.base}{path}", data=body, headers=headers) as response:
                await response.read()
                return response

        return self.run(go())

    def state(self) -> tuple[Any, ...]:
        with session(self.local.settings.database_url) as db:
            handoffs = db.execute(sa.select(Handoff.id, Handoff.state, Handoff.claimed_by).order_by(Handoff.id)).all()
            staff = db.execute(sa.select(Staff.id, Staff.role, Staff.active, Staff.password_hash)).all()
            notes = db.scalar(sa.select(sa.func.count()).select_from(Note))
            sessions = db.scalar(sa.select(sa.func.count()).select_from(StaffSession))
        return tuple(handoffs), tuple(staff), notes, sessions, len(self.local.rasa.appended)


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    """One console for the module: ana (analyst) holds a conversation, sam is a supervisor."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    saved = passwords._HASHER, passwords._DUMMY
    passwords._HASHER, passwords._DUMMY = cheap, cheap.hash("relais-no-such-account")
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    def run(coroutine: Awaitable[T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(60)  # type: ignore[arg-type]

    stack = AsyncExitStack()
    # In memory when the machine has a tmpfs: SQLite's commits then cost no disk flush, and 8,000 requests fit.
    memory = Path("/dev/shm")
    tmp_path = Path(tempfile.mkdtemp(dir=memory)) if memory.is_dir() else tmp_path_factory.mktemp("fuzz")

    async def start() -> Harness:
        rasa = await stack.enter_async_context(RasaStandIn().running())
        local = await stack.enter_async_context(serving(tmp_path, rasa))
        ana, sam = await local.signed_in("ana"), await local.signed_in("sam", "supervisor")
        local.account("zoe")  # the accounts fuzz changes her, never the two who act
        with session(local.settings.database_url) as db:
            handoff_id = queue.request(db, "victim-fuzz", "socketio", "en", queue.Flags()).id
        assert (await ana.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
        await sam.get("/staff")
        return Harness(local, ana, sam, local.person("nobody"), handoff_id, run, Problems())

    harness = run(start())
    logging.getLogger().addHandler(harness.trouble)
    try:
        yield harness
    finally:
        logging.getLogger().removeHandler(harness.trouble)
        for person in harness.local.people:
            run(person.http.close())
        harness.local.people.clear()
        run(stack.aclose())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        passwords._HASHER, passwords._DUMMY = saved
        shutil.rmtree(tmp_path, ignore_errors=True)


def _check(harness: Harness, response: aiohttp.ClientResponse, before: tuple[Any, ...]) -> None:
    assert response.status < 500, response.status
    assert all(name in response.headers for name in SECURITY_HEADERS), dict(response.headers)
    assert not harness.trouble.records, [r.getMessage() for r in harness.trouble.records]
    if response.status >= 400:
        assert harness.state() == before, "a refused request changed nothing"


_ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=24)
"""Any code point, surrogates included: they reach the server as UTF-8 it cannot decode, or escaped in JSON."""
_FIELD_VALUE = st.one_of(
    _ANY_TEXT, st.sampled_from(["", "x", "ana", "None", "0", "-1", "9" * 30, "resolved", "closed"])
)
""""x" is the login form's token in the cookie the login fuzz sends; "ana" an account name."""
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_ANY_TEXT, inner, max_size=4),
    max_leaves=6,
)
_FIELDS = ("text", "canned", "outcome", "case_status", "staff_id", "csrf", "role", "password", "password_again")


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@st.composite
def _bodies(draw: st.DrawFn) -> tuple[bytes, str]:
    """(body, content type): a form, a JSON document, or raw bytes under a declared type."""
    kind = draw(st.sampled_from(["form", "json", "raw"]))
    if kind == "form":
        fields = draw(st.dictionaries(st.sampled_from(_FIELDS) | _ANY_TEXT, _FIELD_VALUE, max_size=4))
        pairs = [(_encoded(k), _encoded(v)) for k, v in fields.items()]
        return urlencode(pairs).encode("ascii") if draw(st.booleans()) else b"&".join(
            k + b"=" + v for k, v in pairs
        ), "application/x-www-form-urlencoded"
    if kind == "json":
        document = draw(st.one_of(_JSON, st.dictionaries(st.sampled_from(_FIELDS), _JSON, max_size=3)))
        return _encoded(json.dumps(document)), "application/json"
    content_type = draw(
        st.sampled_from(
            [
                "application/json",
                "application/json; charset=latin-1",
                "application/json; charset=bogus",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "text/plain",
                "",
            ]
        )
    )
    return draw(st.binary(max_size=64)), content_type


@EXAMPLES
@given(body=_bodies(), with_cookie=st.booleans())
def test_the_login_form_takes_anything(harness: Harness, body: tuple[bytes, str], with_cookie: bool) -> None:
    headers = {"Content-Type": body[1], **({"Cookie": f"{LOGIN_COOKIE}=x"} if with_cookie else {})}
    before = harness.state()
    response = harness.send(harness.stranger, "POST", "/staff/login", body[0], **headers)
    _check(harness, response, before)
    assert response.status != 303, "no generated login signs anyone in"


@EXAMPLES
@given(endpoint=st.sampled_from(["reply", "notes", "close"]), body=_bodies(), fetch=st.booleans())
def test_the_conversation_actions_take_anything(
    harness: Harness, endpoint: str, body: tuple[bytes, str], fetch: bool
) -> None:
    ana = harness.ana
    headers = {"Content-Type": body[1], "X-CSRF-Token": ana.csrf}
    if fetch:
        headers["X-Requested-With"] = "fetch"
    before = harness.state()
    response = harness.send(ana, "POST", f"/staff/handoffs/{harness.handoff_id}/{endpoint}", body[0], **headers)
    _check(harness, response, before)
    for events in harness.local.rasa.appended[before[4] :]:
        texts = [event["data"]["custom"]["data"]["text"] for event in events if event.get("data")]
        assert all(isinstance(text, str) and text.strip() for text in texts), "only an analyst's own words are sent"


@EXAMPLES
@given(
    segment=_ANY_TEXT | st.integers(-(2**70), 2**70).map(str),
    tail=st.sampled_from(["", "/messages", "/claim", "/reassign", "/hand-back"]),
    since=st.none() | _ANY_TEXT,
)
def test_any_handoff_id_and_query(harness: Harness, segment: str, tail: str, since: str | None) -> None:
    if tail == "/hand-back" and segment == str(harness.handoff_id):
        return  # a valid hand-back is a person's action, not an invalid input
    path = f"/staff/handoffs/{quote(_encoded(segment), safe='')}{tail}"
    if since is not None:
        path += "?since=" + quote(_encoded(since), safe="")
    method = "GET" if tail in ("", "/messages") else "POST"
    person = harness.sam if tail == "/reassign" else harness.ana
    before = harness.state()
    response = harness.send(person, method, path, b"", **{"X-CSRF-Token": person.csrf})
    _check(harness, response, before)


@EXAMPLES
@given(
    target=st.sampled_from(["zoe", "0"]) | _ANY_TEXT,
    change=st.sampled_from(["disable", "enable", "role", "password"]),
    body=_bodies(),
)
def test_the_account_forms_take_anything(harness: Harness, target: str, change: str, body: tuple[bytes, str]) -> None:
    with session(harness.local.settings.database_url) as db:
        zoe_id = db.scalar(sa.select(Staff.id).where(Staff.username == "zoe"))
    segment = str(zoe_id) if target == "zoe" else quote(_encoded(target), safe="")
    sam = harness.sam
    before = harness.state()
    response = harness.send(
        sam,
        "POST",
        f"/staff/accounts/{segment}/{change}",
        body[0],
        **{"Content-Type": body[1], "X-CSRF-Token": sam.csrf},
    )
    _check(harness, response, before)
