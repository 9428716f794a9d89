"""Start and stop Relais' three processes: action server, Rasa, web server.

`make run` and the end-to-end tests use the same commands, so what is tested is what runs.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Callable, Iterator, Sequence

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot import runtime_config
from bot.settings import ROOT, Settings, load
from bot.storage import migrate

BIN = Path(sys.executable).parent
READY_TIMEOUT_S = 240.0
SERVICES = ("actions", "rasa", "web")
"""Start order: Rasa calls the action server, the web server relays to Rasa."""
PORT_VARIABLES = {"actions": "ACTIONS_PORT", "rasa": "RASA_PORT", "web": "WEB_PORT"}


class StartupError(RuntimeError):
    """A service could not start; the message is one line meant for a person."""


@dataclass(frozen=True)
class Service:
    name: str
    port: int
    argv: Sequence[str]
    ready_url: str
    warm_up: Callable[[], None] | None = None
    env: dict[str, str] = field(default_factory=dict)
    """Variables for this service only, over the common environment."""


def services(settings: Settings) -> list[Service]:
    endpoints, credentials = runtime_config.write(settings)
    token = settings.rasa_token()
    return [
        Service(
            "actions",
            settings.actions_port,
            [
                str(BIN / "python"),
                "-m",
                "bot.action_server",
                "--actions",
                "actions",
                "--port",
                str(settings.actions_port),
            ],
            f"http://{settings.actions_host}:{settings.actions_port}/health",
        ),
        Service(
            "rasa",
            settings.rasa_port,
            [
                # bot/rasa_server/__main__.py is `rasa run` given the token from RASA_TOKEN, out of the process list.
                str(BIN / "python"),
                "-m",
                "bot.rasa_server",
                "run",
                "--enable-api",
                "--interface",
                settings.host,
                "--port",
                str(settings.rasa_port),
                "--model",
                str(settings.model_path),
                "--endpoints",
                str(endpoints),
                "--credentials",
                str(credentials),
            ],
            f"http://{settings.host}:{settings.rasa_port}/status?token={token}",
            partial(_first_prediction, f"http://{settings.host}:{settings.rasa_port}", token),
            env={
                # Sanic reads SANIC_* variables into its config; its default body limit is 100 MB.
                "SANIC_REQUEST_MAX_SIZE": str(settings.rasa_max_body_bytes),
                **runtime_config.secrets(settings),  # endpoints.yml's ${...}
                "TICKET_LOCK_LIFETIME": str(settings.lock_lifetime_s),  # read by Rasa's lock store
            },
        ),
        Service(
            "web",
            settings.web_port,
            [str(BIN / "python"), "-m", "bot.web"],
            f"http://{settings.host}:{settings.web_port}/healthz",
        ),
    ]


def _port_taken(host: str, port: int) -> bool:
    """Whether something listens on host:port; raises StartupError when RELAIS_HOST cannot be resolved."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        try:
            return probe.connect_ex((host, port)) == 0
        except socket.gaierror as error:
            raise StartupError(f"RELAIS_HOST {host!r} is not an address of this machine ({error.strerror})") from error


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _first_prediction(rasa_url: str, token: str) -> None:
    """TensorFlow builds its graph on the first prediction (about 4 s here): pay it before the
    first victim does. A parse creates no conversation."""
    request = urllib.request.Request(
        f"{rasa_url}/model/parse?token={token}",
        data=json.dumps({"text": "bonjour"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=READY_TIMEOUT_S):
        pass


def _environment(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(settings.as_env())
    env.update(
        SANIC_HOST=settings.host,
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    return env


def _stop(processes: Sequence[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 15
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Stack:
    """The running services; tests stop and start one of them to check what survives."""

    def __init__(self, settings: Settings, log: IO[bytes] | None) -> None:
        self.settings = settings
        self._log = log
        self._env = _environment(settings)
        self._planned = {service.name: service for service in services(settings)}
        self._processes: dict[str, subprocess.Popen[bytes]] = {}

    def check_ports(self, names: Sequence[str]) -> None:
        """Raise StartupError, naming the variable to change, if a service's port is already taken."""
        for name in names:
            service = self._planned[name]
            if _port_taken(self.settings.host, service.port) or (
                name == "actions" and _port_taken(self.settings.actions_host, service.port)
            ):
                raise StartupError(
                    f"port {service.port} ({service.name}) is already in use; stop that process or set "
                    f"{PORT_VARIABLES[service.name]} to a free port"
                )

    def start(self, name: str) -> None:
        service = self._planned[name]
        self.check_ports([name])
        env = {**self._env, **service.env}
        process = subprocess.Popen(service.argv, cwd=ROOT, env=env, stdout=self._log, stderr=self._log)
        self._processes[name] = process
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not _ready(service.ready_url):
            if process.poll() is not None:
                raise StartupError(f"{name} exited with code {process.returncode} before it was ready")
            if time.monotonic() > deadline:
                raise StartupError(f"{name} was not ready after {READY_TIMEOUT_S:.0f} s")
            time.sleep(0.5)
        if service.warm_up:
            try:
                service.warm_up()
            except OSError as error:
                raise StartupError(f"{name} did not answer its first request ({error})") from error

    def stop(self, name: str) -> None:
        _stop([self._processes.pop(name)])

    def kill(self, name: str) -> None:
        """SIGKILL, as a crash or an out-of-memory kill ends a process: nothing is flushed or closed."""
        process = self._processes.pop(name)
        process.kill()
        process.wait()

    def stop_all(self) -> None:
        _stop(list(self._processes.values()))
        self._processes.clear()


@contextmanager
def running(settings: Settings | None = None, log: IO[bytes] | None = None) -> Iterator[Stack]:
    """Run all services until the block exits; raises StartupError with a readable reason."""
    settings = settings or load()
    if not settings.model_path.exists():
        raise StartupError(f"no trained model at {settings.model_path}; run `make train` or set RELAIS_MODEL")
    stack = Stack(settings, log)
    stack.check_ports(SERVICES)
    _migrate(settings.database_url)
    try:
        for name in SERVICES:
            stack.start(name)
        yield stack
    finally:
        stack.stop_all()


def _migrate(database_url: str) -> None:
    """Bring Relais' tables up to date; a database that cannot be opened is one StartupError line."""
    try:
        migrate.upgrade(database_url)
    except SQLAlchemyError as error:
        try:
            shown = repr(make_url(database_url))  # the password masked
        except SQLAlchemyError:
            shown = "given"
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise StartupError(f"cannot open the database {shown} ({reason}); check DATABASE_URL") from error


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_one(name: str) -> int:
    """One service in the foreground, in place of this process: a container's command
    (`python -m bot.services rasa|actions|web`, deploy/). Rasa's config files are rendered first;
    migrations are a step of their own (`python -m bot.storage.migrate`). Returns 2 for an unknown name."""
    settings = load()
    planned = {service.name: service for service in services(settings)}
    if name not in planned:
        print(f"relais: no service {name!r}; choose one of {', '.join(SERVICES)}", file=sys.stderr)
        return 2
    service = planned[name]
    os.execve(service.argv[0], list(service.argv), {**_environment(settings), **service.env})


def main() -> int:
    if len(sys.argv) > 1:
        return run_one(sys.argv[1])
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    settings = load()
    try:
        with running(settings):
            print(
                f"Relais is ready: chat at http://{settings.host}:{settings.web_port}/ (Ctrl-C stops everything)",
                flush=True,
            )
            while True:
                time.sleep(3600)
    except StartupError as error:
        print(f"relais: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nRelais stopped.")
        return 0


if __name__ == "__main__":
    sys.exit(main())
