"""A case's status changes only through bot.cases.status_history, each change kept with who made it."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from bot.cases import status_history
from bot.cases.models import Case
from bot.cases.repository import CaseDraft, create_case
from bot.storage import migrate
from bot.storage.db import session
from tests.bot.stores import database


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(request.param, tmp_path) as database_url:
        migrate.upgrade(database_url)
        yield database_url


def test_each_change_is_kept_with_its_author_and_a_repeat_is_not(url: str) -> None:
    with session(url) as db:
        case_id = create_case(db, CaseDraft(sender_id="s1", channel="socketio", language="ko")).case.id
    with session(url) as db:
        case = db.get(Case, case_id)
        assert case is not None
        assert status_history.change(db, case, "in_review", "staff:ana")
        assert not status_history.change(db, case, "in_review", "staff:bo")
        assert status_history.change(db, case, "removed", "staff:bo")
    with session(url) as db:
        case = db.get(Case, case_id)
        assert case is not None and case.status == "removed"
        assert [(row.status, row.by) for row in case.history] == [
            ("received", "relais"),
            ("in_review", "staff:ana"),
            ("removed", "staff:bo"),
        ]


def test_an_unknown_status_is_refused_and_nothing_changes(url: str) -> None:
    with session(url) as db:
        case = create_case(db, CaseDraft(sender_id="s2", channel="socketio", language="fr")).case
        with pytest.raises(ValueError):
            status_history.change(db, case, "deleted", "staff:ana")
        assert case.status == "received" and len(case.history) == 1
