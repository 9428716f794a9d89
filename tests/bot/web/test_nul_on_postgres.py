"""A NUL in an intake answer: PostgreSQL refuses it (psycopg2 will not even send it), so the edge removes it first.

The message goes through the real widget relay (in front of the Rasa stand-in); what Rasa receives
is then stored as intake's free answers are (found_when, contact_detail) on the machine's PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.cases.models import Case
from bot.cases.repository import CaseDraft, create_case
from bot.storage import migrate
from bot.storage.db import session
from tests.bot.stores import postgres_database
from tests.bot.web.relay import event, next_event, relay

SESSION = "0123456789abcdef" * 2
ANSWER = "hier soir\x00, vers 22 h"


async def test_an_intake_answer_with_a_nul_reaches_postgresql_without_it(tmp_path: Path) -> None:
    async with relay(tmp_path) as edge:
        async with edge.socket() as ws:
            await ws.send_str(event("session_request", {"session_id": SESSION}))
            await next_event(ws)
            await ws.send_str(event("user_uttered", {"message": ANSWER, "session_id": SESSION}))
            await next_event(ws)
    received = edge.rasa.uttered[0]["message"]
    assert received == "hier soir, vers 22 h"
    with postgres_database() as url:
        migrate.upgrade(url)
        with pytest.raises((ValueError, sa.exc.DataError)), session(url) as db:
            create_case(db, CaseDraft(sender_id="raw", channel="socketio", language="fr", found_when=ANSWER))
        with session(url) as db:
            draft = CaseDraft(
                sender_id=f"widget-{SESSION}",
                channel="socketio",
                language="fr",
                found_when=received,
                contact_detail=received,
            )
            reference = create_case(db, draft).case.reference
        with session(url) as db:
            case = db.scalar(sa.select(Case).where(Case.reference == reference))
            assert case is not None and case.found_when == received
