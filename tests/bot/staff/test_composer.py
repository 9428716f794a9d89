"""The composer: prepared replies in the person's current language ready to edit, a closing line proposed, and the
person's unanswered words shown to the analyst who hands the conversation back (console in-process)."""

from __future__ import annotations

from typing import Callable

from markupsafe import escape

from bot.staff import queue
from bot.storage.db import session
from content.texts import render
from tests.bot.staff.local import Local, console_test

JOINED = {"event": "bot", "text": "You are now talking with a member of the hotline team."}


def _held(local: Local, sender_id: str = "victim") -> int:
    with session(local.settings.database_url) as db:
        return queue.request(db, sender_id, "socketio", "fr", queue.Flags()).id


def _prepared_replies_in(language: str) -> Callable[..., None]:
    @console_test()
    async def test_prepared_replies_and_the_closing_line_are_in_the_persons_current_language(local: Local) -> None:
        analyst = await local.signed_in("ana")
        handoff_id = _held(local)
        local.rasa.slots["victim"] = {"language": language}
        page = (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).text
        for key in ("canned.greeting", "canned.links", "canned.removal"):
            assert f'data-text="{escape(render(language, key))}"' in page
        assert f'data-closing="{escape(render(language, "canned.closing"))}"' in page

    return test_prepared_replies_and_the_closing_line_are_in_the_persons_current_language


test_prepared_replies_fr = _prepared_replies_in("fr")
test_prepared_replies_ko = _prepared_replies_in("ko")
test_prepared_replies_en = _prepared_replies_in("en")


@console_test()
async def test_the_persons_unanswered_words_are_shown_on_hand_back(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _held(local)
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    local.rasa.trackers["victim"] = [
        {"event": "user", "text": "à l'aide", "timestamp": 1.0},
        JOINED,
        {"event": "user", "text": "il menace de tout publier", "timestamp": 2.0},
        {"event": "bot", "data": {"custom": {"data": {"text": "Je suis là.", "from": "analyst"}}}},
        {"event": "user", "text": "que dois-je faire <maintenant> ?", "timestamp": 3.0},
        {"event": "user", "text": "et pour la police ?", "timestamp": 4.0},
    ]
    back = await analyst.post(f"/staff/handoffs/{handoff_id}/hand-back")
    assert back.status == 200 and back.path == f"/staff/handoffs/{handoff_id}/hand-back"
    listed = back.text.split('id="unanswered">')[1].split("</ul>")[0]
    assert "que dois-je faire &lt;maintenant&gt; ?" in listed and "et pour la police ?" in listed
    assert "il menace" not in listed and "à l&#39;aide" not in listed


@console_test()
async def test_nothing_unanswered_goes_straight_back_to_the_queue(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _held(local)
    await analyst.post(f"/staff/handoffs/{handoff_id}/claim")
    local.rasa.trackers["victim"] = [
        JOINED,
        {"event": "bot", "data": {"custom": {"data": {"text": "Bonjour", "from": "analyst"}}}},
    ]
    closed = await analyst.post(f"/staff/handoffs/{handoff_id}/close", outcome="resolved")
    assert closed.status == 200 and closed.path == "/staff" and 'id="unanswered"' not in closed.text
