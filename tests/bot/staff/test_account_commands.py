"""`python -m bot.staff.accounts` and its make targets: list, disable, enable, reset-password, set-role."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from bot.settings import ROOT
from bot.staff import accounts
from bot.staff.models import Staff
from bot.staff.sessions import lookup, open_session
from bot.storage.audit import AuditEntry
from bot.storage.db import session

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cheap_hashes: None) -> Iterator[str]:
    """The command's database (DATABASE_URL), with ana (analyst) and sam (supervisor)."""
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("RELAIS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("RELAIS_STAFF_PASSWORD", PASSWORD)
    assert accounts.main(["create", "ana"]) == 0
    assert accounts.main(["create", "sam", "--role", "supervisor"]) == 0
    monkeypatch.delenv("RELAIS_STAFF_PASSWORD")
    yield url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = accounts.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _sign_in(url: str, username: str) -> str:
    with session(url) as db:
        staff = db.scalar(sa.select(Staff).where(Staff.username == username))
        assert staff is not None
        accounts.record_sign_in(staff)
        return open_session(db, staff)


def _signed_in(url: str, token: str) -> bool:
    with session(url) as db:
        return lookup(db, token, idle_minutes=30, max_hours=12) is not None


def _can_sign_in(url: str, username: str, password: str) -> bool:
    with session(url) as db:
        return accounts.authenticate(db, username, password) is not None


def test_list_shows_role_state_and_last_sign_in(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    _sign_in(cli_db, "ana")
    assert run(capsys, "disable", "sam")[0] == 1, "the only supervisor stays"
    status, out, _ = run(capsys, "list")
    header, *rows = out.splitlines()
    assert status == 0 and header.split() == ["username", "role", "state", "last", "sign-in", "holding"]
    ana = next(row for row in rows if row.startswith("ana "))
    sam = next(row for row in rows if row.startswith("sam "))
    assert "analyst" in ana and "active" in ana and " UTC" in ana
    assert "supervisor" in sam and "never" in sam


def test_disable_ends_the_sessions_at_once_and_enable_lets_them_back(
    cli_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    token = _sign_in(cli_db, "ana")
    status, out, _ = run(capsys, "disable", "ana")
    assert status == 0 and out.strip() == "ana is now disabled"
    assert not _signed_in(cli_db, token) and not _can_sign_in(cli_db, "ana", PASSWORD)
    assert "disabled" in next(line for line in run(capsys, "list")[1].splitlines() if line.startswith("ana "))
    assert run(capsys, "disable", "ana")[1].strip() == "ana was already disabled"
    status, out, _ = run(capsys, "enable", "ana")
    assert status == 0 and out.strip() == "ana is now active" and _can_sign_in(cli_db, "ana", PASSWORD)
    with session(cli_db) as db:
        actions = db.scalars(sa.select(AuditEntry.action).where(AuditEntry.actor == "system")).all()
    assert actions.count("staff_disabled") == 1 and actions.count("staff_enabled") == 1


def test_the_last_supervisor_can_be_neither_disabled_nor_demoted(
    cli_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (("disable", "sam"), ("set-role", "sam", "analyst")):
        status, _, err = run(capsys, *argv)
        assert status == 1 and "sam is the last active supervisor" in err
    status, out, _ = run(capsys, "set-role", "ana", "supervisor")
    assert status == 0 and out.strip() == "ana is now supervisor"
    assert run(capsys, "set-role", "sam", "analyst")[0] == 0
    assert run(capsys, "disable", "ana")[0] == 1, "ana is now the last supervisor"
    with session(cli_db) as db:
        roles = dict(db.execute(sa.select(Staff.username, Staff.role)).all())
    assert roles == {"ana": "supervisor", "sam": "analyst"}


def test_reset_password_is_prompted_twice_or_read_from_the_environment(
    cli_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    token = _sign_in(cli_db, "ana")
    typed = iter([NEW_PASSWORD, NEW_PASSWORD + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    status, _, err = run(capsys, "reset-password", "ana")
    assert status == 1 and "the two passwords differ" in err and _signed_in(cli_db, token)

    typed = iter([NEW_PASSWORD, NEW_PASSWORD])
    status, out, _ = run(capsys, "reset-password", "ana")
    assert status == 0 and out.strip() == "new password set for ana; 1 session(s) ended"
    assert not _signed_in(cli_db, token)
    assert _can_sign_in(cli_db, "ana", NEW_PASSWORD) and not _can_sign_in(cli_db, "ana", PASSWORD)

    monkeypatch.setenv("RELAIS_STAFF_PASSWORD", "too short")
    status, _, err = run(capsys, "reset-password", "ana")
    assert status == 1 and "at least 12 characters" in err
    monkeypatch.setenv("RELAIS_STAFF_PASSWORD", PASSWORD)
    assert run(capsys, "reset-password", "ana")[0] == 0 and _can_sign_in(cli_db, "ana", PASSWORD)
    with session(cli_db) as db:
        details = " ".join(db.scalars(sa.select(AuditEntry.detail)).all())
    assert PASSWORD not in details and NEW_PASSWORD not in details


def test_no_command_takes_a_password_on_the_command_line(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["reset-password", "ana", NEW_PASSWORD], ["reset-password", "ana", "--password", NEW_PASSWORD]):
        with pytest.raises(SystemExit) as refused:
            accounts.main(argv)
        assert refused.value.code == 2
    assert _can_sign_in(cli_db, "ana", PASSWORD)


def test_unknown_accounts_and_roles_are_refused(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("disable", "enable", "reset-password"):
        status, _, err = run(capsys, command, "nobody")
        assert status == 1 and "there is no account named 'nobody'" in err
    with pytest.raises(SystemExit):
        accounts.main(["set-role", "ana", "admin"])
    assert run(capsys, "set-role", "ana", "analyst")[1].strip() == "ana was already analyst"


def test_the_module_runs_as_a_command_with_the_password_from_the_environment(cli_db: str) -> None:
    env = {**os.environ, "DATABASE_URL": cli_db, "RELAIS_STAFF_PASSWORD": NEW_PASSWORD}
    done = subprocess.run(
        [sys.executable, "-m", "bot.staff.accounts", "reset-password", "ana"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert NEW_PASSWORD not in done.stdout + done.stderr
    assert _can_sign_in(cli_db, "ana", NEW_PASSWORD)


@pytest.mark.parametrize(
    ("target", "extra", "command"),
    [
        ("staff-list", [], "-m bot.staff.accounts list"),
        ("staff-disable", ["USERNAME=ana"], '-m bot.staff.accounts disable "ana"'),
        ("staff-enable", ["USERNAME=ana"], '-m bot.staff.accounts enable "ana"'),
        ("staff-reset-password", ["USERNAME=ana"], '-m bot.staff.accounts reset-password "ana"'),
        ("staff-set-role", ["USERNAME=ana", "ROLE=supervisor"], '-m bot.staff.accounts set-role "ana" "supervisor"'),
    ],
)
def test_make_targets_run_the_commands(target: str, extra: list[str], command: str) -> None:
    planned = subprocess.run(
        ["make", "--no-print-directory", "-n", target, *extra], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert planned.splitlines()[-1].endswith(command)
    if extra:
        assert f"usage: make {target} USERNAME=<name>" in planned, "a missing USERNAME stops before the command"
