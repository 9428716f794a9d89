"""Relais scaled out on one machine: two Rasa and two action-server replicas behind HAProxy, one web server.

The topology of `deploy/` (Compose, Kubernetes) as plain processes, for the end-to-end test of that
topology and `make bench-load`:

    web ── HAProxy :rasa ──┬── Rasa 1 ──┐                 PostgreSQL: tracker store and Relais' tables
                           └── Rasa 2 ──┴── HAProxy :actions ──┬── actions 1   Redis: lock store, socket.io fan-out
                                                               └── actions 2   RabbitMQ: Rasa's event broker

The settings given must name PostgreSQL (DATABASE_URL), Redis (REDIS_URL) and, for the broker,
RabbitMQ (RELAIS_BROKER_URL): replicas share nothing else. Relais' migrations run once, as a step of
their own, before any replica starts. Every replica gets the same RASA_TOKEN (the action secret, the
button signatures and the PIN seal derive from it) and a var/ folder of its own.

Usage: python -m bot.replicas  (with DATABASE_URL, REDIS_URL and RELAIS_BROKER_URL set; Ctrl-C stops)
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import IO

from sqlalchemy.engine import make_url

from bot.services import BIN, READY_TIMEOUT_S, Stack, StartupError, _environment, _ready
from bot.settings import ROOT, Settings, load

REPLICAS = 2
STAGGER_S = 3.0
HAPROXY_CONFIG = ROOT / "deploy" / "haproxy.cfg"


@dataclass(frozen=True)
class Ports:
    """Where each process listens, on the settings' host."""

    public: int
    """The balancer's public frontend: the web server, and Telegram's webhook path on Rasa."""
    rasa_balancer: int
    actions_balancer: int
    rasa: tuple[int, ...]
    actions: tuple[int, ...]
    web: int


def free_ports(count: int) -> list[int]:
    """`count` distinct ports nothing listens on now."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [int(probe.getsockname()[1]) for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def any_ports() -> Ports:
    public, rasa_lb, actions_lb, web, *replicas = free_ports(4 + 2 * REPLICAS)
    return Ports(public, rasa_lb, actions_lb, tuple(replicas[:REPLICAS]), tuple(replicas[REPLICAS:]), web)


def _check_shared(settings: Settings) -> None:
    if make_url(settings.database_url).get_backend_name() == "sqlite":
        raise StartupError("replicas need a shared database: set DATABASE_URL to PostgreSQL")
    if not settings.redis_url:
        raise StartupError("replicas need Redis for the lock store and the socket.io fan-out: set REDIS_URL")


class Replicated:
    """The running topology; `kill_rasa` crashes one Rasa replica, as the fault tests do."""

    def __init__(self, settings: Settings, ports: Ports, log: IO[bytes] | None) -> None:
        _check_shared(settings)
        self.settings = settings
        self.ports = ports
        self._log = log
        self._token = settings.rasa_token()
        host = settings.host
        self.rasa_url = f"http://{host}:{ports.rasa_balancer}"
        """Rasa as the web server and the console reach it: through the balancer."""
        self.actions = [self._stack(f"actions-{i}", actions_port=port) for i, port in enumerate(ports.actions, 1)]
        self.rasa = [
            self._stack(f"rasa-{i}", rasa_port=port, actions_upstream=f"http://{host}:{ports.actions_balancer}")
            for i, port in enumerate(ports.rasa, 1)
        ]
        public_page = f"http://{host}:{ports.public}"
        self.web = self._stack(
            "web",
            web_port=ports.web,
            rasa_upstream=self.rasa_url,
            widget_origins=(*settings.widget_origins, public_page),
        )
        self._haproxy: subprocess.Popen[bytes] | None = None

    def _stack(self, name: str, **changes: object) -> Stack:
        replica = replace(self.settings, var_dir=self.settings.var_dir / name, **changes)  # type: ignore[arg-type]
        replica.token_file.write_text(self._token)
        replica.token_file.chmod(0o600)
        return Stack(replica, self._log)

    def replica_url(self, index: int) -> str:
        """One Rasa replica directly (0-based), bypassing the balancer."""
        return f"http://{self.settings.host}:{self.ports.rasa[index]}"

    def migrate(self) -> None:
        """Relais' migrations, once, as their own process (the Kubernetes Job, the Compose one-off service)."""
        env = _environment(self.settings)
        done = subprocess.run(
            [str(BIN / "python"), "-m", "bot.storage.migrate"], cwd=ROOT, env=env, stdout=self._log, stderr=self._log
        )
        if done.returncode != 0:
            raise StartupError(f"the migrations failed (exit code {done.returncode}); see the log")

    def start(self) -> None:
        self.migrate()
        stacks = [*self.actions, *self.rasa]

        def start(position: int) -> None:
            # Loading a model is Rasa's long start (about a minute), so the replicas load at once; but each
            # Rasa creates the tracker store's table as it starts, and PostgreSQL refuses two simultaneous
            # CREATE TABLE of one name, which Rasa does not catch: the starts are a few seconds apart.
            time.sleep(STAGGER_S * position)
            stacks[position].start(stack_service(stacks[position]))

        with ThreadPoolExecutor(max_workers=len(stacks)) as pool:
            list(pool.map(start, range(len(stacks))))
        self._start_haproxy()
        self.web.start("web")

    def _start_haproxy(self) -> None:
        binary = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
        if binary is None:
            raise StartupError("haproxy is not installed (apt-get install haproxy)")
        host = self.settings.host
        env = {
            **os.environ,
            "RELAIS_LB_PUBLIC": f"{host}:{self.ports.public}",
            "RELAIS_WEB": f"{host}:{self.ports.web}",
            "RELAIS_LB_RASA": f"{host}:{self.ports.rasa_balancer}",
            "RELAIS_LB_ACTIONS": f"{host}:{self.ports.actions_balancer}",
            **{f"RELAIS_RASA_{i}": f"{host}:{port}" for i, port in enumerate(self.ports.rasa, 1)},
            **{f"RELAIS_ACTIONS_{i}": f"{host}:{port}" for i, port in enumerate(self.ports.actions, 1)},
        }
        self._haproxy = subprocess.Popen(
            [binary, "-db", "-f", str(HAPROXY_CONFIG)], env=env, stdout=self._log, stderr=self._log
        )
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not (_ready(f"{self.rasa_url}/") and _ready(f"http://{host}:{self.ports.actions_balancer}/health")):
            if self._haproxy.poll() is not None:
                raise StartupError(f"haproxy exited with code {self._haproxy.returncode}")
            if time.monotonic() > deadline:
                raise StartupError("haproxy did not reach the replicas")
            time.sleep(0.2)

    def kill_rasa(self, index: int) -> None:
        """SIGKILL one Rasa replica (0-based): in-flight turns on it get an error from the balancer."""
        self.rasa[index].kill("rasa")

    def restart_rasa(self, index: int) -> None:
        self.rasa[index].start("rasa")

    def stop(self) -> None:
        self.web.stop_all()
        if self._haproxy is not None and self._haproxy.poll() is None:
            self._haproxy.terminate()
            self._haproxy.wait(timeout=15)
        for stack in [*self.rasa, *self.actions]:
            stack.stop_all()


def stack_service(stack: Stack) -> str:
    """Which of its services a replica's Stack runs: its var/ folder is named after it."""
    return stack.settings.var_dir.name.split("-")[0]


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    settings = load()
    public, rasa_lb, actions_lb, web, *replicas = free_ports(4 + 2 * REPLICAS)
    ports = Ports(settings.web_port, rasa_lb, actions_lb, tuple(replicas[:REPLICAS]), tuple(replicas[REPLICAS:]), web)
    topology = Replicated(settings, ports, None)
    try:
        topology.start()
        print(
            f"Relais (2 replicas) is ready: chat at http://{settings.host}:{ports.public}/ (Ctrl-C stops)", flush=True
        )
        while True:
            time.sleep(3600)
    except StartupError as error:
        print(f"relais: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        topology.stop()


if __name__ == "__main__":
    sys.exit(main())
