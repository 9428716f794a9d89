"""Every report reaches the console: the inbox and its filters, a case's status history, the person's other
conversations, and an export that holds only the messages an analyst ticked (console served in-process)."""

from __future__ import annotations

import re

import sqlalchemy as sa

from bot.cases.repository import CaseDraft, create_case
from bot.staff import queue
from bot.storage.audit import AuditEntry
from bot.storage.db import session
from tests.bot.staff.local import Local, console_test


def _case(local: Local, sender_id: str, **fields: object) -> str:
    draft = CaseDraft(sender_id=sender_id, channel="socketio", **{"language": "fr", **fields})  # type: ignore[arg-type]
    with session(local.settings.database_url) as db:
        created = create_case(db, draft)
        queue.attach_case(db, created.case)
        return str(created.case.reference)


def _waiting(local: Local, sender_id: str) -> int:
    with session(local.settings.database_url) as db:
        return queue.request(db, sender_id, "socketio", "en", queue.Flags()).id


def _references(html: str) -> list[str]:
    return re.findall(r'data-case="([^"]+)"', html)


def _actions(local: Local) -> list[str]:
    with session(local.settings.database_url) as db:
        return list(db.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)).all())


@console_test()
async def test_a_report_without_a_request_for_a_person_is_in_the_inbox(local: Local) -> None:
    analyst = await local.signed_in("ana")
    alone = _case(local, "alone", contact_preference="email", urls=["https://a.example/1", "https://b.example/2"])
    _waiting(local, "asked")
    asked = _case(local, "asked", language="ko", is_minor=True)

    everything = await analyst.get("/staff/cases")
    assert everything.status == 200 and _references(everything.text) == [asked, alone]
    row = everything.text.split(f'data-case="{alone}"')[1].split("</tr>")[0]
    assert "received" in row and "email" in row and "<td>2</td>" in row and "none" in row

    without = await analyst.get("/staff/cases?without_handoff=1")
    assert _references(without.text) == [alone]
    assert _references((await analyst.get(f"/staff/cases?q={asked[-4:].lower()}")).text) == [asked]
    assert _references((await analyst.get("/staff/cases?language=ko")).text) == [asked]
    assert _references((await analyst.get("/staff/cases?priority=minor")).text) == [asked]
    assert _references((await analyst.get("/staff/cases?priority=other")).text) == [alone]
    assert _references((await analyst.get("/staff/cases?status=removed")).text) == []
    assert _references((await analyst.get("/staff/cases?analyst=ana")).text) == []
    assert _references((await analyst.get("/staff/cases?status=nonsense&priority=%00")).text) == [asked, alone]
    assert _actions(local)[-1] == "cases_viewed"


@console_test()
async def test_a_report_filed_while_waiting_is_on_the_card_and_the_analyst_filter_finds_it(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _waiting(local, "victim")
    assert "no report yet" in (await analyst.get("/staff")).text
    reference = _case(local, "victim", in_crisis=True)
    card = (await analyst.get("/staff")).text.split(f'data-handoff="{handoff_id}"')[1].split("</li>")[0]
    assert reference in card and "Crisis" in card
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    assert _references((await analyst.get("/staff/cases?analyst=ana")).text) == [reference]


@console_test()
async def test_a_status_change_is_kept_in_the_history(local: Local) -> None:
    analyst = await local.signed_in("ana")
    reference = _case(local, "victim")
    await analyst.get(f"/staff/cases/{reference}")
    changed = await analyst.post(f"/staff/cases/{reference}/status", status="reported_to_platform")
    assert changed.status == 200 and 'id="case-status">reported to the platform<' in changed.text
    history = changed.text.split('id="history">')[1].split("</ol>")[0]
    assert "received" in history and "reported to the platform" in history and "staff:ana" in history
    kept = await analyst.post(f"/staff/cases/{reference}/status", status="reported_to_platform")
    assert "The status was already reported to the platform." in kept.text
    assert (await analyst.post(f"/staff/cases/{reference}/status", status="gone")).status == 400
    assert (await analyst.post("/staff/cases/RL-NONE-NONE/status", status="closed")).status == 404
    assert _actions(local)[-4:] == ["case_status_changed", "case_viewed", "case_status_kept", "case_viewed"]


@console_test()
async def test_the_export_holds_only_the_messages_an_analyst_ticked(local: Local) -> None:
    analyst = await local.signed_in("ana")
    reference = _case(local, "victim", urls=["https://a.example/leak"])
    local.rasa.trackers["victim"] = [
        {"event": "user", "text": "my private words", "timestamp": 1_780_000_000.0},
        {
            "event": "bot",
            "text": "When did you find them?",
            "timestamp": 1_780_000_001.0,
            "data": {"buttons": [{"title": "Today", "payload": '/inform{"intake_choice": "today"}'}]},
        },
        {"event": "user", "text": '/inform{"intake_choice": "today"}', "timestamp": 1_780_000_002.0},
        {"event": "user", "text": "the name of my ex", "timestamp": 1_780_000_003.0},
    ]
    page = await analyst.get(f"/staff/cases/{reference}")
    assert page.status == 200 and 'name="include" value="2"' in page.text
    assert "Today" in page.text and "intake_choice" not in page.text, "a pressed button shows by its title"

    bare = await analyst.get(f"/staff/cases/{reference}/export")
    assert bare.status == 200 and "https://a.example/leak" in bare.text and reference in bare.text
    assert "my private words" not in bare.text and "the name of my ex" not in bare.text
    assert "no message of the conversation" in bare.text

    picked = await analyst.get(f"/staff/cases/{reference}/export?include=0&include=2&include=99&include=x")
    assert "my private words" in picked.text and "Today" in picked.text
    assert "the name of my ex" not in picked.text and "When did you find them?" not in picked.text
    assert "2026-05-28" in picked.text, "each message with its time"
    assert _actions(local)[-2:] == ["case_exported", "case_exported"]


@console_test()
async def test_the_case_page_shows_the_persons_other_reports_and_conversations(local: Local) -> None:
    supervisor = await local.signed_in("sue", "supervisor")
    handoff_id = _waiting(local, "victim")
    first = _case(local, "victim")
    second = _case(local, "victim")
    page = (await supervisor.get(f"/staff/cases/{second}")).text
    others = page.split("Other reports")[1]
    assert f'href="/staff/cases/{first}"' in others and f'href="/staff/cases/{second}"' not in others
    assert f'href="/staff/handoffs/{handoff_id}"' in page.split('id="handoffs"')[1]
    assert (await supervisor.get("/staff/cases/RL-NOPE-NOPE")).status == 404
