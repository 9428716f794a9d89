"""The README's first command, `make run`, through its own entry point (`python -m bot.services`).

It starts as on a new user's checkout: no `var/` folder, the default SQLite database inside it. It must
answer a message over the widget's path, and leave no process behind after SIGTERM. Each start-up
failure a person can meet gives one line that says what to do, never a traceback.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from bot.settings import ROOT, load
from content.texts import render
from tests.conftest import free_port
from tests.widget_socket import first_answer_now

READY_LINE = "Relais is ready"
START_TIMEOUT_S = 300
STOP_TIMEOUT_S = 60
INHERITED = ("DATABASE_URL", "RASA_TOKEN", "REDIS_URL", "RELAIS_VAR_DIR", "TELEGRAM_TOKEN", "TELEGRAM_SECRET")


def _environment(var_dir: Path, **overrides: str) -> dict[str, str]:
    """The developer's environment minus anything a fresh checkout would not have, on free ports."""
    env = {name: value for name, value in os.environ.items() if name not in INHERITED}
    env.update(
        RELAIS_VAR_DIR=str(var_dir),
        RASA_PORT=str(free_port()),
        ACTIONS_PORT=str(free_port()),
        WEB_PORT=str(free_port()),
        RELAIS_MODEL=str(load().model_path),
    )
    env.update(overrides)
    return env


def _session_members(session_id: int) -> list[int]:
    """Every live process whose session is `session_id` (Linux /proc; field 6 of stat)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == session_id and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


class Launched:
    """`python -m bot.services` in its own session, its output collected line by line."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.services"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, text: str, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while not any(text in line for line in self.lines):
            if self.process.poll() is not None:
                pytest.fail(f"make run's entry point exited with {self.process.returncode}:\n" + self.output())
            if time.monotonic() > deadline:
                pytest.fail(f"no {text!r} after {timeout_s} s:\n" + self.output())
            time.sleep(0.5)

    def output(self) -> str:
        return "\n".join(self.lines[-40:])

    def kill_all(self) -> None:
        for pid in _session_members(self.process.pid):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def fresh_checkout(tmp_path: Path) -> Path:
    """Where `var/` would be on a fresh clone: the folder does not exist yet."""
    var_dir = tmp_path / "checkout" / "var"
    assert not var_dir.exists()
    return var_dir


@pytest.mark.e2e
def test_make_run_answers_the_widget_and_stops_cleanly(fresh_checkout: Path) -> None:
    env = _environment(fresh_checkout)
    launched = Launched(env)
    try:
        launched.wait_for(READY_LINE, START_TIMEOUT_S)
        assert (fresh_checkout / "relais.db").is_file()
        web_url = f"http://127.0.0.1:{env['WEB_PORT']}"
        answer = first_answer_now(web_url, "f" * 32, "Hello", "en")
        assert answer["text"] == render("en", "greet.welcome")

        launched.process.send_signal(signal.SIGTERM)
        assert launched.process.wait(timeout=STOP_TIMEOUT_S) == 0, launched.output()
        deadline = time.monotonic() + 10
        while _session_members(launched.process.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _session_members(launched.process.pid) == [], "a service outlived make run"
    finally:
        launched.kill_all()


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield int(listener.getsockname()[1])


def _one_line_failure(env: dict[str, str]) -> str:
    """Run the entry point to its failure and return what it printed, checking it is one line, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "bot.services"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def some_model(tmp_path: Path) -> str:
    """A file where the model would be: every failure below happens before Rasa reads it."""
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    return str(model)


def test_a_var_folder_that_cannot_be_created_is_one_line(tmp_path: Path, some_model: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    line = _one_line_failure(_environment(blocker / "var", RELAIS_MODEL=some_model))
    assert "RELAIS_VAR_DIR" in line and "writable folder" in line


def test_a_database_that_cannot_be_opened_is_one_line(fresh_checkout: Path, some_model: str) -> None:
    unreachable = f"postgresql://relais:secret-password@127.0.0.1:{free_port()}/relais"
    line = _one_line_failure(_environment(fresh_checkout, DATABASE_URL=unreachable, RELAIS_MODEL=some_model))
    assert "check DATABASE_URL" in line and "secret-password" not in line


def test_a_port_in_use_is_one_line(fresh_checkout: Path, some_model: str, busy_port: int) -> None:
    line = _one_line_failure(_environment(fresh_checkout, WEB_PORT=str(busy_port), RELAIS_MODEL=some_model))
    assert f"port {busy_port}" in line and "WEB_PORT" in line


def test_an_unknown_host_is_one_line(fresh_checkout: Path, some_model: str) -> None:
    line = _one_line_failure(_environment(fresh_checkout, RELAIS_HOST="not.a.host", RELAIS_MODEL=some_model))
    assert "RELAIS_HOST" in line


def test_a_missing_model_is_one_line(fresh_checkout: Path) -> None:
    line = _one_line_failure(_environment(fresh_checkout, RELAIS_MODEL=str(fresh_checkout / "none.tar.gz")))
    assert "make train" in line


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("WEB_PORT", "eighty", "WEB_PORT must be a whole number"),
        ("RASA_PORT", "70000", "RASA_PORT must be from 1 to 65535"),
        ("RELAIS_RETENTION_DAYS", "0", "RELAIS_RETENTION_DAYS must be at least 1"),
        ("RELAIS_TIMEZONE", "Mars/Base", "RELAIS_TIMEZONE must be a time zone"),
        ("DATABASE_URL", "relais.db", "DATABASE_URL must"),
    ],
)
def test_a_bad_setting_is_one_line(fresh_checkout: Path, variable: str, value: str, said: str) -> None:
    assert said in _one_line_failure(_environment(fresh_checkout, **{variable: value}))
