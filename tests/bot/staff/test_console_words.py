"""Everything an analyst reads is in their console language: the notices after claim, reply, hand back and close
and their errors, the accounts page and its notices, the case page (with link consent, minor and ongoing threats)
and its export, and every stored code (statuses, states, outcomes, situations, channels...) by its label, never
as is (console in-process, Rasa a stand-in)."""

from __future__ import annotations

from typing import Any, Callable

from markupsafe import escape

from actions.guidance import SITUATIONS
from actions.intake.questions import QUESTIONS
from bot.cases.models import STATUSES
from bot.cases.repository import CaseDraft, create_case
from bot.staff import queue
from bot.staff.models import OUTCOMES, ROLES, STATES, Staff
from bot.staff.pages import CODE_KINDS, code_key, label
from bot.staff.passwords import MIN_LENGTH
from bot.staff.takeover import MAX_TEXT
from bot.storage.db import session
from content.texts import has, render
from tests.bot.staff.local import Local, Person, console_test
from tests.sse import events, next_event
from vocabulary.languages import SUPPORTED

RAW = (">reported_to_platform<", ">in_review<", ">no_action<", ">socketio<", ">this_week<", ">human<")
"""Stored codes as a page would show them if it printed them as they are."""


def said(language: str, key: str, **params: Any) -> str:
    """The text as the page's HTML holds it."""
    return str(escape(render(language, key, **params)))


async def _speaking(local: Local, username: str, language: str, role: str = "analyst") -> Person:
    person = await local.signed_in(username, role)
    assert (await person.post("/staff/language", language=language)).status == 200
    return person


def _waiting(local: Local, sender_id: str) -> int:
    with session(local.settings.database_url) as db:
        return queue.request(db, sender_id, "socketio", "ko", queue.Flags()).id


def _staff_id(local: Local, username: str) -> int:
    with session(local.settings.database_url) as db:
        return int(db.query(Staff.id).filter(Staff.username == username).scalar())


def _notices_in(language: str) -> Callable[..., None]:
    @console_test()
    async def test_the_notices_of_actions_are_in_the_analysts_language(local: Local) -> None:
        ana, bea = await _speaking(local, "ana", language), await _speaking(local, "bea", language)
        handoff_id = _waiting(local, "victim")
        page = await ana.post(f"/staff/handoffs/{handoff_id}/claim")
        assert page.status == 200 and said(language, "console.state.human") in page.text
        assert said(language, "console.outcome.no_action") in page.text and 'value="no_action"' in page.text
        assert not any(raw in page.text for raw in RAW)
        lost = await bea.post(f"/staff/handoffs/{handoff_id}/claim")
        assert lost.status == 409 and said(language, "console.notice.claim_lost") in lost.text

        stream = events(ana.http, ana.base + f"/staff/handoffs/{handoff_id}/events?since=0")
        pushed = await next_event(stream, "messages")
        assert (pushed["state"], pushed["state_label"]) == ("human", render(language, "console.state.human"))
        await stream.aclose()

        empty = await ana.post(f"/staff/handoffs/{handoff_id}/reply", fetch=True, text=" ")
        assert empty.json()["message"] == render(language, "console.notice.empty_or_too_long", maximum=MAX_TEXT)
        local.rasa.stall["events"] = 1
        late = await ana.post(f"/staff/handoffs/{handoff_id}/reply", fetch=True, text="hello")
        assert late.status == 504 and late.json()["message"] == render(language, "console.notice.reply_timeout")
        local.rasa.stall["events"] = 1
        kept = await ana.post(f"/staff/handoffs/{handoff_id}/hand-back")
        assert kept.status == 504 and said(language, "console.notice.give_back_timeout") in kept.text

        local.rasa.trackers["victim"] = [{"event": "user", "text": "still there?", "timestamp": 1.0}]
        back = await ana.post(f"/staff/handoffs/{handoff_id}/hand-back")
        assert back.status == 200 and said(language, "console.notice.handed_back", id=handoff_id) in back.text
        sue = await _speaking(local, "sue", language, "supervisor")
        gone = await sue.post(f"/staff/handoffs/{handoff_id}/reply", fetch=True, text="hello")
        assert gone.status == 409 and gone.json()["message"] == render(language, "console.notice.not_held")

        second = _waiting(local, "someone")
        local.rasa.stall["events"] = 1
        undone = await ana.post(f"/staff/handoffs/{second}/claim")
        assert undone.status == 504 and said(language, "console.notice.claim_timeout") in undone.text

    return test_the_notices_of_actions_are_in_the_analysts_language


def _accounts_in(language: str) -> Callable[..., None]:
    @console_test()
    async def test_the_accounts_page_and_its_notices_are_in_the_supervisors_language(local: Local) -> None:
        boss = await _speaking(local, "boss", language, "supervisor")
        local.account("ana")
        ana, me = _staff_id(local, "ana"), _staff_id(local, "boss")
        page = (await boss.get("/staff/accounts")).text
        assert said(language, "console.accounts.help") in page
        assert said(language, "console.accounts.new_password", name="ana", minimum=MIN_LENGTH) in page
        assert f'minlength="{MIN_LENGTH}"' in page and said(language, "console.accounts.never") in page
        assert f">{said(language, 'console.account_state.active')}<" in page
        assert f'value="analyst">{said(language, "console.role.analyst")}<' in page

        disabled = await boss.post(f"/staff/accounts/{ana}/disable")
        assert said(language, "console.accounts.disabled", name="ana") in disabled.text
        again = await boss.post(f"/staff/accounts/{ana}/disable")
        assert said(language, "console.accounts.already_disabled", name="ana") in again.text
        enabled = await boss.post(f"/staff/accounts/{ana}/enable")
        assert said(language, "console.accounts.enabled", name="ana") in enabled.text
        promoted = await boss.post(f"/staff/accounts/{ana}/role", role="supervisor")
        assert said(language, "console.accounts.now_supervisor", name="ana") in promoted.text
        same = await boss.post(f"/staff/accounts/{ana}/role", role="supervisor")
        role = render(language, "console.role.supervisor")
        assert said(language, "console.accounts.already_role", name="ana", role=role) in same.text
        unknown = await boss.post(f"/staff/accounts/{ana}/role", role="owner")
        roles = ", ".join(render(language, f"console.role.{r}") for r in ROLES)
        assert unknown.status == 409 and said(language, "console.accounts.bad_role", roles=roles) in unknown.text

        short = await boss.post(f"/staff/accounts/{ana}/password", password="short", password_again="short")
        assert short.status == 400 and said(language, "console.accounts.too_short", minimum=MIN_LENGTH) in short.text
        guessable = "passwordpassword"
        easy = await boss.post(f"/staff/accounts/{ana}/password", password=guessable, password_again=guessable)
        assert easy.status == 400 and said(language, "console.accounts.guessable") in easy.text
        differ = await boss.post(f"/staff/accounts/{ana}/password", password="a" * 20, password_again="b" * 20)
        assert differ.status == 400 and said(language, "console.accounts.differ") in differ.text
        assert (await boss.post(f"/staff/accounts/{ana}/role", role="analyst")).status == 200
        last = await boss.post(f"/staff/accounts/{me}/disable")
        assert (
            last.status == 409 and said(language, "console.accounts.last_supervisor_disable", name="boss") in last.text
        )

    return test_the_accounts_page_and_its_notices_are_in_the_supervisors_language


def _case(local: Local, sender_id: str, **fields: Any) -> str:
    draft = CaseDraft(sender_id=sender_id, channel="socketio", language="ko", **fields)
    with session(local.settings.database_url) as db:
        return str(create_case(db, draft).case.reference)


def _row(page: str, row_id: str) -> str:
    return page.split(f'id="{row_id}">')[1].split("</dd>")[0]


def _cases_in(language: str) -> Callable[..., None]:
    @console_test()
    async def test_the_case_page_and_its_export_are_in_the_analysts_language(local: Local) -> None:
        ana = await _speaking(local, "ana", language)
        told = _case(
            local,
            "told",
            situation="sextortion",
            threats_ongoing="yes",
            is_minor=True,
            consent_open_urls=True,
            contact_preference="email",
            found_when="this_week",
            urls=["https://a.example/leak"],
        )
        page = (await ana.get(f"/staff/cases/{told}")).text
        yes = said(language, "console.answer.yes")
        for field in ("console.field.consent", "console.field.minor", "console.field.ongoing"):
            assert said(language, field) in page
        assert _row(page, "case-consent") == yes and _row(page, "case-minor") == yes
        assert _row(page, "case-ongoing") == f"{yes} · {said(language, 'console.flag.sextortion')}"
        for key in ("situation.sextortion", "contact.email", "found.this_week", "channel.socketio"):
            assert said(language, f"console.{key}") in page, key
        assert _row(page, "case-status") == said(language, "console.case_status.received")
        assert not any(raw in page for raw in RAW)

        quiet = (await ana.get(f"/staff/cases/{_case(local, 'quiet')}")).text
        assert _row(quiet, "case-consent") == said(language, "console.answer.no")
        assert _row(quiet, "case-minor") == said(language, "console.not_said")
        assert _row(quiet, "case-ongoing") == said(language, "console.not_given")

        changed = await ana.post(f"/staff/cases/{told}/status", status="in_review")
        in_review = render(language, "console.case_status.in_review")
        assert said(language, "console.case.status_changed", status=in_review) in changed.text
        kept = await ana.post(f"/staff/cases/{told}/status", status="in_review")
        assert said(language, "console.case.status_kept", status=in_review) in kept.text

        export = (await ana.get(f"/staff/cases/{told}/export")).text
        assert f'<html lang="{language}">' in export
        assert said(language, "console.export.title", reference=told) in export
        for key in (
            "console.field.ongoing",
            "console.field.minor",
            "console.export.history",
            "console.found.this_week",
        ):
            assert said(language, key) in export, key
        assert said(language, "console.case_status.in_review") in export and not any(raw in export for raw in RAW)

    return test_the_case_page_and_its_export_are_in_the_analysts_language


test_notices_in_french, test_notices_in_korean, test_notices_in_english = map(_notices_in, ("fr", "ko", "en"))
test_accounts_in_french, test_accounts_in_korean, test_accounts_in_english = map(_accounts_in, ("fr", "ko", "en"))
test_cases_in_french, test_cases_in_korean, test_cases_in_english = map(_cases_in, ("fr", "ko", "en"))


def _choices(slot: str) -> tuple[str, ...]:
    [question] = [q for q in QUESTIONS if q.slot == slot]
    return tuple(question.choices)


CODES: dict[str, tuple[str, ...]] = {
    "case_status": STATUSES,
    "state": STATES,
    "outcome": OUTCOMES,
    "situation": SITUATIONS,
    "channel": (*sorted(queue.LIVE_CHANNELS), "rest"),
    "contact": _choices("intake_contact"),
    "found": _choices("intake_found"),
    "answer": (*_choices("intake_ongoing"), *_choices("intake_consent")),
    "account_state": ("active", "disabled"),
    "role": ROLES,
}
"""Every code a console page shows, by kind: where each comes from."""


def test_every_stored_code_has_a_label_in_every_language() -> None:
    assert set(CODES) == set(CODE_KINDS)
    for language in SUPPORTED:
        for kind, codes in CODES.items():
            for code in codes:
                assert has(language, code_key(kind, code)), (language, kind, code)
                assert label(language, kind, code) != code or language == "en", (language, kind, code)


def test_free_text_where_a_code_may_stand_is_shown_as_it_is() -> None:
    assert label("fr", "found", "last Tuesday") == "last Tuesday"
    assert label("ko", "found", None) == ""
    assert label("fr", "found", "this_week") == render("fr", "console.found.this_week")
