"""Erasing: always confirmed first; this conversation's cases go at once; a report only once its PIN
was checked in this conversation, and then the question names everything that goes."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from actions.conversation import ActionAffirm, ActionClarify, ActionInform
from actions.intake.erase import (
    VERIFIED_FOR_S,
    ask_to_erase,
    erase_this_conversation,
    erase_verified_case,
    verified,
    verified_reference,
)
from actions.privacy import ActionDeleteData
from actions.reporting import ActionRemoval
from bot.cases.models import Case, ErasureJob
from bot.cases.repository import CaseDraft, create_case
from bot.storage.db import session
from content.texts import render
from tests.actions.conftest import run
from tests.actions.intake.conftest import said, turn_for

ERASE_MY_REPORT = {"fr": "supprimez mon signalement", "ko": "제 신고 삭제해 주세요", "en": "erase my report"}


def new_case(language: str, sender_id: str) -> str:
    with session() as db:
        return create_case(db, CaseDraft(sender_id=sender_id, channel="rest", language=language)).case.reference


def test_erasing_is_asked_first(language: str) -> None:
    turn = turn_for(language, text="delete everything", intent="delete_my_data")
    ask_to_erase(turn)
    assert turn.changes == {"offer": "erase"}
    assert said(turn) == "\n".join([render(language, "erase.earlier_hint"), render(language, "erase.confirm")])


def test_a_reference_asks_for_its_pin_before_any_question(language: str) -> None:
    turn = turn_for(language, text="delete RL-ABCD-EFGH", intent="delete_my_data")
    ask_to_erase(turn)
    assert turn.changes["access_reference"] == "RL-ABCD-EFGH" and turn.changes["access_purpose"] == "erase"
    assert turn.changes["access_pin"] is None and "offer" not in turn.changes
    assert turn.follow_up == "case_access_form", "the form asks for the PIN and reads the next message as one"
    assert said(turn) == render(language, "erase.case_pin", reference="RL-ABCD-EFGH")


def test_erase_my_report_after_a_status_check_names_that_report(language: str) -> None:
    slots = {"verified_report": verified("RL-ABCD-EFGH")}
    turn = turn_for(language, slots, text=ERASE_MY_REPORT[language], intent="delete_my_data")
    ask_to_erase(turn)
    assert turn.changes == {"offer": "erase_verified"}
    assert said(turn) == render(language, "erase.confirm_verified", reference="RL-ABCD-EFGH")


def test_a_check_too_old_asks_about_this_conversation_and_says_how_to_reach_the_report(language: str) -> None:
    slots = {"verified_report": verified("RL-ABCD-EFGH", at=time.time() - VERIFIED_FOR_S - 1)}
    turn = turn_for(language, slots, text=ERASE_MY_REPORT[language], intent="delete_my_data")
    ask_to_erase(turn)
    assert turn.changes == {"offer": "erase"}
    assert said(turn) == "\n".join([render(language, "erase.earlier_hint"), render(language, "erase.confirm")])


def test_another_reference_than_the_checked_one_asks_for_its_pin(language: str) -> None:
    turn = turn_for(language, {"verified_report": verified("RL-ABCD-EFGH")}, text="delete RL-WXYZ-2345")
    ask_to_erase(turn)
    assert turn.changes["access_reference"] == "RL-WXYZ-2345" and turn.follow_up == "case_access_form"
    assert "offer" not in turn.changes


@pytest.mark.parametrize(
    "value", [None, "RL-ABCD-EFGH", {"at": 0}, {"reference": "RL-ABCD-EFGH", "at": "soon"}, verified("RL-ABCD-EFGH", 0)]
)
def test_only_a_recent_check_counts(value: object) -> None:
    turn = turn_for("en", {"verified_report": value})
    assert verified_reference(turn) is None


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


def test_a_yes_erases_the_checked_report_its_conversation_and_this_one(language: str, cases_db: str) -> None:
    reference = new_case(language, "earlier conversation")
    kept = new_case(language, "someone else")
    turn = turn_for(language, {"verified_report": verified(reference)}, text="yes", intent="affirm")
    erase_verified_case(turn)
    assert said(turn) == render(language, "erase.verified_done", reference=reference)
    assert turn.changes["verified_report"] is None
    with session() as db:
        assert db.scalars(sa.select(Case.reference)).all() == [kept]
        assert sorted(db.scalars(sa.select(ErasureJob.sender_id)).all()) == ["earlier conversation", "review"]


def test_a_yes_after_the_check_expired_erases_nothing_and_asks_again(language: str, cases_db: str) -> None:
    reference = new_case(language, "earlier conversation")
    old = verified(reference, at=time.time() - VERIFIED_FOR_S - 1)
    turn = turn_for(language, {"verified_report": old}, text="yes", intent="affirm")
    erase_verified_case(turn)
    assert said(turn) == "\n".join([render(language, "erase.earlier_hint"), render(language, "erase.confirm")])
    with session() as db:
        assert db.scalars(sa.select(Case.reference)).all() == [reference]
        assert db.scalars(sa.select(ErasureJob.sender_id)).all() == []


def test_delete_my_data_after_a_status_check_names_the_report(language: str) -> None:
    """The classifier takes "erase my report" for "delete my data" (`action_delete_data`), in every language."""
    slots = {"language": language, "verified_report": verified("RL-ABCD-EFGH")}
    outcome = run(ActionDeleteData(), "delete_my_data", slots, text=ERASE_MY_REPORT[language])
    assert outcome.texts == [render(language, "erase.confirm_verified", reference="RL-ABCD-EFGH")]
    assert outcome.slot("offer") == "erase_verified"


def test_a_checked_report_made_in_this_conversation_goes_with_it_once(language: str, cases_db: str) -> None:
    reference = new_case(language, "review")
    turn = turn_for(language, {"verified_report": verified(reference)}, text="yes", intent="affirm")
    erase_verified_case(turn)
    with session() as db:
        assert db.scalars(sa.select(Case.reference)).all() == []
        jobs = db.scalars(sa.select(ErasureJob)).all()
        assert [(job.sender_id, job.during_turn) for job in jobs] == [("review", True)], "once the turn is saved"


KEEP_THE_REPORT = {
    "fr": "effacez la conversation mais gardez mon signalement",
    "ko": "신고는 남기고 대화만 지워 주세요",
    "en": "delete this chat but keep my report please",
}


def test_erasing_the_chat_but_keeping_its_report_says_they_go_together(language: str) -> None:
    turn = turn_for(language, {"case_ref": "RL-ABCD-EFGH"}, text=KEEP_THE_REPORT[language], intent="delete_my_data")
    ask_to_erase(turn)
    assert turn.changes == {"offer": "erase"}
    assert said(turn) == render(language, "erase.keep_report")


def test_keeping_a_report_this_chat_never_made_is_the_usual_question(language: str) -> None:
    turn = turn_for(language, text=KEEP_THE_REPORT[language], intent="delete_my_data")
    ask_to_erase(turn)
    assert render(language, "erase.confirm") in said(turn)


ERASE_AGAIN = {"fr": "oui effacez tout", "ko": "ㅇㅇ 지워주세요", "en": "yes delete it all"}


def test_words_of_erasing_answering_shall_i_erase_are_its_yes(language: str, cases_db: str) -> None:
    slots = {"language": language, "offer": "erase"}
    outcome = run(ActionDeleteData(), "delete_my_data", slots, text=ERASE_AGAIN[language])
    assert render(language, "erase.done") in outcome.texts
    assert render(language, "erase.confirm") not in outcome.texts


DELETE_IT = {"fr": "ok en fait je veux le supprimer", "ko": "그거 지워 주세요", "en": "actually i want to delete it"}


@pytest.mark.parametrize("intent", ["ask_removal", "nlu_fallback"])
def test_delete_it_right_after_a_status_check_names_that_report(language: str, intent: str) -> None:
    action = ActionRemoval() if intent == "ask_removal" else ActionClarify()
    slots = {"language": language, "verified_report": verified("RL-ABCD-EFGH"), "country": "FR"}
    outcome = run(action, intent, slots, text=DELETE_IT[language])
    assert outcome.texts == [render(language, "erase.confirm_verified", reference="RL-ABCD-EFGH")]
    assert outcome.slot("offer") == "erase_verified"
    later = {**slots, "verified_report": verified("RL-ABCD-EFGH", at=time.time() - VERIFIED_FOR_S - 1)}
    assert render(language, "erase.confirm_verified", reference="RL-ABCD-EFGH") not in run(
        action, intent, later, text=DELETE_IT[language]
    ).texts


DESPAIR_BESIDE_ERASING = {
    "fr": "j'ai envie de tout effacer, c'est fini pour moi",
    "ko": "다 지워줘 그냥 다 끝났어",
    "en": "erase it all, i give up",
}


def test_despair_beside_the_words_of_erasing_erases_nothing_and_is_met_as_distress(language: str) -> None:
    """"jai envie de tout effacer, de disparaitre" at "shall I erase it?" erased the conversation with no word of
    support: despair beside erasing is met as distress, and the question stays unanswered."""
    slots = {"language": language, "offer": "erase"}
    outcome = run(ActionDeleteData(), "delete_my_data", slots, text=DESPAIR_BESIDE_ERASING[language])
    assert render(language, "erase.confirm") not in outcome.texts
    assert not any(text.startswith(render(language, "erase.done")[:20]) for text in outcome.texts), outcome.texts
    assert render(language, "support.kind") in outcome.texts, outcome.texts


TAKEN_BACK = {
    "fr": ["attends non n'efface pas, je veux continuer", "non ne supprime rien"],
    "ko": ["아 잠깐 지우지 마세요", "삭제하지 마요", "아 잠깐 취소요"],
    "en": ["wait no dont delete it, i want to keep going", "no dont erase anything"],
}


@pytest.mark.parametrize("intent", ["delete_my_data", "ask_removal", "nlu_fallback"])
def test_erasing_taken_back_erases_nothing_and_says_so(language: str, intent: str) -> None:
    """"wait no dont delete it, i want to keep going" at "shall I erase it?" got the removal journey and no word of
    the erasure; read as erasing, it could have been its yes."""
    action = {"delete_my_data": ActionDeleteData(), "ask_removal": ActionRemoval(), "nlu_fallback": ActionClarify()}
    for text in TAKEN_BACK[language]:
        outcome = run(action[intent], intent, {"language": language, "offer": "erase"}, text=text)
        assert outcome.texts == [render(language, "erase.cancelled")], (text, outcome.texts)
        assert outcome.slot("offer") is None


DELETE_IT = {
    "fr": ["vous pouvez les supprimer ?", "effacez-la svp", "supprimez"],
    "ko": ["지워주세요", "그거 삭제해 줘요", "없애 주세요"],
    "en": ["can u just delete it for me please", "can you delete them", "delete"],
}
DELETE_THE_CHAT = {
    "fr": "effacez cette conversation",
    "ko": "이 대화 지워주세요",
    "en": "delete this chat",
}


def test_after_a_story_a_request_to_erase_naming_nothing_asks_whether_the_images_or_the_chat_are_meant(
    language: str,
) -> None:
    """"my ex posted my nudes on twitter" then "can u just delete it for me please" got "Shall I erase this
    conversation?": one tap would have erased the chat and its reports. The images or this conversation is asked
    first; naming the chat, or no story told, asks to erase as before; the buttons lead to each."""
    story = {"language": language, "situation": "sharing"}
    for text in DELETE_IT[language]:
        outcome = run(ActionDeleteData(), "delete_my_data", story, text=text)
        assert outcome.texts == [render(language, "erase.which")], text
        assert outcome.payloads == ["/ask_removal", "/delete_my_data"]
        assert outcome.slot("offer") == "erase_which", text
        yes = run(ActionAffirm(), "affirm", {**story, "offer": "erase_which"}, text="oui")
        assert render(language, "erase.done") not in yes.texts, (text, "a yes erases nothing")
        assert yes.slot("offer") is None
    named = run(ActionDeleteData(), "delete_my_data", story, text=DELETE_THE_CHAT[language])
    assert render(language, "erase.confirm") in named.texts and named.slot("offer") == "erase"
    chosen = run(ActionDeleteData(), "delete_my_data", story, text="/delete_my_data")
    assert render(language, "erase.confirm") in chosen.texts
    no_story = run(ActionDeleteData(), "delete_my_data", {"language": language}, text=DELETE_IT[language][0])
    assert render(language, "erase.confirm") in no_story.texts


DELETE_EVERYTHING = {
    "fr": ["je veux que tout ça soit supprimé", "efface tout"],
    "ko": ["다 지워줘 제발", "전부 삭제해 주세요"],
    "en": ["i want all of it gone, delete everything", "delete it all"],
}
IMAGES_MEANT = {
    "fr": ["non pas la conversation, les photos", "je parlais des photos",
           "non je parlais des photos, pas de notre discussion"],
    "ko": ["대화 말고 사진이요", "영상이요"],
    "en": ["no not the chat, the pics", "i meant the pics"],
}


def test_after_a_story_delete_everything_asks_whether_the_images_or_the_chat_are_meant(language: str) -> None:
    """"je veux que tout ça soit supprimé" after "un mec a mis des photos de moi sur insta" offered to erase the
    conversation: after a story, "everything" names nothing of the chat either."""
    story = {"language": language, "situation": "sharing"}
    for text in DELETE_EVERYTHING[language]:
        outcome = run(ActionDeleteData(), "delete_my_data", story, text=text)
        assert outcome.texts == [render(language, "erase.which")], text


def test_the_images_named_at_the_erasure_question_erase_nothing_and_say_how_to_get_them_taken_down(
    language: str,
) -> None:
    """"non pas la conversation, les photos" at "shall I erase it?" and "i meant the pics" at "the images, or this
    conversation?" were not understood: nothing is erased (said at the erasure's question), and the removal journey
    follows, whatever the classifier made of the words."""
    for offer in ("erase", "erase_which"):
        for text in IMAGES_MEANT[language]:
            slots = {"language": language, "situation": "sharing", "country": "FR", "offer": offer}
            for action, intent in ((ActionInform(), "inform"), (ActionClarify(), "nlu_fallback"),
                                   (ActionDeleteData(), "delete_my_data")):
                outcome = run(action, intent, slots, text=text)
                assert (render(language, "erase.cancelled") in outcome.texts) == (offer == "erase"), (text, offer)
                assert render(language, "removal.intro") in outcome.texts, (text, offer, outcome.texts)
                assert render(language, "erase.done") not in outcome.texts and outcome.slot("offer") != "erase"
    chat = run(ActionInform(), "inform", {"language": language, "situation": "sharing", "offer": "erase_which"},
               text={"fr": "la conversation", "ko": "이 대화요", "en": "the chat"}[language])
    assert render(language, "removal.intro") not in chat.texts
