"""`make bench-load`: N conversations at concurrency C against the embedded stack and the two-replica topology.

For each: messages a second, p50/p95/p99 seconds per message (resends included), errors, and turns lost,
duplicated, reordered or unanswered (bench/conversations.py audits every tracker afterwards). One
function per measurement, so more columns can be added beside `load`.

The embedded stack runs on a fresh SQLite file; the two-replica topology (bot/replicas.py) on a
throw-away PostgreSQL database, a Redis server of its own (bench/faults.py) and RabbitMQ
(BENCH_BROKER_URL, a queue of its own, deleted afterwards). Then, unless --no-faults, the same load
at concurrency N with one fault each a third of the way through: PostgreSQL's connections cut, Redis
down for 3 s, one Rasa replica killed; a second table gives, for each, the messages sent and served,
the audit, the errors (Relais' clear `turn.failed` answers apart), turns that hung, and the slowest turn.

Usage: python -m bench.load [--conversations N] [--concurrency C ...] [--only embedded|replicas]
Needs a trained model (RELAIS_MODEL) and, for the replicas, PostgreSQL, Redis, RabbitMQ and haproxy.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, Sequence

import aiohttp
import sqlalchemy as sa

from bench.conversations import SCRIPTS, Audit, Turn, audit_conversation, converse, tracker_events
from bench.faults import OwnRedis, cut_postgres
from bot.replicas import Replicated, any_ports, free_ports
from bot.services import running
from bot.settings import Settings
from bot.settings import load as load_settings

POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672")
TURN_TIMEOUT_S = 150.0
REDIS_OUTAGE_S = 3.0


@dataclass(frozen=True)
class LoadResult:
    target: str
    conversations: int
    concurrency: int
    messages: int
    seconds: float
    latencies_s: tuple[float, ...]
    errors: int
    audit: Audit
    failures: tuple[str, ...] = ()
    """For each turn never served: what the client got, in order ("HTTP 502, HTTP 503, timeout")."""
    sent: int = 0
    """Turns the clients sent (each once, whatever the resends); `messages` of them were served."""
    error_kinds: tuple[str, ...] = ()
    """Every error the clients met, one entry each ("HTTP 503 turn.failed", "timeout", ...)."""

    @property
    def per_second(self) -> float:
        return self.messages / self.seconds if self.seconds else 0.0

    @property
    def max_latency_s(self) -> float:
        return max(self.latencies_s, default=0.0)

    @property
    def hung(self) -> int:
        """Turns the client gave up waiting for (no answer, not even an error)."""
        return self.error_kinds.count("timeout")

    def percentile(self, q: int) -> float:
        if len(self.latencies_s) < 2:
            return self.latencies_s[0] if self.latencies_s else 0.0
        return statistics.quantiles(self.latencies_s, n=100, method="inclusive")[q - 1]


async def _run(
    rasa_url: str,
    token: str,
    conversations: int,
    concurrency: int,
    during: Callable[[int], None] | None = None,
) -> tuple[list[list[Turn]], float]:
    """Run the conversations; `during(served)` is called after every served turn (faults hook there)."""
    gate = asyncio.Semaphore(concurrency)
    languages = sorted(SCRIPTS)
    served = 0

    async def after_turn(turn: Turn) -> None:
        nonlocal served
        served += turn.served
        if during is not None:
            await asyncio.to_thread(during, served)

    async def one(number: int, http: aiohttp.ClientSession) -> list[Turn]:
        language = languages[number % len(languages)]
        async with gate:
            sender = f"bench-{uuid.uuid4().hex}"
            return await converse(
                http, rasa_url, token, sender, language, SCRIPTS[language], TURN_TIMEOUT_S, after_turn
            )

    connector = aiohttp.TCPConnector(limit=concurrency + 4)
    async with aiohttp.ClientSession(connector=connector) as http:
        started = time.monotonic()
        results = await asyncio.gather(*(one(number, http) for number in range(conversations)))
        return list(results), time.monotonic() - started


async def _audit(rasa_url: str, token: str, results: list[list[Turn]]) -> Audit:
    audit = Audit()
    async with aiohttp.ClientSession() as http:
        for turns in results:
            if turns:
                audit_conversation(audit, turns, await tracker_events(http, rasa_url, token, turns[0].sender))
    return audit


def load(
    target: str,
    rasa_url: str,
    token: str,
    conversations: int,
    concurrency: int,
    during: Callable[[int], None] | None = None,
) -> LoadResult:
    """N conversations of four turns at concurrency C against `rasa_url`, then the audit of every tracker."""
    results, seconds = asyncio.run(_run(rasa_url, token, conversations, concurrency, during))
    turns = [turn for conversation in results for turn in conversation]
    audit = asyncio.run(_audit(rasa_url, token, results))
    served = [turn for turn in turns if turn.served]
    return LoadResult(
        target,
        conversations,
        concurrency,
        len(served),
        seconds,
        tuple(turn.latency_s for turn in served),
        sum(len(turn.errors) for turn in turns),
        audit,
        tuple(", ".join(turn.errors) or "no answer" for turn in turns if not turn.served),
        len(turns),
        tuple(error for turn in turns for error in turn.errors),
    )


def row(result: LoadResult) -> str:
    audit = result.audit
    return (
        f"| {result.target} | {result.conversations} × 4 | {result.concurrency} | {result.per_second:.1f} | "
        f"{result.percentile(50):.2f} / {result.percentile(95):.2f} / {result.percentile(99):.2f} | "
        f"{result.errors} | {audit.lost} / {audit.duplicated} / {audit.reordered} / {audit.unanswered} |"
    )


HEADER = (
    "| stack | conversations × turns | concurrency | messages/s | p50 / p95 / p99 s | errors "
    "| lost / duplicated / reordered / unanswered |\n|---|---|---|---|---|---|---|"
)
FAULT_HEADER = (
    "| fault (2 replicas) | messages sent / served | lost / duplicated / reordered / unanswered | errors "
    "(clear `turn.failed` / other) | hung | max latency s |\n|---|---|---|---|---|---|"
)


def fault_row(result: LoadResult) -> str:
    """One fault run: what was sent and served, the audit, the errors met and the slowest turn."""
    audit = result.audit
    clear = sum(1 for kind in result.error_kinds if "turn.failed" in kind)
    return (
        f"| {result.target.removeprefix('2 replicas, ')} | {result.sent} / {result.messages} | "
        f"{audit.lost} / {audit.duplicated} / {audit.reordered} / {audit.unanswered} | "
        f"{len(result.error_kinds)} ({clear} / {len(result.error_kinds) - clear}) | {result.hung} | "
        f"{result.max_latency_s:.1f} |"
    )


@contextmanager
def postgres_database() -> Iterator[str]:
    """A throw-away database on the machine's PostgreSQL, dropped afterwards."""
    admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"relais_bench_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield str(sa.engine.make_url(POSTGRES_ADMIN_URL).set(database=name))
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def replicated_settings(base: Settings, var: Path, database_url: str, run_id: str) -> Settings:
    """The shared services of one two-replica run, each under names of its own."""
    return replace(
        base,
        var_dir=var,
        database_url=database_url,
        redis_url=None,
        redis_prefix=f"relaisbench{run_id}",
        broker_url=BROKER_URL,
        broker_queue=f"relais_bench_{run_id}",
        opening_hours="always",
    )


async def delete_broker_queue(broker_url: str, queue: str) -> None:
    """Remove the run's queue and exchange from RabbitMQ."""
    import aio_pika

    connection = await aio_pika.connect_robust(broker_url)
    async with connection:
        channel = await connection.channel()
        await channel.queue_delete(queue)
        await channel.exchange_delete(f"{queue}_exchange")


def _embedded(conversations: int, levels: Sequence[int]) -> list[LoadResult]:
    with tempfile.TemporaryDirectory() as var:
        rasa_port, actions_port, web_port = free_ports(3)
        settings = replace(
            load_settings(),
            var_dir=Path(var),
            database_url=f"sqlite:///{var}/relais.db",
            rasa_port=rasa_port,
            actions_port=actions_port,
            web_port=web_port,
            redis_url=None,
            broker_url=None,
        )
        with open(Path(var) / "services.log", "ab") as log, running(settings, log):
            return [load("embedded", settings.rasa_url, settings.rasa_token(), conversations, c) for c in levels]


def once_at(threshold: int, fault: Callable[[], object]) -> Callable[[int], None]:
    """A `during` hook that injects `fault` once, when `threshold` turns have been served."""
    fired = threading.Event()

    def hook(served: int) -> None:
        if served >= threshold and not fired.is_set():
            fired.set()
            fault()

    return hook


def _faults(topology: Replicated, redis_server: OwnRedis, database_url: str, conversations: int) -> list[LoadResult]:
    """The same load with one fault each, a third of the way through; the replica is killed last."""
    third = conversations * len(SCRIPTS["fr"]) // 3
    database = sa.engine.make_url(database_url).database or ""
    faults: list[tuple[str, Callable[[], object]]] = [
        ("PostgreSQL connections cut", lambda: cut_postgres(POSTGRES_ADMIN_URL, database)),
        ("Redis down 3 s", lambda: redis_server.outage(REDIS_OUTAGE_S)),
        ("Rasa replica 1 killed", lambda: topology.kill_rasa(0)),
    ]
    token = topology.settings.rasa_token()
    return [
        load(f"2 replicas, {name}", topology.rasa_url, token, conversations, conversations, once_at(third, fault))
        for name, fault in faults
    ]


def _replicas(conversations: int, levels: Sequence[int], faults: bool) -> tuple[list[LoadResult], list[LoadResult]]:
    """The loads at each concurrency, then the fault runs (none when `faults` is false)."""
    run_id = uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory() as var, postgres_database() as database_url, OwnRedis() as redis_server:
        settings = replace(
            replicated_settings(load_settings(), Path(var), database_url, run_id), redis_url=redis_server.url
        )
        with open(Path(var) / "services.log", "ab") as log:
            topology = Replicated(settings, any_ports(), log)
            try:
                topology.start()
                results = [
                    load("2 Rasa + 2 actions", topology.rasa_url, settings.rasa_token(), conversations, c)
                    for c in levels
                ]
                return results, _faults(topology, redis_server, database_url, conversations) if faults else []
            finally:
                topology.stop()
                asyncio.run(delete_broker_queue(BROKER_URL, settings.broker_queue))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--only", choices=["embedded", "replicas"])
    parser.add_argument("--no-faults", action="store_true", help="skip the fault runs on the replicas")
    args = parser.parse_args()
    results: list[LoadResult] = []
    faulted: list[LoadResult] = []
    if args.only != "replicas":
        results += _embedded(args.conversations, args.concurrency)
    if args.only != "embedded":
        loads, faulted = _replicas(args.conversations, args.concurrency, not args.no_faults)
        results += loads
    print(HEADER)
    for result in [*results, *faulted]:
        print(row(result), flush=True)
        for problem in [*result.audit.problems[:5], *sorted(set(result.failures))[:5]]:
            print(f"  {problem}")
    if faulted:
        print(f"\n{FAULT_HEADER}")
        for result in faulted:
            print(fault_row(result), flush=True)


if __name__ == "__main__":
    main()
