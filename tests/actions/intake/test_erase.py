"""Erasing: always confirmed first; then this conversation's cases go at once, or one report by PIN."""

from __future__ import annotations

import sqlalchemy as sa

from actions.intake.erase import ask_to_erase, erase_earlier_case, erase_this_conversation
from bot.cases.models import Case, ErasureJob
from bot.cases.repository import CaseDraft, create_case
from bot.storage.db import session
from content.texts import render
from tests.actions.intake.conftest import said, turn_for


def test_erasing_is_asked_first(language: str) -> None:
    turn = turn_for(language, text="delete everything", intent="delete_my_data")
    ask_to_erase(turn)
    assert turn.changes == {"offer": "erase"}
    assert said(turn) == "\n".join([render(language, "erase.earlier_hint"), render(language, "erase.confirm")])


def test_a_reference_asks_to_erase_that_report(language: str) -> None:
    turn = turn_for(language, text="delete RL-ABCD-EFGH", intent="delete_my_data")
    ask_to_erase(turn)
    assert turn.changes == {"access_reference": "RL-ABCD-EFGH", "offer": "erase_case"}
    assert said(turn) == render(language, "erase.confirm_case", reference="RL-ABCD-EFGH")


def test_this_conversation_is_erased_and_its_tracker_queued(language: str, cases_db: str) -> None:
    with session() as db:
        create_case(db, CaseDraft(sender_id="review", channel="rest", language=language))
        create_case(db, CaseDraft(sender_id="someone else", channel="rest", language=language))
    turn = turn_for(language, intent="affirm")
    erase_this_conversation(turn)
    assert said(turn) == render(language, "erase.done")
    with session() as db:
        assert db.scalars(sa.select(Case.sender_id)).all() == ["someone else"]
        assert db.scalars(sa.select(ErasureJob.sender_id)).all() == ["review"]


def test_an_earlier_report_is_reached_by_its_pin(language: str) -> None:
    turn = turn_for(language, {"access_reference": "RL-ABCD-EFGH"}, text="yes", intent="affirm")
    erase_earlier_case(turn)
    assert turn.changes["access_reference"] == "RL-ABCD-EFGH" and turn.changes["access_purpose"] == "erase"
    assert turn.follow_up == "case_access_form"
