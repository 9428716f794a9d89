"""Faults injected into the two-replica topology while conversations run (bench/load.py, tests/e2e/test_replicas.py).

- `cut_postgres`: every connection to one database terminated (`pg_terminate_backend`), as a PostgreSQL
  restart or a fail-over leaves each process's pool full of dead connections;
- `OwnRedis`: a Redis server of our own on a free port, which can be stopped for a few seconds and
  started again on the same port (the machine's Redis is shared and is never stopped).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from types import TracebackType

import sqlalchemy as sa


def cut_postgres(admin_url: str, database: str) -> int:
    """Terminate every other connection to `database`; returns how many were cut."""
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :database AND pid <> pg_backend_pid()"
                ),
                {"database": database},
            ).fetchall()
        return sum(1 for (terminated,) in rows if terminated)
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class OwnRedis:
    """`redis-server` on 127.0.0.1 and a free port, without persistence; a context manager."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise FileNotFoundError("redis-server is not installed")
        self._binary = binary
        self.port = _free_port()
        self._folder = tempfile.TemporaryDirectory(prefix="relais-redis-")
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        argv = [self._binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self._process = subprocess.Popen(
            [*argv, "--dir", self._folder.name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not listen on {self.port}")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=10)
        self._process = None

    def outage(self, seconds: float) -> None:
        """Down for `seconds` (its keys lost, as after a restart without persistence), then up again."""
        self.stop()
        time.sleep(seconds)
        self.start()

    def __enter__(self) -> OwnRedis:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()
        self._folder.cleanup()
