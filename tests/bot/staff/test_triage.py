"""Triage at a glance: a card says why it comes first, how long the person has waited, where they are, what
they wrote (typed words, not button payloads); the flags stay once someone takes the conversation."""

from __future__ import annotations

from bot.cases.repository import CaseDraft, create_case
from bot.staff import queue
from bot.staff.live import messages
from bot.storage.db import session
from tests.bot.staff.local import Local, console_test

BUTTON = '/inform{"intake_choice": "today"}'


def _card(html: str, handoff_id: int, attribute: str = "data-handoff") -> str:
    return html.split(f'{attribute}="{handoff_id}"')[1].split("</li>")[0]


@console_test()
async def test_a_card_gives_reason_wait_place_situation_and_the_persons_words(local: Local) -> None:
    analyst = await local.signed_in("ana")
    with session(local.settings.database_url) as db:
        minor = queue.request(db, "minor", "socketio", "ko", queue.Flags(is_minor=True)).id
        quiet = queue.request(db, "quiet", "telegram", "fr", queue.Flags()).id
    local.rasa.slots["minor"] = {"country": "KR", "situation": "sextortion"}
    local.rasa.trackers["minor"] = [
        {"event": "user", "text": "그 사람이 사진을 올리겠다고 협박해요", "timestamp": 1.0},
        {"event": "bot", "text": "When?", "data": {"buttons": [{"title": "Today", "payload": BUTTON}]}},
        {"event": "user", "text": BUTTON, "timestamp": 2.0},
        {"event": "user", "text": "x" * 400, "timestamp": 3.0},
    ]
    page = (await analyst.get("/staff")).text
    card = _card(page, minor)
    assert "Minor" in card and "waiting 0 min" in card and ">ko<" in card
    assert "KR" in card and "sextortion" in card and "no report yet" in card
    excerpt = card.split('class="excerpt"')[1].split("</blockquote>")[0]
    assert excerpt.endswith("x" * 100) and "intake_choice" not in excerpt and "Today" not in excerpt
    quiet_card = _card(page, quiet)
    assert "Other" in quiet_card and "unknown" in quiet_card and "excerpt" not in quiet_card
    assert page.index(f'data-handoff="{minor}"') < page.index(f'data-handoff="{quiet}"')


@console_test()
async def test_the_flags_stay_after_the_claim(local: Local) -> None:
    analyst = await local.signed_in("ana")
    with session(local.settings.database_url) as db:
        create_case(db, CaseDraft(sender_id="victim", channel="socketio", language="en", in_crisis=True, is_minor=True))
        handoff_id = queue.request(db, "victim", "socketio", "en", queue.Flags()).id
    conversation = await analyst.post(f"/staff/handoffs/{handoff_id}/claim")
    assert "Priority: <strong>Crisis</strong>" in conversation.text
    held = _card((await analyst.get("/staff")).text, handoff_id, "data-held")
    assert "Crisis" in held and "minor" in held and "by ana" in held


def test_every_line_has_its_time_and_a_pressed_button_its_title() -> None:
    events = [
        {
            "event": "bot",
            "text": "When?",
            "timestamp": 1.0,
            "data": {"buttons": [{"title": "Today", "payload": BUTTON}]},
        },
        {"event": "user", "text": BUTTON, "timestamp": 2.0},
        {"event": "user", "text": "/inform{}", "timestamp": 3.0},
    ]
    lines = messages(events, 0)
    assert [(line["text"], line["at"], line.get("pressed", False)) for line in lines] == [
        ("When?", 1.0, False),
        ("Today", 2.0, True),
        ("/inform{}", 3.0, False),
    ]
    assert messages(events, 1)[0]["text"] == "Today", "the offer is found before the index asked from"
