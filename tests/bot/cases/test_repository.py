"""The case tables through the migrations, on SQLite and on the machine's PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.cases import erasure
from bot.cases.models import Case, CaseLink, CaseUrl, ErasureJob
from bot.cases.repository import (
    MAX_FAILURES_PER_CASE,
    Access,
    CaseDraft,
    check_access,
    create_case,
    erase_case,
    erase_conversation,
    linked_references,
)
from bot.storage import migrate
from bot.storage.audit import AuditEntry
from bot.storage.base import Base
from bot.storage.db import session
from bot.storage.tables import load_all
from tests.bot.stores import database, store_for


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(request.param, tmp_path) as database_url:
        migrate.upgrade(database_url)
        yield database_url


def draft(sender: str = "s1", **fields: object) -> CaseDraft:
    return CaseDraft(sender_id=sender, channel="rest", language="fr", **fields)  # type: ignore[arg-type]


def count(url: str, table: type) -> int:
    with session(url) as db:
        return int(db.scalar(sa.select(sa.func.count()).select_from(table)) or 0)


def test_a_case_keeps_its_answers_and_a_hashed_pin(url: str) -> None:
    with session(url) as db:
        created = create_case(db, draft(urls=["https://a.example/1"], situation="sextortion", threats_ongoing="yes"))
        reference = created.case.reference
    with session(url) as db:
        case = db.scalar(sa.select(Case).where(Case.reference == reference))
        assert case is not None
        assert case.sextortion_ongoing and case.status == "received"
        assert [u.url for u in case.urls] == ["https://a.example/1"]
        assert [h.status for h in case.history] == ["received"]
        assert created.pin not in case.pin_hash


def test_the_same_link_in_two_cases_links_them_both_ways(url: str) -> None:
    with session(url) as db:
        first = create_case(db, draft("a", urls=["https://a.example/1", "https://b.example/2"])).case.reference
        second = create_case(db, draft("b", urls=["https://b.example/2"]))
        unrelated = create_case(db, draft("c", urls=["https://c.example/3"]))
    assert second.linked == [first]
    assert unrelated.linked == []
    with session(url) as db:
        older = db.scalar(sa.select(Case).where(Case.reference == first))
        assert older is not None
        assert linked_references(db, older) == [second.case.reference]


def test_wrong_pins_are_refused_then_locked_even_for_the_right_one(url: str) -> None:
    with session(url) as db:
        created = create_case(db, draft())
        reference, pin = created.case.reference, created.pin
    wrong = "000000" if pin != "000000" else "111111"
    with session(url) as db:
        assert check_access(db, "RL-0000-0000", pin, "x")[0] is Access.MISMATCH
        assert check_access(db, reference, pin, "x")[0] is Access.GRANTED
    for _ in range(MAX_FAILURES_PER_CASE):
        with session(url) as db:
            assert check_access(db, reference, wrong, "attacker")[0] is Access.MISMATCH
    with session(url) as db:
        assert check_access(db, reference, pin, "someone else")[0] is Access.LOCKED


def test_erasing_a_conversation_leaves_only_content_free_audit_lines(url: str) -> None:
    with session(url) as db:
        create_case(db, draft("victim", urls=["https://a.example/1"], contact_detail="v@example.org"))
        kept = create_case(db, draft("other", urls=["https://a.example/1"])).case.reference
    with session(url) as db:
        assert erase_conversation(db, "victim") == 1
    assert count(url, CaseLink) == 0
    assert count(url, CaseUrl) == 1
    with session(url) as db:
        assert db.scalars(sa.select(Case.reference)).all() == [kept]
        lines = db.scalars(sa.select(AuditEntry)).all()
        assert "v@example.org" not in " ".join(f"{line.detail} {line.case_reference}" for line in lines)


def test_erasing_one_case_by_reference_erases_its_idle_conversation_at_once(url: str) -> None:
    earlier = DialogueStateTracker("old conversation", slots=[])
    earlier.update(ActionExecuted("action_listen", timestamp=time.time() - 3600))
    save(url, earlier)
    with session(url) as db:
        case = create_case(db, draft("old conversation")).case
        erase_case(db, case)
    with session(url) as db:
        assert db.scalars(sa.select(ErasureJob.sender_id)).all() == ["old conversation"]
    assert count(url, Case) == 0
    erasure.sweep(url)
    assert senders(url) == set()


def test_the_migrations_build_exactly_the_models(url: str) -> None:
    load_all()
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def senders(url: str) -> set[str]:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        found = {row[0] for row in connection.execute(sa.text("SELECT sender_id FROM events"))}
    engine.dispose()
    return found


def save(url: str, tracker: DialogueStateTracker) -> None:
    store = store_for(url)
    asyncio.run(store.save(tracker))
    store.engine.dispose()


def test_the_sweep_waits_for_the_turn_then_also_removes_a_late_write_back(url: str) -> None:
    started = time.time()
    turn = DialogueStateTracker("victim", slots=[])
    turn.update(UserUttered("oui, efface tout", timestamp=started))
    save(url, turn)
    bystander = DialogueStateTracker("bystander", slots=[])
    bystander.update(ActionExecuted("action_listen", timestamp=started))
    save(url, bystander)
    with session(url) as db:
        erase_conversation(db, "victim")
    erasure.sweep(url)
    assert senders(url) == {"victim", "bystander"}, "nothing is erased while Rasa is still in the turn"

    turn.update(ActionExecuted("action_affirm", timestamp=time.time()))
    turn.update(ActionExecuted("action_listen", timestamp=time.time()))
    save(url, turn)
    erasure.sweep(url)
    assert senders(url) == {"bystander"}

    written_back = DialogueStateTracker("victim", slots=[])
    for event in turn.events:
        written_back.update(event)
    save(url, written_back)
    assert "victim" in senders(url)
    erasure.sweep(url)
    assert senders(url) == {"bystander"}, "rows written back with their old timestamps go too"

    fresh = DialogueStateTracker("victim", slots=[])
    fresh.update(UserUttered("bonjour", timestamp=time.time() + 1))
    save(url, fresh)
    erasure.sweep(url)
    assert senders(url) == {"bystander", "victim"}, "a new conversation after the erasure is kept"
