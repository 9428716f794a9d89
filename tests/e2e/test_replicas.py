"""The scaled-out topology on the machine's PostgreSQL, Redis and RabbitMQ: two Rasa replicas, two action
servers, HAProxy (bot/replicas.py, deploy/haproxy.cfg).

The tests run in this order on one topology: the analyst's reply across replicas needs both replicas;
then the faults during conversations: PostgreSQL's connections cut, Redis stopped for a few seconds,
one Rasa replica killed during fifty, and last both action servers down (a calm message; on the
remaining replica).
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator

import aiohttp
import pytest
from sqlalchemy.engine import make_url

from bench.conversations import SCRIPTS
from bench.faults import OwnRedis, cut_postgres
from bench.load import REDIS_OUTAGE_S, LoadResult, delete_broker_queue, fault_row, load, once_at
from bot.channels.turn_failure import is_failure_text
from bot.replicas import Replicated, any_ports
from bot.services import StartupError
from bot.settings import load as load_settings
from bot.staff import rasa_api
from content.texts import render
from tests.bot.stores import POSTGRES_ADMIN_URL, postgres_database
from tests.widget_socket import event, socket_io_event
from vocabulary.languages import SUPPORTED

pytestmark = pytest.mark.e2e

BROKER_URL = "amqp://guest:guest@127.0.0.1:5672"
CONVERSATIONS = 50
FAULT_CONVERSATIONS = 15
"""At once during PostgreSQL's and Redis' faults: five a language, so a fault test stays near a minute on
2 shared cores (at 50, turns queue past the balancer's 120 s on a loaded machine, whatever the fault)."""


def _reachable(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except OSError:
        return False
    return True


@pytest.fixture(scope="module")
def own_redis() -> Iterator[OwnRedis]:
    """A Redis server of the test's own (redis-server comes with the machine's Redis), so it can be stopped."""
    try:
        with OwnRedis() as redis_server:
            yield redis_server
    except FileNotFoundError:
        pytest.skip("redis-server is not installed")


@pytest.fixture(scope="module")
def topology(tmp_path_factory: pytest.TempPathFactory, own_redis: OwnRedis) -> Iterator[Replicated]:
    if not _reachable(5672):
        pytest.skip("RabbitMQ is not reachable at 127.0.0.1:5672")
    run_id = uuid.uuid4().hex[:8]
    var = tmp_path_factory.mktemp("replicas")
    with postgres_database() as database_url:
        settings = replace(
            load_settings(),
            var_dir=var,
            database_url=database_url,
            redis_url=own_redis.url,
            redis_prefix=f"relaistest{run_id}",
            broker_url=BROKER_URL,
            broker_queue=f"relais_test_{run_id}",
            lock_lifetime_s=20,  # a turn cut by the kill holds its conversation this long at most
            opening_hours="always",
        )
        if not settings.model_path.exists():
            pytest.fail(f"no trained model at {settings.model_path}: run through `make test`, which trains it")
        log_path = Path(os.environ.get("RELAIS_TEST_LOG", var / "services.log"))
        with open(log_path, "ab") as log:
            replicated = Replicated(settings, any_ports(), log)
            try:
                replicated.start()
            except StartupError as error:
                replicated.stop()
                pytest.fail(f"the two-replica topology did not start: {error}")
            try:
                yield replicated
            finally:
                replicated.stop()
                asyncio.run(delete_broker_queue(BROKER_URL, settings.broker_queue))


async def _victim_and_analyst(topology: Replicated, language: str, words: str) -> dict[str, Any]:
    """The victim's socket on replica 2; the analyst's message sent through replica 1's HTTP API."""
    session_id = uuid.uuid4().hex
    analyst_side = replace(topology.settings, rasa_upstream=topology.replica_url(0))
    async with aiohttp.ClientSession() as http:
        async with http.ws_connect(f"{topology.replica_url(1)}/socket.io/?EIO=4&transport=websocket") as ws:
            assert (await ws.receive_str(timeout=30)).startswith("0{")
            await ws.send_str("40")
            assert (await ws.receive_str(timeout=30)).startswith("40")
            await ws.send_str(event("session_request", {"session_id": session_id}))
            assert await socket_io_event(ws) == ("session_confirm", session_id)
            text = SCRIPTS[language][0]
            await ws.send_str(event("user_uttered", {"message": text, "session_id": session_id}))
            assert (await socket_io_event(ws))[0] == "bot_uttered"
            await rasa_api.append(http, analyst_side, session_id, [rasa_api.analyst_message(words)])
            while True:
                name, data = await socket_io_event(ws)
                if name == "bot_uttered" and isinstance(data, dict) and data.get("from") == "analyst":
                    return data


def test_an_analyst_reply_reaches_a_socket_held_by_the_other_replica(topology: Replicated, language: str) -> None:
    words = {"fr": "Je suis là, prenons le temps.", "ko": "제가 함께 있어요.", "en": "I am here with you."}[language]
    received = asyncio.run(_victim_and_analyst(topology, language, words))
    assert received["text"] == words


async def _queued(queue: str) -> int:
    import aio_pika

    connection = await aio_pika.connect_robust(BROKER_URL)
    async with connection:
        channel = await connection.channel()
        declared = await channel.declare_queue(queue, passive=True)
        return int(declared.declaration_result.message_count or 0)


def test_every_replica_publishes_the_conversations_events_to_rabbitmq(topology: Replicated) -> None:
    before = asyncio.run(_queued(topology.settings.broker_queue))
    load("replicas", topology.rasa_url, topology.settings.rasa_token(), 3, 3)
    # Each turn is at least a user event, an action and a bot message; the broker sends them after the turn.
    expected = before + 3 * len(SCRIPTS["fr"]) * 3
    for _ in range(30):
        if asyncio.run(_queued(topology.settings.broker_queue)) >= expected:
            break
        time.sleep(1)
    assert asyncio.run(_queued(topology.settings.broker_queue)) >= expected


def _with_fault(topology: Replicated, fault: Callable[[], object], conversations: int) -> LoadResult:
    """`conversations` at once (three languages, four turns each), `fault` injected once a third of the turns
    are served."""
    turns = conversations * len(SCRIPTS["fr"])
    token = topology.settings.rasa_token()
    result = load("replicas", topology.rasa_url, token, conversations, conversations, once_at(turns // 3, fault))
    print(fault_row(result))  # the measurement, shown with -s or -rP (bench/load.py prints the same table)
    return result


def _assert_survived(result: LoadResult) -> None:
    """No turn lost, duplicated, reordered or unanswered; every turn served in the end (a resend after a
    clear error included); no turn hung; every error met was Relais' clear `turn.failed`."""
    audit = result.audit
    assert audit.conversations == result.conversations
    assert audit.clean, json.dumps(audit.problems[:10], ensure_ascii=False)
    assert result.messages == result.sent == result.conversations * len(SCRIPTS["fr"]), sorted(set(result.failures))
    assert result.hung == 0
    assert all("turn.failed" in kind for kind in result.error_kinds), sorted(set(result.error_kinds))


def test_conversations_survive_postgresql_connections_cut_mid_run(topology: Replicated) -> None:
    """Every connection to the replicas' database terminated, as a PostgreSQL restart or fail-over leaves them."""
    database = make_url(topology.settings.database_url).database or ""
    cut: list[int] = []
    result = _with_fault(topology, lambda: cut.append(cut_postgres(POSTGRES_ADMIN_URL, database)), FAULT_CONVERSATIONS)
    assert cut and cut[0] > 0  # the Rasa replicas', the action servers' and the web server's connections
    _assert_survived(result)


def test_conversations_survive_redis_stopped_mid_run(topology: Replicated, own_redis: OwnRedis) -> None:
    """The lock store's and the socket.io fan-out's Redis down for a few seconds (its keys lost), then back."""
    stopped = threading.Event()

    def outage() -> None:
        stopped.set()
        own_redis.outage(REDIS_OUTAGE_S)

    result = _with_fault(topology, outage, FAULT_CONVERSATIONS)
    assert stopped.is_set()
    _assert_survived(result)


def test_fifty_conversations_survive_a_replica_killed_mid_run(topology: Replicated) -> None:
    """Three languages, four turns each; replica 1 is killed (SIGKILL) once a third of the turns are served."""
    turns = CONVERSATIONS * len(SCRIPTS["fr"])
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        topology.kill_rasa(0)

    result = _with_fault(topology, kill, CONVERSATIONS)
    assert killed.is_set()
    audit = result.audit
    assert audit.conversations == CONVERSATIONS
    assert audit.clean, json.dumps(audit.problems[:10], ensure_ascii=False)
    assert result.messages == turns, f"turns not served: {sorted(set(result.failures))}"


async def _first_answers(topology: Replicated, language: str) -> tuple[list[str], int, str]:
    """A first message over REST (texts and status), then one over a widget socket on replica 2 (its text)."""
    text = SCRIPTS[language][0]
    metadata = {"language_hint": language}
    async with aiohttp.ClientSession() as http:
        payload = {"sender": uuid.uuid4().hex, "message": text, "metadata": metadata}
        async with http.post(f"{topology.rasa_url}/webhooks/rest/webhook", json=payload) as response:
            rest = [str(reply.get("text")) for reply in await response.json()]
            status = response.status
        session_id = uuid.uuid4().hex
        async with http.ws_connect(f"{topology.replica_url(1)}/socket.io/?EIO=4&transport=websocket") as ws:
            assert (await ws.receive_str(timeout=30)).startswith("0{")
            await ws.send_str("40")
            assert (await ws.receive_str(timeout=30)).startswith("40")
            await ws.send_str(event("session_request", {"session_id": session_id}))
            assert await socket_io_event(ws) == ("session_confirm", session_id)
            await ws.send_str(event("user_uttered", {"message": text, "session_id": session_id, "metadata": metadata}))
            while True:
                name, data = await socket_io_event(ws)
                if name == "bot_uttered":
                    return rest, status, str(data.get("text"))


def test_a_turn_whose_actions_cannot_run_gets_a_calm_message(topology: Replicated) -> None:
    """Both action servers down: the person reads `turn.failed` in their language (Rasa alone answers `[]`
    over REST and nothing on the widget's socket), in each of the three languages."""
    for actions in topology.actions:
        actions.kill("actions")
    try:
        for language in SUPPORTED:
            rest, status, socket_text = asyncio.run(_first_answers(topology, language))
            expected = render(language, "turn.failed")
            assert (status, rest, socket_text) == (200, [expected], expected), language
    finally:
        for actions in topology.actions:
            actions.start("actions")
    # Back: a new conversation is answered again once the balancer has seen the action servers up.
    for _ in range(30):
        rest, _, _ = asyncio.run(_first_answers(topology, "en"))
        if rest and not is_failure_text(rest[0]):
            break
        time.sleep(1)
    assert rest and not is_failure_text(rest[0]), rest
