"""A yes or a no answers the question just asked (`offer`), and nothing else."""

from __future__ import annotations

import pytest

from actions.conversation import ActionAffirm, ActionClarify, ActionDeny, ActionInform
from actions.intake.offers import ON_NO, ON_YES, answer_no, answer_yes
from actions.jurisdiction import ASK_BUTTONS, COUNTRY_QUESTION
from content.texts import render
from tests.actions.conftest import run
from tests.actions.intake.conftest import said, turn_for
from tests.actions.test_handoff_lapse import _request, queue_db  # noqa: F401 (a fixture)


def test_every_offer_has_a_yes_and_a_no() -> None:
    assert set(ON_YES) == set(ON_NO)


@pytest.mark.parametrize("offer", sorted(ON_NO))
def test_a_no_declines_what_was_offered(language: str, offer: str) -> None:
    turn = turn_for(language, {"offer": offer}, intent="deny")
    answer_no(turn)
    assert said(turn) == render(language, ON_NO[offer])


def test_a_yes_to_the_intake_offer_starts_the_form(language: str) -> None:
    turn = turn_for(language, {"offer": "intake"}, intent="affirm")
    answer_yes(turn)
    assert turn.follow_up == "intake_form"


def test_a_yes_to_erasing_a_report_whose_check_is_gone_asks_for_nothing_to_be_erased(language: str) -> None:
    turn = turn_for(language, {"offer": "erase_verified"}, intent="affirm")
    answer_yes(turn)
    assert said(turn) == "\n".join([render(language, "erase.earlier_hint"), render(language, "erase.confirm")])
    assert turn.changes["offer"] == "erase", "a question again, never an erasure"


def test_a_late_yes_or_no_starts_nothing_and_is_not_called_a_misreading(language: str) -> None:
    for action, intent in ((ActionAffirm(), "affirm"), (ActionDeny(), "deny")):
        outcome = run(action, intent, {"language": language})
        assert outcome.texts == [render(language, "next.prompt")]
        assert not [e for e in outcome.events if e.get("event") == "followup"]


@pytest.mark.usefixtures("queue_db")
def test_an_ok_while_waiting_for_a_person_hears_they_are_still_in_the_queue(language: str) -> None:
    _request("waiting")
    for action, intent in ((ActionAffirm(), "affirm"), (ActionDeny(), "deny")):
        outcome = run(action, intent, {"language": language, "handoff_state": "waiting"})
        assert outcome.texts == [render(language, "handoff.waiting.again")]


def test_the_offer_is_answered_once(language: str) -> None:
    outcome = run(ActionDeny(), "deny", {"language": language, "offer": "submit"})
    assert outcome.texts == [render(language, "intake.not_now")]
    assert outcome.slot("offer") is None


TYPED = {
    "fr": [("ok", "affirm"), ("d'accord", "affirm"), ("non", "deny")],
    "ko": [("네", "affirm"), ("아니요", "deny")],
    "en": [("ok", "affirm"), ("okay", "affirm"), ("no", "deny")],
}
COUNTRY_BUTTONS = [payload for _, payload in ASK_BUTTONS]


def test_an_ok_or_a_no_while_the_country_question_waits_asks_it_again(language: str) -> None:
    """Asked "which country do you live in?", an "ok" or a "no" gets the question again, kindly, with its
    buttons, never the menu in its place; the question stays open for the next message."""
    for typed, intent in TYPED[language]:
        action = ActionAffirm() if intent == "affirm" else ActionDeny()
        outcome = run(action, intent, {"language": language, "offer": COUNTRY_QUESTION}, text=typed)
        assert outcome.texts == [render(language, "country.ask.again")], typed
        assert outcome.payloads == COUNTRY_BUTTONS
        assert outcome.slot("offer") == COUNTRY_QUESTION


CODE_ANSWERS = {
    "fr": [("fr", "nlu_fallback", "FR"), ("je suis en FR", "inform", "FR"), ("uk", "out_of_scope", "GB")],
    "ko": [("kr", "nlu_fallback", "KR"), ("KR요", "inform", "KR"), ("us", "out_of_scope", "US")],
    "en": [("us", "nlu_fallback", "US"), ("im in the us", "out_of_scope", "US"), ("the US", "inform", "US")],
}
NAMED_WITH_A_YES = {"fr": ("oui, la France", "FR"), "ko": ("네 프랑스요", "FR"), "en": ("yes, the UK", "GB")}


def test_a_code_alone_answers_the_country_question_whatever_the_intent(language: str) -> None:
    """"us", "kr", "FR" to "which country do you live in?": the country is taken and the journey asked for goes on;
    the same code with no question waiting is no country ("us" is a word)."""
    from actions.conversation import ActionClarify, ActionInform, ActionOutOfScope

    actions = {"nlu_fallback": ActionClarify(), "inform": ActionInform(), "out_of_scope": ActionOutOfScope()}
    for typed, intent, code in CODE_ANSWERS[language]:
        slots = {"language": language, "offer": COUNTRY_QUESTION, "pending_topic": "report", "situation": "sharing"}
        outcome = run(actions[intent], intent, slots, text=typed)
        assert outcome.slot("country") == code, typed
        assert render(language, "clarify.text") not in outcome.texts, typed
        assert render(language, "country.ask.again") not in outcome.texts, typed
        assert outcome.slot("pending_topic") is None, typed
        alone = run(actions[intent], intent, {"language": language, "situation": "sharing"}, text=typed)
        assert alone.slot("country") is None, typed


def test_a_yes_that_names_the_country_answers_it(language: str) -> None:
    typed, code = NAMED_WITH_A_YES[language]
    entities = [{"entity": "country", "value": code}]
    slots = {"language": language, "offer": COUNTRY_QUESTION, "situation": "sharing"}
    outcome = run(ActionAffirm(), "affirm", slots, text=typed, entities=entities)
    assert outcome.slot("country") == code
    assert render(language, "country.ask.again") not in outcome.texts
    assert render(language, f"country.noted.{code}") in outcome.texts


DO_IT = {
    "fr": ["tu peux le faire pour moi ?", "oui svp faites-le"],
    "ko": ["대신 해 주실 수 있어요?", "네 해주세요"],
    "en": ["can you do it for me", "yes please"],
}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
@pytest.mark.parametrize("intent", ["nlu_fallback", "out_of_scope", "inform"])
def test_the_offer_of_a_report_taken_up_in_own_words_starts_it_never_not_understood(
    language: str, intent: str
) -> None:
    from actions.conversation import ActionClarify, ActionInform, ActionOutOfScope
    from content.texts import render

    action = {"nlu_fallback": ActionClarify(), "out_of_scope": ActionOutOfScope(), "inform": ActionInform()}[intent]
    for text in DO_IT[language]:
        outcome = run(action, intent, {"language": language, "country": "FR", "offer": "intake"}, text=text)
        assert render(language, "clarify.text") not in outcome.texts, (text, outcome.texts)
        assert {"event": "followup", "timestamp": None, "name": "intake_form"} in outcome.events, outcome.events
    erase = run(ActionClarify(), "nlu_fallback", {"language": language, "offer": "erase"}, text=DO_IT[language][0])
    assert render(language, "erase.done") not in erase.texts, "erasing is confirmed by a yes only"
    assert not any(e.get("event") == "followup" for e in erase.events)


UNSURE = {"fr": "jsp", "ko": "잘 모르겠어요", "en": "idk"}


def test_i_dont_know_read_as_a_yes_takes_no_offer_up(language: str) -> None:
    """"idk" after the crisis line (read as a yes, 0.5) put in a request for a person: a shrug takes nothing up.
    After a crisis message Relais listens; otherwise, it is all right not to know."""
    crisis = run(ActionAffirm(), "affirm", {"language": language, "in_crisis": True, "offer": "human"},
                 text=UNSURE[language])
    assert crisis.texts[0] == render(language, "crisis.listening"), crisis.texts
    assert crisis.slot("handoff_state") is None, "no request for a person"
    report = run(ActionAffirm(), "affirm", {"language": language, "offer": "intake"}, text=UNSURE[language])
    assert report.texts == [render(language, "clarify.unsure")]
    assert not [e for e in report.events if e.get("event") == "followup"], "the form is not started"


PLACES_AT_THE_OFFER = {
    "fr": ("insta et snap je crois", [{"entity": "platform", "value": "instagram"},
                                       {"entity": "platform", "value": "snapchat"}]),
    "ko": ("인스타요", [{"entity": "platform", "value": "instagram"}]),
    "en": ("snapchat i think, and a whatsapp group", [{"entity": "platform", "value": "snapchat"},
                                                       {"entity": "platform", "value": "whatsapp"}]),
}


def test_platforms_typed_at_the_report_offer_start_the_form_with_them_noted(language: str) -> None:
    """"snapchat i think, and a whatsapp group" at "shall I prepare your report?" got "links are enough" and the
    menu: the report was never started. They answer its first question before the yes."""
    text, entities = PLACES_AT_THE_OFFER[language]
    slots = {"language": language, "situation": "sharing", "country": "FR", "offer": "intake"}
    outcome = run(ActionInform(), "inform", slots, text=text, entities=entities)
    values = [entity["value"] for entity in entities]
    assert outcome.slot("intake_places") == values
    assert [t for t in outcome.texts if t in {render(language, "intake.place.noted", place=v) for v in values}]
    assert any(e.get("event") == "followup" and e.get("name") == "intake_form" for e in outcome.events)
    assert render(language, "inform.links_only") not in outcome.texts
    later = run(ActionInform(), "inform", {**slots, "offer": None}, text=text, entities=entities)
    assert render(language, "inform.links_only") in later.texts, "with no offer waiting, as before"


def test_a_new_report_starts_with_the_platforms_named_in_the_story(language: str) -> None:
    """The platforms named in the story ("…sur insta et twitter") were asked for again in the report."""
    story = {"event": "user", "text": "story", "parse_data": {"entities": [
        {"entity": "platform", "value": "instagram"}, {"entity": "platform", "value": "x"}]}}
    tap = {"event": "user", "text": "/affirm", "parse_data": {"entities": [{"entity": "platform", "value": "tiktok"}]}}
    outcome = run(ActionAffirm(), "affirm", {"language": language, "offer": "intake", "situation": "sharing"},
                  text="oui", events=[story, tap])
    assert outcome.slot("intake_places") == ["instagram", "x"], "a button's payload is no message of the person's"
    assert render(language, "intake.place.noted", place="instagram") in outcome.texts


SITE_IN_WORDS = {
    "fr": "c'est sur un forum qui s'appelle jeuxvideo",
    "ko": "사이트는 디시인사이드예요",
    "en": "the site is xhamster",
}


def test_a_site_named_in_words_at_the_report_offer_starts_the_form_with_it(language: str) -> None:
    """"the site is xhamster" at "shall I prepare your report?" was not understood: a site the entities do not know,
    named in words, is a place all the same."""
    slots = {"language": language, "situation": "sharing", "country": "FR", "offer": "intake"}
    for action, intent in ((ActionInform(), "inform"), (ActionClarify(), "nlu_fallback")):
        outcome = run(action, intent, slots, text=SITE_IN_WORDS[language])
        assert outcome.slot("intake_places") == [SITE_IN_WORDS[language]], (intent, outcome.texts)
        assert any(e.get("event") == "followup" and e.get("name") == "intake_form" for e in outcome.events)


def test_send_it_explained_after_a_stopped_report_offers_it_again(language: str) -> None:
    """"아 보내달라는 뜻이었어요" (I meant please send it) after the report was declined got a blackmail's steps."""
    from actions.intake.answers import says

    typed = {"fr": "je voulais dire envoyez-le", "ko": "아 보내달라는 뜻이었어요", "en": "i meant send it"}[language]
    assert says(turn_for(language, text=typed), "send")
