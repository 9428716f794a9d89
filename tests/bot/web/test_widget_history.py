"""The widget's view of a tracker (bot/web/widget_history.py) and the parts actions attach (no stack)."""

from __future__ import annotations

from typing import Any

import pytest

from actions.message_parts import message, message_parts
from bot.web.widget_history import PATH, bot_entries, conversation
from content.texts import render
from tests.bot.web.conftest import HOTLINE

SESSION = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize("origin", [None, "https://elsewhere.example", "null"])
async def test_the_conversation_is_refused_to_pages_off_the_allow_list(client: Any, origin: str | None) -> None:
    headers = {"Origin": origin} if origin else {}
    response = await client.post(PATH, data=SESSION, headers=headers)
    assert response.status == 403
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("body", ["", "short", "x" * 200, "../../etc/passwd0000000000", f"{SESSION}?token=x"])
async def test_only_a_session_id_is_accepted(client: Any, body: str) -> None:
    response = await client.post(PATH, data=body, headers={"Origin": HOTLINE})
    assert response.status == 400
    assert response.headers["Access-Control-Allow-Origin"] == HOTLINE


async def test_an_unreachable_assistant_is_a_503_the_widget_can_read(client: Any) -> None:
    response = await client.post(PATH, data=SESSION, headers={"Origin": HOTLINE})
    assert response.status == 503
    assert response.headers["Access-Control-Allow-Origin"] == HOTLINE


@pytest.mark.parametrize(("accept", "lang"), [("ko-KR,ko;q=0.9", "ko"), ("de-DE,fr;q=0.8", "fr"), ("", "en")])
async def test_the_demo_page_has_the_browsers_language(client: Any, accept: str, lang: str) -> None:
    response = await client.get("/", headers={"Accept-Language": accept} if accept else {})
    assert f'<html lang="{lang}">' in await response.text()


def test_entries_are_cut_like_the_socketio_channel_and_tagged_with_their_language() -> None:
    buttons = [{"title": "Yes", "payload": "/affirm"}]
    tracker = {
        "slots": {"language": "ko", "handoff_state": "none"},
        "events": [
            {"event": "action", "name": "action_session_start"},
            {"event": "user", "text": "/greet"},
            {"event": "action", "name": "action_greet"},
            {"event": "bot", "text": "Bonjour.\n\nJe suis Relais.", "data": {"buttons": buttons}},
            {"event": "slot", "name": "language", "value": "fr"},
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": "한국어로"},
            {"event": "action", "name": "action_change_language"},
            {"event": "bot", "text": "한국어로 말할게요.", "data": {}},
            {"event": "slot", "name": "language", "value": "ko"},
            {"event": "bot", "text": None, "data": {"custom": {"data": {"text": "Hi", "from": "analyst"}}}},
            {"event": "bot", "text": "", "data": {}},
        ],
    }
    view = conversation(tracker)
    assert view["language"] == "ko" and view["person"] is False
    assert view["entries"] == [
        {"author": "bot", "text": "Bonjour.", "buttons": [], "lang": "fr"},
        {"author": "bot", "text": "Je suis Relais.", "buttons": buttons, "lang": "fr"},
        {"author": "bot", "text": "한국어로 말할게요.", "buttons": [], "lang": "ko"},
        {"author": "analyst", "text": "Hi", "buttons": [], "lang": "ko"},
    ]


def test_a_paused_conversation_is_held_by_a_person() -> None:
    assert conversation({"slots": {"handoff_state": "human"}, "events": []})["person"] is True
    assert conversation({"slots": {}, "paused": True, "events": []})["person"] is True


def test_contacts_and_the_reference_go_with_the_paragraph_that_shows_them() -> None:
    parts = {
        "contacts": [{"kind": "tel", "text": "3114", "href": "tel:3114"}],
        "case": {"reference": "RL-AB12-CD34", "pin": "123456"},
    }
    text = "Call 3114.\n\nYour reference is RL-AB12-CD34."
    event = {"event": "bot", "text": text, "data": {}, "metadata": {"parts": parts}}
    first, second = bot_entries(event)
    assert first["contacts"] == [{"kind": "tel", "text": "3114", "href": "tel:3114"}]
    assert second["case"] == {"reference": "RL-AB12-CD34", "pin": "123456"}


def test_crisis_texts_carry_their_lines_as_links() -> None:
    for language in ("fr", "ko", "en"):
        contacts = message_parts(language, "crisis.FR", {})["parts"]["contacts"]
        assert {"kind": "tel", "text": "3114", "href": "tel:3114"} in contacts
        for contact in contacts:
            assert contact["text"] in render(language, "crisis.FR")
    gb = message_parts("en", "crisis.GB", {})["parts"]["contacts"]
    assert gb[0] == {"kind": "tel", "text": "116 123", "href": "tel:116123"}


def test_the_new_reports_reference_and_pin_are_a_part_and_plain_texts_have_none() -> None:
    parts = message_parts("en", "case.created", {"reference": "RL-AB12-CD34", "pin": "123456"})
    assert parts == {"parts": {"case": {"reference": "RL-AB12-CD34", "pin": "123456"}}}
    assert message_parts("en", "greet.welcome", {}) == {}


def test_a_contact_given_as_a_parameter_is_a_link_too() -> None:
    parts = message_parts("en", "greet.welcome", {"line": "3114"})
    assert parts == {"parts": {"contacts": [{"kind": "tel", "text": "3114", "href": "tel:3114"}]}}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_the_rest_of_a_long_text_is_folded_behind_its_core(language: str) -> None:
    sent = message(language, "report.FR", {})
    buttons = [{"title": "Next", "payload": "/ask_removal"}]
    event = {"event": "bot", "text": sent["text"], "data": {"buttons": buttons}, "metadata": {"parts": sent["parts"]}}
    entries = bot_entries(event)
    core = render(language, "report.FR").split("\n\n")
    rest = render(language, "report.FR.rest").split("\n\n")
    assert [entry["text"] for entry in entries] == core + rest
    assert entries[len(core) - 1]["more"] == len(rest)
    assert entries[len(core) - 1]["buttons"] == buttons, "the buttons stay in view, under the core"
    assert all(entry.get("folded") and not entry["buttons"] for entry in entries[len(core) :])
    assert not any(entry.get("folded") for entry in entries[: len(core)])
    pharos = "https://internet-signalement.gouv.fr"
    pharos_entry = next(e for e in entries if any(c["href"] == pharos for c in e.get("contacts", [])))
    assert pharos_entry.get("folded"), "a link of the rest is shown with the rest"
