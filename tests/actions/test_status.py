"""A status question asks for the PIN; words of erasure with a reference ask for that report's PIN;
once the PIN is right, the status is given or the erasure is asked about, naming all that goes."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import sqlalchemy as sa
from rasa_sdk.executor import CollectingDispatcher

from actions.intake.access import ValidateCaseAccessForm
from actions.intake.erase import verified_reference
from actions.intake.offers import answer_yes
from actions.review import tracker
from actions.status import ActionCaseAccess, ActionStatus
from bot.cases.models import Case, ErasureJob
from bot.cases.repository import CaseDraft, create_case
from bot.storage.db import session
from content.texts import render
from tests.actions.conftest import Outcome, run
from tests.actions.intake.conftest import said, turn_for

DELETE_CASE = {
    "fr": "supprimez mon dossier {reference}",
    "ko": "신고 {reference} 삭제해 주세요",
    "en": "delete my case {reference}",
}
ERASE_MY_REPORT = {"fr": "supprimez mon signalement", "ko": "제 신고 삭제해 주세요", "en": "erase my report"}


def new_case(language: str, sender_id: str = "earlier conversation") -> tuple[str, str]:
    with session() as db:
        created = create_case(db, CaseDraft(sender_id=sender_id, channel="rest", language=language))
        return created.case.reference, created.pin


def slots_after(outcome: Outcome, slots: dict[str, Any]) -> dict[str, Any]:
    """The conversation's slots once `outcome`'s events are applied to `slots`."""
    return slots | {e["name"]: e["value"] for e in outcome.events if e.get("event") == "slot"}


def pin_typed(language: str, slots: dict[str, Any], text: str) -> dict[str, Any]:
    """The access form reading `text` while it asks for the PIN, as Rasa runs it: the slots after."""
    filled = {**slots, "requested_slot": "access_pin", "access_pin": text}
    conversation = tracker("inform", filled, text=text, events=[{"event": "slot", "name": "access_pin", "value": text}])
    events = asyncio.run(ValidateCaseAccessForm().get_validation_events(CollectingDispatcher(), conversation, {}))
    return filled | {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def stored_references() -> list[str]:
    with session() as db:
        return list(db.scalars(sa.select(Case.reference)).all())


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "supprimez mon dossier RL-ABCD-EFGH"),
        ("ko", "신고 RL-ABCD-EFGH 삭제해 주세요"),
        ("en", "delete my case rl abcd efgh"),
    ],
)
def test_erasure_words_ask_for_the_pin_first(language: str, text: str) -> None:
    outcome = run(ActionStatus(), "ask_status", {"language": language}, text=text)
    assert outcome.slot("access_purpose") == "erase" and outcome.slot("access_reference") == "RL-ABCD-EFGH"
    assert outcome.slot("offer") is None, "no yes can erase anything before the PIN is checked"
    assert outcome.texts == [render(language, "erase.case_pin", reference="RL-ABCD-EFGH")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "où en est mon signalement RL-ABCD-EFGH ?"),
        ("ko", "제 신고 RL-ABCD-EFGH 처리 상황 알려 주세요"),
        ("en", "any news on RL-ABCD-EFGH?"),
    ],
)
def test_a_status_question_asks_for_the_pin(language: str, text: str) -> None:
    outcome = run(ActionStatus(), "ask_status", {"language": language}, text=text)
    assert outcome.slot("access_purpose") == "status"
    assert outcome.slot("access_reference") == "RL-ABCD-EFGH"
    assert {"event": "followup", "name": "case_access_form"} in [
        {k: e.get(k) for k in ("event", "name")} for e in outcome.events
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "RL-ABCD-EFGH"), ("ko", "rl abcd efgh 이에요"), ("en", "it's RL-ABCD-EFGH")],
)
def test_a_reference_alone_is_a_status_question_whatever_the_ranking(language: str, text: str) -> None:
    ranking = [{"name": "ask_status", "confidence": 0.6}, {"name": "delete_my_data", "confidence": 0.4}]
    outcome = run(ActionStatus(), "ask_status", {"language": language}, text=text, intent_ranking=ranking)
    assert outcome.slot("offer") is None
    assert outcome.slot("access_purpose") == "status"
    assert render(language, "erase.case_pin", reference="RL-ABCD-EFGH") not in outcome.text


def test_the_right_pin_gives_the_status_and_remembers_the_report(language: str, cases_db: str) -> None:
    reference, pin = new_case(language)
    slots = {"language": language, "access_reference": reference, "access_pin": pin, "access_purpose": "status"}
    outcome = run(ActionCaseAccess(), "inform", slots)
    status = render(language, "status.name.received")
    assert outcome.texts == [render(language, "status.result", reference=reference, status=status)]
    assert outcome.slot("access_pin") is None
    assert verified_reference(turn_for(language, {"verified_report": outcome.slot("verified_report")})) == reference


def test_a_pin_sent_right_after_delete_is_read_then_the_erasure_confirmed(language: str, cases_db: str) -> None:
    reference, pin = new_case(language)
    other, _ = new_case(language, "someone else")
    slots: dict[str, Any] = {"language": language}
    asked = run(ActionStatus(), "ask_status", slots, text=DELETE_CASE[language].format(reference=reference))
    slots = pin_typed(language, slots_after(asked, slots), pin)
    assert slots["access_pin"] == pin and slots["access_reference"] == reference
    confirm = run(ActionCaseAccess(), "inform", slots)
    assert confirm.texts == [render(language, "erase.confirm_verified", reference=reference)]
    assert confirm.slot("offer") == "erase_verified" and stored_references() == sorted([reference, other])
    turn = turn_for(language, slots_after(confirm, slots), text="yes", intent="affirm")
    answer_yes(turn)
    assert said(turn) == render(language, "erase.verified_done", reference=reference)
    assert stored_references() == [other]


def test_erase_my_report_after_its_status_erases_that_report_too(language: str, cases_db: str) -> None:
    reference, pin = new_case(language)
    mine_here, _ = new_case(language, "review")
    slots: dict[str, Any] = {"language": language}
    asked = run(ActionStatus(), "ask_status", slots, text=f"RL {reference.removeprefix('RL-')} {pin}")
    status = run(ActionCaseAccess(), "inform", slots_after(asked, slots))
    slots = slots_after(status, slots_after(asked, slots))
    erase = run(ActionStatus(), "ask_status", slots, text=ERASE_MY_REPORT[language])
    assert erase.texts == [render(language, "erase.confirm_verified", reference=reference)]
    turn = turn_for(language, slots_after(erase, slots), text="oui", intent="affirm")
    answer_yes(turn)
    assert said(turn) == render(language, "erase.verified_done", reference=reference)
    assert stored_references() == [], "the checked report and the one made in this conversation"
    with session() as db:
        assert sorted(db.scalars(sa.select(ErasureJob.sender_id)).all()) == ["earlier conversation", "review"]
    assert mine_here not in stored_references()


STILL_ONLINE = {
    "fr": "mes photos sont toujours en ligne, je les ai signalées il y a 2 semaines",
    "ko": "신고한 지 2주 됐는데 사진이 아직도 올라와 있어요",
    "en": "my pics are still up... i reported them 2 weeks ago",
}


def test_content_still_online_without_a_reference_gets_the_ways_to_remove_it(language: str) -> None:
    slots = {"language": language, "country": {"fr": "FR", "ko": "KR", "en": "GB"}[language]}
    outcome = run(ActionStatus(), "ask_status", slots, text=STILL_ONLINE[language])
    assert outcome.texts[0] == render(language, "status.still_online")
    assert render(language, "removal.intro") in outcome.texts
    assert outcome.slot("access_purpose") is None, "no reference question the person may not be able to answer"
    with_reference = run(ActionStatus(), "ask_status", slots, text=f"{STILL_ONLINE[language]} RL-ABCD-EFGH")
    assert with_reference.slot("access_reference") == "RL-ABCD-EFGH"


def reference_typed(language: str, text: str, intent: str) -> list[dict[str, Any]]:
    """The events of the access form reading `text` (classified `intent`) while it asks for the reference."""
    filled = {"language": language, "requested_slot": "access_reference", "access_reference": text}
    typed = [{"event": "slot", "name": "access_reference", "value": text}]
    conversation = tracker(intent, filled, text=text, events=typed)
    return asyncio.run(ValidateCaseAccessForm().get_validation_events(CollectingDispatcher(), conversation, {}))


NOT_A_REFERENCE = {
    "fr": ("il a remis les photos sur un autre compte", "je l'ai plus"),
    "ko": ("그 사람이 다른 계정에 또 올렸어요", "몰라요"),
    "en": ("he posted them again on another account", "i dont have it"),
}


def test_a_message_that_is_no_reference_never_traps_the_person_in_the_form(language: str) -> None:
    story, lost = NOT_A_REFERENCE[language]
    rejected = reference_typed(language, story, "describe_sharing")
    assert [e["event"] for e in rejected] == ["slot", "action_execution_rejected"], "Rasa answers the story itself"
    assert rejected[1]["name"] == "case_access_form"
    closed = reference_typed(language, lost, "deny")
    slots = {e["name"]: e["value"] for e in closed if e.get("event") == "slot"}
    assert slots["requested_slot"] is None and slots["access_purpose"] is None
    typo = reference_typed(language, "RL-12", "inform")
    assert {e["name"]: e["value"] for e in typo if e.get("event") == "slot"}["access_reference"] is None
    assert not [e for e in typo if e["event"] == "action_execution_rejected"], "a try at a reference is asked again"


NO_REFERENCE = {
    "fr": "où en est mon signalement ? je n'ai pas de numéro de dossier",
    "ko": "제 신고 어떻게 됐어요? 접수번호 같은 건 없어요",
    "en": "where is my report? i dont have any number or anything",
}
WITHOUT_REFERENCE = {
    "fr": "où en est mon signalement ?",
    "ko": "제 신고 어떻게 됐어요?",
    "en": "any news on my report?",
}


def test_a_status_question_without_a_reference_never_asks_for_one_the_person_says_they_lack(language: str) -> None:
    told = run(ActionStatus(), "ask_status", {"language": language}, text=NO_REFERENCE[language])
    assert told.texts == [render(language, "status.not_given")]
    assert told.slot("access_purpose") is None
    asked = run(ActionStatus(), "ask_status", {"language": language}, text=WITHOUT_REFERENCE[language])
    assert asked.texts[0] == render(language, "status.elsewhere"), "a report to a platform is not seen here"
    assert asked.slot("access_purpose") == "status"
    in_the_form = reference_typed(language, NO_REFERENCE[language], "ask_status")
    assert not [e for e in in_the_form if e["event"] == "action_execution_rejected"]
